import type { FixedArray, loff_t, long, On, off_t, pid_t, short, Variants } from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_parisc,
  arch_sparc,
  arm,
  i386,
  loongarch64,
  m68k,
  mips_n32,
  mips_n64,
  mips_o32,
  parisc,
  parisc64,
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

// ---------------------------------------------------------------------------------------------
// struct flock: fcntl(F_GETLK, F_SETLK, F_SETLKW), and F_OFD_* on 64-bit ABIs

/**
 * The asm-generic `struct flock` (16 bytes on 32-bit ABIs, 32 on 64-bit ones and x32).
 *
 * A 64-bit kernel fills the 32-bit ABIs' copy from struct compat_flock, with the same layout. x32's fcntl is
 * the 64-bit entry point, and its `__kernel_off_t` is 64-bit too.
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 * @source include/linux/compat.h (6.18) - struct compat_flock
 */
export interface flock_generic {
  /** F_RDLCK (0), F_WRLCK (1) or F_UNLCK (2). */
  l_type: short;
  /** Where l_start counts from: SEEK_SET, SEEK_CUR or SEEK_END. */
  l_whence: short;
  /** First byte of the range (`__kernel_off_t`). */
  l_start: off_t;
  /** Length of the range; 0 means to the end of the file, a negative length ends at l_start. */
  l_len: off_t;
  /** F_GETLK: the process holding a conflicting lock (-1 for an OFD lock); ignored on input. */
  l_pid: pid_t;
}

/**
 * MIPS o32 and n32 `struct flock` (36 bytes), with `l_sysid` and `pad` after `l_pid`.
 *
 * This is the UAPI order since Linux 5.18, which merged MIPS's own struct flock into the asm-generic one
 * with `__ARCH_FLOCK_EXTRA_SYSID` after `l_pid`, and what a 32-bit MIPS kernel reads and writes. A 64-bit
 * kernel, the only kind that runs n32, instead uses struct compat_flock, which keeps the older order:
 * `l_sysid` at offset 12 and `l_pid` at offset 16 (as glibc's struct flock does), so there F_GETLK reports
 * the pid in the bytes this layout calls `l_sysid`. Only the UAPI order can be proved by a compiler, so
 * it is the one described. The kernel never interprets `l_sysid` and `pad` (a 64-bit kernel writes them as
 * zero, a 32-bit one copies back what the caller passed).
 * @source arch/mips/include/uapi/asm/fcntl.h (6.18)
 * @source include/uapi/asm-generic/fcntl.h (6.18) - __ARCH_FLOCK_EXTRA_SYSID after l_pid
 * @source arch/mips/include/asm/compat.h (6.18) - __ARCH_COMPAT_FLOCK_EXTRA_SYSID before l_pid
 */
export interface flock_mips32 {
  /** F_RDLCK (0), F_WRLCK (1) or F_UNLCK (2). */
  l_type: short;
  /** Where l_start counts from: SEEK_SET, SEEK_CUR or SEEK_END. */
  l_whence: short;
  /** First byte of the range (`__kernel_off_t`). */
  l_start: off_t;
  /** Length of the range; 0 means to the end of the file, a negative length ends at l_start. */
  l_len: off_t;
  /** F_GETLK: the process holding a conflicting lock; ignored on input. */
  l_pid: pid_t;
  /** Unused by Linux. */
  l_sysid: long;
  pad: FixedArray<long, 4>;
}

/**
 * sparc `struct flock` (20 bytes on sparc, 32 on sparc64), with a trailing `short __unused`.
 *
 * A 64-bit kernel fills sparc's copy from struct compat_flock, with the same layout.
 * @source arch/sparc/include/uapi/asm/fcntl.h (6.18) - __ARCH_FLOCK_PAD
 * @source arch/sparc/include/asm/compat.h (6.18) - __ARCH_COMPAT_FLOCK_PAD
 */
export interface flock_sparc {
  /** F_RDLCK (0), F_WRLCK (1) or F_UNLCK (2). */
  l_type: short;
  /** Where l_start counts from: SEEK_SET, SEEK_CUR or SEEK_END. */
  l_whence: short;
  /** First byte of the range (`__kernel_off_t`). */
  l_start: off_t;
  /** Length of the range; 0 means to the end of the file, a negative length ends at l_start. */
  l_len: off_t;
  /** F_GETLK: the process holding a conflicting lock (-1 for an OFD lock); ignored on input. */
  l_pid: pid_t;
  __unused: short;
}

