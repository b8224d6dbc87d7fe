import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PowerPC 32-bit SysV ABI.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PPC
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with powerpc-linux-gnu-gcc
 */
export type ppc = Abi<{
  family: "powerpc";
  endian: "big";
  bits: 32;
  auditArch: 0x14;
  auditArchName: "AUDIT_ARCH_PPC";
  aliases: ["powerpc"];
  pageSize: 4096;
  charSigned: false;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<4, 4>;
  longlong: ScalarLayout<8, 8>;
  pointer: ScalarLayout<4, 4>;
  kernel_long_t: ScalarLayout<4, 4>;
  size_t: ScalarLayout<4, 4>;
  bitfieldTypeMatters: true;
  toolchain: { triplet: "powerpc-linux-gnu"; package: "gcc-powerpc-linux-gnu" };
}>;
