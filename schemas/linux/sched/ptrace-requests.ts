import type { EnumSet } from "@sysargs/dsl";

/**
 * PTRACE_* requests of ptrace(2) that every architecture shares (include/uapi/linux/ptrace.h); the values are
 * the same on every ABI.
 *
 * Not members: the requests an architecture defines in its own asm/ptrace.h (PTRACE_GETREGS, PTRACE_SETREGS,
 * PTRACE_GETFPREGS, PTRACE_SYSEMU, PTRACE_ARCH_PRCTL, PTRACE_GET_THREAD_AREA, ...), whose numbers exist on some
 * ABIs only and are reused by others; and requests newer than linux-source-6.12 (PTRACE_SET_SYSCALL_INFO),
 * which no source of `sysargs verify` could prove. A filter should expect those too.
 * @source include/uapi/linux/ptrace.h (6.18)
 */
export type PtraceRequest = EnumSet<{
  /** Make the caller a tracee of its parent. */
  PTRACE_TRACEME: 0;
  /** Read a word of the tracee's text at `addr`. */
  PTRACE_PEEKTEXT: 1;
  /** Read a word of the tracee's data at `addr`. */
  PTRACE_PEEKDATA: 2;
  /** Read a word of the tracee's USER area at offset `addr`. */
  PTRACE_PEEKUSR: 3;
  /** Write `data` as a word of the tracee's text at `addr`. */
  PTRACE_POKETEXT: 4;
  /** Write `data` as a word of the tracee's data at `addr`. */
  PTRACE_POKEDATA: 5;
  /** Write `data` as a word of the tracee's USER area at offset `addr`. */
  PTRACE_POKEUSR: 6;
  /** Restart the stopped tracee, delivering signal `data`. */
  PTRACE_CONT: 7;
  /** Kill the tracee (deprecated; send SIGKILL instead). */
  PTRACE_KILL: 8;
  /** Restart the tracee for one instruction (where the architecture supports it). */
  PTRACE_SINGLESTEP: 9;
  /** Attach to the process `pid`, stopping it with SIGSTOP. */
  PTRACE_ATTACH: 16;
  /** Detach from the tracee, delivering signal `data`. */
  PTRACE_DETACH: 17;
  /** Restart the tracee until the next syscall entry or exit. */
  PTRACE_SYSCALL: 24;
  /** Set the PTRACE_O_* options from `data`. */
  PTRACE_SETOPTIONS: 0x4200;
  /** Get the message of the last ptrace event. */
  PTRACE_GETEVENTMSG: 0x4201;
  /** Get the siginfo of the signal that stopped the tracee. */
  PTRACE_GETSIGINFO: 0x4202;
  /** Set the siginfo of the signal that stopped the tracee. */
  PTRACE_SETSIGINFO: 0x4203;
  /** Read the register set `addr` (NT_*) into the iovec `data`. */
  PTRACE_GETREGSET: 0x4204;
  /** Write the register set `addr` (NT_*) from the iovec `data`. */
  PTRACE_SETREGSET: 0x4205;
  /** Attach to the process `pid` without stopping it (options in `data`). */
  PTRACE_SEIZE: 0x4206;
  /** Stop a seized tracee. */
  PTRACE_INTERRUPT: 0x4207;
  /** Restart a group-stopped seized tracee without resuming it. */
  PTRACE_LISTEN: 0x4208;
  /** Read pending signals' siginfo without dequeuing them. */
  PTRACE_PEEKSIGINFO: 0x4209;
  /** Get the tracee's blocked-signal mask. */
  PTRACE_GETSIGMASK: 0x420a;
  /** Set the tracee's blocked-signal mask. */
  PTRACE_SETSIGMASK: 0x420b;
  /** Dump the tracee's classic BPF seccomp filter number `addr`. */
  PTRACE_SECCOMP_GET_FILTER: 0x420c;
  /** Get the flags of one of the tracee's seccomp filters. */
  PTRACE_SECCOMP_GET_METADATA: 0x420d;
  /** Get information on the syscall that stopped the tracee. */
  PTRACE_GET_SYSCALL_INFO: 0x420e;
  /** Get the tracee's rseq registration. */
  PTRACE_GET_RSEQ_CONFIGURATION: 0x420f;
  /** Set the tracee's syscall user dispatch configuration. */
  PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG: 0x4210;
  /** Get the tracee's syscall user dispatch configuration. */
  PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG: 0x4211;
}>;
