import type {
  Fd,
  Flags,
  In,
  int,
  long,
  OneOf,
  Ptr,
  Since,
  SizeOf,
  Struct,
  s32,
  size_t,
  u32,
  u64,
  Version,
  void_t,
} from "@sysargs/dsl";
import type {
  LandlockAccessFs,
  LandlockAccessNet,
  LandlockCreateRulesetFlags,
  LandlockRestrictSelfFlags,
  LandlockRuleType,
  LandlockScope,
} from "./landlock-flags.js";

/**
 * Actions a new Landlock ruleset handles (denies unless a rule allows them).
 *
 * The UAPI has no size macros: the kernel's minimum is offsetofend(handled_access_fs) = 8, and each
 * later field is a new size. A NULL `attr` gives EFAULT (when `flags` is 0).
 * @source include/uapi/linux/landlock.h (6.18)
 * @source security/landlock/syscalls.c (6.18) - copy_min_struct_from_user
 * @header linux/landlock.h
 */
export interface landlock_ruleset_attr
  extends Struct<{
    extensible: {
      versions: [Version<8, "5.13">, Version<16, "6.7">, Version<24, "6.12">];
      sizeIn: "argument";
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
    };
  }> {
  /** Filesystem actions handled by the ruleset (all three fields zero gives ENOMSG). */
  handled_access_fs: u64 & Flags<LandlockAccessFs>;
  /** Network actions handled by the ruleset (ABI 4). */
  handled_access_net: u64 & Flags<LandlockAccessNet> & Since<"6.7">;
  /** IPC scopes restricted by the ruleset (ABI 6). */
  scoped: u64 & Flags<LandlockScope> & Since<"6.12">;
}

/**
 * Rule of type LANDLOCK_RULE_PATH_BENEATH: access allowed beneath a file hierarchy. Packed on every
 * ABI (12 bytes, alignment 1), so it has no trailing padding.
 * @source include/uapi/linux/landlock.h (6.18)
 * @header linux/landlock.h
 */
export interface landlock_path_beneath_attr extends Struct<{ packed: true }> {
  /** Allowed filesystem actions: a subset of the ruleset's handled_access_fs (EINVAL otherwise). */
  allowed_access: u64 & Flags<LandlockAccessFs>;
  /** File descriptor (usually O_PATH) of the hierarchy's root. */
  parent_fd: s32 & Fd;
}

/**
 * Rule of type LANDLOCK_RULE_NET_PORT: TCP port allowed for bind or connect (ABI 4, 6.7).
 * @source include/uapi/linux/landlock.h (6.18)
 * @header linux/landlock.h
 * @since 6.7
 */
export interface landlock_net_port_attr {
  /** Allowed network actions: a subset of the ruleset's handled_access_net (EINVAL otherwise). */
  allowed_access: u64 & Flags<LandlockAccessNet>;
  /** Port in host endianness; values above 65535 give EINVAL. */
  port: u64;
}

/**
 * Create a Landlock ruleset and return its fd, or, with a LANDLOCK_CREATE_RULESET_* flag (and `attr`
 * NULL, `size` 0), return the ABI version or the errata mask.
 * @since 5.13
 * @source include/linux/syscalls.h (6.18)
 * @source security/landlock/syscalls.c (6.18)
 */
export declare function landlock_create_ruleset(
  attr: Ptr<In<landlock_ruleset_attr>>,
  size: size_t & SizeOf<"attr">,
  flags: u32 & Flags<LandlockCreateRulesetFlags>,
): long;

/**
 * Add a rule to a ruleset. `rule_attr` points to a struct landlock_path_beneath_attr
 * (LANDLOCK_RULE_PATH_BENEATH) or a struct landlock_net_port_attr (LANDLOCK_RULE_NET_PORT), selected by
 * `rule_type`; the DSL cannot express that choice, so it is typed void here. `flags` must be 0 in 6.18.
 * @since 5.13
 * @source include/linux/syscalls.h (6.18)
 * @source security/landlock/syscalls.c (6.18)
 */
export declare function landlock_add_rule(
  ruleset_fd: int & Fd,
  rule_type: int & OneOf<LandlockRuleType>,
  rule_attr: Ptr<In<void_t>>,
  flags: u32,
): long;

/**
 * Enforce a ruleset on the calling thread (requires no_new_privs or CAP_SYS_ADMIN).
 * @since 5.13
 * @source include/linux/syscalls.h (6.18)
 * @source security/landlock/syscalls.c (6.18)
 */
export declare function landlock_restrict_self(
  ruleset_fd: int & Fd,
  flags: u32 & Flags<LandlockRestrictSelfFlags>,
): long;
