import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * MIPS o32, big-endian.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_MIPS
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with mips-linux-gnu-gcc
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
  toolchain: { triplet: "mips-linux-gnu"; package: "gcc-mips-linux-gnu" };
}>;
