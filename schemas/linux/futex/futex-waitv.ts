import type { CountedArray, clockid_t, In, long, Ptr, Ptr64, u32, u64, uint, void_t } from "@sysargs/dsl";
import type { __kernel_timespec } from "../time/timespec.js";

/**
 * One futex of futex_waitv(2) (and of futex_requeue's pair): 24 bytes everywhere.
 * @source include/uapi/linux/futex.h (6.18)
 */
export interface futex_waitv {
  /** The value expected at uaddr. */
  val: u64;
  /** The futex word's user address, as a 64-bit integer. */
  uaddr: Ptr64<In<u32>, u64>;
  /** FUTEX2_SIZE_* (only FUTEX2_SIZE_U32 is supported), FUTEX2_NUMA, FUTEX2_PRIVATE. */
  flags: u32;
  /** Reserved: must be 0. */
  __reserved: u32;
}

/**
 * A link of the robust futex list: the address of the next entry, embedded in each lock of the list.
 * 4 bytes on 32-bit ABIs and x32 (whose set_robust_list is the compat entry), 8 on 64-bit ones.
 * @source include/uapi/linux/futex.h (6.18)
 */
export interface robust_list {
  /** The next entry; the list ends where it points back to the head. */
  next: Ptr<In<void_t>>;
}

/**
 * The head of a thread's robust futex list (set_robust_list, get_robust_list), which the kernel walks when
 * the thread exits. 12 bytes on 32-bit ABIs and x32 (struct compat_robust_list_head, the same layout), 24 on
 * 64-bit ones.
 * @source include/uapi/linux/futex.h (6.18)
 */
export interface robust_list_head {
  /** The first entry (the head itself when the list is empty). */
  list: robust_list;
  /** Offset from an entry to its futex word. */
  futex_offset: long;
  /** The entry being acquired or released, for the kernel to check too; may be NULL. */
  list_op_pending: Ptr<In<void_t>>;
}

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Sleep on several futex words at once until one of them is woken or a timeout expires.
 *
 * Declared here rather than generated: the syscall and its struct share the kernel's name. At most
 * FUTEX_WAITV_MAX (128) waiters; `flags` must be 0; `clockid` is CLOCK_MONOTONIC or CLOCK_REALTIME, and the
 * timeout (read only, absolute on that clock) may be NULL.
 * @since 5.16
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_futex_waitv (6.18.44)
 * @source kernel/futex/syscalls.c (6.18) - sys_futex_waitv
 */
export declare function futex_waitv(
  waiters: Ptr<In<CountedArray<futex_waitv, "nr_futexes">>>,
  nr_futexes: uint,
  flags: uint,
  timeout: Ptr<In<__kernel_timespec>>,
  clockid: clockid_t,
): long;
