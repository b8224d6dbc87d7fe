import type {
  Fd,
  FlagSet,
  Flags,
  In,
  int,
  long,
  Out,
  Path,
  Ptr,
  SizeOf,
  Struct,
  size_t,
  u32,
  u64,
  uint,
  Version,
} from "@sysargs/dsl";
import type { AtFlags } from "./at-flags.js";

/**
 * FS_XFLAG_* inode flags of file_attr.fa_xflags (and of struct fsxattr, FS_IOC_FSGETXATTR).
 * FS_XFLAG_PREALLOC and FS_XFLAG_HASATTR are read-only: file_setattr ignores them.
 * @source include/uapi/linux/fs.h (6.18)
 */
export type FsXflags = FlagSet<{
  /** Data in the realtime volume. */
  FS_XFLAG_REALTIME: 0x1;
  /** Preallocated file extents (read-only). */
  FS_XFLAG_PREALLOC: 0x2;
  /** The file cannot be modified. */
  FS_XFLAG_IMMUTABLE: 0x8;
  /** All writes append. */
  FS_XFLAG_APPEND: 0x10;
  /** All writes are synchronous. */
  FS_XFLAG_SYNC: 0x20;
  /** Do not update the access time. */
  FS_XFLAG_NOATIME: 0x40;
  /** Do not include in backups. */
  FS_XFLAG_NODUMP: 0x80;
  /** New files inherit the realtime bit. */
  FS_XFLAG_RTINHERIT: 0x100;
  /** New files inherit the parent's project id. */
  FS_XFLAG_PROJINHERIT: 0x200;
  /** Disallow symlink creation in this directory. */
  FS_XFLAG_NOSYMLINKS: 0x400;
  /** fa_extsize is an extent size allocator hint. */
  FS_XFLAG_EXTSIZE: 0x800;
  /** New files inherit the extent size hint. */
  FS_XFLAG_EXTSZINHERIT: 0x1000;
  /** Do not defragment. */
  FS_XFLAG_NODEFRAG: 0x2000;
  /** Use the filestream allocator. */
  FS_XFLAG_FILESTREAM: 0x4000;
  /** Use DAX for I/O. */
  FS_XFLAG_DAX: 0x8000;
  /** fa_cowextsize is a copy-on-write extent size hint. */
  FS_XFLAG_COWEXTSIZE: 0x10000;
  /** The inode has extended attributes (read-only). */
  FS_XFLAG_HASATTR: 0x80000000;
}>;

/**
 * Inode attributes read by file_getattr(2) and written by file_setattr(2) (the syscall form of
 * struct fsxattr). The extensible settings describe file_getattr (copy_struct_to_user: a larger user
 * struct has its extra bytes zeroed); file_setattr copies in with copy_struct_from_user, see its JSDoc.
 * @source include/uapi/linux/fs.h (6.18) - struct file_attr, FILE_ATTR_SIZE_VER0
 * @source fs/file_attr.c (6.18) - size checks in sys_file_getattr and sys_file_setattr
 * @header linux/fs.h
 * @since 6.17
 */
export interface file_attr
  extends Struct<{
    extensible: {
      versions: [Version<24, "6.17", "FILE_ATTR_SIZE_VER0">];
      sizeIn: "argument";
      copy: "out";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      zeroesTail: true;
    };
  }> {
  /** FS_XFLAG_* flags. */
  fa_xflags: u64 & Flags<FsXflags>;
  /** Extent size hint in bytes. */
  fa_extsize: u32;
  /** Number of extents (read-only: file_setattr ignores it). */
  fa_nextents: u32;
  /** Project id. */
  fa_projid: u32;
  /** Copy-on-write extent size hint in bytes. */
  fa_cowextsize: u32;
}

/**
 * Read the inode attributes (FS_XFLAG_*, extent size hints, project id) of a file: the size rules are
 * the extensible settings of file_attr (`usize` below 24 EINVAL, above PAGE_SIZE E2BIG, bytes past 24
 * zeroed in user memory). `at_flags` accepts only AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH (EINVAL otherwise).
 * @since 6.17
 * @source include/linux/syscalls.h (6.18)
 * @source fs/file_attr.c (6.18)
 */
export declare function file_getattr(
  dfd: int & Fd,
  filename: Path,
  ufattr: Ptr<Out<file_attr>>,
  usize: size_t & SizeOf<"ufattr">,
  at_flags: uint & Flags<AtFlags>,
): long;

/**
 * Set the inode attributes (FS_XFLAG_*, extent size hints, project id) of a file.
 *
 * Differences from the extensible settings of file_attr (which describe file_getattr): the struct is
 * copied in with copy_struct_from_user, so a `usize` larger than 24 must have an all-zero tail (E2BIG
 * otherwise); `usize` below 24 gives EINVAL and above PAGE_SIZE E2BIG, as for file_getattr.
 * `at_flags` accepts only AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH (EINVAL otherwise).
 * @since 6.17
 * @source include/linux/syscalls.h (6.18)
 * @source fs/file_attr.c (6.18)
 */
export declare function file_setattr(
  dfd: int & Fd,
  filename: Path,
  ufattr: Ptr<In<file_attr>>,
  usize: size_t & SizeOf<"ufattr">,
  at_flags: uint & Flags<AtFlags>,
): long;
