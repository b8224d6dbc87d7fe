import type {
  FlagMinSize,
  Flags,
  InOut,
  long,
  OneOf,
  Out,
  Pid,
  Ptr,
  pid_t,
  Since,
  SizeOf,
  Struct,
  s32,
  u32,
  u64,
  uint,
  Version,
} from "@sysargs/dsl";
import type { SchedFlags, SchedPolicy } from "./sched-flags.js";

/**
 * Scheduling policy and attributes of sched_setattr(2) and sched_getattr(2).
 *
 * The extensible settings describe sched_setattr (sched_copy_attr): the size travels in the `size`
 * field, 0 means SCHED_ATTR_SIZE_VER0, and a size below it, above PAGE_SIZE or with a non-zero tail
 * gives E2BIG after the kernel writes its own sizeof back into `size`. sched_getattr differs, see its JSDoc.
 * @source include/uapi/linux/sched/types.h (6.18)
 * @source kernel/sched/syscalls.c (6.18) - sched_copy_attr, sys_sched_getattr
 * @header linux/sched/types.h
 */
export interface sched_attr
  extends Struct<{
    extensible: {
      versions: [Version<48, "3.14", "SCHED_ATTR_SIZE_VER0">, Version<56, "5.3", "SCHED_ATTR_SIZE_VER1">];
      sizeIn: { field: "size" };
      copy: "in";
      belowMin: "E2BIG";
      abovePage: "E2BIG";
      zeroMeansFirst: true;
      writesBackSize: true;
      tailMustBeZero: true;
      flagMinSize: [
        FlagMinSize<SchedFlags, "sched_flags", "SCHED_FLAG_UTIL_CLAMP_MIN", 56>,
        FlagMinSize<SchedFlags, "sched_flags", "SCHED_FLAG_UTIL_CLAMP_MAX", 56>,
      ];
    };
  }> {
  /** Size of the struct as the caller knows it (0 = SCHED_ATTR_SIZE_VER0). */
  size: u32;
  /** Scheduling policy (SCHED_*); ignored with SCHED_FLAG_KEEP_POLICY. */
  sched_policy: u32 & OneOf<SchedPolicy>;
  /** SCHED_FLAG_* flags. */
  sched_flags: u64 & Flags<SchedFlags>;
  /** Nice value for SCHED_NORMAL and SCHED_BATCH (clamped to -20..19). */
  sched_nice: s32;
  /** Static priority for SCHED_FIFO and SCHED_RR. */
  sched_priority: u32;
  /** SCHED_DEADLINE runtime, in nanoseconds. */
  sched_runtime: u64;
  /** SCHED_DEADLINE relative deadline, in nanoseconds. */
  sched_deadline: u64;
  /** SCHED_DEADLINE period, in nanoseconds. */
  sched_period: u64;
  /** Utilization clamp minimum (0..1024), with SCHED_FLAG_UTIL_CLAMP_MIN. */
  sched_util_min: u32 & Since<"5.3">;
  /** Utilization clamp maximum (0..1024), with SCHED_FLAG_UTIL_CLAMP_MAX. */
  sched_util_max: u32 & Since<"5.3">;
}

/**
 * Set the scheduling policy and attributes of a thread (0 = the caller). `uattr` is in/out: on E2BIG
 * the kernel writes its sizeof(struct sched_attr) into `uattr->size`. `flags` must be 0 (EINVAL otherwise).
 * @since 3.14
 * @source include/linux/syscalls.h (6.18)
 * @source kernel/sched/syscalls.c (6.18)
 */
export declare function sched_setattr(pid: pid_t & Pid, uattr: Ptr<InOut<sched_attr>>, flags: uint): long;

/**
 * Read the scheduling policy and attributes of a thread (0 = the caller).
 *
 * Differences from the extensible settings of sched_attr (which describe sched_setattr): the size is
 * the `usize` argument, not the `size` field; `usize` below SCHED_ATTR_SIZE_VER0 **or above PAGE_SIZE**
 * gives EINVAL (not E2BIG), and nothing is written back on error; the kernel copies
 * min(usize, sizeof) bytes out with copy_struct_to_user, sets `size` to that count, and zeroes the
 * user's bytes past its own size (6.18; before copy_struct_to_user the tail was left untouched).
 * A NULL `uattr`, a negative `pid` or non-zero `flags` give EINVAL.
 * @since 3.14
 * @source include/linux/syscalls.h (6.18)
 * @source kernel/sched/syscalls.c (6.18)
 */
export declare function sched_getattr(
  pid: pid_t & Pid,
  uattr: Ptr<Out<sched_attr>>,
  usize: uint & SizeOf<"uattr">,
  flags: uint,
): long;
