import type { CountedArray, Fd, In, InOut, LenOf, long, Ptr, size_t, ulong, void_t } from "@sysargs/dsl";

/**
 * One buffer of a scatter/gather I/O vector.
 *
 * 8 bytes on 32-bit ABIs (x32 included: the kernel reads x32 vectors with the compat layout), 16 on 64-bit
 * ones.
 * @source include/uapi/linux/uio.h (6.18)
 * @header linux/uio.h
 */
export interface iovec {
  /** Start of the buffer: written by readv/recvmsg, read by writev/sendmsg. */
  iov_base: Ptr<InOut<void_t>>;
  /** Length of the buffer in bytes (`__kernel_size_t`). */
  iov_len: size_t & LenOf<"iov_base">;
}

/**
 * Read from a file into several buffers.
 *
 * At most UIO_MAXIOV (1024) vectors; more give EINVAL.
 * @since 2.0
 * @source include/linux/syscalls.h (6.18)
 */
export declare function readv(fd: ulong & Fd, vec: Ptr<In<CountedArray<iovec, "vlen">>>, vlen: ulong): long;

/**
 * Write several buffers to a file.
 *
 * At most UIO_MAXIOV (1024) vectors; more give EINVAL.
 * @since 2.0
 * @source include/linux/syscalls.h (6.18)
 */
export declare function writev(fd: ulong & Fd, vec: Ptr<In<CountedArray<iovec, "vlen">>>, vlen: ulong): long;
