import type { Composite, Flag, FlagSet, On, PerAbi } from "@sysargs/dsl";
import type {
  alpha,
  arch_alpha,
  arch_arm,
  arch_arm64,
  arch_m68k,
  arch_mips,
  arch_parisc,
  arch_powerpc,
  arch_sparc,
  sparc,
  sparc64,
} from "../../abi/index.js";

/**
 * O_* flags of open(2), openat(2), openat2(2) and fcntl(F_GETFL/F_SETFL), per ABI.
 *
 * The values are the kernel's (UAPI asm/fcntl.h of each architecture); open_how.flags takes them too. The
 * default value of each member is the asm-generic one (include/uapi/asm-generic/fcntl.h), which x86 (i386,
 * x86_64, x32), riscv64, loongarch64, s390, s390x and sh use unchanged. arm, arm64 and m68k move O_DIRECTORY,
 * O_NOFOLLOW, O_DIRECT and O_LARGEFILE; powerpc moves the same four with O_LARGEFILE and O_DIRECT swapped;
 * mips, sparc, alpha and parisc have their own layouts. parisc64 shares arch/parisc's header (no compiler
 * proves it); loongarch64 has no asm/fcntl.h and takes the asm-generic values (no compiler proves it either).
 *
 * Only the bits of VALID_OPEN_FLAGS (include/linux/fcntl.h) are members, plus the access-mode values and the
 * O_SYNC, O_TMPFILE and O_NDELAY combinations. O_TMPFILE_MASK was dropped from the UAPI header after 6.1 and
 * is not a member. open(2) and openat(2) ignore unknown bits; openat2(2) rejects them with EINVAL.
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 * @source arch/arm/include/uapi/asm/fcntl.h (6.18)
 * @source arch/arm64/include/uapi/asm/fcntl.h (6.18)
 * @source arch/m68k/include/uapi/asm/fcntl.h (6.18)
 * @source arch/powerpc/include/uapi/asm/fcntl.h (6.18)
 * @source arch/mips/include/uapi/asm/fcntl.h (6.18)
 * @source arch/sparc/include/uapi/asm/fcntl.h (6.18)
 * @source arch/alpha/include/uapi/asm/fcntl.h (6.18)
 * @source arch/parisc/include/uapi/asm/fcntl.h (6.18)
 * @source include/linux/fcntl.h (6.18) - VALID_OPEN_FLAGS
 */
