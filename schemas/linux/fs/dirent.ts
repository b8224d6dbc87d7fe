import type { char, FlexArray, s64, u64, uchar, ushort } from "@sysargs/dsl";

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
