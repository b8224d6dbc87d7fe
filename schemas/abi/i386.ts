import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * i386 System V ABI: 64-bit integers are 4-aligned inside structs.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_I386
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with i686-linux-gnu-gcc
 * @source arch/x86/include/asm/syscall_wrapper.h (6.12) - arg64: SC_IA32_REGS_TO_ARGS gives each parameter one register (ebx, ecx, edx, esi, edi, ebp), so every 64-bit argument goes through an ia32 wrapper
 * @source arch/x86/kernel/sys_ia32.c (6.12) - arg64: the ia32_* wrappers take (low, high) in consecutive slots, native and compat alike; fanotify_mark uses SC_ARG64 (ARCH_SPLIT_ARG64)
 * @source tools/conformance (arg-slots probe) - arg64: i686-linux-gnu-gcc lays long long out low word first in consecutive 4-byte stack slots
 */
export type i386 = Abi<{
  family: "x86";
  endian: "little";
  bits: 32;
  auditArch: 0x40000003;
  auditArchName: "AUDIT_ARCH_I386";
  aliases: ["x86", "i686"];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<4, 4>;
  longlong: ScalarLayout<8, 4>;
  pointer: ScalarLayout<4, 4>;
  kernel_long_t: ScalarLayout<4, 4>;
  size_t: ScalarLayout<4, 4>;
  bitfieldTypeMatters: true;
  arg64: "pair";
  arg64First: "low";
  toolchain: { triplet: "i686-linux-gnu"; package: "gcc-i686-linux-gnu" };
}>;
