import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * MIPS o32, little-endian.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_MIPSEL
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with mipsel-linux-gnu-gcc
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
  toolchain: { triplet: "mipsel-linux-gnu"; package: "gcc-mipsel-linux-gnu" };
}>;
