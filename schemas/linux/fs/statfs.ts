import type {
  Fd,
  FixedArray,
  int,
  kernel_long_t,
  long,
  On,
  Out,
  Path,
  Ptr,
  SizeOf,
  Struct,
  size_t,
  u32,
  u64,
  uint,
  ulong,
  ulonglong,
  Variants,
} from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_parisc,
  arch_s390,
  arm,
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

/**
 * A filesystem id: two ints (statfs f_fsid), 8 bytes with 4-byte alignment on every ABI.
 * @source include/uapi/asm-generic/posix_types.h (6.18)
 * @c __kernel_fsid_t
 * @header linux/posix_types.h
 * @btf none - a typedef of an anonymous struct in BTF: no name to look up
 */
export interface __kernel_fsid_t {
  val: FixedArray<int, 2>;
}

// ---------------------------------------------------------------------------------------------
// struct statfs: statfs(2) and fstatfs(2)

/**
 * The asm-generic `struct statfs` where `__statfs_word` is `__u32` (64 bytes).
 *
 * The 32-bit default (i386, arm, ppc, sparc, m68k, sh), and alpha's, which defines `__statfs_word` as `__u32`
 * although it is a 64-bit ABI. A 64-bit kernel fills the 32-bit ABIs' copy from struct compat_statfs, with the
 * same layout (signed ints there). It is also what a 64-bit s390 kernel writes for 31-bit s390 (see statfs).
 * @source include/uapi/asm-generic/statfs.h (6.18)
 * @source arch/alpha/include/uapi/asm/statfs.h (6.18) - __statfs_word is __u32
 * @source include/asm-generic/compat.h (6.18) - struct compat_statfs
 */
export interface statfs_generic32 {
  /** Filesystem magic number (linux/magic.h). */
  f_type: u32;
  /** Optimal transfer block size. */
  f_bsize: u32;
  /** Data blocks of f_frsize bytes. Counts that do not fit 32 bits give EOVERFLOW. */
  f_blocks: u32;
  f_bfree: u32;
  /** Free blocks available to unprivileged users. */
  f_bavail: u32;
  f_files: u32;
  f_ffree: u32;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: u32;
  /** Fragment size. */
  f_frsize: u32;
  /** ST_* mount flags. */
  f_flags: u32;
  f_spare: FixedArray<u32, 4>;
}

/**
 * The asm-generic `struct statfs` of 64-bit ABIs (120 bytes; `__statfs_word` is `__kernel_long_t`).
 *
 * x86_64, aarch64, riscv64, loongarch64, ppc64 and sparc64, and x32: x32's statfs and fstatfs are the 64-bit
 * entry points, which write this 120-byte layout, while the UAPI header compiled for x32 (where
 * `__BITS_PER_LONG` is 32) declares the 64-byte `__u32` one. loongarch64 has no toolchain here.
 * @source include/uapi/asm-generic/statfs.h (6.18)
 * @source arch/x86/entry/syscalls/syscall_64.tbl (6.18) - x32 statfs/fstatfs are sys_statfs/sys_fstatfs
 */
export interface statfs_generic64 {
  /** Filesystem magic number (linux/magic.h). */
  f_type: kernel_long_t;
  /** Optimal transfer block size. */
  f_bsize: kernel_long_t;
  /** Data blocks of f_frsize bytes. */
  f_blocks: kernel_long_t;
  f_bfree: kernel_long_t;
  /** Free blocks available to unprivileged users. */
  f_bavail: kernel_long_t;
  f_files: kernel_long_t;
  f_ffree: kernel_long_t;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: kernel_long_t;
  /** Fragment size. */
  f_frsize: kernel_long_t;
  /** ST_* mount flags. */
  f_flags: kernel_long_t;
  f_spare: FixedArray<kernel_long_t, 4>;
}

/**
 * parisc `struct statfs`: the asm-generic layout with `long` words (64 bytes on parisc, 120 on parisc64).
 *
 * parisc64 has no toolchain here: its layout follows from this header, unproven by a compiler.
 * @source arch/parisc/include/uapi/asm/statfs.h (6.18)
 * @source include/uapi/asm-generic/statfs.h (6.18)
 */
