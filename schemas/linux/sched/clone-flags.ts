import type { Composite, Flag, FlagSet } from "@sysargs/dsl";

/**
 * CLONE_* flags of clone(2), clone3(2) and unshare(2).
 * @source include/uapi/linux/sched.h (6.18)
 */
export type CloneFlags = FlagSet<{
  /** Exit-signal byte of clone(2); must be zero in clone3. */
  CSIGNAL: Composite<0xff>;
  /** New time namespace; shares the CSIGNAL byte (clone3 and unshare only). */
  CLONE_NEWTIME: Composite<0x80, "5.6">;
  CLONE_VM: 0x100;
  CLONE_FS: 0x200;
  CLONE_FILES: 0x400;
  CLONE_SIGHAND: 0x800;
  CLONE_PIDFD: Flag<0x1000, "5.2">;
  CLONE_PTRACE: 0x2000;
  CLONE_VFORK: 0x4000;
  CLONE_PARENT: 0x8000;
  CLONE_THREAD: 0x10000;
  CLONE_NEWNS: 0x20000;
  CLONE_SYSVSEM: 0x40000;
  CLONE_SETTLS: 0x80000;
  CLONE_PARENT_SETTID: 0x100000;
  CLONE_CHILD_CLEARTID: 0x200000;
  /** Ignored by clone(2), rejected by clone3(2). */
  CLONE_DETACHED: 0x400000;
  CLONE_UNTRACED: 0x800000;
  CLONE_CHILD_SETTID: 0x1000000;
  CLONE_NEWCGROUP: 0x2000000;
  CLONE_NEWUTS: 0x4000000;
  CLONE_NEWIPC: 0x8000000;
  CLONE_NEWUSER: 0x10000000;
  CLONE_NEWPID: 0x20000000;
  CLONE_NEWNET: 0x40000000;
  CLONE_IO: 0x80000000;
  /** clone3 only. */
  CLONE_CLEAR_SIGHAND: Flag<0x100000000, "5.5">;
  /** clone3 only; requires a clone_args of at least CLONE_ARGS_SIZE_VER2. */
  CLONE_INTO_CGROUP: Flag<0x200000000, "5.7">;
}>;
