import type {
  char,
  FlexArray,
  In,
  InOut,
  int,
  long,
  Ptr,
  Ptr64,
  Since,
  Struct,
  u32,
  u64,
  void_t,
} from "@sysargs/dsl";

/**
 * The restartable-sequences area of a thread, registered by rseq(2): 32 bytes and 32-aligned everywhere
 * (`__attribute__((aligned(4 * sizeof(__u64))))`). The kernel updates it while the thread runs; `end` marks
 * where the features of the registered size (rseq_len, at least 32) stop.
 * @source include/uapi/linux/rseq.h (6.18)
 */
export interface rseq extends Struct<{ aligned: 32 }> {
  /** The CPU the thread last started on (always valid), written by the kernel. */
  cpu_id_start: u32;
  /** The current CPU, or RSEQ_CPU_ID_UNINITIALIZED / RSEQ_CPU_ID_REGISTRATION_FAILED; written by the kernel. */
  cpu_id: u32;
  /** The active critical section: a pointer to a struct rseq_cs, or 0; written by user space. */
  rseq_cs: Ptr64<In<void_t>, u64>;
  /** Deprecated RSEQ_CS_FLAG_NO_RESTART_ON_* bits (must be 0 since 6.1). */
  flags: u32;
  /** The current NUMA node, written by the kernel. */
  node_id: u32 & Since<"6.3">;
  /** The memory-map concurrency ID of the thread, written by the kernel. */
  mm_cid: u32 & Since<"6.3">;
  /** The end of the features of this kernel: user space compares rseq_len with its offset. */
  end: FlexArray<char> & Since<"6.3">;
}

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Register or unregister the restartable-sequences area of the calling thread.
 *
 * Declared here rather than generated: the syscall and its struct share the kernel's name. The kernel keeps
 * writing the area (cpu_id, node_id, mm_cid) while it is registered. `flags` is 0 or RSEQ_FLAG_UNREGISTER;
 * `sig` is the signature expected before each abort handler.
 * @since 4.18
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_rseq (6.18.44)
 */
export declare function rseq(rseq: Ptr<InOut<rseq>>, rseq_len: u32, flags: int, sig: u32): long;