export interface statfs_parisc {
  /** Filesystem magic number (linux/magic.h). */
  f_type: long;
  /** Optimal transfer block size. */
  f_bsize: long;
  /** Data blocks of f_frsize bytes. */
  f_blocks: long;
  f_bfree: long;
  /** Free blocks available to unprivileged users. */
  f_bavail: long;
  f_files: long;
  f_ffree: long;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: long;
  /** Fragment size. */
  f_frsize: long;
  /** ST_* mount flags. */
  f_flags: long;
  f_spare: FixedArray<long, 4>;
}

/**
 * s390x `struct statfs` (88 bytes: 32-bit words around 64-bit block and file counts).
 *
 * A 2023 change after Linux 6.1 ("s390/uapi: Cover statfs padding by growing f_spare") made `f_spare` 5 words
 * to name the 4 bytes of tail padding; the size and every offset stay the same. It is listed with the 4 words
 * that the cross toolchains' headers (Linux 6.1) declare, so that a compiler proves it.
 * @source arch/s390/include/uapi/asm/statfs.h (6.18)
 */
export interface statfs_s390x {
  /** Filesystem magic number (linux/magic.h). */
  f_type: uint;
  /** Optimal transfer block size. */
  f_bsize: uint;
  /** Data blocks of f_frsize bytes. */
  f_blocks: ulong;
  f_bfree: ulong;
  /** Free blocks available to unprivileged users. */
  f_bavail: ulong;
  f_files: ulong;
  f_ffree: ulong;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: uint;
  /** Fragment size. */
  f_frsize: uint;
  /** ST_* mount flags. */
  f_flags: uint;
  /** `f_spare[5]` in current headers, whose last word is the tail padding here. */
  f_spare: FixedArray<uint, 4>;
}

/**
 * MIPS `struct statfs` (68 bytes on o32 and n32, 128 on n64; f_frsize third, f_bavail after f_ffree).
 *
 * A 64-bit kernel fills o32's and n32's copy from struct compat_statfs, with the same layout.
 * @source arch/mips/include/uapi/asm/statfs.h (6.18)
 * @source arch/mips/include/asm/compat.h (6.18) - struct compat_statfs
 */
export interface statfs_mips {
  /** Filesystem magic number (linux/magic.h). */
  f_type: long;
  /** Optimal transfer block size. */
  f_bsize: long;
  /** Fragment size. */
  f_frsize: long;
  /** Data blocks of f_frsize bytes. */
  f_blocks: long;
  f_bfree: long;
  f_files: long;
  f_ffree: long;
  /** Free blocks available to unprivileged users. */
  f_bavail: long;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: long;
  /** ST_* mount flags. */
  f_flags: long;
  f_spare: FixedArray<long, 5>;
}

/**
 * The kernel's `struct statfs`, as statfs(2) and fstatfs(2) write it.
 *
 * It comes from each architecture's asm/statfs.h (asm-generic by default) and is not glibc's struct statfs.
 * On 64-bit kernels the 32-bit ABIs get struct compat_statfs, which has their native layout, except on s390:
 * the 31-bit UAPI structure (statfs_s390x's members with 4-byte longs; 68 bytes since `f_spare` became 5 words
 * after Linux 6.1) is never written in full, because every s390 kernel is 64-bit (since Linux 4.1) and its struct
 * compat_statfs still has `f_spare[4]`: 64 bytes, the asm-generic 32-bit layout. s390 is described by what
 * the kernel writes. On 32-bit ABIs
 * counts that do not fit 32 bits give EOVERFLOW; statfs64 has none of that limit.
 * @source include/uapi/asm-generic/statfs.h (6.18)
 * @source arch/s390/include/asm/compat.h (6.18) - struct compat_statfs
 * @source fs/statfs.c (6.18) - do_statfs_native, put_compat_statfs
 * @header asm/statfs.h
 * @header-differs x32 | s390 - the kernel writes another layout than this ABI's UAPI struct statfs
 *   (x32: the 64-bit one; s390: struct compat_statfs, 64 bytes)
 */
