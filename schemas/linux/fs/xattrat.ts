import type {
  cstring,
  Fd,
  FlagSet,
  Flags,
  In,
  InOut,
  int,
  LenOf,
  long,
  Path,
  Ptr,
  Ptr64,
  SizeOf,
  Struct,
  size_t,
  u32,
  uint,
  Version,
  void_t,
} from "@sysargs/dsl";
import type { AtFlags } from "./at-flags.js";

/**
 * XATTR_* flags of setxattr(2) and of xattr_args.flags (setxattrat); the two are mutually exclusive.
 * @source include/uapi/linux/xattr.h (6.18)
 */
export type XattrFlags = FlagSet<{
  /** Fail with EEXIST if the attribute already exists. */
  XATTR_CREATE: 0x1;
  /** Fail with ENODATA if the attribute does not exist. */
  XATTR_REPLACE: 0x2;
}>;

/**
 * Value buffer and flags of setxattrat(2) and getxattrat(2).
 *
 * XATTR_ARGS_SIZE_VER0 (16) is defined in the kernel-internal include/linux/xattr.h, not in the UAPI
 * headers, so user space has no macro for it.
 * @source include/uapi/linux/xattr.h (6.18) - struct xattr_args
 * @source include/linux/xattr.h (6.18) - XATTR_ARGS_SIZE_VER0
 * @source fs/xattr.c (6.18) - size checks in sys_setxattrat and sys_getxattrat
 * @header linux/xattr.h
 * @since 6.13
 */
export interface xattr_args
  extends Struct<{
    extensible: {
      versions: [Version<16, "6.13", "XATTR_ARGS_SIZE_VER0">];
      sizeIn: "argument";
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
    };
  }> {
  /** The attribute value: read by setxattrat, written by getxattrat. */
  value: Ptr64<InOut<void_t>>;
  /** Size of the value buffer in bytes (at most XATTR_SIZE_MAX, 65536). */
  size: u32 & LenOf<"value">;
  /** XATTR_* flags for setxattrat; must be zero for getxattrat (EINVAL otherwise). */
  flags: u32 & Flags<XattrFlags>;
}

/**
 * Set an extended attribute of a file named relative to a directory or by a file descriptor.
 * `at_flags` accepts only AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH (EINVAL otherwise).
 * @since 6.13
 * @source include/linux/syscalls.h (6.18)
 * @source fs/xattr.c (6.18)
 */
export declare function setxattrat(
  dfd: int & Fd,
  pathname: Path,
  at_flags: uint & Flags<AtFlags>,
  name: Ptr<In<cstring>>,
  uargs: Ptr<In<xattr_args>>,
  usize: size_t & SizeOf<"uargs">,
): long;

/**
 * Read an extended attribute of a file named relative to a directory or by a file descriptor; returns
 * the size of the value. `at_flags` accepts only AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH (EINVAL otherwise),
 * and `uargs->flags` must be zero.
 * @since 6.13
 * @source include/linux/syscalls.h (6.18)
 * @source fs/xattr.c (6.18)
 */
export declare function getxattrat(
  dfd: int & Fd,
  pathname: Path,
  at_flags: uint & Flags<AtFlags>,
  name: Ptr<In<cstring>>,
  uargs: Ptr<In<xattr_args>>,
  usize: size_t & SizeOf<"uargs">,
): long;
