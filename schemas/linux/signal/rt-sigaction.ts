import type {
  Composite,
  FixedArray,
  Flag,
  FlagSet,
  Flags,
  In,
  int,
  long,
  On,
  Only,
  Out,
  PerAbi,
  Ptr,
  Signal,
  size_t,
  uint,
  ulong,
  Variants,
  void_t,
} from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_alpha,
  arch_arm,
  arch_m68k,
  arch_mips,
  arch_parisc,
  arch_powerpc,
  arch_s390,
  arch_sh,
  arch_sparc,
  arch_x86,
  arm,
  i386,
  loongarch64,
  m68k,
  mips_n32,
  mips_n64,
  mips_o32,
  parisc,
  parisc64,
  ppc,
  ppc64,
  ppc64le,
  riscv64,
  s390,
  s390x,
  sh,
  sparc,
  sparc64,
  x32,
  x86_64,
} from "../../abi/index.js";

/**
 * The kernel's signal set with one 64-bit word: 64 signals (`unsigned long sig[1]`).
 * @source include/uapi/asm-generic/signal.h (6.18)
 * @source arch/x86/include/asm/signal.h (6.18)
 * @source arch/alpha/include/asm/signal.h (6.18)
 */
export interface sigset_t_lp64 {
  /** Bit n-1 of the word is signal n. */
  sig: FixedArray<ulong, 1>;
}

/**
 * The kernel's signal set with two 32-bit words: 64 signals (`unsigned long sig[2]`).
 *
 * A 64-bit kernel uses the compat `compat_sigset_word sig[2]` for these ABIs (x32 included), with the same
 * layout.
 * @source include/uapi/asm-generic/signal.h (6.18)
 * @source include/linux/compat.h (6.18) - compat_sigset_t
 */
export interface sigset_t_ilp32 {
  /** Bit (n-1) % 32 of word (n-1) / 32 is signal n. */
  sig: FixedArray<ulong, 2>;
}

/**
 * The MIPS n64 signal set: 128 signals in two 64-bit words.
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 */
export interface sigset_t_mips64 {
  /** Bit (n-1) % 64 of word (n-1) / 64 is signal n. */
  sig: FixedArray<ulong, 2>;
}

/**
 * The MIPS o32 and n32 signal set: 128 signals in four 32-bit words.
 *
 * The compat set of a 64-bit kernel has the same layout (_COMPAT_NSIG 128).
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 * @source arch/mips/include/asm/compat.h (6.18) - _COMPAT_NSIG
 */
export interface sigset_t_mips32 {
  /** Bit (n-1) % 32 of word (n-1) / 32 is signal n. */
  sig: FixedArray<ulong, 4>;
}

/**
 * The kernel's `sigset_t`, as rt_sigaction, rt_sigprocmask, epoll_pwait, ... read and write it.
 *
 * _NSIG bits (64, but 128 on MIPS) in `unsigned long` words. 8 bytes everywhere except MIPS (16). glibc's
 * user-space sigset_t is 128 bytes and is not this type. Its size is what the `sigsetsize` arguments must
 * equal.
 * @source include/uapi/asm-generic/signal.h (6.18)
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 * @c sigset_t
 * @header asm/signal.h
 * @btf none - a typedef of an anonymous struct in BTF: no name to look up
 * @header-differs arch_x86 | arm | alpha | m68k | arch_s390 | arch_parisc - the UAPI sigset_t of this ABI is
 *   the old one-word set (or absent); the kernel's is kernel-internal
 * @define __WANT_POSIX1B_SIGNALS__ 1 - sparc declares the kernel's sigset_t only with this opt-in
 */
export type sigset_t = Variants<
  [
    On<
      x86_64 | aarch64 | riscv64 | loongarch64 | ppc64 | ppc64le | s390x | parisc64 | sparc64 | alpha,
      sigset_t_lp64
    >,
    On<i386 | x32 | arm | ppc | s390 | parisc | sparc | m68k | sh, sigset_t_ilp32>,
    On<mips_n64, sigset_t_mips64>,
    On<mips_o32 | mips_n32, sigset_t_mips32>,
  ]
>;

/**
 * SA_* flags of sigaction.sa_flags, per ABI.
 *
 * mips changes SA_NOCLDWAIT and SA_SIGINFO; parisc, sparc and alpha have layouts of their own. parisc64
 * follows arch/parisc and loongarch64 asm-generic, both unproven by a compiler. Unknown bits are not an
 * error: the kernel clears every bit outside the ABI's UAPI_SA_FLAGS from both `act` and `oact`, so
 * SA_UNSUPPORTED (and SA_RESTORER where the architecture does not define it) always reads back as 0.
 * @source include/uapi/asm-generic/signal-defs.h (6.18)
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 * @source arch/parisc/include/uapi/asm/signal.h (6.18)
 * @source arch/sparc/include/uapi/asm/signal.h (6.18)
 * @source arch/alpha/include/uapi/asm/signal.h (6.18)
 * @source include/linux/signal_types.h (6.18) - UAPI_SA_FLAGS
 */
