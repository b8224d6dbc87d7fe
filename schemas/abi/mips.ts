import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * MIPS o32, big-endian.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_MIPS
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with mips-linux-gnu-gcc
 * @source arch/mips/kernel/scall32-o32.S (6.12) - arg64 and argSlots: a0-a3 are passed as registers and arguments 5-8 are copied from the user stack (sp+16 to sp+28), so the o32 convention applies; seccomp sees slots 0-5 (arch/mips/include/asm/syscall.h)
 * @source arch/mips/kernel/linux32.c (6.12) - arg64: the compat entries take a padding slot and merge_64(high, low)
 * @source tools/conformance (arg-slots probe) - arg64: mips-linux-gnu-gcc starts long long at an 8-aligned slot, high word first
 */
export type mips = Abi<{
  family: "mips";
  endian: "big";
  bits: 32;
  auditArch: 0x8;
  auditArchName: "AUDIT_ARCH_MIPS";
  aliases: ["mipso32"];
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
  arg64First: "high";
  argSlots: 8;
  toolchain: { triplet: "mips-linux-gnu"; package: "gcc-mips-linux-gnu" };
}>;