/**
 * The kernel's `struct flock`: the lock description of fcntl's F_GETLK, F_SETLK and F_SETLKW (and, on 64-bit
 * ABIs, of F_OFD_GETLK, F_OFD_SETLK and F_OFD_SETLKW), passed as fcntl's third argument.
 *
 * Its offsets are `__kernel_off_t`, 32-bit on 32-bit ABIs, where F_GETLK reports EOVERFLOW for a lock beyond
 * 2 GiB; those ABIs have fcntl64 and struct flock64 for 64-bit offsets.
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 * @source fs/fcntl.c (6.18) - do_fcntl, do_compat_fcntl64
 * @header linux/fcntl.h - which includes the arch's asm/fcntl.h overrides
 */
export type flock = Variants<
  [
    On<
      | x86_64
      | x32
      | i386
      | aarch64
      | arm
      | riscv64
      | loongarch64
      | ppc
      | ppc64
      | ppc64le
      | s390
      | s390x
      | mips_n64
      | arch_parisc
      | alpha
      | m68k
      | sh,
      flock_generic
    >,
    On<mips_o32 | mips_n32, flock_mips32>,
    On<arch_sparc, flock_sparc>,
  ]
>;

// ---------------------------------------------------------------------------------------------
// struct flock64: fcntl64(F_GETLK64, F_SETLK64, F_SETLKW64, F_OFD_*) on 32-bit ABIs

/**
 * The asm-generic `struct flock64` (24 bytes where a 64-bit member is 4- or 2-aligned: i386, m68k, sh; 32
 * elsewhere).
 *
 * A 64-bit kernel fills the 32-bit ABIs' copy from struct compat_flock64, with the same layout (x86 packs it
 * for i386).
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 * @source include/linux/compat.h (6.18) - struct compat_flock64
 * @source arch/x86/include/asm/compat.h (6.18) - __ARCH_NEED_COMPAT_FLOCK64_PACKED
 */
export interface flock64_generic {
  /** F_RDLCK (0), F_WRLCK (1) or F_UNLCK (2). */
  l_type: short;
  /** Where l_start counts from: SEEK_SET, SEEK_CUR or SEEK_END. */
  l_whence: short;
  /** First byte of the range (`__kernel_loff_t`). */
  l_start: loff_t;
  /** Length of the range; 0 means to the end of the file, a negative length ends at l_start. */
  l_len: loff_t;
  /** F_GETLK64: the process holding a conflicting lock (-1 for an OFD lock); ignored on input. */
  l_pid: pid_t;
}

/**
 * sparc `struct flock64` (32 bytes), with a trailing `short __unused`.
 *
 * A 64-bit kernel fills it from struct compat_flock64, which has the same size and offsets but no `__unused`
 * member (those bytes are padding there).
 * @source arch/sparc/include/uapi/asm/fcntl.h (6.18) - __ARCH_FLOCK64_PAD
 */
export interface flock64_sparc {
  /** F_RDLCK (0), F_WRLCK (1) or F_UNLCK (2). */
  l_type: short;
  /** Where l_start counts from: SEEK_SET, SEEK_CUR or SEEK_END. */
  l_whence: short;
  /** First byte of the range (`__kernel_loff_t`). */
  l_start: loff_t;
  /** Length of the range; 0 means to the end of the file, a negative length ends at l_start. */
  l_len: loff_t;
  /** F_GETLK64: the process holding a conflicting lock (-1 for an OFD lock); ignored on input. */
  l_pid: pid_t;
  __unused: short;
}

/**
 * The kernel's `struct flock64`: the lock description of fcntl64's F_GETLK64, F_SETLK64, F_SETLKW64 and
 * F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW on 32-bit ABIs (64-bit offsets), passed as the third argument.
 *
 * fcntl64 exists on the 32-bit ABIs (i386, arm, ppc, s390, mips o32 and n32, parisc, sparc, m68k, sh), where a
 * 64-bit kernel reads struct compat_flock64. A Variants type must cover every ABI: the 64-bit ABIs and x32
 * have no distinct large-file lock (F_GETLK64 and friends are not defined for their user space, and parisc64's
 * fcntl64 is its plain fcntl), so, as for stat64, they are covered by their own `struct flock`, whose offsets
 * are already 64-bit. Their UAPI struct flock64 has that same layout.
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 * @source fs/fcntl.c (6.18) - fcntl64, do_compat_fcntl64
 * @source arch/parisc/kernel/sys_parisc.c (6.18) - sys_fcntl64 is sys_fcntl on 64-bit kernels
 * @header linux/fcntl.h - which includes the arch's asm/fcntl.h overrides
 */
export type flock64 = Variants<
  [
    On<i386 | arm | ppc | s390 | mips_o32 | mips_n32 | parisc | m68k | sh, flock64_generic>,
    On<sparc, flock64_sparc>,
    On<
      x86_64 | x32 | aarch64 | riscv64 | loongarch64 | ppc64 | ppc64le | s390x | mips_n64 | parisc64 | alpha,
      flock_generic
    >,
    On<sparc64, flock_sparc>,
  ]
>;
