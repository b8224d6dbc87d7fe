import type { Composite, EnumSet, Flag, FlagSet } from "@sysargs/dsl";

/**
 * P_* ID types: the `which` of waitid(2), saying what `upid` names.
 * @source include/uapi/linux/wait.h (6.18)
 */
export type WaitIdType = EnumSet<{
  /** Any child (`upid` is ignored). */
  P_ALL: 0;
  /** The child whose process ID is `upid`. */
  P_PID: 1;
  /** Any child in process group `upid` (0: the caller's group). */
  P_PGID: 2;
  /** The child that the pidfd `upid` refers to (since 5.4). */
  P_PIDFD: Flag<3, "5.4">;
}>;

/**
 * W* options of wait4(2), waitpid and waitid(2).
 *
 * wait4 and waitpid take WNOHANG, WUNTRACED, WCONTINUED and the three __W* bits; waitid takes WNOHANG, WEXITED,
 * WSTOPPED, WCONTINUED, WNOWAIT and the __W* bits, and requires one of WEXITED, WSTOPPED or WCONTINUED.
 * @source include/uapi/linux/wait.h (6.18)
 */
export type WaitOptions = FlagSet<{
  /** Return at once if no child has changed state. */
  WNOHANG: 0x00000001;
  /** Also report stopped children (wait4, waitpid). */
  WUNTRACED: 0x00000002;
  /** waitid's name for WUNTRACED: report stopped children. */
  WSTOPPED: Composite<0x00000002>;
  /** Report terminated children (waitid). */
  WEXITED: 0x00000004;
  /** Report children continued by SIGCONT. */
  WCONTINUED: 0x00000008;
  /** Leave the child waitable: a later call can wait for it again (waitid). */
  WNOWAIT: 0x01000000;
  /** Wait only for children of the calling thread, not of other threads of its group. */
  __WNOTHREAD: 0x20000000;
  /** Wait for all children, whatever the signal they report their end with. */
  __WALL: 0x40000000;
  /** Wait only for "clone" children (that report their end with no signal or another than SIGCHLD). */
  __WCLONE: 0x80000000;
}>;
