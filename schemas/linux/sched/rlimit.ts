import type { EnumSet, On, PerAbi } from "@sysargs/dsl";
import type { arch_alpha, arch_mips, arch_sparc } from "../../abi/index.js";

/**
 * RLIMIT_* resources: the `resource` of getrlimit(2), setrlimit(2), prlimit64(2) and ugetrlimit, per ABI.
 *
 * The default values are asm-generic's; alpha, sparc and mips reorder RLIMIT_RSS, RLIMIT_NPROC, RLIMIT_NOFILE,
 * RLIMIT_MEMLOCK and RLIMIT_AS. RLIM_NLIMITS (16), the bound, is not a member.
 * @source include/uapi/asm-generic/resource.h (6.18)
 * @source arch/alpha/include/uapi/asm/resource.h (6.18)
 * @source arch/sparc/include/uapi/asm/resource.h (6.18)
 * @source arch/mips/include/uapi/asm/resource.h (6.18)
 */
export type RlimitResource = EnumSet<{
  /** CPU time in seconds. */
  RLIMIT_CPU: 0;
  /** Largest file size, in bytes. */
  RLIMIT_FSIZE: 1;
  /** Largest data segment (and since 4.7 other private writable mappings), in bytes. */
  RLIMIT_DATA: 2;
  /** Largest stack, in bytes. */
  RLIMIT_STACK: 3;
  /** Largest core file, in bytes. */
  RLIMIT_CORE: 4;
  /** Largest resident set, in bytes (no effect). */
  RLIMIT_RSS: PerAbi<5, [On<arch_mips, 7>]>;
  /** Number of processes (threads) of the real user ID. */
  RLIMIT_NPROC: PerAbi<6, [On<arch_mips | arch_alpha, 8>, On<arch_sparc, 7>]>;
  /** One more than the largest file descriptor number. */
  RLIMIT_NOFILE: PerAbi<7, [On<arch_sparc | arch_alpha, 6>, On<arch_mips, 5>]>;
  /** Most memory that may be locked, in bytes. */
  RLIMIT_MEMLOCK: PerAbi<8, [On<arch_mips | arch_alpha, 9>]>;
  /** Largest address space, in bytes. */
  RLIMIT_AS: PerAbi<9, [On<arch_alpha, 7>, On<arch_mips, 6>]>;
  /** Number of file locks (no effect). */
  RLIMIT_LOCKS: 10;
  /** Number of queued signals of the real user ID. */
  RLIMIT_SIGPENDING: 11;
  /** Bytes in POSIX message queues of the real user ID. */
  RLIMIT_MSGQUEUE: 12;
  /** Ceiling of the nice value (as 20 - nice). */
  RLIMIT_NICE: 13;
  /** Ceiling of the real-time priority. */
  RLIMIT_RTPRIO: 14;
  /** CPU time a real-time thread may use without blocking, in microseconds. */
  RLIMIT_RTTIME: 15;
}>;
