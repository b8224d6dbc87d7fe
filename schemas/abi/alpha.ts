import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * Alpha; 8 KiB pages.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_ALPHA
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with alpha-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type alpha = Abi<{
  family: "alpha";
  endian: "little";
  bits: 64;
  auditArch: 0xc0009026;
  auditArchName: "AUDIT_ARCH_ALPHA";
  aliases: [];
  pageSize: 8192;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<8, 8>;
  longlong: ScalarLayout<8, 8>;
  pointer: ScalarLayout<8, 8>;
  kernel_long_t: ScalarLayout<8, 8>;
  size_t: ScalarLayout<8, 8>;
  bitfieldTypeMatters: true;
  arg64: "register";
  toolchain: { triplet: "alpha-linux-gnu"; package: "gcc-alpha-linux-gnu" };
}>;
