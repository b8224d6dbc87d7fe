import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * m68k SVR4 ABI as GCC implements it: every scalar wider than a byte is 2-aligned, and a bitfield's declared type neither aligns it nor the struct.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_M68K
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with m68k-linux-gnu-gcc
 */
export type m68k = Abi<{
  family: "m68k";
  endian: "big";
  bits: 32;
  auditArch: 0x4;
  auditArchName: "AUDIT_ARCH_M68K";
  aliases: [];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 2>;
  long: ScalarLayout<4, 2>;
  longlong: ScalarLayout<8, 2>;
  pointer: ScalarLayout<4, 2>;
  kernel_long_t: ScalarLayout<4, 2>;
  size_t: ScalarLayout<4, 2>;
  bitfieldTypeMatters: false;
  toolchain: { triplet: "m68k-linux-gnu"; package: "gcc-m68k-linux-gnu" };
}>;
