import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PA-RISC 32-bit ABI.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PARISC
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with hppa-linux-gnu-gcc
 */
export type parisc = Abi<{
  family: "parisc";
  endian: "big";
  bits: 32;
  auditArch: 0xf;
  auditArchName: "AUDIT_ARCH_PARISC";
  aliases: ["hppa"];
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
  toolchain: { triplet: "hppa-linux-gnu"; package: "gcc-hppa-linux-gnu" };
}>;
