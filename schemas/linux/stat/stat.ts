import type {
  Fd,
  FixedArray,
  Flags,
  int,
  kernel_long_t,
  kernel_ulong_t,
  long,
  longlong,
  On,
  Only,
  Out,
  Path,
  Ptr,
  s64,
  short,
  u32,
  u64,
  uchar,
  uint,
  ulong,
  ulonglong,
  ushort,
  Variants,
} from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_parisc,
  arm,
  has_fstat64,
  has_newfstatat,
  i386,
  loongarch64,
  m68k,
  mips_n32,
  mips_n64,
  mips_o32,
  ppc,
  ppc64,
  ppc64le,
  riscv64,
  s390,
  s390x,
  sh,
  sparc,
  sparc64,
  x32,
  x86_64,
} from "../../abi/index.js";
import type { AtFlags } from "../fs/at-flags.js";

// ---------------------------------------------------------------------------------------------
// struct stat: one alternative per architecture header (asm/stat.h)

/**
 * x86_64 and x32 `struct stat` (144 bytes).
 *
 * x32 uses the 64-bit entry points, so every `__kernel_ulong_t` field is 8 bytes there too.
 * @source arch/x86/include/uapi/asm/stat.h (6.18)
 */
export interface stat_x86_64 {
  st_dev: kernel_ulong_t;
  st_ino: kernel_ulong_t;
  st_nlink: kernel_ulong_t;
  st_mode: uint;
  st_uid: uint;
  st_gid: uint;
  __pad0: uint;
  st_rdev: kernel_ulong_t;
  st_size: kernel_long_t;
  st_blksize: kernel_long_t;
  /** Number of 512-byte blocks allocated. */
  st_blocks: kernel_long_t;
  st_atime: kernel_ulong_t;
  st_atime_nsec: kernel_ulong_t;
  st_mtime: kernel_ulong_t;
  st_mtime_nsec: kernel_ulong_t;
  st_ctime: kernel_ulong_t;
  st_ctime_nsec: kernel_ulong_t;
  __unused: FixedArray<kernel_long_t, 3>;
}

/**
 * i386 `struct stat` (64 bytes; 16-bit mode, nlink, uid and gid).
 *
 * On an x86_64 kernel this is struct compat_stat, with the same layout.
 * @source arch/x86/include/uapi/asm/stat.h (6.18)
 * @source arch/x86/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_i386 {
  st_dev: ulong;
  st_ino: ulong;
  st_mode: ushort;
  st_nlink: ushort;
  st_uid: ushort;
  st_gid: ushort;
  st_rdev: ulong;
  st_size: ulong;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * The asm-generic `struct stat` of aarch64, riscv64 and loongarch64 (128 bytes).
 *
 * loongarch64 has no toolchain here: its layout follows from this header, unproven by a compiler.
 * @source include/uapi/asm-generic/stat.h (6.18)
 */
export interface stat_generic {
  st_dev: ulong;
  st_ino: ulong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: uint;
  st_gid: uint;
  st_rdev: ulong;
  __pad1: ulong;
  st_size: long;
  st_blksize: int;
  __pad2: int;
  /** Number of 512-byte blocks allocated. */
  st_blocks: long;
  st_atime: long;
  st_atime_nsec: ulong;
  st_mtime: long;
  st_mtime_nsec: ulong;
  st_ctime: long;
  st_ctime_nsec: ulong;
  __unused4: uint;
  __unused5: uint;
}

/**
 * arm (EABI, little-endian) `struct stat` (64 bytes).
 *
 * Big-endian arm, which no ABI model here describes, makes st_dev and st_rdev `unsigned short` followed by
 * padding. An arm64 kernel fills struct compat_stat, with the same layout.
 * @source arch/arm/include/uapi/asm/stat.h (6.18)
 * @source arch/arm64/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_arm {
  st_dev: ulong;
  st_ino: ulong;
  st_mode: ushort;
  st_nlink: ushort;
  st_uid: ushort;
  st_gid: ushort;
  st_rdev: ulong;
  st_size: ulong;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * 32-bit powerpc `struct stat` (72 bytes).
 * @source arch/powerpc/include/uapi/asm/stat.h (6.18)
 * @source arch/powerpc/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_ppc32 {
  st_dev: ulong;
  /** `__kernel_ino_t`. */
  st_ino: ulong;
  /** `__kernel_mode_t`. */
  st_mode: uint;
  st_nlink: ushort;
  /** `__kernel_uid32_t`. */
  st_uid: uint;
  /** `__kernel_gid32_t`. */
  st_gid: uint;
  st_rdev: ulong;
  st_size: long;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * 64-bit powerpc `struct stat` (144 bytes; st_nlink comes before st_mode).
 * @source arch/powerpc/include/uapi/asm/stat.h (6.18)
 */