export type SigactionFlags = FlagSet<{
  /** SIGCHLD: do not notify when a child stops or continues. */
  SA_NOCLDSTOP: PerAbi<1, [On<arch_parisc | arch_sparc, 0x8>, On<arch_alpha, 0x4>]>;
  /** SIGCHLD: do not turn terminated children into zombies. */
  SA_NOCLDWAIT: PerAbi<
    2,
    [On<arch_mips, 0x10000>, On<arch_parisc, 0x80>, On<arch_sparc, 0x100>, On<arch_alpha, 0x20>]
  >;
  /** The handler takes (sig, siginfo, ucontext). */
  SA_SIGINFO: PerAbi<
    4,
    [On<arch_mips, 0x8>, On<arch_parisc, 0x10>, On<arch_sparc, 0x200>, On<arch_alpha, 0x40>]
  >;
  /** Never supported: set it and read `oact` back to learn whether the kernel clears unknown bits. */
  SA_UNSUPPORTED: Flag<0x400, "5.11">;
  /** Deliver the address tag bits in si_addr (arm64 tagged addresses). */
  SA_EXPOSE_TAGBITS: Flag<0x800, "5.11">;
  /**
   * sa_restorer holds the signal-return trampoline. Defined only on x86, arm, arm64, powerpc, s390 and sh;
   * elsewhere the bit has no meaning (m68k and sparc have an sa_restorer field but no flag).
   */
  SA_RESTORER: 0x4000000;
  /** Run the handler on the alternate signal stack. */
  SA_ONSTACK: PerAbi<0x8000000, [On<arch_parisc | arch_sparc | arch_alpha, 0x1>]>;
  /** Restart interruptible syscalls after the handler returns. */
  SA_RESTART: PerAbi<0x10000000, [On<arch_parisc, 0x40>, On<arch_sparc | arch_alpha, 0x2>]>;
  /** Do not block the signal while its handler runs. */
  SA_NODEFER: PerAbi<0x40000000, [On<arch_parisc | arch_sparc, 0x20>, On<arch_alpha, 0x8>]>;
  /** Old name of SA_NODEFER. */
  SA_NOMASK: Composite<PerAbi<0x40000000, [On<arch_parisc | arch_sparc, 0x20>, On<arch_alpha, 0x8>]>>;
  /** Restore the default action when the handler is entered. */
  SA_RESETHAND: PerAbi<0x80000000, [On<arch_parisc | arch_sparc, 0x4>, On<arch_alpha, 0x10>]>;
  /** Old name of SA_RESETHAND. */
  SA_ONESHOT: Composite<PerAbi<0x80000000, [On<arch_parisc | arch_sparc, 0x4>, On<arch_alpha, 0x10>]>>;
}>;

/**
 * The kernel's sigaction with sa_restorer (__ARCH_HAS_SA_RESTORER).
 *
 * Used by x86, arm, arm64, powerpc, s390, sparc, m68k and sh. 20 bytes on 32-bit ABIs (x32 included: x32 uses
 * compat_sys_rt_sigaction and struct compat_sigaction), 32 on 64-bit ones.
 * @source include/linux/signal_types.h (6.18)
 * @source include/linux/compat.h (6.18) - struct compat_sigaction
 */
export interface sigaction_restorer {
  /** Handler address, or SIG_DFL (0) / SIG_IGN (1); a user-space function, never read by the kernel. */
  sa_handler: Ptr<void_t>;
  /** SA_* flags. */
  sa_flags: ulong & Flags<SigactionFlags>;
  /** Signal-return trampoline (with SA_RESTORER where that flag exists). */
  sa_restorer: Ptr<void_t>;
  /** Signals blocked while the handler runs (SIGKILL and SIGSTOP are ignored). */
  sa_mask: sigset_t;
}

/**
 * The kernel's sigaction without sa_restorer.
 *
 * Used by riscv64, loongarch64, parisc and alpha (alpha passes the trampoline as an extra rt_sigaction
 * argument instead). 16 bytes on parisc, 24 on the 64-bit ABIs. loongarch64 (asm-generic, no
 * SA_RESTORER) and parisc64 (arch/parisc, 64-bit words) have no toolchain here and are unproven by a
 * compiler.
 * @source include/linux/signal_types.h (6.18)
 */
