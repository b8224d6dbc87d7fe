import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * AAPCS64.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_AARCH64
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with aarch64-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type aarch64 = Abi<{
  family: "arm64";
  endian: "little";
  bits: 64;
  auditArch: 0xc00000b7;
  auditArchName: "AUDIT_ARCH_AARCH64";
  aliases: ["arm64"];
  pageSize: 4096;
  charSigned: false;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<8, 8>;
  longlong: ScalarLayout<8, 8>;
  pointer: ScalarLayout<8, 8>;
  kernel_long_t: ScalarLayout<8, 8>;
  size_t: ScalarLayout<8, 8>;
  bitfieldTypeMatters: true;
  arg64: "register";
  toolchain: { triplet: "aarch64-linux-gnu"; package: "gcc-aarch64-linux-gnu" };
}>;