export interface stat_ppc64 {
  st_dev: ulong;
  /** `__kernel_ino_t`. */
  st_ino: ulong;
  st_nlink: ulong;
  /** `__kernel_mode_t`. */
  st_mode: uint;
  /** `__kernel_uid32_t`. */
  st_uid: uint;
  /** `__kernel_gid32_t`. */
  st_gid: uint;
  st_rdev: ulong;
  st_size: long;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused4: ulong;
  __unused5: ulong;
  __unused6: ulong;
}

/**
 * 31-bit s390 `struct stat` (64 bytes; 16-bit device numbers).
 *
 * A 64-bit kernel fills it from struct compat_stat, with the same layout.
 * @source arch/s390/include/uapi/asm/stat.h (6.18)
 * @source arch/s390/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_s390 {
  st_dev: ushort;
  __pad1: ushort;
  st_ino: ulong;
  st_mode: ushort;
  st_nlink: ushort;
  st_uid: ushort;
  st_gid: ushort;
  st_rdev: ushort;
  __pad2: ushort;
  st_size: ulong;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * s390x `struct stat` (144 bytes; st_blksize and st_blocks come after the times).
 * @source arch/s390/include/uapi/asm/stat.h (6.18)
 */
export interface stat_s390x {
  st_dev: ulong;
  st_ino: ulong;
  st_nlink: ulong;
  st_mode: uint;
  st_uid: uint;
  st_gid: uint;
  __pad1: uint;
  st_rdev: ulong;
  st_size: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  st_blksize: ulong;
  st_blocks: long;
  __unused: FixedArray<ulong, 3>;
}

/**
 * MIPS o32 `struct stat` (144 bytes).
 *
 * A 64-bit kernel fills it from struct compat_stat, with the same layout.
 * @source arch/mips/include/uapi/asm/stat.h (6.18)
 * @source arch/mips/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_mips32 {
  st_dev: uint;
  /** Reserved for a network id. */
  st_pad1: FixedArray<long, 3>;
  /** `__kernel_ino_t`. */
  st_ino: ulong;
  /** `__kernel_mode_t`. */
  st_mode: uint;
  st_nlink: u32;
  /** `__kernel_uid32_t`. */
  st_uid: uint;
  /** `__kernel_gid32_t`. */
  st_gid: uint;
  st_rdev: uint;
  st_pad2: FixedArray<long, 2>;
  st_size: long;
  st_pad3: long;
  st_atime: long;
  st_atime_nsec: long;
  st_mtime: long;
  st_mtime_nsec: long;
  st_ctime: long;
  st_ctime_nsec: long;
  st_blksize: long;
  st_blocks: long;
  st_pad4: FixedArray<long, 14>;
}

/**
 * The `struct stat` of the 64-bit MIPS kernel (104 bytes), written for n64 and also for n32.
 *
 * n32's fstat and newfstatat are the native sys_newfstat/sys_newfstatat (syscall_n32.tbl), which write this
 * n64 layout. The UAPI asm/stat.h compiled for n32 instead describes the 144-byte o32 structure, which the
 * kernel never writes for n32. st_ino, st_size and st_blocks are `unsigned long` / `long` in the header (8
 * bytes on n64) and are spelled as 64-bit types here so that the layout is also right on n32. The same layout
 * is o32's struct stat64.
 * @source arch/mips/include/uapi/asm/stat.h (6.18)
 * @source arch/mips/kernel/syscalls/syscall_n32.tbl (6.18) - fstat/newfstatat are the native entries
 */
