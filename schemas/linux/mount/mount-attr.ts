import type {
  Composite,
  Fd,
  Flag,
  FlagSet,
  Flags,
  In,
  int,
  long,
  On,
  Path,
  PerAbi,
  Ptr,
  SizeOf,
  Struct,
  size_t,
  u64,
  uint,
  Version,
} from "@sysargs/dsl";
import type { arch_alpha, arch_parisc, arch_sparc } from "../../abi/groups.js";
import type { AtFlags } from "../fs/at-flags.js";

/**
 * MOUNT_ATTR_* mount attributes of mount_attr.attr_set and attr_clr (also fsmount(2) attr_flags).
 *
 * The access-time mode is not a set of bits but a value inside the MOUNT_ATTR__ATIME mask (RELATIME 0,
 * NOATIME 0x10, STRICTATIME 0x20): to change it, attr_clr must contain the whole MOUNT_ATTR__ATIME mask
 * and attr_set at most one of the values (EINVAL otherwise). Unknown bits give EINVAL.
 * @source include/uapi/linux/mount.h (6.18)
 * @source fs/namespace.c (6.18) - build_mount_kattr
 */
export type MountAttrFlags = FlagSet<{
  /** Read-only mount. */
  MOUNT_ATTR_RDONLY: 0x1;
  /** Ignore set-user-ID and set-group-ID bits and file capabilities. */
  MOUNT_ATTR_NOSUID: 0x2;
  /** Disallow access to device special files. */
  MOUNT_ATTR_NODEV: 0x4;
  /** Disallow program execution. */
  MOUNT_ATTR_NOEXEC: 0x8;
  /** Mask of the access-time mode (a value, not bits). */
  MOUNT_ATTR__ATIME: Composite<0x70>;
  /** Access-time mode: update atime relative to mtime/ctime (the value 0 inside MOUNT_ATTR__ATIME). */
  MOUNT_ATTR_RELATIME: Composite<0>;
  /** Access-time mode: never update access times (a value inside MOUNT_ATTR__ATIME). */
  MOUNT_ATTR_NOATIME: 0x10;
  /** Access-time mode: always update access times (a value inside MOUNT_ATTR__ATIME). */
  MOUNT_ATTR_STRICTATIME: 0x20;
  /** Do not update directory access times. */
  MOUNT_ATTR_NODIRATIME: 0x80;
  /** Idmap the mount with the user namespace in mount_attr.userns_fd (attr_set only). */
  MOUNT_ATTR_IDMAP: 0x100000;
  /** Do not follow symbolic links. */
  MOUNT_ATTR_NOSYMFOLLOW: Flag<0x200000, "5.14">;
}>;

/**
 * Propagation types of mount_attr.propagation: at most one of them (EINVAL otherwise), or 0 to leave the
 * propagation unchanged. The same MS_* values as mount(2).
 * @source include/uapi/linux/mount.h (6.18)
 */
export type MountPropagation = FlagSet<{
  /** Make the mount unbindable. */
  MS_UNBINDABLE: 0x20000;
  /** Make the mount private. */
  MS_PRIVATE: 0x40000;
  /** Make the mount a slave of its peer group. */
  MS_SLAVE: 0x80000;
  /** Make the mount shared. */
  MS_SHARED: 0x100000;
}>;

/**
 * OPEN_TREE_* flags of open_tree(2) and open_tree_attr(2). The same argument also takes AT_EMPTY_PATH,
 * AT_NO_AUTOMOUNT, AT_RECURSIVE and AT_SYMLINK_NOFOLLOW (AtFlags), which a value can name only one set of;
 * see open_tree_attr.
 * @source include/uapi/linux/mount.h (6.18)
 */
export type OpenTreeFlags = FlagSet<{
  /** Clone the mount tree into a new detached mount instead of referring to it. */
  OPEN_TREE_CLONE: 0x1;
  /** Close-on-exec: the value of O_CLOEXEC, which differs per architecture. */
  OPEN_TREE_CLOEXEC: PerAbi<
    0x80000,
    [On<arch_alpha, 0x200000>, On<arch_parisc, 0x200000>, On<arch_sparc, 0x400000>]
  >;
}>;

/**
 * Mount attributes to set and clear, with mount_setattr(2) and open_tree_attr(2).
 * @source include/uapi/linux/mount.h (6.18)
 * @source fs/namespace.c (6.18) - copy_mount_setattr, build_mount_kattr
 * @header linux/mount.h
 */
export interface mount_attr
  extends Struct<{
    extensible: {
      versions: [Version<32, "5.12", "MOUNT_ATTR_SIZE_VER0">];
      sizeIn: "argument";
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
    };
  }> {
  /** MOUNT_ATTR_* attributes to set. */
  attr_set: u64 & Flags<MountAttrFlags>;
  /** MOUNT_ATTR_* attributes to clear. */
  attr_clr: u64 & Flags<MountAttrFlags>;
  /** New propagation type (MS_*), or 0. */
  propagation: u64 & Flags<MountPropagation>;
  /** User namespace fd for MOUNT_ATTR_IDMAP; values above INT_MAX give EINVAL. */
  userns_fd: u64 & Fd;
}

/**
 * Change the attributes and propagation of a mount or (with AT_RECURSIVE) a mount tree.
 * `flags` accepts AT_EMPTY_PATH, AT_RECURSIVE, AT_SYMLINK_NOFOLLOW and AT_NO_AUTOMOUNT (EINVAL otherwise).
 * The EPERM check (may_mount) comes before the struct is copied.
 * @since 5.12
 * @source include/linux/syscalls.h (6.18)
 * @source fs/namespace.c (6.18)
 */
export declare function mount_setattr(
  dfd: int & Fd,
  path: Path,
  flags: uint & Flags<AtFlags>,
  uattr: Ptr<In<mount_attr>>,
  usize: size_t & SizeOf<"uattr">,
): long;

/**
 * open_tree(2) that also applies mount attributes to the new detached mount; returns an O_PATH fd.
 * `flags` takes OPEN_TREE_CLONE and OPEN_TREE_CLOEXEC (declared here) and also AT_EMPTY_PATH,
 * AT_NO_AUTOMOUNT, AT_RECURSIVE and AT_SYMLINK_NOFOLLOW (AtFlags), EINVAL for anything else.
 * `uattr` may be NULL with `usize` 0 (then it behaves as open_tree); a NULL `uattr` with a non-zero `usize`
 * gives EINVAL; otherwise the size rules of mount_attr apply (so `usize` 0 with a non-NULL `uattr` is EINVAL).
 * @since 6.15
 * @source include/linux/syscalls.h (6.18)
 * @source fs/namespace.c (6.18)
 */
export declare function open_tree_attr(
  dfd: int & Fd,
  filename: Path,
  flags: uint & Flags<OpenTreeFlags>,
  uattr: Ptr<In<mount_attr>>,
  usize: size_t & SizeOf<"uattr">,
): long;
