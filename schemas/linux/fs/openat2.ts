import type {
  Fd,
  Flag,
  FlagSet,
  Flags,
  In,
  int,
  long,
  Path,
  Ptr,
  SizeOf,
  Struct,
  size_t,
  u64,
  Version,
} from "@sysargs/dsl";
import type { OpenFlags } from "../fcntl/open-flags.js";

/**
 * RESOLVE_* flags of open_how.resolve: restrictions on path resolution. Unknown bits give EINVAL;
 * RESOLVE_BENEATH together with RESOLVE_IN_ROOT gives EINVAL.
 * @source include/uapi/linux/openat2.h (6.18)
 */
export type ResolveFlags = FlagSet<{
  /** Do not cross mount points (bind mounts included). */
  RESOLVE_NO_XDEV: 0x01;
  /** Do not follow procfs-style "magic links". */
  RESOLVE_NO_MAGICLINKS: 0x02;
  /** Do not follow any symbolic link (implies RESOLVE_NO_MAGICLINKS). */
  RESOLVE_NO_SYMLINKS: 0x04;
  /** Refuse to leave the directory `dfd` (no "..", absolute paths or links escaping it). */
  RESOLVE_BENEATH: 0x08;
  /** Resolve as if `dfd` were the root directory. */
  RESOLVE_IN_ROOT: 0x10;
  /** Succeed only if the lookup can be completed from the dcache (EAGAIN otherwise). */
  RESOLVE_CACHED: Flag<0x20, "5.12">;
}>;

/**
 * How openat2(2) opens a file.
 *
 * OPEN_HOW_SIZE_VER0 (24) is defined in the kernel-internal include/linux/fcntl.h, not in the UAPI
 * headers, so user space has no macro for it.
 * @source include/uapi/linux/openat2.h (6.18)
 * @source include/linux/fcntl.h (6.18) - OPEN_HOW_SIZE_VER0
 * @source fs/open.c (6.18) - size checks in sys_openat2, flag checks in build_open_flags
 * @header linux/openat2.h
 */
export interface open_how
  extends Struct<{
    extensible: {
      versions: [Version<24, "5.6", "OPEN_HOW_SIZE_VER0">];
      sizeIn: "argument";
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
    };
  }> {
  /** O_* open flags; unlike open(2), unknown bits give EINVAL and the upper 32 bits must be zero. */
  flags: u64 & Flags<OpenFlags>;
  /** File mode for O_CREAT/O_TMPFILE; must be zero otherwise, and bits outside S_IALLUGO give EINVAL. */
  mode: u64;
  /** RESOLVE_* restrictions on path resolution. */
  resolve: u64 & Flags<ResolveFlags>;
}

/**
 * Open a file relative to a directory, with extensible open and path-resolution options.
 * @since 5.6
 * @source include/linux/syscalls.h (6.18)
 */
export declare function openat2(
  dfd: int & Fd,
  filename: Path,
  how: Ptr<In<open_how>>,
  usize: size_t & SizeOf<"how">,
): long;
