import type { Composite, EnumSet, Flag, FlagSet } from "@sysargs/dsl";

/**
 * SCHED_FLAG_* flags of sched_attr.sched_flags. Unknown bits give EINVAL.
 * @source include/uapi/linux/sched.h (6.18)
 */
export type SchedFlags = FlagSet<{
  /** Children created by fork(2) do not inherit a privileged policy. */
  SCHED_FLAG_RESET_ON_FORK: 0x01;
  /** SCHED_DEADLINE: let the task reclaim bandwidth left unused by others (GRUB). */
  SCHED_FLAG_RECLAIM: Flag<0x02, "4.13">;
  /** SCHED_DEADLINE: send SIGXCPU when the task overruns its runtime. */
  SCHED_FLAG_DL_OVERRUN: Flag<0x04, "4.16">;
  /** Keep the current policy (sched_policy is ignored). */
  SCHED_FLAG_KEEP_POLICY: Flag<0x08, "5.3">;
  /** Keep the current policy parameters (nice, priority, deadline parameters). */
  SCHED_FLAG_KEEP_PARAMS: Flag<0x10, "5.3">;
  /** Set sched_util_min; requires a sched_attr of at least SCHED_ATTR_SIZE_VER1 (EINVAL otherwise). */
  SCHED_FLAG_UTIL_CLAMP_MIN: Flag<0x20, "5.3">;
  /** Set sched_util_max; requires a sched_attr of at least SCHED_ATTR_SIZE_VER1 (EINVAL otherwise). */
  SCHED_FLAG_UTIL_CLAMP_MAX: Flag<0x40, "5.3">;
  /** SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS. */
  SCHED_FLAG_KEEP_ALL: Composite<0x18, "5.3">;
  /** SCHED_FLAG_UTIL_CLAMP_MIN | SCHED_FLAG_UTIL_CLAMP_MAX. */
  SCHED_FLAG_UTIL_CLAMP: Composite<0x60, "5.3">;
  /** Every flag sched_setattr accepts (its value grew with the set; 0x7f since 5.3). */
  SCHED_FLAG_ALL: Composite<0x7f>;
}>;

/**
 * Scheduling policies (SCHED_*) of sched_attr.sched_policy and sched_setscheduler(2). Value 4 is
 * reserved (SCHED_ISO, never implemented). SCHED_RESET_ON_FORK (0x40000000) is or-ed into the policy
 * only by sched_setscheduler; sched_setattr uses SCHED_FLAG_RESET_ON_FORK instead.
 * @source include/uapi/linux/sched.h (6.18)
 */
export type SchedPolicy = EnumSet<{
  SCHED_NORMAL: 0;
  SCHED_FIFO: 1;
  SCHED_RR: 2;
  SCHED_BATCH: 3;
  SCHED_IDLE: 5;
  /** Earliest-deadline-first with runtime/deadline/period (sched_setattr only). */
  SCHED_DEADLINE: Flag<6, "3.14">;
  /** BPF extensible scheduler class (CONFIG_SCHED_CLASS_EXT). */
  SCHED_EXT: Flag<7, "6.12">;
}>;
