import type { EnumSet, On, PerAbi } from "@sysargs/dsl";
import type { arch_alpha, arch_mips, arch_parisc, arch_sparc } from "../../abi/index.js";

/**
 * Signal numbers, per ABI: the `sig` of kill(2), tgkill(2), rt_sigqueueinfo(2), pidfd_send_signal(2) and the like.
 *
 * The default values are asm-generic's (include/uapi/asm-generic/signal.h), which x86, arm, arm64, riscv,
 * loongarch, powerpc, s390, m68k and sh share. alpha and sparc use the BSD numbering, mips and parisc layouts of
 * their own. Real-time signals SIGRTMIN (32) to SIGRTMAX (_NSIG: 64, 128 on mips) are valid too and are not
 * members, and kill(2) also takes 0 (check that the target exists). Not members, because a member cannot be
 * absent on some ABIs or repeat a value: SIGSTKFLT (not on alpha, mips, sparc), SIGEMT (alpha, mips and sparc
 * only), SIGINFO (alpha) and SIGLOST (sparc), the aliases SIGIOT (= SIGABRT), SIGPOLL (= SIGIO), SIGCLD
 * (= SIGCHLD) and SIGUNUSED (= SIGSYS), and SIGRTMIN/SIGRTMAX.
 * The `Signal` argument kind marks the syscall arguments that take these; the set is not attached to them.
 * @source include/uapi/asm-generic/signal.h (6.18)
 * @source arch/alpha/include/uapi/asm/signal.h (6.18)
 * @source arch/sparc/include/uapi/asm/signal.h (6.18)
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 * @source arch/parisc/include/uapi/asm/signal.h (6.18)
 */
export type Signals = EnumSet<{
  /** Hangup of the controlling terminal, or death of the controlling process. */
  SIGHUP: 1;
  /** Interrupt from the keyboard. */
  SIGINT: 2;
  /** Quit from the keyboard (with a core dump). */
  SIGQUIT: 3;
  /** Illegal instruction. */
  SIGILL: 4;
  /** Trace or breakpoint trap. */
  SIGTRAP: 5;
  /** Abort (SIGIOT). */
  SIGABRT: 6;
  /** Bus error (bad memory access). */
  SIGBUS: PerAbi<7, [On<arch_mips | arch_parisc | arch_sparc | arch_alpha, 10>]>;
  /** Floating-point exception. */
  SIGFPE: 8;
  /** Kill (cannot be caught or ignored). */
  SIGKILL: 9;
  /** User-defined signal 1. */
  SIGUSR1: PerAbi<10, [On<arch_sparc | arch_alpha, 30>, On<arch_mips | arch_parisc, 16>]>;
  /** Invalid memory reference. */
  SIGSEGV: 11;
  /** User-defined signal 2. */
  SIGUSR2: PerAbi<12, [On<arch_sparc | arch_alpha, 31>, On<arch_mips | arch_parisc, 17>]>;
  /** Write to a pipe with no readers. */
  SIGPIPE: 13;
  /** Timer signal from alarm(2). */
  SIGALRM: 14;
  /** Termination. */
  SIGTERM: 15;
  /** Child stopped, continued or terminated. */
  SIGCHLD: PerAbi<17, [On<arch_sparc | arch_alpha, 20>, On<arch_mips | arch_parisc, 18>]>;
  /** Continue if stopped. */
  SIGCONT: PerAbi<18, [On<arch_sparc | arch_alpha, 19>, On<arch_mips, 25>, On<arch_parisc, 26>]>;
  /** Stop (cannot be caught or ignored). */
  SIGSTOP: PerAbi<19, [On<arch_sparc | arch_alpha, 17>, On<arch_mips, 23>, On<arch_parisc, 24>]>;
  /** Stop typed at the terminal. */
  SIGTSTP: PerAbi<20, [On<arch_sparc | arch_alpha, 18>, On<arch_mips, 24>, On<arch_parisc, 25>]>;
  /** Terminal input for a background process. */
  SIGTTIN: PerAbi<21, [On<arch_mips, 26>, On<arch_parisc, 27>]>;
  /** Terminal output for a background process. */
  SIGTTOU: PerAbi<22, [On<arch_mips, 27>, On<arch_parisc, 28>]>;
  /** Urgent condition on a socket. */
  SIGURG: PerAbi<23, [On<arch_sparc | arch_alpha, 16>, On<arch_mips, 21>, On<arch_parisc, 29>]>;
  /** CPU time limit exceeded. */
  SIGXCPU: PerAbi<24, [On<arch_mips, 30>, On<arch_parisc, 12>]>;
  /** File size limit exceeded. */
  SIGXFSZ: PerAbi<25, [On<arch_mips, 31>, On<arch_parisc, 30>]>;
  /** Virtual alarm clock. */
  SIGVTALRM: PerAbi<26, [On<arch_mips, 28>, On<arch_parisc, 20>]>;
  /** Profiling timer expired. */
  SIGPROF: PerAbi<27, [On<arch_mips, 29>, On<arch_parisc, 21>]>;
  /** Window resize. */
  SIGWINCH: PerAbi<28, [On<arch_mips, 20>, On<arch_parisc, 23>]>;
  /** I/O now possible (SIGPOLL). */
  SIGIO: PerAbi<29, [On<arch_sparc | arch_alpha, 23>, On<arch_mips | arch_parisc, 22>]>;
  /** Power failure (SIGINFO on alpha, SIGLOST on sparc share its number). */
  SIGPWR: PerAbi<30, [On<arch_sparc | arch_alpha, 29>, On<arch_mips | arch_parisc, 19>]>;
  /** Bad system call (and seccomp's SECCOMP_RET_TRAP). */
  SIGSYS: PerAbi<31, [On<arch_mips | arch_sparc | arch_alpha, 12>]>;
}>;

/**
 * SIG_* values of the `how` argument of rt_sigprocmask(2) and sigprocmask, per ABI: alpha, mips and sparc count
 * from 1, and sparc's SIG_SETMASK is 4.
 * @source include/uapi/asm-generic/signal.h (6.18) - includes asm-generic/signal-defs.h, which defines them
 * @source arch/alpha/include/uapi/asm/signal.h (6.18)
 * @source arch/sparc/include/uapi/asm/signal.h (6.18)
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 */
export type SigprocmaskHow = EnumSet<{
  /** Add the signals of `set` to the mask. */
  SIG_BLOCK: PerAbi<0, [On<arch_mips | arch_sparc | arch_alpha, 1>]>;
  /** Remove the signals of `set` from the mask. */
  SIG_UNBLOCK: PerAbi<1, [On<arch_mips | arch_sparc | arch_alpha, 2>]>;
  /** Replace the mask with `set`. */
  SIG_SETMASK: PerAbi<2, [On<arch_mips | arch_alpha, 3>, On<arch_sparc, 4>]>;
}>;
