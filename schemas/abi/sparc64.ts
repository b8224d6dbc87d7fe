import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * SPARC V9 64-bit ABI; 8 KiB pages.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_SPARC64
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with sparc64-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type sparc64 = Abi<{
  family: "sparc";
  endian: "big";
  bits: 64;
  auditArch: 0x8000002b;
  auditArchName: "AUDIT_ARCH_SPARC64";
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
  toolchain: { triplet: "sparc64-linux-gnu"; package: "gcc-sparc64-linux-gnu" };
}>;
