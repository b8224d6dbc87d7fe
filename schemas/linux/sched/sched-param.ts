import type { int } from "@sysargs/dsl";

/**
 * The scheduling parameters of sched_setparam, sched_getparam and sched_setscheduler (4 bytes).
 *
 * The 6.1 UAPI headers declare it in linux/sched/types.h; 6.12 declares it only in the kernel-internal
 * include/linux/sched.h, with the same single member.
 * @source include/linux/sched.h (6.18)
 * @header linux/sched/types.h - in the 6.1 UAPI headers of the cross toolchains
 */
export interface sched_param {
  /** The static priority: 1 to 99 for SCHED_FIFO and SCHED_RR, 0 for the other policies. */
  sched_priority: int;
}
