import type { Flag, FlagSet } from "@sysargs/dsl";

/**
 * RENAME_* flags of renameat2(2).
 * @source include/uapi/linux/fs.h (6.18)
 */
export type RenameFlags = FlagSet<{
  /** Fail with EEXIST instead of replacing an existing target (since 3.15). */
  RENAME_NOREPLACE: Flag<1, "3.15">;
  /** Atomically exchange the source and the target, which must both exist (since 3.15). */
  RENAME_EXCHANGE: Flag<2, "3.15">;
  /** Leave a whiteout object in place of the source (overlay/union filesystems) (since 3.18). */
  RENAME_WHITEOUT: Flag<4, "3.18">;
}>;

/**
 * CLOSE_RANGE_* flags of close_range(2).
 * @source include/uapi/linux/close_range.h (6.18)
 */
export type CloseRangeFlags = FlagSet<{
  /** Unshare the descriptor table before closing, so other sharers keep the descriptors (since 5.9). */
  CLOSE_RANGE_UNSHARE: Flag<2, "5.9">;
  /** Set close-on-exec on the descriptors instead of closing them (since 5.11). */
  CLOSE_RANGE_CLOEXEC: Flag<4, "5.11">;
}>;

/**
 * GRND_* flags of getrandom(2).
 * @source include/uapi/linux/random.h (6.18)
 */
export type GetrandomFlags = FlagSet<{
  /** Fail with EAGAIN instead of blocking. */
  GRND_NONBLOCK: 0x0001;
  /** Draw from the blocking pool (since 5.6 the same source, but still waits for initialization). */
  GRND_RANDOM: 0x0002;
  /** Return bytes even before the pool is initialized (since 5.6). */
  GRND_INSECURE: Flag<0x0004, "5.6">;
}>;
