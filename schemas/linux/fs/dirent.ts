import type { char, FlexArray, kernel_ulong_t, s64, u64, uchar, ushort } from "@sysargs/dsl";

/**
 * One directory entry that getdents64(2) writes; the buffer holds a sequence of them, each d_reclen bytes
 * (8-aligned), up to `count` bytes in all. The fixed part is 19 bytes (24 with padding) everywhere.
 * @source include/linux/dirent.h (6.18)
 * @header none - declared in the kernel-internal include/linux/dirent.h (user space: glibc's struct dirent64)
 */
export interface linux_dirent64 {
  /** Inode number. */
  d_ino: u64;
  /** The offset to seek to for the next entry (an opaque cookie). */
  d_off: s64;
  /** Length of this record, d_name's NUL and padding included. */
  d_reclen: ushort;
  /** File type: DT_REG, DT_DIR, DT_LNK, ... (DT_UNKNOWN when the filesystem does not say). */
  d_type: uchar;
  /** The NUL-terminated name. */
  d_name: FlexArray<char>;
}

/**
 * One directory entry of the old getdents(2); the buffer holds a sequence of them, each d_reclen bytes, up to
 * `count` bytes in all. The file type is the record's last byte (after d_name's NUL).
 *
 * Its members are `unsigned long`, so x32 (whose getdents is the 64-bit entry point) has the 64-bit layout:
 * `__kernel_ulong_t` here. The 32-bit ABIs' entry points of a 64-bit kernel write struct compat_linux_dirent,
 * the 32-bit layout.
 * @source fs/readdir.c (6.18)
 * @header none - declared in the kernel-internal fs/readdir.c
 */
export interface linux_dirent {
  /** Inode number. */
  d_ino: kernel_ulong_t;
  /** The offset to seek to for the next entry (an opaque cookie). */
  d_off: kernel_ulong_t;
  /** Length of this record, d_name's NUL, padding and the type byte included. */
  d_reclen: ushort;
  /** The NUL-terminated name. */
  d_name: FlexArray<char>;
}