export interface stat_mips64 {
  st_dev: uint;
  /** Reserved for st_dev expansion. */
  st_pad0: FixedArray<uint, 3>;
  st_ino: u64;
  /** `__kernel_mode_t`. */
  st_mode: uint;
  st_nlink: u32;
  /** `__kernel_uid32_t`. */
  st_uid: uint;
  /** `__kernel_gid32_t`. */
  st_gid: uint;
  st_rdev: uint;
  /** Reserved for st_rdev expansion. */
  st_pad1: FixedArray<uint, 3>;
  st_size: s64;
  st_atime: uint;
  st_atime_nsec: uint;
  st_mtime: uint;
  st_mtime_nsec: uint;
  st_ctime: uint;
  st_ctime_nsec: uint;
  st_blksize: uint;
  st_pad2: uint;
  st_blocks: u64;
}

/**
 * parisc `struct stat` (104 bytes).
 *
 * The header uses fixed-width types only, so parisc64 (no toolchain here, unproven by a compiler) has the
 * same layout.
 * @source arch/parisc/include/uapi/asm/stat.h (6.18)
 * @source arch/parisc/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_parisc {
  /** dev_t is 32 bits on parisc. */
  st_dev: uint;
  st_ino: uint;
  st_mode: ushort;
  st_nlink: ushort;
  /** Old 16-bit st_uid. */
  st_reserved1: ushort;
  /** Old 16-bit st_gid. */
  st_reserved2: ushort;
  st_rdev: uint;
  st_size: int;
  st_atime: int;
  st_atime_nsec: uint;
  st_mtime: int;
  st_mtime_nsec: uint;
  st_ctime: int;
  st_ctime_nsec: uint;
  st_blksize: int;
  st_blocks: int;
  __unused1: uint;
  __unused2: uint;
  __unused3: uint;
  __unused4: uint;
  __unused5: ushort;
  st_fstype: short;
  st_realdev: uint;
  st_basemode: ushort;
  st_spareshort: ushort;
  st_uid: uint;
  st_gid: uint;
  st_spare4: FixedArray<uint, 3>;
}

/**
 * 32-bit sparc `struct stat` (64 bytes).
 *
 * A 64-bit kernel fills it from struct compat_stat, with the same layout.
 * @source arch/sparc/include/uapi/asm/stat.h (6.18)
 * @source arch/sparc/include/asm/compat.h (6.18) - struct compat_stat
 */
export interface stat_sparc {
  st_dev: ushort;
  /** `__kernel_ino_t`. */
  st_ino: ulong;
  /** `__kernel_mode_t`. */
  st_mode: ushort;
  st_nlink: short;
  st_uid: ushort;
  st_gid: ushort;
  st_rdev: ushort;
  st_size: long;
  st_atime: long;
  st_atime_nsec: ulong;
  st_mtime: long;
  st_mtime_nsec: ulong;
  st_ctime: long;
  st_ctime_nsec: ulong;
  st_blksize: long;
  st_blocks: long;
  __unused4: FixedArray<ulong, 2>;
}

/**
 * sparc64 `struct stat` (104 bytes; no nanosecond fields).
 * @source arch/sparc/include/uapi/asm/stat.h (6.18)
 */
export interface stat_sparc64 {
  st_dev: uint;
  /** `__kernel_ino_t`. */
  st_ino: ulong;
  /** `__kernel_mode_t`. */
  st_mode: uint;
  st_nlink: short;
  /** `__kernel_uid32_t`. */
  st_uid: uint;
  /** `__kernel_gid32_t`. */
  st_gid: uint;
  st_rdev: uint;
  st_size: long;
  st_atime: long;
  st_mtime: long;
  st_ctime: long;
  st_blksize: long;
  st_blocks: long;
  __unused4: FixedArray<ulong, 2>;
}

/**
 * alpha `struct stat` (80 bytes; no nanosecond fields).
 * @source arch/alpha/include/uapi/asm/stat.h (6.18)
 */
export interface stat_alpha {
  st_dev: uint;
  st_ino: uint;
  st_mode: uint;
  st_nlink: uint;
  st_uid: uint;
  st_gid: uint;
  st_rdev: uint;
  st_size: long;
  st_atime: ulong;
  st_mtime: ulong;
  st_ctime: ulong;
  st_blksize: uint;
  st_blocks: uint;
  st_flags: uint;
  st_gen: uint;
}

