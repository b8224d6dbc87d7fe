import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * MIPS o32, little-endian.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_MIPSEL
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with mipsel-linux-gnu-gcc
 * @source arch/mips/kernel/scall32-o32.S (6.12) - arg64 and argSlots: a0-a3 are passed as registers and arguments 5-8 are copied from the user stack (sp+16 to sp+28), so the o32 convention applies; seccomp sees slots 0-5 (arch/mips/include/asm/syscall.h)
 * @source arch/mips/kernel/linux32.c (6.12) - arg64: the compat entries take a padding slot and merge_64(low, high)
 * @source tools/conformance (arg-slots probe) - arg64: mipsel-linux-gnu-gcc starts long long at an 8-aligned slot, low word first
 */
export type mipsel = Abi<{
  family: "mips";
  endian: "little";
  bits: 32;
  auditArch: 0x40000008;
  auditArchName: "AUDIT_ARCH_MIPSEL";
  aliases: [];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<4, 4>;
  longlong: ScalarLayout<8, 8>;
  pointer: ScalarLayout<4, 4>;
  kernel_long_t: ScalarLayout<4, 4>;
  size_t: ScalarLayout<4, 4>;
  bitfieldTypeMatters: true;
  syscallBase: 4000;
  arg64: "aligned-pair";
  arg64First: "low";
  argSlots: 8;
  toolchain: { triplet: "mipsel-linux-gnu"; package: "gcc-mipsel-linux-gnu" };
}>;
