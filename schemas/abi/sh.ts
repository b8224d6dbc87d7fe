import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * SuperH (sh4), little-endian: 64-bit integers are 4-aligned.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_SHEL
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with sh4-linux-gnu-gcc
 * @source arch/sh/kernel/entry-common.S (6.12) - arg64: r4-r7 are passed as registers and r0, r1 pushed as the first stack words
 * @source tools/conformance (arg-slots probe) - arg64: sh4-linux-gnu-gcc passes long long in consecutive registers, low word first, never split between r7 and the stack; the next int takes r7
 * @source arch/sh/kernel/sys_sh32.c (6.12) - fadvise64_64 and sync_file_range have wrappers taking consecutive (low, high) halves instead
 */
export type sh = Abi<{
  family: "sh";
  endian: "little";
  bits: 32;
  auditArch: 0x4000002a;
  auditArchName: "AUDIT_ARCH_SHEL";
  aliases: ["sh4"];
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
  arg64Boundary: 4;
  toolchain: { triplet: "sh4-linux-gnu"; package: "gcc-sh4-linux-gnu" };
}>;
