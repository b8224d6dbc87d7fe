import type {
  Fd,
  FixedArray,
  Flags,
  int,
  long,
  Out,
  Path,
  Ptr,
  Since,
  s32,
  s64,
  u16,
  u32,
  u64,
  uint,
} from "@sysargs/dsl";
import type { AtFlags } from "../fs/at-flags.js";
import type { StatxMask } from "./statx-mask.js";

/**
 * A timestamp of struct statx: 64-bit seconds on every ABI. 16 bytes, 8-aligned everywhere (4 on i386 and sh,
 * 2 on m68k, where `__u64` aligns so).
 * @source include/uapi/linux/stat.h (6.18)
 */
export interface statx_timestamp {
  /** Seconds since the epoch. */
  tv_sec: s64;
  /** Nanoseconds, 0 to 999999999. */
  tv_nsec: u32;
  /** Reserved. */
  __reserved: s32;
}

/**
 * The extended file status that statx(2) writes: 256 bytes on every ABI. `stx_mask` says which members were
 * filled (STATX_*); the kernel zeroes the rest. Members that later kernels added took spare space, so the size
 * never changed.
 * @source include/uapi/linux/stat.h (6.18)
 */
export interface statx {
  /** What results were written (STATX_*). */
  stx_mask: u32;
  /** Preferred block size for I/O. */
  stx_blksize: u32;
  /** File attributes (STATX_ATTR_*). */
  stx_attributes: u64;
  /** Number of hard links. */
  stx_nlink: u32;
  /** User ID of the owner. */
  stx_uid: u32;
  /** Group ID of the owner. */
  stx_gid: u32;
  /** File type and mode. */
  stx_mode: u16;
  /** Spare. */
  __spare0: FixedArray<u16, 1>;
  /** Inode number. */
  stx_ino: u64;
  /** File size in bytes. */
  stx_size: u64;
  /** Number of 512-byte blocks allocated. */
  stx_blocks: u64;
  /** The STATX_ATTR_* bits that stx_attributes supports for this file. */
  stx_attributes_mask: u64;
  /** Last access time. */
  stx_atime: statx_timestamp;
  /** Creation (birth) time. */
  stx_btime: statx_timestamp;
  /** Last status change time. */
  stx_ctime: statx_timestamp;
  /** Last modification time. */
  stx_mtime: statx_timestamp;
  /** Major device ID, if the file is a device. */
  stx_rdev_major: u32;
  /** Minor device ID, if the file is a device. */
  stx_rdev_minor: u32;
  /** Major ID of the device holding the file. */
  stx_dev_major: u32;
  /** Minor ID of the device holding the file. */
  stx_dev_minor: u32;
  /** Mount ID (STATX_MNT_ID, or the unique one with STATX_MNT_ID_UNIQUE). */
  stx_mnt_id: u64;
  /** Memory buffer alignment for direct I/O (STATX_DIOALIGN). */
  stx_dio_mem_align: u32;
  /** File offset alignment for direct I/O (STATX_DIOALIGN). */
  stx_dio_offset_align: u32;
  /** Subvolume identifier (STATX_SUBVOL). */
  stx_subvol: u64 & Since<"6.10">;
  /** Minimum atomic write unit in bytes (STATX_WRITE_ATOMIC). */
  stx_atomic_write_unit_min: u32 & Since<"6.11">;
  /** Maximum atomic write unit in bytes (STATX_WRITE_ATOMIC). */
  stx_atomic_write_unit_max: u32 & Since<"6.11">;
  /** Maximum atomic write segment count (STATX_WRITE_ATOMIC). */
  stx_atomic_write_segments_max: u32 & Since<"6.11">;
  /** File offset alignment for direct I/O reads (STATX_DIO_READ_ALIGN). */
  stx_dio_read_offset_align: u32 & Since<"6.14">;
  /** Optimised maximum atomic write unit in bytes (STATX_WRITE_ATOMIC). */
  stx_atomic_write_unit_max_opt: u32 & Since<"6.16">;
  /** Spare. */
  __spare2: FixedArray<u32, 1> & Since<"6.16">;
  /** Spare space for future expansion (the 6.1 headers have `__spare3[12]` at offset 160). */
  __spare3: FixedArray<u64, 8> & Since<"6.16">;
}

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Read extended status of a file named relative to a directory descriptor, choosing which fields to fetch.
 *
 * Declared here rather than generated: the syscall and its struct share the kernel's name. `flags` takes
 * AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT and AT_EMPTY_PATH, and also the AT_STATX_SYNC_TYPE bits
 * (AT_STATX_FORCE_SYNC 0x2000, AT_STATX_DONT_SYNC 0x4000), which AtFlags does not list; other bits give
 * EINVAL. `mask` takes the STATX_* members wanted.
 * @since 4.11
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_statx (6.18.44)
 */
export declare function statx(
  dfd: int & Fd,
  filename: Path,
  flags: uint & Flags<AtFlags>,
  mask: uint & Flags<StatxMask>,
  buffer: Ptr<Out<statx>>,
): long;
