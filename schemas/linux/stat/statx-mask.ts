import type { Composite, Flag, FlagSet } from "@sysargs/dsl";

/**
 * STATX_* mask bits: the `mask` of statx(2) (which fields the caller asks for) and statx.stx_mask (which fields
 * the kernel filled in).
 *
 * Unknown bits are ignored, except STATX__RESERVED, which gives EINVAL. Bits newer than linux-source-6.12 (such as
 * STATX_DIO_READ_ALIGN, 6.14) are not members: no source of `sysargs verify` could prove them.
 * @source include/uapi/linux/stat.h (6.18)
 */
export type StatxMask = FlagSet<{
  /** stx_mode & S_IFMT. */
  STATX_TYPE: 0x00000001;
  /** stx_mode & ~S_IFMT. */
  STATX_MODE: 0x00000002;
  /** stx_nlink. */
  STATX_NLINK: 0x00000004;
  /** stx_uid. */
  STATX_UID: 0x00000008;
  /** stx_gid. */
  STATX_GID: 0x00000010;
  /** stx_atime. */
  STATX_ATIME: 0x00000020;
  /** stx_mtime. */
  STATX_MTIME: 0x00000040;
  /** stx_ctime. */
  STATX_CTIME: 0x00000080;
  /** stx_ino. */
  STATX_INO: 0x00000100;
  /** stx_size. */
  STATX_SIZE: 0x00000200;
  /** stx_blocks. */
  STATX_BLOCKS: 0x00000400;
  /** Everything struct stat has: STATX_TYPE to STATX_BLOCKS. */
  STATX_BASIC_STATS: Composite<0x000007ff>;
  /** stx_btime (creation time). */
  STATX_BTIME: 0x00000800;
  /** STATX_BASIC_STATS | STATX_BTIME (deprecated: the kernel may add fields). */
  STATX_ALL: Composite<0x00000fff>;
  /** stx_mnt_id (since 5.8). */
  STATX_MNT_ID: Flag<0x00001000, "5.8">;
  /** stx_dio_mem_align and stx_dio_offset_align (since 6.1). */
  STATX_DIOALIGN: Flag<0x00002000, "6.1">;
  /** stx_mnt_id as the unique 64-bit mount ID (since 6.8). */
  STATX_MNT_ID_UNIQUE: Flag<0x00004000, "6.8">;
  /** stx_subvol (since 6.10). */
  STATX_SUBVOL: Flag<0x00008000, "6.10">;
  /** stx_atomic_write_* (since 6.11). */
  STATX_WRITE_ATOMIC: Flag<0x00010000, "6.11">;
  /** Reserved for extending struct statx: EINVAL if set. */
  STATX__RESERVED: 0x80000000;
}>;
