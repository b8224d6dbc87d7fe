import type { FixedArray, Since, u32, u64, Was } from "@sysargs/dsl";

/**
 * Offsets of the submission ring's members in its mapping, written by io_uring_setup(2). 40 bytes everywhere.
 * @source include/uapi/linux/io_uring.h (6.18)
 */
export interface io_sqring_offsets {
  /** Offset of the head index (advanced by the kernel). */
  head: u32;
  /** Offset of the tail index (advanced by the application). */
  tail: u32;
  /** Offset of the ring mask. */
  ring_mask: u32;
  /** Offset of the number of entries. */
  ring_entries: u32;
  /** Offset of the ring flags (IORING_SQ_*). */
  flags: u32;
  /** Offset of the count of dropped (invalid) submissions. */
  dropped: u32;
  /** Offset of the index array (absent with IORING_SETUP_NO_SQARRAY). */
  array: u32;
  /** Reserved. */
  resv1: u32;
  /** With IORING_SETUP_NO_MMAP: the user address of the ring memory (input). */
  user_addr: u64 & Since<"6.5"> & Was<"resv2">;
}

/**
 * Offsets of the completion ring's members in its mapping, written by io_uring_setup(2). 40 bytes everywhere.
 * @source include/uapi/linux/io_uring.h (6.18)
 */
export interface io_cqring_offsets {
  /** Offset of the head index (advanced by the application). */
  head: u32;
  /** Offset of the tail index (advanced by the kernel). */
  tail: u32;
  /** Offset of the ring mask. */
  ring_mask: u32;
  /** Offset of the number of entries. */
  ring_entries: u32;
  /** Offset of the overflow count. */
  overflow: u32;
  /** Offset of the completion entries. */
  cqes: u32;
  /** Offset of the ring flags (IORING_CQ_*). */
  flags: u32;
  /** Reserved. */
  resv1: u32;
  /** With IORING_SETUP_NO_MMAP: the user address of the ring memory (input). */
  user_addr: u64 & Since<"6.5"> & Was<"resv2">;
}

/**
 * The parameters of io_uring_setup(2): read for the flags and sizes, written back with the features and the
 * ring offsets. 120 bytes everywhere.
 * @source include/uapi/linux/io_uring.h (6.18)
 */
export interface io_uring_params {
  /** Submission queue entries: the `entries` argument, rounded up to a power of two (written). */
  sq_entries: u32;
  /** Completion queue entries: read with IORING_SETUP_CQSIZE, else twice sq_entries (written). */
  cq_entries: u32;
  /** IORING_SETUP_* flags. */
  flags: u32;
  /** With IORING_SETUP_SQ_AFF: the CPU of the submission-queue polling thread. */
  sq_thread_cpu: u32;
  /** With IORING_SETUP_SQPOLL: the polling thread's idle time in milliseconds. */
  sq_thread_idle: u32;
  /** IORING_FEAT_* features of this kernel (written). */
  features: u32;
  /** With IORING_SETUP_ATTACH_WQ: an io_uring descriptor whose async workers to share. */
  wq_fd: u32;
  /** Reserved: must be 0. */
  resv: FixedArray<u32, 3>;
  /** The submission ring's offsets (written). */
  sq_off: io_sqring_offsets;
  /** The completion ring's offsets (written). */
  cq_off: io_cqring_offsets;
}
