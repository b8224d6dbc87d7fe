import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PowerPC64 ELFv2; 64 KiB pages by default.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PPC64LE
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with powerpc64le-linux-gnu-gcc
 * @source tools/conformance (arg-slots probe) - arg64: GCC passes a 64-bit argument in one 64-bit register, as the syscall entry does
 */
export type ppc64le = Abi<{
  family: "powerpc";
  endian: "little";
  bits: 64;
  auditArch: 0xc0000015;
  auditArchName: "AUDIT_ARCH_PPC64LE";
  aliases: ["powerpc64le"];
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
  toolchain: { triplet: "powerpc64le-linux-gnu"; package: "gcc-powerpc64le-linux-gnu" };
}>;
