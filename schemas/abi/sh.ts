import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * SuperH (sh4), little-endian: 64-bit integers are 4-aligned.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_SHEL
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with sh4-linux-gnu-gcc
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
  toolchain: { triplet: "sh4-linux-gnu"; package: "gcc-sh4-linux-gnu" };
}>;
