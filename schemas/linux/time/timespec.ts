import type { kernel_long_t, long, longlong, s64 } from "@sysargs/dsl";

/**
 * A time with 64-bit seconds on every ABI (the y2038-safe timespec of the *_time64 syscalls).
 *
 * 16 bytes everywhere; aligned like `long long` (4 on i386 and sh, 2 on m68k).
 * @source include/uapi/linux/time_types.h (6.18)
 * @header linux/time_types.h
 */
export interface __kernel_timespec {
  /** Seconds (`__kernel_time64_t`, a `long long`). */
  tv_sec: s64;
  /** Nanoseconds, 0 to 999999999; for 32-bit and x32 callers the kernel ignores the upper 32 bits. */
  tv_nsec: longlong;
}

/**
 * The traditional timespec: `__kernel_long_t` seconds and `long` nanoseconds.
 *
 * 8 bytes on 32-bit ABIs, 16 on 64-bit ones. On x32 tv_sec is 8 bytes but tv_nsec only 4, followed by 4 bytes
 * of padding (16 bytes in all). Debian's linux-source-6.12 declares tv_nsec as `__kernel_long_t`, which would
 * make it 8 bytes on x32; mainline keeps `long` (the 6.18 kernel's BTF and the 6.1 UAPI headers agree), and
 * this schema follows mainline.
 * @source include/uapi/linux/time_types.h (6.18)
 * @header linux/time_types.h
 */
export interface __kernel_old_timespec {
  /** Seconds (`__kernel_old_time_t`, a `__kernel_long_t`). */
  tv_sec: kernel_long_t;
  /** Nanoseconds, 0 to 999999999. */
  tv_nsec: long;
}
