import type { Flag, FlagSet } from "@sysargs/dsl";

/**
 * PERF_FLAG_* flags of the `flags` argument of perf_event_open(2). Unknown bits give EINVAL.
 * @source include/uapi/linux/perf_event.h (6.18)
 */
export type PerfFlags = FlagSet<{
  /** Ignore `group_fd` except for output redirection with PERF_FLAG_FD_OUTPUT. */
  PERF_FLAG_FD_NO_GROUP: 0x1;
  /** Send the event's output to the ring buffer of `group_fd` (broken since 2.6.35). */
  PERF_FLAG_FD_OUTPUT: 0x2;
  /** `pid` is a cgroup directory fd: per-cgroup system-wide monitoring (added in 2.6.39). */
  PERF_FLAG_PID_CGROUP: 0x4;
  /** Set close-on-exec on the new event fd. */
  PERF_FLAG_FD_CLOEXEC: Flag<0x8, "3.14">;
}>;