export interface sigaction_norestorer {
  /** Handler address, or SIG_DFL (0) / SIG_IGN (1); a user-space function, never read by the kernel. */
  sa_handler: Ptr<void_t>;
  /** SA_* flags. */
  sa_flags: ulong & Flags<SigactionFlags>;
  /** Signals blocked while the handler runs (SIGKILL and SIGSTOP are ignored). */
  sa_mask: sigset_t;
}

/**
 * The kernel's sigaction on MIPS (__ARCH_HAS_IRIX_SIGACTION).
 *
 * The flags come first and are an `unsigned int`, there is no sa_restorer, and the mask has 128 bits. 24
 * bytes on o32 and n32, 32 on n64.
 * @source include/linux/signal_types.h (6.18)
 * @source arch/mips/include/uapi/asm/signal.h (6.18)
 */
export interface sigaction_mips {
  /** SA_* flags. */
  sa_flags: uint & Flags<SigactionFlags>;
  /** Handler address, or SIG_DFL (0) / SIG_IGN (1); a user-space function, never read by the kernel. */
  sa_handler: Ptr<void_t>;
  /** Signals blocked while the handler runs (SIGKILL and SIGSTOP are ignored). */
  sa_mask: sigset_t;
}

/**
 * The kernel's `struct sigaction`, as rt_sigaction(2) reads and writes it.
 *
 * It is include/linux/signal_types.h's structure for native ABIs, and struct compat_sigaction, with the same
 * layout, for 32-bit ABIs on 64-bit kernels. It is not glibc's struct sigaction, which has a 1024-bit mask
 * and, on several architectures, another member order. The UAPI asm/signal.h headers do not describe it
 * reliably: on i386, arm, alpha and m68k their `struct sigaction` is the old sigaction(2) structure, parisc
 * has none, and the x32 and 31-bit s390 ones declare a 4-byte mask although the kernel reads 8 bytes.
 * @source include/linux/signal_types.h (6.18)
 * @header asm/signal.h
 * @header-differs i386 | x32 | arm | alpha | m68k | arch_s390 | arch_parisc - the UAPI struct sigaction
 *   of this ABI is the old sigaction (or absent); rt_sigaction's struct is kernel-internal
 * @define __WANT_POSIX1B_SIGNALS__ 1 - sparc declares the kernel's sigaction only with this opt-in
 */
export type sigaction = Variants<
  [
    On<
      arch_x86 | aarch64 | arch_arm | arch_powerpc | arch_s390 | arch_sparc | arch_m68k | arch_sh,
      sigaction_restorer
    >,
    On<riscv64 | loongarch64 | arch_parisc | arch_alpha, sigaction_norestorer>,
    On<arch_mips, sigaction_mips>,
  ]
>;

/**
 * Examine and change the action of a signal.
 * @since 2.2
 * @source include/linux/syscalls.h (6.18)
 */
export declare function rt_sigaction(
  sig: int & Signal,
  /** New action, or NULL to only query. */
  act: Ptr<In<sigaction>>,
  /** Where to store the previous action, or NULL. */
  oact: Ptr<Out<sigaction>>,
  /** Must equal sizeof(sigset_t) of the ABI (EINVAL otherwise). */
  sigsetsize: size_t,
): long;
/**
 * sparc and sparc64: the signal-return trampoline is an argument, before `sigsetsize`.
 * @since 2.2
 * @source arch/sparc/kernel/sys_sparc_64.c (6.18)
 * @source arch/sparc/kernel/sys_sparc32.c (6.18) - compat entry for sparc32 on a 64-bit kernel
 */
export declare function rt_sigaction(
  this: Only<sparc | sparc64>,
  sig: int & Signal,
  act: Ptr<In<sigaction>>,
  oact: Ptr<Out<sigaction>>,
  /** Signal-return trampoline (user-space code, never read by the kernel). */
  restorer: Ptr<void_t>,
  sigsetsize: size_t,
): long;
/**
 * alpha: the signal-return trampoline is an argument, after `sigsetsize`.
 * @since 2.2
 * @source arch/alpha/kernel/signal.c (6.18)
 */
export declare function rt_sigaction(
  this: Only<alpha>,
  sig: int & Signal,
  act: Ptr<In<sigaction>>,
  oact: Ptr<Out<sigaction>>,
  sigsetsize: size_t,
  /** Signal-return trampoline (user-space code, never read by the kernel). */
  restorer: Ptr<void_t>,
): long;