/**
 * m68k `struct stat` (64 bytes).
 *
 * m68k does not define STAT_HAVE_NSEC, so the slots after each time are __unused and stay zero.
 * @source arch/m68k/include/uapi/asm/stat.h (6.18)
 */
export interface stat_m68k {
  st_dev: ushort;
  __pad1: ushort;
  st_ino: ulong;
  st_mode: ushort;
  st_nlink: ushort;
  st_uid: ushort;
  st_gid: ushort;
  st_rdev: ushort;
  __pad2: ushort;
  st_size: ulong;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  __unused1: ulong;
  st_mtime: ulong;
  __unused2: ulong;
  st_ctime: ulong;
  __unused3: ulong;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * sh `struct stat` (64 bytes).
 * @source arch/sh/include/uapi/asm/stat.h (6.18)
 */
export interface stat_sh {
  st_dev: ulong;
  st_ino: ulong;
  st_mode: ushort;
  st_nlink: ushort;
  st_uid: ushort;
  st_gid: ushort;
  st_rdev: ulong;
  st_size: ulong;
  st_blksize: ulong;
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * The kernel's `struct stat`, as fstat(2) and newfstatat(2) write it.
 *
 * It comes from each architecture's asm/stat.h and is not glibc's struct stat. On 64-bit kernels the 32-bit
 * ABIs get struct compat_stat, which has their native layout.
 * @source arch/x86/include/uapi/asm/stat.h (6.18)
 * @source include/uapi/asm-generic/stat.h (6.18)
 * @header asm/stat.h
 * @header-differs mips_n32 - n32's fstat/newfstatat write the 64-bit kernel's struct stat (n64 layout);
 *   UAPI declares the o32 one
 */
export type stat = Variants<
  [
    On<x86_64 | x32, stat_x86_64>,
    On<i386, stat_i386>,
    On<aarch64 | riscv64 | loongarch64, stat_generic>,
    On<arm, stat_arm>,
    On<ppc, stat_ppc32>,
    On<ppc64 | ppc64le, stat_ppc64>,
    On<s390, stat_s390>,
    On<s390x, stat_s390x>,
    On<mips_o32, stat_mips32>,
    On<mips_n64 | mips_n32, stat_mips64>,
    On<arch_parisc, stat_parisc>,
    On<sparc, stat_sparc>,
    On<sparc64, stat_sparc64>,
    On<alpha, stat_alpha>,
    On<m68k, stat_m68k>,
    On<sh, stat_sh>,
  ]
>;

// ---------------------------------------------------------------------------------------------
// struct stat64: the large-file structure of fstat64/fstatat64

/**
 * i386 `struct stat64` (96 bytes).
 *
 * An x86_64 kernel writes it from its own packed copy of this structure, which has the same offsets.
 * @source arch/x86/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_i386 {
  st_dev: ulonglong;
  __pad0: FixedArray<uchar, 4>;
  /** Low 32 bits of the inode number (STAT64_HAS_BROKEN_ST_INO); st_ino has all of it. */
  __st_ino: ulong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: ulong;
  st_gid: ulong;
  st_rdev: ulonglong;
  __pad3: FixedArray<uchar, 4>;
  st_size: longlong;
  st_blksize: ulong;
  /** Number of 512-byte blocks allocated. */
  st_blocks: ulonglong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: uint;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  st_ino: ulonglong;
}

/**
 * arm `struct stat64` (104 bytes: EABI aligns the 64-bit members to 8).
 *
 * An arm64 kernel writes its compat copy of this structure, with the same layout.
 * @source arch/arm/include/uapi/asm/stat.h (6.18)
 * @source arch/arm64/include/asm/stat.h (6.18) - compat struct stat64
 */
export interface stat64_arm {
  st_dev: ulonglong;
  __pad0: FixedArray<uchar, 4>;
  /** Low 32 bits of the inode number (STAT64_HAS_BROKEN_ST_INO); st_ino has all of it. */
  __st_ino: ulong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: ulong;
  st_gid: ulong;
  st_rdev: ulonglong;
  __pad3: FixedArray<uchar, 4>;
  st_size: longlong;
  st_blksize: ulong;
  /** Number of 512-byte blocks allocated. */
  st_blocks: ulonglong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  st_ino: ulonglong;
}

/**
 * 32-bit powerpc `struct stat64` (104 bytes).
 *
 * A ppc64 kernel serves ppc32's fstat64 with the native sys_fstat64 and this structure, whose members all
 * have fixed widths.
 * @source arch/powerpc/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_ppc {
  st_dev: ulonglong;
  st_ino: ulonglong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: uint;
  st_gid: uint;
  st_rdev: ulonglong;
  __pad2: ushort;
  st_size: longlong;
  st_blksize: int;
  /** Number of 512-byte blocks allocated. */
  st_blocks: longlong;
  st_atime: int;
  st_atime_nsec: uint;
  st_mtime: int;
  st_mtime_nsec: uint;
  st_ctime: int;
  st_ctime_nsec: uint;
  __unused4: uint;
  __unused5: uint;
}

