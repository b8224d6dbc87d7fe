import type { In, On, Ptr64, rwf_t, s16, s64, u16, u32, u64, Variants, void_t } from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_parisc,
  arch_s390,
  arch_sparc,
  arch_x86,
  arm,
  loongarch64,
  m68k,
  mips,
  mips64,
  mips64el,
  mips64n32,
  mipsel,
  mipsel64n32,
  ppc,
  ppc64,
  ppc64le,
  riscv64,
  sh,
} from "../../abi/index.js";

/**
 * A completion of the legacy AIO interface (io_getevents, io_pgetevents, io_cancel): 32 bytes everywhere.
 * @source include/uapi/linux/aio_abi.h (6.18)
 */
export interface io_event {
  /** The aio_data of the iocb. */
  data: u64;
  /** The user address of the iocb this event completes. */
  obj: u64;
  /** The result: bytes transferred, or a negative errno. */
  res: s64;
  /** A secondary result (0). */
  res2: s64;
}

/**
 * The iocb of little-endian ABIs: aio_key before aio_rw_flags.
 * @source include/uapi/linux/aio_abi.h (6.18)
 */
export interface iocb_le {
  /** Returned in the completion's data. */
  aio_data: u64;
  /** Set by the kernel to the request number (KIOCB_KEY, 0). */
  aio_key: u32;
  /** RWF_* flags of the read or write (`__kernel_rwf_t`). */
  aio_rw_flags: rwf_t;
  /** IOCB_CMD_PREAD, PWRITE, FSYNC, FDSYNC, POLL, NOOP, PREADV, PWRITEV. */
  aio_lio_opcode: u16;
  /** Request priority, with IOCB_FLAG_IOPRIO. */
  aio_reqprio: s16;
  /** The file descriptor. */
  aio_fildes: u32;
  /** The buffer (or iovec array for PREADV and PWRITEV) as a 64-bit integer. */
  aio_buf: Ptr64<In<void_t>, u64>;
  /** Bytes of aio_buf (iovec entries for PREADV and PWRITEV). */
  aio_nbytes: u64;
  /** File offset. */
  aio_offset: s64;
  /** Reserved: must be 0. */
  aio_reserved2: u64;
  /** IOCB_FLAG_RESFD, IOCB_FLAG_IOPRIO. */
  aio_flags: u32;
  /** With IOCB_FLAG_RESFD: an eventfd to signal on completion. */
  aio_resfd: u32;
}

/**
 * The iocb of big-endian ABIs: aio_rw_flags before aio_key.
 * @source include/uapi/linux/aio_abi.h (6.18)
 */
export interface iocb_be {
  /** Returned in the completion's data. */
  aio_data: u64;
  /** RWF_* flags of the read or write (`__kernel_rwf_t`). */
  aio_rw_flags: rwf_t;
  /** Set by the kernel to the request number (KIOCB_KEY, 0). */
  aio_key: u32;
  /** IOCB_CMD_PREAD, PWRITE, FSYNC, FDSYNC, POLL, NOOP, PREADV, PWRITEV. */
  aio_lio_opcode: u16;
  /** Request priority, with IOCB_FLAG_IOPRIO. */
  aio_reqprio: s16;
  /** The file descriptor. */
  aio_fildes: u32;
  /** The buffer (or iovec array for PREADV and PWRITEV) as a 64-bit integer. */
  aio_buf: Ptr64<In<void_t>, u64>;
  /** Bytes of aio_buf (iovec entries for PREADV and PWRITEV). */
  aio_nbytes: u64;
  /** File offset. */
  aio_offset: s64;
  /** Reserved: must be 0. */
  aio_reserved2: u64;
  /** IOCB_FLAG_RESFD, IOCB_FLAG_IOPRIO. */
  aio_flags: u32;
  /** With IOCB_FLAG_RESFD: an eventfd to signal on completion. */
  aio_resfd: u32;
}

/**
 * A request of the legacy AIO interface (io_submit, io_cancel): 64 bytes everywhere; aio_key and
 * aio_rw_flags swap places with the byte order.
 * @source include/uapi/linux/aio_abi.h (6.18)
 * @header linux/aio_abi.h
 */
export type iocb = Variants<
  [
    On<
      | arch_x86
      | aarch64
      | arm
      | riscv64
      | loongarch64
      | ppc64le
      | mipsel
      | mips64el
      | mipsel64n32
      | alpha
      | sh,
      iocb_le
    >,
    On<mips | mips64 | mips64n32 | ppc | ppc64 | arch_s390 | arch_parisc | arch_sparc | m68k, iocb_be>,
  ]
>;
