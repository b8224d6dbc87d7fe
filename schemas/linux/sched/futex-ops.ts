import type { Composite, Flag, FlagSet } from "@sysargs/dsl";

/**
 * FUTEX_* operation of futex(2) and futex_time64: a command in the low bits (FUTEX_CMD_MASK, all bits but
 * FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME) combined with those two flags.
 *
 * The commands are values of that field, not bits, so they are combinations here (as the access modes of
 * OpenFlags are). The header's FUTEX_*_PRIVATE names (a command | FUTEX_PRIVATE_FLAG) are not members.
 * @source include/uapi/linux/futex.h (6.18)
 */
export type FutexOp = FlagSet<{
  /** Command: sleep while *uaddr equals `val`. */
  FUTEX_WAIT: Composite<0>;
  /** Command: wake up to `val` waiters. */
  FUTEX_WAKE: Composite<1>;
  /** Command: get a descriptor for the futex (removed in 2.6.26; rejected since). */
  FUTEX_FD: Composite<2>;
  /** Command: wake `val` waiters and requeue the others onto `uaddr2`. */
  FUTEX_REQUEUE: Composite<3>;
  /** Command: FUTEX_REQUEUE if *uaddr still equals `val3`. */
  FUTEX_CMP_REQUEUE: Composite<4>;
  /** Command: modify *uaddr2 and wake waiters on both futexes by the encoded operation `val3`. */
  FUTEX_WAKE_OP: Composite<5>;
  /** Command: acquire a priority-inheritance futex. */
  FUTEX_LOCK_PI: Composite<6>;
  /** Command: release a priority-inheritance futex. */
  FUTEX_UNLOCK_PI: Composite<7>;
  /** Command: try once to acquire a priority-inheritance futex. */
  FUTEX_TRYLOCK_PI: Composite<8>;
  /** Command: FUTEX_WAIT with the bitset `val3` and an absolute timeout. */
  FUTEX_WAIT_BITSET: Composite<9>;
  /** Command: FUTEX_WAKE of the waiters whose bitset intersects `val3`. */
  FUTEX_WAKE_BITSET: Composite<10>;
  /** Command: wait on a non-PI futex, to be requeued onto the PI futex `uaddr2`. */
  FUTEX_WAIT_REQUEUE_PI: Composite<11>;
  /** Command: requeue waiters from `uaddr` onto the PI futex `uaddr2`. */
  FUTEX_CMP_REQUEUE_PI: Composite<12>;
  /** Command: FUTEX_LOCK_PI with a timeout on any clock (since 5.14). */
  FUTEX_LOCK_PI2: Composite<13, "5.14">;
  /** The futex is private to the process (no shared-memory lookup). */
  FUTEX_PRIVATE_FLAG: 128;
  /** The timeout is on CLOCK_REALTIME instead of CLOCK_MONOTONIC. */
  FUTEX_CLOCK_REALTIME: Flag<256, "2.6.29">;
}>;
