import type { EnumSet, Flag, FlagSet } from "@sysargs/dsl";

/**
 * SECCOMP_* operations: the `op` of seccomp(2).
 * @source include/uapi/linux/seccomp.h (6.18)
 */
export type SeccompOp = EnumSet<{
  /** Enter strict mode: only read, write, _exit and sigreturn are allowed. */
  SECCOMP_SET_MODE_STRICT: 0;
  /** Install the BPF filter `uargs` (struct sock_fprog *). */
  SECCOMP_SET_MODE_FILTER: 1;
  /** Check that the return action `*uargs` (u32) is supported (since 4.14). */
  SECCOMP_GET_ACTION_AVAIL: Flag<2, "4.14">;
  /** Get the sizes of the user-notification structs into `uargs` (since 5.0). */
  SECCOMP_GET_NOTIF_SIZES: Flag<3, "5.0">;
}>;

/**
 * SECCOMP_FILTER_FLAG_* flags: the `flags` of seccomp(2) with SECCOMP_SET_MODE_FILTER (0 for the other operations).
 * @source include/uapi/linux/seccomp.h (6.18)
 */
export type SeccompFilterFlags = FlagSet<{
  /** Install the filter on every thread of the process. */
  SECCOMP_FILTER_FLAG_TSYNC: 1;
  /** Log every action but SECCOMP_RET_ALLOW (since 4.14). */
  SECCOMP_FILTER_FLAG_LOG: Flag<2, "4.14">;
  /** Do not enable the speculative store bypass mitigation (since 4.17). */
  SECCOMP_FILTER_FLAG_SPEC_ALLOW: Flag<4, "4.17">;
  /** Return a user-notification listener descriptor (since 5.0). */
  SECCOMP_FILTER_FLAG_NEW_LISTENER: Flag<8, "5.0">;
  /** With TSYNC: fail with ESRCH instead of returning a thread ID when threads cannot sync (since 5.7). */
  SECCOMP_FILTER_FLAG_TSYNC_ESRCH: Flag<16, "5.7">;
  /** Notified tasks wait killably once the notification is received (since 5.19). */
  SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV: Flag<32, "5.19">;
}>;
