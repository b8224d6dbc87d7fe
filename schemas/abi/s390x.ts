import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * s390x ELF ABI.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_S390X
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with s390x-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type s390x = Abi<{
  family: "s390";
  endian: "big";
  bits: 64;
  auditArch: 0x80000016;
  auditArchName: "AUDIT_ARCH_S390X";
  aliases: [];
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
  toolchain: { triplet: "s390x-linux-gnu"; package: "gcc-s390x-linux-gnu" };
}>;
