import type { FlexArray, int, u32, uchar } from "@sysargs/dsl";

/**
 * An opaque file handle of name_to_handle_at(2) and open_by_handle_at(2): 8 bytes and handle_bytes bytes of
 * f_handle (at most MAX_HANDLE_SZ, 128).
 * @source include/linux/fs.h (6.18)
 * @header none - declared in the kernel-internal include/linux/fs.h (user space: glibc's struct file_handle)
 */
export interface file_handle {
  /** Size of f_handle: the caller's buffer size on input; name_to_handle_at writes the size needed. */
  handle_bytes: u32;
  /** The handle's type, written by name_to_handle_at. */
  handle_type: int;
  /** The handle itself, handle_bytes long. */
  f_handle: FlexArray<uchar>;
}
