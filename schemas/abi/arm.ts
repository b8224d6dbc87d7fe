import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * ARM EABI (AAPCS).
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_ARM
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with arm-linux-gnueabihf-gcc
 */
export type arm = Abi<{
  family: "arm";
  endian: "little";
  bits: 32;
  auditArch: 0x40000028;
  auditArchName: "AUDIT_ARCH_ARM";
  aliases: ["armhf", "armel", "eabi"];
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
  toolchain: { triplet: "arm-linux-gnueabihf"; package: "gcc-arm-linux-gnueabihf" };
}>;