export type statfs = Variants<
  [
    On<x86_64 | x32 | aarch64 | riscv64 | loongarch64 | ppc64 | ppc64le | sparc64, statfs_generic64>,
    On<i386 | arm | ppc | sparc | m68k | sh | alpha | s390, statfs_generic32>,
    On<arch_parisc, statfs_parisc>,
    On<s390x, statfs_s390x>,
    On<mips_o32 | mips_n32 | mips_n64, statfs_mips>,
  ]
>;

// ---------------------------------------------------------------------------------------------
// struct statfs64: statfs64(2) and fstatfs64(2)

/**
 * The asm-generic `struct statfs64` where `__statfs_word` is `__u32`: 84 bytes on i386, m68k and sh (64-bit
 * members 4- or 2-aligned), 88 on ppc, sparc and alpha (8-aligned, with 4 bytes of tail padding).
 *
 * A 64-bit kernel fills the 32-bit ABIs' copy from struct compat_statfs64, which has the same layout (x86
 * packs it to 4-byte alignment for i386).
 * @source include/uapi/asm-generic/statfs.h (6.18)
 * @source arch/alpha/include/uapi/asm/statfs.h (6.18) - __statfs_word is __u32
 * @source arch/x86/include/uapi/asm/statfs.h (6.18) - ARCH_PACK_COMPAT_STATFS64
 */
export interface statfs64_generic32 {
  /** Filesystem magic number (linux/magic.h). */
  f_type: u32;
  /** Optimal transfer block size. */
  f_bsize: u32;
  /** Data blocks of f_frsize bytes. */
  f_blocks: u64;
  f_bfree: u64;
  /** Free blocks available to unprivileged users. */
  f_bavail: u64;
  f_files: u64;
  f_ffree: u64;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: u32;
  /** Fragment size. */
  f_frsize: u32;
  /** ST_* mount flags. */
  f_flags: u32;
  f_spare: FixedArray<u32, 4>;
}

/**
 * arm `struct statfs64` (84 bytes): `__attribute__((packed, aligned(4)))` (ARCH_PACK_STATFS64).
 *
 * EABI would otherwise align the 64-bit members to 8 and pad the structure to 88 bytes; the packing keeps
 * the OABI layout. An arm64 kernel fills struct compat_statfs64, packed the same way (ARCH_PACK_COMPAT_STATFS64).
 * @source arch/arm/include/uapi/asm/statfs.h (6.18)
 * @source arch/arm64/include/uapi/asm/statfs.h (6.18) - ARCH_PACK_COMPAT_STATFS64
 */
export interface statfs64_arm extends Struct<{ packed: true; aligned: 4 }> {
  /** Filesystem magic number (linux/magic.h). */
  f_type: u32;
  /** Optimal transfer block size. */
  f_bsize: u32;
  /** Data blocks of f_frsize bytes. */
  f_blocks: u64;
  f_bfree: u64;
  /** Free blocks available to unprivileged users. */
  f_bavail: u64;
  f_files: u64;
  f_ffree: u64;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: u32;
  /** Fragment size. */
  f_frsize: u32;
  /** ST_* mount flags. */
  f_flags: u32;
  f_spare: FixedArray<u32, 4>;
}

/**
 * The asm-generic `struct statfs64` of 64-bit ABIs (120 bytes), used by ppc64's and sparc64's statfs64.
 *
 * The layout of statfs_generic64, with unsigned 64-bit counts.
 * @source include/uapi/asm-generic/statfs.h (6.18)
 */
