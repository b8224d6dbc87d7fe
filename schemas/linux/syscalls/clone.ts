import type { Flags, InOut, int, long, Only, Ptr, ulong } from "@sysargs/dsl";
import type {
  arch_arm,
  arch_arm64,
  arch_mips,
  arch_parisc,
  arch_powerpc,
  arch_riscv,
  arch_s390,
  arch_sparc,
} from "../../abi/groups.js";
import type { i386 } from "../../abi/index.js";
import type { CloneFlags } from "../sched/clone-flags.js";

/**
 * Create a child process or thread (argument order of kernel/fork.c without CONFIG_CLONE_BACKWARDS*:
 * x86_64, x32, alpha, loongarch64, m68k, sh). The low byte of `clone_flags` is the exit signal (CSIGNAL).
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_clone (6.18.44)
 */
export declare function clone(
  clone_flags: ulong & Flags<CloneFlags>,
  newsp: ulong,
  parent_tidptr: Ptr<InOut<int>>,
  child_tidptr: Ptr<InOut<int>>,
  tls: ulong,
): long;

/**
 * clone with CONFIG_CLONE_BACKWARDS (`tls` before `child_tidptr`): arm, arm64, mips, parisc, powerpc,
 * riscv (each arch Kconfig selects CLONE_BACKWARDS), i386 (X86_32 selects it; the ia32 compat entry
 * compat_sys_ia32_clone keeps the order), and sparc, whose sparc_clone reads the registers in this order.
 * @source include/linux/syscalls.h (6.12) - CONFIG_CLONE_BACKWARDS prototype
 * @source arch/x86/kernel/sys_ia32.c (6.12) - ia32_clone
 */
export declare function clone(
  this: Only<arch_arm | arch_arm64 | arch_mips | arch_parisc | arch_powerpc | arch_riscv | arch_sparc | i386>,
  clone_flags: ulong & Flags<CloneFlags>,
  newsp: ulong,
  parent_tidptr: Ptr<InOut<int>>,
  tls: ulong,
  child_tidptr: Ptr<InOut<int>>,
): long;

/**
 * clone with CONFIG_CLONE_BACKWARDS2 (s390 selects it): the stack pointer comes first.
 * @source include/linux/syscalls.h (6.12) - CONFIG_CLONE_BACKWARDS2 prototype (kernel/fork.c)
 */
export declare function clone(
  this: Only<arch_s390>,
  newsp: ulong,
  clone_flags: ulong & Flags<CloneFlags>,
  parent_tidptr: Ptr<InOut<int>>,
  child_tidptr: Ptr<InOut<int>>,
  tls: ulong,
): long;
