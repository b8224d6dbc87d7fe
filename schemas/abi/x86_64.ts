import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * x86-64 psABI.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_X86_64
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with x86_64-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type x86_64 = Abi<{
  family: "x86";
  endian: "little";
  bits: 64;
  auditArch: 0xc000003e;
  auditArchName: "AUDIT_ARCH_X86_64";
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
  arg64: "register";
  toolchain: { triplet: "x86_64-linux-gnu"; package: "gcc-x86-64-linux-gnu" };
}>;
