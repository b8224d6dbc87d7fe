import type { EnumSet, Flag } from "@sysargs/dsl";

/**
 * PR_* options: the `option` of prctl(2).
 *
 * The values are the same on every ABI. Members are the options sys_prctl (kernel/sys.c of linux-source-6.12)
 * handles, with those the LSM hooks take before it (capabilities: PR_CAPBSET_*, PR_*_KEEPCAPS, PR_*_SECUREBITS,
 * PR_CAP_AMBIENT; Yama: PR_SET_PTRACER). The other PR_* names of the header are values of `arg2`..`arg5` and are
 * not members (PR_SET_MM_*, PR_SPEC_*, PR_MCE_KILL_*, PR_CAP_AMBIENT_*, PR_TSC_*, ...). Several options exist on
 * one architecture only and fail with EINVAL elsewhere. Options newer than linux-source-6.12 (the arm64 shadow
 * stack options of 6.13 and later) are not members: no source of `sysargs verify` could prove them.
 * @source include/uapi/linux/prctl.h (6.18)
 */
export type PrctlOption = EnumSet<{
  /** Set the signal sent to the caller when its parent dies. */
  PR_SET_PDEATHSIG: 1;
  /** Get the parent-death signal into *(int *)arg2. */
  PR_GET_PDEATHSIG: 2;
  /** Get the dumpable attribute. */
  PR_GET_DUMPABLE: 3;
  /** Set the dumpable attribute (core dumps, ptrace attach, /proc ownership). */
  PR_SET_DUMPABLE: 4;
  /** Get the unaligned-access control bits (some architectures). */
  PR_GET_UNALIGN: 5;
  /** Set the unaligned-access control bits (some architectures). */
  PR_SET_UNALIGN: 6;
  /** Get the keep-capabilities flag. */
  PR_GET_KEEPCAPS: 7;
  /** Keep permitted capabilities across a change of all UIDs from 0. */
  PR_SET_KEEPCAPS: 8;
  /** Get the floating-point emulation control bits (ia64). */
  PR_GET_FPEMU: 9;
  /** Set the floating-point emulation control bits (ia64). */
  PR_SET_FPEMU: 10;
  /** Get the floating-point exception mode (powerpc). */
  PR_GET_FPEXC: 11;
  /** Set the floating-point exception mode (powerpc). */
  PR_SET_FPEXC: 12;
  /** Get the process timing method (always statistical). */
  PR_GET_TIMING: 13;
  /** Set the process timing method (only PR_TIMING_STATISTICAL). */
  PR_SET_TIMING: 14;
  /** Set the calling thread's name (comm) from a string of up to 16 bytes. */
  PR_SET_NAME: 15;
  /** Get the calling thread's name into a 16-byte buffer. */
  PR_GET_NAME: 16;
  /** Get the endianness mode (powerpc). */
  PR_GET_ENDIAN: 19;
  /** Set the endianness mode (powerpc). */
  PR_SET_ENDIAN: 20;
  /** Get the seccomp mode. */
  PR_GET_SECCOMP: 21;
  /** Set the seccomp mode (strict, or a filter as with seccomp(2)). */
  PR_SET_SECCOMP: 22;
  /** Test a capability in the bounding set. */
  PR_CAPBSET_READ: 23;
  /** Drop a capability from the bounding set. */
  PR_CAPBSET_DROP: 24;
  /** Get whether the timestamp counter may be read (x86). */
  PR_GET_TSC: 25;
  /** Set whether the timestamp counter may be read (x86). */
  PR_SET_TSC: 26;
  /** Get the securebits flags. */
  PR_GET_SECUREBITS: 27;
  /** Set the securebits flags. */
  PR_SET_SECUREBITS: 28;
  /** Set the calling thread's timer slack, in nanoseconds. */
  PR_SET_TIMERSLACK: 29;
  /** Get the calling thread's timer slack. */
  PR_GET_TIMERSLACK: 30;
  /** Disable the performance counters attached to the process. */
  PR_TASK_PERF_EVENTS_DISABLE: 31;
  /** Enable the performance counters attached to the process. */
  PR_TASK_PERF_EVENTS_ENABLE: 32;
  /** Set the machine-check memory corruption kill policy. */
  PR_MCE_KILL: 33;
  /** Get the machine-check memory corruption kill policy. */
  PR_MCE_KILL_GET: 34;
  /** Modify the kernel's memory-map descriptor fields (PR_SET_MM_* in arg2; checkpoint/restore). */
  PR_SET_MM: 35;
  /** Make the caller a child subreaper (orphaned descendants reparent to it). */
  PR_SET_CHILD_SUBREAPER: 36;
  /** Get the child-subreaper attribute. */
  PR_GET_CHILD_SUBREAPER: 37;
  /** Set no_new_privs: execve(2) never grants privileges (irrevocable). */
  PR_SET_NO_NEW_PRIVS: 38;
  /** Get no_new_privs. */
  PR_GET_NO_NEW_PRIVS: 39;
  /** Get the clear_child_tid address (checkpoint/restore). */
  PR_GET_TID_ADDRESS: 40;
  /** Disable transparent huge pages for the process. */
  PR_SET_THP_DISABLE: 41;
  /** Get the THP-disable flag. */
  PR_GET_THP_DISABLE: 42;
  /** Formerly enabled kernel management of Intel MPX tables; no longer implemented (EINVAL). */
  PR_MPX_ENABLE_MANAGEMENT: 43;
  /** Formerly disabled kernel management of Intel MPX tables; no longer implemented (EINVAL). */
  PR_MPX_DISABLE_MANAGEMENT: 44;
  /** Set the floating-point mode (mips). */
  PR_SET_FP_MODE: 45;
  /** Get the floating-point mode (mips). */
  PR_GET_FP_MODE: 46;
  /** Read or change the ambient capability set (PR_CAP_AMBIENT_* in arg2). */
  PR_CAP_AMBIENT: 47;
  /** Set the SVE vector length (arm64). */
  PR_SVE_SET_VL: 50;
  /** Get the SVE vector length (arm64). */
  PR_SVE_GET_VL: 51;
  /** Get the state of a speculation misfeature mitigation (PR_SPEC_* in arg2). */
  PR_GET_SPECULATION_CTRL: 52;
  /** Set the state of a speculation misfeature mitigation. */
  PR_SET_SPECULATION_CTRL: 53;
  /** Reset pointer-authentication keys (arm64). */
  PR_PAC_RESET_KEYS: 54;
  /** Set the tagged-address ABI and MTE controls (arm64, riscv). */
  PR_SET_TAGGED_ADDR_CTRL: 55;
  /** Get the tagged-address ABI controls. */
  PR_GET_TAGGED_ADDR_CTRL: 56;
  /** Mark the caller as an I/O flusher (memory allocations avoid reclaim deadlocks). */
  PR_SET_IO_FLUSHER: 57;
  /** Get the I/O-flusher attribute. */
  PR_GET_IO_FLUSHER: 58;
  /** Configure syscall user dispatch (SIGSYS for syscalls from outside a region). */
  PR_SET_SYSCALL_USER_DISPATCH: 59;
  /** Enable or disable pointer-authentication keys (arm64). */
  PR_PAC_SET_ENABLED_KEYS: 60;
  /** Get the enabled pointer-authentication keys (arm64). */
  PR_PAC_GET_ENABLED_KEYS: 61;
  /** Manage core-scheduling cookies (PR_SCHED_CORE_* in arg2). */
  PR_SCHED_CORE: 62;
  /** Set the SME vector length (arm64). */
  PR_SME_SET_VL: 63;
  /** Get the SME vector length (arm64). */
  PR_SME_GET_VL: 64;
  /** Set memory-deny-write-execute protection (since 6.3). */
  PR_SET_MDWE: Flag<65, "6.3">;
  /** Get memory-deny-write-execute protection (since 6.3). */
  PR_GET_MDWE: Flag<66, "6.3">;
  /** Enable KSM merging for the whole process (since 6.4). */
  PR_SET_MEMORY_MERGE: Flag<67, "6.4">;
  /** Get process-wide KSM merging (since 6.4). */
  PR_GET_MEMORY_MERGE: Flag<68, "6.4">;
  /** Control the RISC-V vector extension for the thread and its children (since 6.5). */
  PR_RISCV_V_SET_CONTROL: Flag<69, "6.5">;
  /** Get the RISC-V vector extension control (since 6.5). */
  PR_RISCV_V_GET_CONTROL: Flag<70, "6.5">;
  /** Set the RISC-V instruction-cache flush context. */
  PR_RISCV_SET_ICACHE_FLUSH_CTX: 71;
  /** Get a powerpc DEXCR aspect. */
  PR_PPC_GET_DEXCR: 72;
  /** Set a powerpc DEXCR aspect. */
  PR_PPC_SET_DEXCR: 73;
  /** Yama: allow the process `arg2` (or any with PR_SET_PTRACER_ANY) to ptrace the caller. */
  PR_SET_PTRACER: 0x59616d61;
  /** Set an attribute of a range of memory (PR_SET_VMA_ANON_NAME: name anonymous memory). */
  PR_SET_VMA: 0x53564d41;
  /** Copy the auxiliary vector into a buffer (since 6.4). */
  PR_GET_AUXV: Flag<0x41555856, "6.4">;
}>;
