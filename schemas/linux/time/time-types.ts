import type { int, kernel_long_t, On, s32, Variants } from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_mips,
  arch_parisc,
  arch_powerpc,
  arch_s390,
  arch_x86,
  arm,
  loongarch64,
  m68k,
  riscv64,
  sh,
  sparc,
  sparc64,
} from "../../abi/index.js";
import type { __kernel_timespec } from "./timespec.js";

// ---------------------------------------------------------------------------------------------
// The UAPI time types of include/uapi/linux/time_types.h and include/uapi/linux/time.h

/**
 * The legacy timeval of every ABI but sparc64: `__kernel_long_t` seconds and microseconds.
 *
 * 8 bytes on 32-bit ABIs, 16 on 64-bit ones and x32.
 * @source include/uapi/linux/time_types.h (6.18)
 */
export interface __kernel_old_timeval_generic {
  /** Seconds. */
  tv_sec: kernel_long_t;
  /** Microseconds, 0 to 999999. */
  tv_usec: kernel_long_t;
}

/**
 * sparc64's legacy timeval: tv_usec is an `int` (`__kernel_suseconds_t`, an asymmetry of the v9 ABI),
 * followed by 4 bytes of padding (16 bytes in all).
 * @source arch/sparc/include/uapi/asm/posix_types.h (6.18)
 */
export interface __kernel_old_timeval_sparc64 {
  /** Seconds. */
  tv_sec: kernel_long_t;
  /** Microseconds, 0 to 999999 (`__kernel_suseconds_t`, an `int`). */
  tv_usec: int;
}

/**
 * The legacy timeval (`struct timeval` of the C library's time32 ABI): the time of gettimeofday,
 * settimeofday, select, utimes and futimesat, and the times of `struct rusage` and `struct itimerval`.
 *
 * The 32-bit ABIs' entry points of a 64-bit kernel take struct old_timeval32, the same layout.
 * @source include/uapi/linux/time_types.h (6.18)
 * @source arch/sparc/include/uapi/asm/posix_types.h (6.18) - sparc64's int tv_usec
 * @header linux/time_types.h
 */
export type __kernel_old_timeval = Variants<
  [
    On<
      | arch_x86
      | aarch64
      | arm
      | riscv64
      | loongarch64
      | arch_powerpc
      | arch_s390
      | arch_mips
      | arch_parisc
      | sparc
      | alpha
      | m68k
      | sh,
      __kernel_old_timeval_generic
    >,
    On<sparc64, __kernel_old_timeval_sparc64>,
  ]
>;

/**
 * An interval timer of getitimer and setitimer, in legacy timevals.
 * @source include/uapi/linux/time_types.h (6.18)
 * @header linux/time_types.h
 */
export interface __kernel_old_itimerval {
  /** The reload value: the interval after each expiry (zero: one-shot). */
  it_interval: __kernel_old_timeval;
  /** The time to the next expiry (zero: disarmed). */
  it_value: __kernel_old_timeval;
}

/**
 * A POSIX timer setting with 64-bit seconds on every ABI (timer_settime, timer_gettime, timerfd_settime and
 * timerfd_gettime, and their *_time64 forms on 32-bit ABIs). 32 bytes everywhere.
 * @source include/uapi/linux/time_types.h (6.18)
 * @header linux/time_types.h
 */
export interface __kernel_itimerspec {
  /** The reload value: the period after each expiry (zero: one-shot). */
  it_interval: __kernel_timespec;
  /** The time to the next expiry, relative or absolute (zero: disarm). */
  it_value: __kernel_timespec;
}

/**
 * The obsolete time zone of gettimeofday and settimeofday (8 bytes everywhere).
 * @source include/uapi/linux/time.h (6.18)
 */
export interface timezone {
  /** Minutes west of Greenwich. */
  tz_minuteswest: int;
  /** Type of daylight-saving correction (obsolete, 0). */
  tz_dsttime: int;
}