export type OpenFlags = FlagSet<{
  /** Mask of the access mode (the two low bits): O_RDONLY, O_WRONLY or O_RDWR; 3 is accepted too. */
  O_ACCMODE: Composite<3>;
  /** Access mode: open for reading only (the value 0 of the O_ACCMODE field, not a bit). */
  O_RDONLY: Composite<0>;
  /** Access mode: open for writing only. */
  O_WRONLY: 1;
  /** Access mode: open for reading and writing. */
  O_RDWR: 2;
  /** Create the file if it does not exist (open only, not fcntl). */
  O_CREAT: PerAbi<0x40, [On<arch_mips | arch_parisc, 0x100>, On<arch_sparc | arch_alpha, 0x200>]>;
  /** With O_CREAT: fail with EEXIST if the file exists (open only). */
  O_EXCL: PerAbi<0x80, [On<arch_mips | arch_parisc, 0x400>, On<arch_sparc | arch_alpha, 0x800>]>;
  /** Do not make a terminal the controlling terminal (open only). */
  O_NOCTTY: PerAbi<
    0x100,
    [On<arch_mips, 0x800>, On<arch_parisc, 0x20000>, On<arch_sparc, 0x8000>, On<arch_alpha, 0x1000>]
  >;
  /** Truncate a regular file to length 0 (open only). */
  O_TRUNC: PerAbi<0x200, [On<arch_sparc | arch_alpha, 0x400>]>;
  /** Every write appends at the end of the file. */
  O_APPEND: PerAbi<0x400, [On<arch_mips | arch_parisc | arch_sparc | arch_alpha, 0x8>]>;
  /** Non-blocking I/O. */
  O_NONBLOCK: PerAbi<
    0x800,
    [On<arch_mips, 0x80>, On<arch_parisc, 0x10000>, On<arch_sparc, 0x4000>, On<arch_alpha, 0x4>]
  >;
  /**
   * Old name of non-blocking I/O: equal to O_NONBLOCK except on sparc, where sparc64 gives it a bit of its
   * own (0x4) and sparc32 user headers define it as 0x4 | O_NONBLOCK.
   */
  O_NDELAY: Composite<
    PerAbi<
      0x800,
      [On<arch_mips, 0x80>, On<arch_parisc, 0x10000>, On<sparc64, 0x4>, On<sparc, 0x4004>, On<alpha, 0x4>]
    >
  >;
  /** Synchronized I/O data integrity: each write waits for the data (the pre-2.6.33 meaning of O_SYNC). */
  O_DSYNC: PerAbi<
    0x1000,
    [On<arch_mips, 0x10>, On<arch_parisc, 0x40000>, On<arch_sparc, 0x2000>, On<arch_alpha, 0x4000>]
  >;
  /** Signal-driven I/O (SIGIO); the kernel's name for the bit user space calls O_ASYNC. */
  FASYNC: PerAbi<0x2000, [On<arch_mips, 0x1000>, On<arch_sparc, 0x40>]>;
  /** Bypass the page cache where the filesystem supports it. */
  O_DIRECT: PerAbi<
    0x4000,
    [
      On<arch_arm | arch_arm64 | arch_m68k, 0x10000>,
      On<arch_powerpc, 0x20000>,
      On<arch_mips, 0x8000>,
      On<arch_sparc, 0x100000>,
      On<arch_alpha, 0x80000>,
    ]
  >;
  /**
   * Allow files whose size does not fit in off_t. The value is the kernel's (UAPI asm/fcntl.h), which defines
   * the bit on every ABI; glibc instead defines O_LARGEFILE as 0 on 64-bit ABIs, so 64-bit programs never
   * pass it. The kernel adds it itself where force_o_largefile() is true (kernels without
   * CONFIG_ARCH_32BIT_OFF_T, i.e. every 64-bit kernel): in open, openat and openat2 (except with O_PATH), but
   * not in the compat open/openat of 32-bit callers. A filter sees the bit only when user space sets it.
   */
  O_LARGEFILE: PerAbi<
    0x8000,
    [
      On<arch_arm | arch_arm64 | arch_m68k, 0x20000>,
      On<arch_powerpc, 0x10000>,
      On<arch_mips, 0x2000>,
      On<arch_parisc, 0x800>,
      On<arch_sparc, 0x40000>,
      On<arch_alpha, 0x20000>,
    ]
  >;
  /** Fail with ENOTDIR unless the path names a directory. */
  O_DIRECTORY: PerAbi<
    0x10000,
    [
      On<arch_arm | arch_arm64 | arch_m68k | arch_powerpc, 0x4000>,
      On<arch_parisc, 0x1000>,
      On<arch_alpha, 0x8000>,
    ]
  >;
  /** Fail with ELOOP if the last path component is a symbolic link. */
  O_NOFOLLOW: PerAbi<
    0x20000,
    [
      On<arch_arm | arch_arm64 | arch_m68k | arch_powerpc, 0x8000>,
      On<arch_parisc, 0x80>,
      On<arch_alpha, 0x10000>,
    ]
  >;
  /** Do not update the access time (since 2.6.8). */
  O_NOATIME: PerAbi<0x40000, [On<arch_parisc | arch_alpha, 0x100000>, On<arch_sparc, 0x200000>]>;
  /** Set close-on-exec on the new descriptor (since 2.6.23). */
  O_CLOEXEC: PerAbi<0x80000, [On<arch_parisc | arch_alpha, 0x200000>, On<arch_sparc, 0x400000>]>;
  /**
   * The bit that turns O_DSYNC into full O_SYNC (since 2.6.33); user space sets it only through O_SYNC.
   */
  __O_SYNC: PerAbi<
    0x100000,
    [On<arch_mips, 0x4000>, On<arch_parisc, 0x8000>, On<arch_sparc, 0x800000>, On<arch_alpha, 0x400000>]
  >;
  /** Synchronized I/O file integrity: __O_SYNC | O_DSYNC. */
  O_SYNC: Composite<
    PerAbi<
      0x101000,
      [On<arch_mips, 0x4010>, On<arch_parisc, 0x48000>, On<arch_sparc, 0x802000>, On<arch_alpha, 0x404000>]
    >
  >;
  /** Obtain a descriptor usable only for path operations (since 2.6.39). */
  O_PATH: PerAbi<0x200000, [On<arch_parisc, 0x400000>, On<arch_sparc, 0x1000000>, On<arch_alpha, 0x800000>]>;
  /** The bit that, together with O_DIRECTORY, forms O_TMPFILE; never used alone. */
  __O_TMPFILE: Flag<
    PerAbi<0x400000, [On<arch_parisc, 0x800000>, On<arch_sparc, 0x2000000>, On<arch_alpha, 0x1000000>]>,
    "3.11"
  >;
  /** Create an unnamed temporary regular file in the given directory: __O_TMPFILE | O_DIRECTORY. */
  O_TMPFILE: Composite<
    PerAbi<
      0x410000,
      [
        On<arch_arm | arch_arm64 | arch_m68k | arch_powerpc, 0x404000>,
        On<arch_parisc, 0x801000>,
        On<arch_sparc, 0x2010000>,
        On<arch_alpha, 0x1008000>,
      ]
    >,
    "3.11"
  >;
}>;