/**
 * 31-bit s390 `struct stat64` (104 bytes).
 *
 * The 64-bit kernel writes it from struct stat64_emu31, which has the same offsets but names the three
 * nanosecond slots __pad6, __pad7 and __pad8 and leaves them zero, and fills only 32 bits of st_blocks (the
 * __pad5 slot before it stays zero).
 * @source arch/s390/include/uapi/asm/stat.h (6.18)
 * @source arch/s390/kernel/compat_linux.c (6.18) - struct stat64_emu31, cp_stat64
 */
export interface stat64_s390 {
  st_dev: ulonglong;
  __pad1: uint;
  /** Low 32 bits of the inode number (STAT64_HAS_BROKEN_ST_INO); st_ino has all of it. */
  __st_ino: ulong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: ulong;
  st_gid: ulong;
  st_rdev: ulonglong;
  __pad3: uint;
  st_size: longlong;
  st_blksize: ulong;
  __pad4: FixedArray<uchar, 4>;
  /** Future high bits of st_blocks. */
  __pad5: ulong;
  /** Number of 512-byte blocks allocated. */
  st_blocks: ulong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  st_ino: ulonglong;
}

/**
 * MIPS o32 `struct stat64` (104 bytes).
 *
 * A 64-bit kernel serves o32's fstat64 with sys_newfstat, whose n64 struct stat (stat_mips64) has exactly
 * this layout.
 * @source arch/mips/include/uapi/asm/stat.h (6.18)
 * @source arch/mips/kernel/syscalls/syscall_o32.tbl (6.18) - fstat64 -> sys_newfstat on 64-bit kernels
 */
export interface stat64_mips32 {
  st_dev: ulong;
  /** Reserved for st_dev expansion. */
  st_pad0: FixedArray<ulong, 3>;
  st_ino: ulonglong;
  /** `__kernel_mode_t`. */
  st_mode: uint;
  st_nlink: u32;
  /** `__kernel_uid32_t`. */
  st_uid: uint;
  /** `__kernel_gid32_t`. */
  st_gid: uint;
  st_rdev: ulong;
  /** Reserved for st_rdev expansion. */
  st_pad1: FixedArray<ulong, 3>;
  st_size: longlong;
  st_atime: long;
  st_atime_nsec: ulong;
  st_mtime: long;
  st_mtime_nsec: ulong;
  st_ctime: long;
  st_ctime_nsec: ulong;
  st_blksize: ulong;
  st_pad2: ulong;
  st_blocks: longlong;
}

/**
 * parisc `struct stat64` (104 bytes, fixed-width members).
 *
 * parisc64 has the same layout (no toolchain here, unproven by a compiler).
 * @source arch/parisc/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_parisc {
  st_dev: ulonglong;
  __pad1: uint;
  /** Not filled in (use st_ino). */
  __st_ino: uint;
  st_mode: uint;
  st_nlink: uint;
  st_uid: uint;
  st_gid: uint;
  st_rdev: ulonglong;
  __pad2: uint;
  st_size: longlong;
  st_blksize: int;
  st_blocks: longlong;
  st_atime: int;
  st_atime_nsec: uint;
  st_mtime: int;
  st_mtime_nsec: uint;
  st_ctime: int;
  st_ctime_nsec: uint;
  st_ino: ulonglong;
}

/**
 * 32-bit sparc `struct stat64` (104 bytes; st_blocks is only 32 bits).
 *
 * A 64-bit kernel writes struct compat_stat64, with the same layout.
 * @source arch/sparc/include/uapi/asm/stat.h (6.18)
 * @source arch/sparc/include/asm/compat.h (6.18) - struct compat_stat64
 */
