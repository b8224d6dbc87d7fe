import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * ARM EABI (AAPCS).
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_ARM
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with arm-linux-gnueabihf-gcc
 * @source arch/arm/kernel/entry-common.S (6.12) - arg64: r0-r3 are passed as registers and r4, r5 pushed as the first two stack words, so the AAPCS applies
 * @source arch/arm64/kernel/sys32.c (6.12) - arg64: the compat entries take a u32 __pad and arg_u32p (low, high) in the same slots
 * @source tools/conformance (arg-slots probe) - arg64: arm-linux-gnueabihf-gcc starts long long at an even register (r0 or r2) or an 8-aligned stack slot, low word first
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
  arg64: "aligned-pair";
  arg64First: "low";
  toolchain: { triplet: "arm-linux-gnueabihf"; package: "gcc-arm-linux-gnueabihf" };
}>;
