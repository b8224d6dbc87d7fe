import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * s390 31-bit compat ABI (proved with the s390x compiler in -m31 mode).
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_S390
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with s390x-linux-gnu-gcc -m31
 * @source arch/s390/kernel/compat_linux.c (6.12) - arg64: the 31-bit compat wrappers take (high, low) in consecutive slots (fadvise64_64 takes a pointer to struct fadvise64_64_args instead)
 * @source tools/conformance (arg-slots probe) - arg64: s390x-linux-gnu-gcc -m31 passes long long in consecutive registers r2-r6, high word first
 */
export type s390 = Abi<{
  family: "s390";
  endian: "big";
  bits: 32;
  auditArch: 0x16;
  auditArchName: "AUDIT_ARCH_S390";
  aliases: [];
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
  arg64: "pair";
  arg64First: "high";
  toolchain: { triplet: "s390x-linux-gnu"; package: "gcc-s390x-linux-gnu"; flags: ["-m31"] };
}>;
