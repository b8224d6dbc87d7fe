import type { FlagSet } from "@sysargs/dsl";

/**
 * AT_* flags of the `flags`/`at_flags` argument of the *at() syscalls described in this folder and in
 * mount/ (mount_setattr, open_tree_attr, setxattrat, getxattrat, file_getattr, file_setattr).
 *
 * Only the four bits that these syscalls accept are members. The AT_* namespace is not one bit set: some
 * values are reused per syscall (AT_REMOVEDIR = AT_EACCESS = AT_HANDLE_FID = 0x200; AT_RENAME_* and
 * AT_HANDLE_MNT_ID_UNIQUE/AT_HANDLE_CONNECTABLE take the low bits), so AT_REMOVEDIR, AT_EACCESS,
 * AT_SYMLINK_FOLLOW, AT_STATX_*, AT_HANDLE_*, AT_RENAME_* and AT_EXECVE_CHECK are deliberately left out.
 * Each syscall's JSDoc says which of these four it accepts.
 * @source include/uapi/linux/fcntl.h (6.18)
 */
export type AtFlags = FlagSet<{
  /** Do not follow a symbolic link in the last path component. */
  AT_SYMLINK_NOFOLLOW: 0x100;
  /** Do not trigger an automount of the last path component. */
  AT_NO_AUTOMOUNT: 0x800;
  /** An empty path names the file `dfd` refers to. */
  AT_EMPTY_PATH: 0x1000;
  /** Apply to the whole mount subtree (mount_setattr, open_tree_attr). */
  AT_RECURSIVE: 0x8000;
}>;