export interface stat64_sparc {
  st_dev: ulonglong;
  st_ino: ulonglong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: uint;
  st_gid: uint;
  st_rdev: ulonglong;
  __pad3: FixedArray<uchar, 8>;
  st_size: longlong;
  st_blksize: uint;
  __pad4: FixedArray<uchar, 8>;
  st_blocks: uint;
  st_atime: uint;
  st_atime_nsec: uint;
  st_mtime: uint;
  st_mtime_nsec: uint;
  st_ctime: uint;
  st_ctime_nsec: uint;
  __unused4: uint;
  __unused5: uint;
}

/**
 * sparc64 `struct stat64` (144 bytes), used by sparc64's native fstat64 and fstatat64.
 * @source arch/sparc/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_sparc64 {
  st_dev: ulong;
  st_ino: ulong;
  st_nlink: ulong;
  st_mode: uint;
  st_uid: uint;
  st_gid: uint;
  __pad0: uint;
  st_rdev: ulong;
  st_size: long;
  st_blksize: long;
  st_blocks: long;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused: FixedArray<long, 3>;
}

/**
 * alpha `struct stat64` (136 bytes): 64-bit dev_t and blkcnt_t and nanosecond times.
 * @source arch/alpha/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_alpha {
  st_dev: ulong;
  st_ino: ulong;
  st_rdev: ulong;
  st_size: long;
  st_blocks: ulong;
  st_mode: uint;
  st_uid: uint;
  st_gid: uint;
  st_blksize: uint;
  st_nlink: uint;
  __pad0: uint;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  __unused: FixedArray<long, 3>;
}

/**
 * m68k `struct stat64` (92 bytes: two-byte pads, 64-bit members 2-aligned).
 * @source arch/m68k/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_m68k {
  st_dev: ulonglong;
  __pad1: FixedArray<uchar, 2>;
  /** Low 32 bits of the inode number (STAT64_HAS_BROKEN_ST_INO); st_ino has all of it. */
  __st_ino: ulong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: ulong;
  st_gid: ulong;
  st_rdev: ulonglong;
  __pad3: FixedArray<uchar, 2>;
  st_size: longlong;
  st_blksize: ulong;
  /** Number of 512-byte blocks allocated. */
  st_blocks: ulonglong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  st_ino: ulonglong;
}

/**
 * sh `struct stat64` (96 bytes: 64-bit members are 4-aligned on sh).
 * @source arch/sh/include/uapi/asm/stat.h (6.18)
 */
export interface stat64_sh {
  st_dev: ulonglong;
  __pad0: FixedArray<uchar, 4>;
  /** Low 32 bits of the inode number (STAT64_HAS_BROKEN_ST_INO); st_ino has all of it. */
  __st_ino: ulong;
  st_mode: uint;
  st_nlink: uint;
  st_uid: ulong;
  st_gid: ulong;
  st_rdev: ulonglong;
  __pad3: FixedArray<uchar, 4>;
  st_size: longlong;
  st_blksize: ulong;
  /** Number of 512-byte blocks allocated. */
  st_blocks: ulonglong;
  st_atime: ulong;
  st_atime_nsec: ulong;
  st_mtime: ulong;
  st_mtime_nsec: ulong;
  st_ctime: ulong;
  st_ctime_nsec: ulong;
  st_ino: ulonglong;
}

/**
 * The kernel's `struct stat64`, as fstat64(2) and fstatat64(2) write it.
 *
 * Those syscalls exist on the has_fstat64 ABIs: i386, arm, ppc, s390, mips o32, parisc, parisc64, sparc,
 * sparc64, alpha, m68k and sh.
 *
 * A Variants type must cover every ABI, and the other ABIs (has_newfstatat) have no struct stat64 and no
 * fstat64. Following the kernel's convention (asm-generic/stat.h: 64-bit ABIs use the stat interface, 32-bit
 * ones the stat64 interface), those ABIs are covered by their own `struct stat`, which is already their
 * large-file structure (64-bit st_size and st_ino) and is what newfstatat writes. No syscall refers to stat64
 * there: fstat64 and fstatat64 are declared only for has_fstat64.
 * @source arch/x86/include/uapi/asm/stat.h (6.18)
 * @source include/uapi/asm-generic/stat.h (6.18)
 * @header asm/stat.h
 * @btf none - a 64-bit kernel's struct stat64 is its 32-bit compat layout, not this type
 * @header-differs x86_64 | x32 | aarch64 | riscv64 | loongarch64 | ppc64 | ppc64le | s390x | mips_n64 | mips_n32 -
 *   this ABI has no stat64 syscall: the registry's stat64 is its struct stat (proved as `stat`)
 */
