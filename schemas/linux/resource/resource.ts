import type { kernel_long_t, kernel_ulong_t, u64 } from "@sysargs/dsl";
import type { __kernel_old_timeval } from "../time/time-types.js";

/**
 * Resource usage of getrusage, wait4 and waitid: two legacy timevals and fourteen `__kernel_long_t` counters.
 *
 * 72 bytes on 32-bit ABIs, 144 on 64-bit ones and x32 (whose entry points are the 64-bit ones). The 32-bit
 * ABIs' entry points of a 64-bit kernel write struct compat_rusage, the same layout.
 * @source include/uapi/linux/resource.h (6.18)
 * @source include/linux/compat.h (6.18) - struct compat_rusage
 */
export interface rusage {
  /** User CPU time used. */
  ru_utime: __kernel_old_timeval;
  /** System CPU time used. */
  ru_stime: __kernel_old_timeval;
  /** Maximum resident set size, in KiB. */
  ru_maxrss: kernel_long_t;
  /** Integral shared memory size (unused by Linux, 0). */
  ru_ixrss: kernel_long_t;
  /** Integral unshared data size (unused by Linux, 0). */
  ru_idrss: kernel_long_t;
  /** Integral unshared stack size (unused by Linux, 0). */
  ru_isrss: kernel_long_t;
  /** Minor page faults (page reclaims). */
  ru_minflt: kernel_long_t;
  /** Major page faults. */
  ru_majflt: kernel_long_t;
  /** Swaps (unused by Linux, 0). */
  ru_nswap: kernel_long_t;
  /** Block input operations. */
  ru_inblock: kernel_long_t;
  /** Block output operations. */
  ru_oublock: kernel_long_t;
  /** IPC messages sent (unused by Linux, 0). */
  ru_msgsnd: kernel_long_t;
  /** IPC messages received (unused by Linux, 0). */
  ru_msgrcv: kernel_long_t;
  /** Signals received (unused by Linux, 0). */
  ru_nsignals: kernel_long_t;
  /** Voluntary context switches. */
  ru_nvcsw: kernel_long_t;
  /** Involuntary context switches. */
  ru_nivcsw: kernel_long_t;
}

/**
 * A resource limit of getrlimit, setrlimit and ugetrlimit, in `__kernel_ulong_t` (RLIM_INFINITY is all ones).
 *
 * 8 bytes on 32-bit ABIs, 16 on 64-bit ones and x32.
 * @source include/uapi/linux/resource.h (6.18)
 */
export interface rlimit {
  /** The soft limit: the value the kernel enforces. */
  rlim_cur: kernel_ulong_t;
  /** The hard limit: the ceiling of the soft limit. */
  rlim_max: kernel_ulong_t;
}

/**
 * A resource limit of prlimit64, with 64-bit values on every ABI (RLIM64_INFINITY is all ones). 16 bytes.
 * @source include/uapi/linux/resource.h (6.18)
 */
export interface rlimit64 {
  /** The soft limit: the value the kernel enforces. */
  rlim_cur: u64;
  /** The hard limit: the ceiling of the soft limit. */
  rlim_max: u64;
}

/**
 * Process times of times(2), in clock ticks (`__kernel_clock_t`, a `__kernel_long_t`).
 *
 * 16 bytes on 32-bit ABIs, 32 on 64-bit ones and x32.
 * @source include/uapi/linux/times.h (6.18)
 */
export interface tms {
  /** User CPU time of the caller. */
  tms_utime: kernel_long_t;
  /** System CPU time of the caller. */
  tms_stime: kernel_long_t;
  /** User CPU time of the waited-for children. */
  tms_cutime: kernel_long_t;
  /** System CPU time of the waited-for children. */
  tms_cstime: kernel_long_t;
}
