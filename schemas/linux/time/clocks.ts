import type { EnumSet, Flag, FlagSet, On, PerAbi } from "@sysargs/dsl";
import type { arch_alpha, arch_mips, arch_parisc, arch_sparc } from "../../abi/index.js";

/**
 * CLOCK_* clock IDs: the `which_clock` of clock_gettime(2), clock_settime, clock_getres, clock_nanosleep,
 * clock_adjtime, timer_create(2) and their time64 forms, and the `clockid` of timerfd_create(2).
 *
 * The values are the same on every ABI. Negative IDs are valid too and are not members: the CPU-time clocks of
 * a process or thread (clock_getcpuclockid) and dynamic clocks opened from a character device (FD_TO_CLOCKID).
 * Each syscall accepts a subset (timerfd_create takes CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME and the
 * two alarm clocks). Not a member: CLOCK_SGI_CYCLE (10), which the UAPI header keeps but no kernel implements.
 * @source include/uapi/linux/time.h (6.18)
 */
export type ClockId = EnumSet<{
  /** Wall-clock time. */
  CLOCK_REALTIME: 0;
  /** Monotonic time since an unspecified point (not counting suspend). */
  CLOCK_MONOTONIC: 1;
  /** CPU time consumed by the calling process. */
  CLOCK_PROCESS_CPUTIME_ID: 2;
  /** CPU time consumed by the calling thread. */
  CLOCK_THREAD_CPUTIME_ID: 3;
  /** CLOCK_MONOTONIC without NTP frequency adjustment (since 2.6.28). */
  CLOCK_MONOTONIC_RAW: Flag<4, "2.6.28">;
  /** Faster, tick-resolution CLOCK_REALTIME (since 2.6.32). */
  CLOCK_REALTIME_COARSE: Flag<5, "2.6.32">;
  /** Faster, tick-resolution CLOCK_MONOTONIC (since 2.6.32). */
  CLOCK_MONOTONIC_COARSE: Flag<6, "2.6.32">;
  /** CLOCK_MONOTONIC that also counts time suspended (since 2.6.39). */
  CLOCK_BOOTTIME: Flag<7, "2.6.39">;
  /** CLOCK_REALTIME whose timers wake the system from suspend (since 3.0). */
  CLOCK_REALTIME_ALARM: Flag<8, "3.0">;
  /** CLOCK_BOOTTIME whose timers wake the system from suspend (since 3.0). */
  CLOCK_BOOTTIME_ALARM: Flag<9, "3.0">;
  /** International Atomic Time (since 3.10). */
  CLOCK_TAI: Flag<11, "3.10">;
}>;

/**
 * TIMER_* flags of clock_nanosleep(2) and timer_settime(2) (and their time64 forms).
 * @source include/uapi/linux/time.h (6.18)
 */
export type TimerFlags = FlagSet<{
  /** The time is absolute on the clock, not relative to now. */
  TIMER_ABSTIME: 0x01;
}>;

/**
 * TFD_* flags of timerfd_create(2), per ABI: they are O_CLOEXEC and O_NONBLOCK, whose values differ on alpha,
 * mips, parisc and sparc (see OpenFlags).
 * @source include/uapi/linux/timerfd.h (6.18)
 */
export type TimerfdCreateFlags = FlagSet<{
  /** Set close-on-exec on the new descriptor (O_CLOEXEC). */
  TFD_CLOEXEC: PerAbi<0x80000, [On<arch_parisc | arch_alpha, 0x200000>, On<arch_sparc, 0x400000>]>;
  /** Non-blocking reads (O_NONBLOCK). */
  TFD_NONBLOCK: PerAbi<
    0x800,
    [On<arch_alpha, 0x4>, On<arch_mips, 0x80>, On<arch_parisc, 0x10000>, On<arch_sparc, 0x4000>]
  >;
}>;

/**
 * TFD_TIMER_* flags of timerfd_settime(2) (and timerfd_settime64).
 * @source include/uapi/linux/timerfd.h (6.18)
 */
export type TimerfdSettimeFlags = FlagSet<{
  /** The expiration time is absolute on the timer's clock. */
  TFD_TIMER_ABSTIME: 0x1;
  /** With TFD_TIMER_ABSTIME on a real-time clock: fail reads with ECANCELED when the clock is set (since 3.0). */
  TFD_TIMER_CANCEL_ON_SET: Flag<0x2, "3.0">;
}>;
