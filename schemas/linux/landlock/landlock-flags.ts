import type { EnumSet, Flag, FlagSet } from "@sysargs/dsl";

/**
 * LANDLOCK_ACCESS_FS_* filesystem access rights of landlock_ruleset_attr.handled_access_fs and
 * landlock_path_beneath_attr.allowed_access. Bits unknown to the running kernel give EINVAL.
 * Landlock ABI versions: 1 = 5.13, 2 = 5.19, 3 = 6.2, 4 = 6.7, 5 = 6.10, 6 = 6.12, 7 = 6.15.
 * @source include/uapi/linux/landlock.h (6.18)
 */
export type LandlockAccessFs = FlagSet<{
  /** Execute a file. */
  LANDLOCK_ACCESS_FS_EXECUTE: 0x1;
  /** Open a file with write access. */
  LANDLOCK_ACCESS_FS_WRITE_FILE: 0x2;
  /** Open a file with read access. */
  LANDLOCK_ACCESS_FS_READ_FILE: 0x4;
  /** Open a directory or list its content. */
  LANDLOCK_ACCESS_FS_READ_DIR: 0x8;
  /** Remove an empty directory or rename one. */
  LANDLOCK_ACCESS_FS_REMOVE_DIR: 0x10;
  /** Unlink or rename a file. */
  LANDLOCK_ACCESS_FS_REMOVE_FILE: 0x20;
  /** Create, rename or link a character device. */
  LANDLOCK_ACCESS_FS_MAKE_CHAR: 0x40;
  /** Create or rename a directory. */
  LANDLOCK_ACCESS_FS_MAKE_DIR: 0x80;
  /** Create, rename or link a regular file. */
  LANDLOCK_ACCESS_FS_MAKE_REG: 0x100;
  /** Create, rename or link a UNIX domain socket. */
  LANDLOCK_ACCESS_FS_MAKE_SOCK: 0x200;
  /** Create, rename or link a named pipe. */
  LANDLOCK_ACCESS_FS_MAKE_FIFO: 0x400;
  /** Create, rename or link a block device. */
  LANDLOCK_ACCESS_FS_MAKE_BLOCK: 0x800;
  /** Create, rename or link a symbolic link. */
  LANDLOCK_ACCESS_FS_MAKE_SYM: 0x1000;
  /** Link or rename a file from or to a different directory (ABI 2). */
  LANDLOCK_ACCESS_FS_REFER: Flag<0x2000, "5.19">;
  /** Truncate a file (ABI 3). */
  LANDLOCK_ACCESS_FS_TRUNCATE: Flag<0x4000, "6.2">;
  /** ioctl(2) on a character or block device (ABI 5). */
  LANDLOCK_ACCESS_FS_IOCTL_DEV: Flag<0x8000, "6.10">;
}>;

/**
 * LANDLOCK_ACCESS_NET_* network access rights of landlock_ruleset_attr.handled_access_net and
 * landlock_net_port_attr.allowed_access (ABI 4).
 * @source include/uapi/linux/landlock.h (6.18)
 */
export type LandlockAccessNet = FlagSet<{
  /** Bind a TCP socket to a local port. */
  LANDLOCK_ACCESS_NET_BIND_TCP: Flag<0x1, "6.7">;
  /** Connect a TCP socket to a remote port. */
  LANDLOCK_ACCESS_NET_CONNECT_TCP: Flag<0x2, "6.7">;
}>;

/**
 * LANDLOCK_SCOPE_* IPC scopes of landlock_ruleset_attr.scoped (ABI 6).
 * @source include/uapi/linux/landlock.h (6.18)
 */
export type LandlockScope = FlagSet<{
  /** Deny connecting to abstract UNIX sockets created outside the domain. */
  LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET: Flag<0x1, "6.12">;
  /** Deny sending signals to processes outside the domain. */
  LANDLOCK_SCOPE_SIGNAL: Flag<0x2, "6.12">;
}>;

/**
 * LANDLOCK_CREATE_RULESET_* flags of landlock_create_ruleset(2): each turns the call into a query and
 * requires `attr` NULL and `size` 0 (EINVAL otherwise); the two cannot be combined.
 * @source include/uapi/linux/landlock.h (6.18)
 */
export type LandlockCreateRulesetFlags = FlagSet<{
  /** Return the highest supported Landlock ABI version. */
  LANDLOCK_CREATE_RULESET_VERSION: 0x1;
  /** Return the bitmask of fixed errata (mainline 6.15; also backported to stable kernels). */
  LANDLOCK_CREATE_RULESET_ERRATA: Flag<0x2, "6.15">;
}>;

/**
 * LANDLOCK_RESTRICT_SELF_* flags of landlock_restrict_self(2): audit logging controls (ABI 7).
 * With only LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF, `ruleset_fd` may be -1.
 * @source include/uapi/linux/landlock.h (6.18)
 */
export type LandlockRestrictSelfFlags = FlagSet<{
  /** Do not log denials of the current executable. */
  LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF: Flag<0x1, "6.15">;
  /** Log denials of executables started after this call. */
  LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON: Flag<0x2, "6.15">;
  /** Do not log denials of nested domains. */
  LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF: Flag<0x4, "6.15">;
}>;

/**
 * Rule types of landlock_add_rule(2): they select the struct that `rule_attr` points to.
 * @source include/uapi/linux/landlock.h (6.18)
 */
export type LandlockRuleType = EnumSet<{
  /** `rule_attr` is a struct landlock_path_beneath_attr. */
  LANDLOCK_RULE_PATH_BENEATH: 1;
  /** `rule_attr` is a struct landlock_net_port_attr. */
  LANDLOCK_RULE_NET_PORT: Flag<2, "6.7">;
}>;
