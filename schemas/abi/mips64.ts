import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * MIPS n64, big-endian.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_MIPS64
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with mips64-linux-gnuabi64-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type mips64 = Abi<{
  family: "mips";
  endian: "big";
  bits: 64;
  auditArch: 0x80000008;
  auditArchName: "AUDIT_ARCH_MIPS64";
  aliases: [];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<8, 8>;
  longlong: ScalarLayout<8, 8>;
  pointer: ScalarLayout<8, 8>;
  kernel_long_t: ScalarLayout<8, 8>;
  size_t: ScalarLayout<8, 8>;
  bitfieldTypeMatters: true;
  syscallBase: 5000;
  arg64: "register";
  toolchain: { triplet: "mips64-linux-gnuabi64"; package: "gcc-mips64-linux-gnuabi64" };
}>;