// ---------------------------------------------------------------------------------------------
// The kernel's 32-bit time types: what the time32 entry points of 32-bit ABIs read and write.
// No UAPI header declares them; on the 32-bit ABIs that use them they are the layout of a UAPI type
// (struct __kernel_old_timespec, struct __kernel_old_timeval, struct itimerspec, struct
// __kernel_old_itimerval), which the cross compilers prove under that spelling. On 64-bit ABIs and x32
// that spelling is a 16- or 32-byte type: BTF (a 64-bit kernel's compat code) proves them there.

/**
 * A 32-bit timespec: the time of the time32 syscalls of 32-bit ABIs (clock_gettime, nanosleep, futex,
 * ppoll, ... before their *_time64 forms). 8 bytes.
 * @source include/vdso/time32.h (6.18)
 * @c struct __kernel_old_timespec
 * @header linux/time_types.h
 * @btf old_timespec32
 * @header-differs lp64 | x32 - struct __kernel_old_timespec has a 64-bit tv_sec there (16 bytes)
 */
export interface old_timespec32 {
  /** Seconds (`old_time32_t`): the y2038-limited 32-bit time. */
  tv_sec: s32;
  /** Nanoseconds, 0 to 999999999. */
  tv_nsec: s32;
}

/**
 * A 32-bit POSIX timer setting: timer_settime, timer_gettime, timerfd_settime and timerfd_gettime on 32-bit
 * ABIs (before their *_time64 forms). 16 bytes.
 * @source include/linux/time32.h (6.18)
 * @c struct itimerspec
 * @header linux/time.h
 * @btf old_itimerspec32
 * @header-differs lp64 | x32 - struct itimerspec has 16-byte timespecs there (32 bytes)
 */
export interface old_itimerspec32 {
  /** The reload value: the period after each expiry (zero: one-shot). */
  it_interval: old_timespec32;
  /** The time to the next expiry, relative or absolute (zero: disarm). */
  it_value: old_timespec32;
}

/**
 * A 32-bit timeval: what a 64-bit kernel's compat entry points read for a 32-bit ABI's timeval. 8 bytes.
 * @source include/vdso/time32.h (6.18)
 * @c struct __kernel_old_timeval
 * @header linux/time_types.h
 * @btf old_timeval32
 * @header-differs lp64 | x32 - struct __kernel_old_timeval has 64-bit members there (16 bytes)
 */
export interface old_timeval32 {
  /** Seconds (`old_time32_t`). */
  tv_sec: s32;
  /** Microseconds, 0 to 999999. */
  tv_usec: s32;
}

/**
 * A 32-bit interval timer: getitimer and setitimer of a 32-bit ABI on a 64-bit kernel. 16 bytes.
 * @source include/linux/compat.h (6.18)
 * @c struct __kernel_old_itimerval
 * @header linux/time_types.h
 * @btf old_itimerval32
 * @header-differs lp64 | x32 - struct __kernel_old_itimerval has 16-byte timevals there (32 bytes)
 */
export interface old_itimerval32 {
  /** The reload value: the interval after each expiry (zero: one-shot). */
  it_interval: old_timeval32;
  /** The time to the next expiry (zero: disarmed). */
  it_value: old_timeval32;
}

/**
 * The access and modification times of utime(2), in `__kernel_old_time_t` seconds.
 *
 * 8 bytes on 32-bit ABIs, 16 on 64-bit ones and x32 (whose utime is the 64-bit entry point).
 * @source include/uapi/linux/utime.h (6.18)
 */
export interface utimbuf {
  /** Access time. */
  actime: kernel_long_t;
  /** Modification time. */
  modtime: kernel_long_t;
}

/**
 * The 32-bit utimbuf of the time32 utime entry point of 32-bit ABIs (sys_utime32). 8 bytes.
 * @source include/linux/time32.h (6.18)
 * @c struct utimbuf
 * @header linux/utime.h
 * @btf old_utimbuf32
 * @header-differs lp64 | x32 - struct utimbuf has 64-bit members there (16 bytes)
 */
export interface old_utimbuf32 {
  /** Access time (`old_time32_t`). */
  actime: s32;
  /** Modification time (`old_time32_t`). */
  modtime: s32;
}
