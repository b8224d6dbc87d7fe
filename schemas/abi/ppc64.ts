import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PowerPC64 ELFv1; ppc64_defconfig selects 64 KiB pages.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PPC64
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with powerpc64-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type ppc64 = Abi<{
  family: "powerpc";
  endian: "big";
  bits: 64;
  auditArch: 0x80000015;
  auditArchName: "AUDIT_ARCH_PPC64";
  aliases: ["powerpc64"];
  pageSize: 65536;
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
  toolchain: { triplet: "powerpc64-linux-gnu"; package: "gcc-powerpc64-linux-gnu" };
}>;
