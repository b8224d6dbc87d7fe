import type {
  char,
  FixedArray,
  kernel_long_t,
  kernel_ulong_t,
  long,
  On,
  Out,
  Ptr,
  u16,
  u32,
  Variants,
} from "@sysargs/dsl";
import type {
  arm,
  i386,
  lp64,
  m68k,
  mips_n32,
  mips_o32,
  parisc,
  ppc,
  s390,
  sh,
  sparc,
  x32,
} from "../../abi/index.js";

/**
 * sysinfo(2) where `__kernel_ulong_t` is 4 bytes: `_f` pads the struct to 64 bytes.
 * @source include/uapi/linux/sysinfo.h (6.18)
 */
export interface sysinfo_32 {
  /** Seconds since boot. */
  uptime: kernel_long_t;
  /** 1, 5 and 15 minute load averages, scaled by 1 << SI_LOAD_SHIFT (16). */
  loads: FixedArray<kernel_ulong_t, 3>;
  /** Total usable main memory, in mem_unit units. */
  totalram: kernel_ulong_t;
  /** Free memory, in mem_unit units. */
  freeram: kernel_ulong_t;
  /** Shared memory, in mem_unit units. */
  sharedram: kernel_ulong_t;
  /** Memory used by buffers, in mem_unit units. */
  bufferram: kernel_ulong_t;
  /** Total swap space, in mem_unit units. */
  totalswap: kernel_ulong_t;
  /** Free swap space, in mem_unit units. */
  freeswap: kernel_ulong_t;
  /** Number of current processes (threads). */
  procs: u16;
  /** Explicit padding (for m68k). */
  pad: u16;
  /** Total high memory, in mem_unit units. */
  totalhigh: kernel_ulong_t;
  /** Free high memory, in mem_unit units. */
  freehigh: kernel_ulong_t;
  /** The size in bytes of the memory unit of the other sizes. */
  mem_unit: u32;
  /** Padding: `char _f[20 - 2 * sizeof(__kernel_ulong_t) - sizeof(__u32)]`, 8 bytes here. */
  _f: FixedArray<char, 8>;
}

/**
 * sysinfo(2) where `__kernel_ulong_t` is 8 bytes (64-bit ABIs and x32): `_f` has no bytes (`char _f[0]`, not
 * declared here), and the struct is 112 bytes with tail padding.
 * @source include/uapi/linux/sysinfo.h (6.18)
 */
export interface sysinfo_64 {
  /** Seconds since boot. */
  uptime: kernel_long_t;
  /** 1, 5 and 15 minute load averages, scaled by 1 << SI_LOAD_SHIFT (16). */
  loads: FixedArray<kernel_ulong_t, 3>;
  /** Total usable main memory, in mem_unit units. */
  totalram: kernel_ulong_t;
  /** Free memory, in mem_unit units. */
  freeram: kernel_ulong_t;
  /** Shared memory, in mem_unit units. */
  sharedram: kernel_ulong_t;
  /** Memory used by buffers, in mem_unit units. */
  bufferram: kernel_ulong_t;
  /** Total swap space, in mem_unit units. */
  totalswap: kernel_ulong_t;
  /** Free swap space, in mem_unit units. */
  freeswap: kernel_ulong_t;
  /** Number of current processes (threads). */
  procs: u16;
  /** Explicit padding (for m68k). */
  pad: u16;
  /** Total high memory, in mem_unit units. */
  totalhigh: kernel_ulong_t;
  /** Free high memory, in mem_unit units. */
  freehigh: kernel_ulong_t;
  /** The size in bytes of the memory unit of the other sizes. */
  mem_unit: u32;
}

/**
 * System statistics of sysinfo(2). The 32-bit ABIs' entry points of a 64-bit kernel write struct
 * compat_sysinfo, the same layout.
 * @source include/uapi/linux/sysinfo.h (6.18)
 * @source kernel/sys.c (6.18) - struct compat_sysinfo
 */
export type sysinfo = Variants<
  [
    On<lp64 | x32, sysinfo_64>,
    On<i386 | arm | ppc | s390 | mips_o32 | mips_n32 | parisc | sparc | m68k | sh, sysinfo_32>,
  ]
>;

/**
 * The system names of uname(2) (sys_newuname): six NUL-terminated strings of up to 64 characters (390 bytes).
 * @source include/uapi/linux/utsname.h (6.18)
 */
export interface new_utsname {
  /** The operating system name ("Linux"). */
  sysname: FixedArray<char, 65>;
  /** The host name of the UTS namespace. */
  nodename: FixedArray<char, 65>;
  /** The kernel release ("6.18.44"). */
  release: FixedArray<char, 65>;
  /** The kernel build version string. */
  version: FixedArray<char, 65>;
  /** The machine (UTS_MACHINE or the personality's, e.g. "x86_64", "i686"). */
  machine: FixedArray<char, 65>;
  /** The NIS domain name of the UTS namespace. */
  domainname: FixedArray<char, 65>;
}

/**
 * The system names of the older uname (sys_uname): five strings of up to 64 characters
 * (325 bytes), without the domain name.
 * @source include/uapi/linux/utsname.h (6.18)
 */
export interface old_utsname {
  /** The operating system name ("Linux"). */
  sysname: FixedArray<char, 65>;
  /** The host name of the UTS namespace. */
  nodename: FixedArray<char, 65>;
  /** The kernel release. */
  release: FixedArray<char, 65>;
  /** The kernel build version string. */
  version: FixedArray<char, 65>;
  /** The machine. */
  machine: FixedArray<char, 65>;
}

/**
 * The system names of olduname (sys_olduname): five strings truncated to 8 characters (45 bytes).
 * @source include/uapi/linux/utsname.h (6.18)
 */
export interface oldold_utsname {
  /** The operating system name ("Linux"). */
  sysname: FixedArray<char, 9>;
  /** The host name, truncated. */
  nodename: FixedArray<char, 9>;
  /** The kernel release, truncated. */
  release: FixedArray<char, 9>;
  /** The kernel build version string, truncated. */
  version: FixedArray<char, 9>;
  /** The machine, truncated. */
  machine: FixedArray<char, 9>;
}

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Read overall system statistics: uptime, load averages, memory and swap use, and process count.
 *
 * Declared here rather than generated: the syscall and its struct share the kernel's name.
 * @since 1.0
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_sysinfo (6.18.44)
 */
// biome-ignore lint/suspicious/noRedeclare: the syscall (a value) and its struct (a type) share the kernel's name
export declare function sysinfo(info: Ptr<Out<sysinfo>>): long;