export interface statfs64_generic64 {
  /** Filesystem magic number (linux/magic.h). */
  f_type: kernel_long_t;
  /** Optimal transfer block size. */
  f_bsize: kernel_long_t;
  /** Data blocks of f_frsize bytes. */
  f_blocks: u64;
  f_bfree: u64;
  /** Free blocks available to unprivileged users. */
  f_bavail: u64;
  f_files: u64;
  f_ffree: u64;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: kernel_long_t;
  /** Fragment size. */
  f_frsize: kernel_long_t;
  /** ST_* mount flags. */
  f_flags: kernel_long_t;
  f_spare: FixedArray<kernel_long_t, 4>;
}

/**
 * parisc `struct statfs64`: `long` words and 64-bit counts (88 bytes on parisc, 120 on parisc64).
 *
 * parisc64 has no toolchain here (unproven by a compiler).
 * @source arch/parisc/include/uapi/asm/statfs.h (6.18)
 * @source include/uapi/asm-generic/statfs.h (6.18)
 */
export interface statfs64_parisc {
  /** Filesystem magic number (linux/magic.h). */
  f_type: long;
  /** Optimal transfer block size. */
  f_bsize: long;
  /** Data blocks of f_frsize bytes. */
  f_blocks: u64;
  f_bfree: u64;
  /** Free blocks available to unprivileged users. */
  f_bavail: u64;
  f_files: u64;
  f_ffree: u64;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: long;
  /** Fragment size. */
  f_frsize: long;
  /** ST_* mount flags. */
  f_flags: long;
  f_spare: FixedArray<long, 4>;
}

/**
 * s390 and s390x `struct statfs64` (88 bytes, fixed-width members).
 *
 * The 64-bit kernel fills 31-bit s390's copy from struct compat_statfs64, with the same layout. As in
 * statfs_s390x, current headers make `f_spare` 5 words, over the tail padding (no size or offset changes);
 * the 4 words of the cross toolchains' headers (Linux 6.1) are listed.
 * @source arch/s390/include/uapi/asm/statfs.h (6.18)
 * @source arch/s390/include/asm/compat.h (6.18) - struct compat_statfs64
 */
export interface statfs64_s390 {
  /** Filesystem magic number (linux/magic.h). */
  f_type: uint;
  /** Optimal transfer block size. */
  f_bsize: uint;
  /** Data blocks of f_frsize bytes. */
  f_blocks: ulonglong;
  f_bfree: ulonglong;
  /** Free blocks available to unprivileged users. */
  f_bavail: ulonglong;
  f_files: ulonglong;
  f_ffree: ulonglong;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: uint;
  /** Fragment size. */
  f_frsize: uint;
  /** ST_* mount flags. */
  f_flags: uint;
  /** `f_spare[5]` in current headers, whose last word is the tail padding. */
  f_spare: FixedArray<uint, 4>;
}

/**
 * MIPS o32 and n32 `struct statfs64` (96 bytes; MIPS member order, an explicit pad before the counts).
 *
 * A 64-bit kernel fills it from struct compat_statfs64 (the same structure, declared for n64 in the UAPI
 * header).
 * @source arch/mips/include/uapi/asm/statfs.h (6.18)
 */
export interface statfs64_mips32 {
  /** Filesystem magic number (linux/magic.h). */
  f_type: u32;
  /** Optimal transfer block size. */
  f_bsize: u32;
  /** Fragment size. */
  f_frsize: u32;
  __pad: u32;
  /** Data blocks of f_frsize bytes. */
  f_blocks: u64;
  f_bfree: u64;
  f_files: u64;
  f_ffree: u64;
  /** Free blocks available to unprivileged users. */
  f_bavail: u64;
  f_fsid: __kernel_fsid_t;
  /** Maximum length of a file name. */
  f_namelen: u32;
  /** ST_* mount flags. */
  f_flags: u32;
  f_spare: FixedArray<u32, 5>;
}

