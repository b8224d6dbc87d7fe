import type {
  aligned_u64,
  CountedArray,
  Fd,
  FlagMinSize,
  Flags,
  In,
  int,
  LenOf,
  long,
  Out,
  Ptr,
  Ptr64,
  pid_t,
  Signal,
  Since,
  SizeOf,
  Struct,
  size_t,
  Version,
  void_t,
} from "@sysargs/dsl";
import type { CloneFlags } from "./clone-flags.js";

/**
 * Arguments of clone3(2).
 * @source include/uapi/linux/sched.h (6.18)
 * @header linux/sched.h
 */
export interface clone_args
  extends Struct<{
    extensible: {
      versions: [
        Version<64, "5.3", "CLONE_ARGS_SIZE_VER0">,
        Version<80, "5.5", "CLONE_ARGS_SIZE_VER1">,
        Version<88, "5.7", "CLONE_ARGS_SIZE_VER2">,
      ];
      sizeIn: "argument";
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
      flagMinSize: [FlagMinSize<CloneFlags, "flags", "CLONE_INTO_CGROUP", 88>];
    };
  }> {
  /** Flags for the new process (CLONE_*); CSIGNAL bits must be zero. */
  flags: aligned_u64 & Flags<CloneFlags>;
  /** Where to store the pidfd (CLONE_PIDFD). */
  pidfd: Ptr64<Out<int>>;
  /** Where to store the child's TID in the child's memory (CLONE_CHILD_SETTID). */
  child_tid: Ptr64<Out<pid_t>>;
  /** Where to store the child's TID in the parent's memory (CLONE_PARENT_SETTID). */
  parent_tid: Ptr64<Out<pid_t>>;
  /** Signal sent to the parent when the child exits. */
  exit_signal: aligned_u64 & Signal;
  /** Lowest address of the child's stack. */
  stack: Ptr64<void_t>;
  stack_size: aligned_u64 & LenOf<"stack">;
  /** New TLS value (CLONE_SETTLS). */
  tls: aligned_u64;
  /** PIDs to request in each nested PID namespace. */
  set_tid: Ptr64<In<CountedArray<pid_t, "set_tid_size">>> & Since<"5.5">;
  set_tid_size: aligned_u64 & Since<"5.5">;
  /** cgroup fd to start the child in (CLONE_INTO_CGROUP). */
  cgroup: aligned_u64 & Fd & Since<"5.7">;
}

/**
 * Create a child process or thread.
 * @since 5.3
 * @source include/linux/syscalls.h (6.18)
 */
export declare function clone3(cl_args: Ptr<In<clone_args>>, size: size_t & SizeOf<"cl_args">): long;
