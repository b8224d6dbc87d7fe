/**
 * Syscalls with 64-bit file offsets or lengths whose argument layout differs per ABI: where a
 * 32-bit ABI's kernel entry takes the halves in its own order, or a 64-bit-register ABI takes the
 * position in one argument. Hand-written (tools/signatures skips these names); the argument slots
 * that follow from each signature are shown by `sysargs syscall <name> --abi <abi>`.
 */
import type {
  CountedArray,
  Fd,
  In,
  int,
  loff_t,
  long,
  Only,
  Ptr,
  rwf_t,
  size_t,
  u32,
  uint,
  ulong,
  void_t,
} from "@sysargs/dsl";
import type { arch_mips } from "../../abi/groups.js";
import type { aarch64, loongarch64, ppc, riscv64, s390, s390x, sh, x32 } from "../../abi/index.js";
import type { iovec } from "../uio/iovec.js";

/**
 * Give the kernel a hint about how a byte range of a file will be accessed, to tune read-ahead and caching.
 * On s390 (31-bit) the kernel maps advice 4 and 5 to POSIX_FADV_DONTNEED and POSIX_FADV_NOREUSE.
 * @since 2.6
 * @source include/linux/syscalls.h (6.12)
 * @source arch/s390/kernel/compat_linux.c (6.12) - compat_sys_s390_fadvise64
 * @source tracefs sys_enter_fadvise64 (6.18.44)
 */
export declare function fadvise64(fd: int & Fd, offset: loff_t, len: size_t, advice: int): long;
/**
 * fadvise64 with a 64-bit length: these ABIs route the number to sys_fadvise64_64.
 * @source include/linux/syscalls.h (6.12)
 */
export declare function fadvise64(
  this: Only<arch_mips | aarch64 | loongarch64 | riscv64 | s390x>,
  fd: int & Fd,
  offset: loff_t,
  len: loff_t,
  advice: int,
): long;

/**
 * Give an access-pattern hint for a file range with a 64-bit length, for 32-bit ABIs.
 * @since 2.6
 * @source include/linux/syscalls.h (6.12)
 */
export declare function fadvise64_64(fd: int & Fd, offset: loff_t, len: loff_t, advice: int): long;
/**
 * fadvise64_64 on ppc32: advice comes second so that both 64-bit values start at even registers.
 * @source arch/powerpc/kernel/syscalls.c (6.12) - ppc_fadvise64_64
 */
export declare function fadvise64_64(
  this: Only<ppc>,
  fd: int & Fd,
  advice: int,
  offset: loff_t,
  len: loff_t,
): long;
/**
 * fadvise64_64 on s390 (31-bit): one pointer to struct fadvise64_64_args {int fd; long long offset;
 * long long len; int advice;}; advice 4 and 5 are mapped to POSIX_FADV_DONTNEED and POSIX_FADV_NOREUSE.
 * @source arch/s390/kernel/compat_linux.c (6.12) - compat_sys_s390_fadvise64_64
 */
export declare function fadvise64_64(this: Only<s390>, args: Ptr<In<void_t>>): long;
/**
 * fadvise64_64 on sh: the wrapper takes each 64-bit value as two consecutive 32-bit words,
 * low word first on little-endian sh.
 * @source arch/sh/kernel/sys_sh32.c (6.12) - sys_fadvise64_64_wrapper
 */
export declare function fadvise64_64(
  this: Only<sh>,
  fd: int & Fd,
  offset0: u32,
  offset1: u32,
  len0: u32,
  len1: u32,
  advice: int,
): long;

/**
 * Start and/or wait for writeback of a byte range of an open file.
 * @since 2.6.17
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_sync_file_range (6.18.44)
 */
export declare function sync_file_range(fd: int & Fd, offset: loff_t, nbytes: loff_t, flags: uint): long;
/**
 * sync_file_range on sh: each 64-bit value as two consecutive 32-bit words (SC_ARG64), low word
 * first on little-endian sh, so that all six arguments stay in registers.
 * @source arch/sh/kernel/sys_sh32.c (6.12) - sys_sh_sync_file_range6
 */
export declare function sync_file_range(
  this: Only<sh>,
  fd: int & Fd,
  offset_lo: u32,
  offset_hi: u32,
  nbytes_lo: u32,
  nbytes_hi: u32,
  flags: uint,
): long;

/**
 * Read from a file at a given offset into several buffers, without moving the file offset.
 * The position travels as two `unsigned long` halves (pos_l, pos_h) on every ABI but x32.
 * @since 2.6.30
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_preadv (6.18.44)
 */
export declare function preadv(
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos_l: ulong,
  pos_h: ulong,
): long;
/**
 * preadv on x32: the position is one 64-bit register.
 * @source fs/read_write.c (6.12) - compat_sys_preadv64
 */
export declare function preadv(
  this: Only<x32>,
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos: loff_t,
): long;

/**
 * Read from a file into several buffers at a given or the current offset, with per-call RWF_* flags.
 * @since 4.6
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_preadv2 (6.18.44)
 */
export declare function preadv2(
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos_l: ulong,
  pos_h: ulong,
  flags: rwf_t,
): long;
/**
 * preadv2 on x32: the position is one 64-bit register.
 * @source fs/read_write.c (6.12) - compat_sys_preadv64v2
 */
export declare function preadv2(
  this: Only<x32>,
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos: loff_t,
  flags: rwf_t,
): long;

/**
 * Write several buffers to a file at a given offset, without moving the file offset.
 * @since 2.6.30
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_pwritev (6.18.44)
 */
export declare function pwritev(
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos_l: ulong,
  pos_h: ulong,
): long;
/**
 * pwritev on x32: the position is one 64-bit register.
 * @source fs/read_write.c (6.12) - compat_sys_pwritev64
 */
export declare function pwritev(
  this: Only<x32>,
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos: loff_t,
): long;

/**
 * Write several buffers to a file at a given or the current offset, with per-call RWF_* flags.
 * @since 4.6
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_pwritev2 (6.18.44)
 */
export declare function pwritev2(
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos_l: ulong,
  pos_h: ulong,
  flags: rwf_t,
): long;
/**
 * pwritev2 on x32: the position is one 64-bit register.
 * @source fs/read_write.c (6.12) - compat_sys_pwritev64v2
 */
export declare function pwritev2(
  this: Only<x32>,
  fd: ulong & Fd,
  vec: Ptr<In<CountedArray<iovec, "vlen">>>,
  vlen: ulong,
  pos: loff_t,
  flags: rwf_t,
): long;