/**
 * The kernel's `struct statfs64`, as statfs64(2) and fstatfs64(2) write it.
 *
 * Those syscalls exist on i386, arm, ppc, ppc64, ppc64le, s390, s390x, mips o32, mips n32, parisc,
 * parisc64, sparc, sparc64, alpha, m68k and sh; their `sz` argument must be sizeof(struct statfs64) on the
 * ABI (EINVAL otherwise; arm also accepts 88 for its 84-byte structure).
 *
 * A Variants type must cover every ABI, and the other ABIs (x86_64, x32, aarch64, riscv64, loongarch64 and
 * mips n64) have no statfs64 syscall. As for stat64, they are covered by their own `struct statfs`, which is
 * already their large-file structure and is what statfs writes there; no syscall refers to statfs64 on those
 * ABIs. (Their UAPI headers declare a struct statfs64 of the same layout with unsigned counts, except x32's,
 * which is the 88-byte 32-bit one.)
 * @source include/uapi/asm-generic/statfs.h (6.18)
 * @source fs/statfs.c (6.18) - statfs64 checks sz against sizeof(struct statfs64)
 * @source arch/arm/kernel/entry-common.S (6.18) - sys_statfs64_wrapper turns sz 88 into 84
 * @header asm/statfs.h
 * @header-differs x86_64 | x32 | aarch64 | riscv64 | loongarch64 | mips_n64 - this ABI has no statfs64
 *   syscall: the registry's statfs64 is its struct statfs (proved as `statfs`)
 */
export type statfs64 = Variants<
  [
    On<i386 | ppc | sparc | m68k | sh | alpha, statfs64_generic32>,
    On<arm, statfs64_arm>,
    On<ppc64 | ppc64le | sparc64, statfs64_generic64>,
    On<arch_parisc, statfs64_parisc>,
    On<arch_s390, statfs64_s390>,
    On<mips_o32 | mips_n32, statfs64_mips32>,
    On<x86_64 | x32 | aarch64 | riscv64 | loongarch64, statfs_generic64>,
    On<mips_n64, statfs_mips>,
  ]
>;

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Report statistics of the filesystem that holds a path.
 *
 * On 32-bit ABIs a count that does not fit 32 bits gives EOVERFLOW (statfs64 has no such limit).
 * @since 1.0
 * @source include/linux/syscalls.h (6.18)
 * @source fs/statfs.c (6.18) - do_statfs_native, put_compat_statfs
 */
// biome-ignore lint/suspicious/noRedeclare: the syscall (a value) and its struct (a type) share the kernel's name
export declare function statfs(pathname: Path, buf: Ptr<Out<statfs>>): long;

/**
 * Report statistics of the filesystem that holds an open file.
 *
 * On 32-bit ABIs a count that does not fit 32 bits gives EOVERFLOW (fstatfs64 has no such limit).
 * @since 1.0
 * @source include/linux/syscalls.h (6.18)
 * @source fs/statfs.c (6.18) - do_statfs_native, put_compat_statfs
 */
export declare function fstatfs(fd: uint & Fd, buf: Ptr<Out<statfs>>): long;

/**
 * Report statistics of the filesystem that holds a path in `struct statfs64`, whose size the caller passes.
 *
 * `sz` must be sizeof(struct statfs64) on the ABI, else EINVAL; arm (and arm on an arm64 kernel) also
 * accepts 88 for its packed 84-byte structure.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 * @source fs/statfs.c (6.18) - sz != sizeof(*buf) gives EINVAL
 * @source arch/arm/kernel/entry-common.S (6.18) - sys_statfs64_wrapper
 * @source arch/arm64/kernel/sys32.c (6.18) - aarch32_statfs64
 */
// biome-ignore lint/suspicious/noRedeclare: the syscall (a value) and its struct (a type) share the kernel's name
export declare function statfs64(path: Path, sz: size_t & SizeOf<"buf">, buf: Ptr<Out<statfs64>>): long;

/**
 * Report statistics of the filesystem that holds an open file in `struct statfs64`, whose size the caller
 * passes.
 *
 * `sz` as for statfs64.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 * @source fs/statfs.c (6.18) - sz != sizeof(*buf) gives EINVAL
 */
export declare function fstatfs64(fd: uint & Fd, sz: size_t & SizeOf<"buf">, buf: Ptr<Out<statfs64>>): long;