export type stat64 = Variants<
  [
    On<i386, stat64_i386>,
    On<arm, stat64_arm>,
    On<ppc, stat64_ppc>,
    On<s390, stat64_s390>,
    On<mips_o32, stat64_mips32>,
    On<arch_parisc, stat64_parisc>,
    On<sparc, stat64_sparc>,
    On<sparc64, stat64_sparc64>,
    On<alpha, stat64_alpha>,
    On<m68k, stat64_m68k>,
    On<sh, stat64_sh>,
    On<x86_64 | x32, stat_x86_64>,
    On<aarch64 | riscv64 | loongarch64, stat_generic>,
    On<ppc64 | ppc64le, stat_ppc64>,
    On<s390x, stat_s390x>,
    On<mips_n64 | mips_n32, stat_mips64>,
  ]
>;

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Get the status of an open file (the kernel's sys_newfstat; the syscall tables call it fstat).
 * @since 1.0
 * @source include/linux/syscalls.h (6.18)
 */
export declare function fstat(fd: uint & Fd, statbuf: Ptr<Out<stat>>): long;

/**
 * Read the status of a file named by path, following symbolic links (the kernel's sys_newstat).
 * @since 1.0
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_newstat (6.18.44)
 */
// biome-ignore lint/suspicious/noRedeclare: the syscall (a value) and its struct (a type) share the kernel's name
export declare function stat(filename: Path, statbuf: Ptr<Out<stat>>): long;

/**
 * Read the status of a file named by path without following a final symbolic link (the kernel's sys_newlstat).
 * @since 1.0
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_newlstat (6.18.44)
 */
export declare function lstat(filename: Path, statbuf: Ptr<Out<stat>>): long;

/**
 * Get the status of a file relative to a directory fd, into the native `struct stat`.
 *
 * Accepts AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT and AT_EMPTY_PATH, and also the AT_STATX_SYNC_TYPE bits
 * (0x6000), which AtFlags does not list; other bits give EINVAL.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 * @source fs/stat.c (6.18) - vfs_statx flag check
 */
export declare function newfstatat(
  this: Only<has_newfstatat>,
  dfd: int & Fd,
  filename: Path,
  statbuf: Ptr<Out<stat>>,
  flag: int & Flags<AtFlags>,
): long;

/**
 * Get the status of an open file into `struct stat64`.
 * @since 2.4
 * @source include/linux/syscalls.h (6.18)
 */
export declare function fstat64(this: Only<has_fstat64>, fd: ulong & Fd, statbuf: Ptr<Out<stat64>>): long;

/**
 * stat into struct stat64 with 64-bit sizes and inode numbers, for 32-bit ABIs.
 * @since 2.4
 * @source include/linux/syscalls.h (6.12)
 */
// biome-ignore lint/suspicious/noRedeclare: the syscall (a value) and its struct (a type) share the kernel's name
export declare function stat64(filename: Path, statbuf: Ptr<Out<stat64>>): long;

/**
 * lstat into struct stat64 with 64-bit sizes and inode numbers, for 32-bit ABIs.
 * @since 2.4
 * @source include/linux/syscalls.h (6.12)
 */
export declare function lstat64(filename: Path, statbuf: Ptr<Out<stat64>>): long;

/**
 * Get the status of a file relative to a directory fd into `struct stat64`.
 *
 * Flags as for newfstatat.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 * @source fs/stat.c (6.18) - vfs_statx flag check
 */
export declare function fstatat64(
  this: Only<has_fstat64>,
  dfd: int & Fd,
  filename: Path,
  statbuf: Ptr<Out<stat64>>,
  flag: int & Flags<AtFlags>,
): long;
