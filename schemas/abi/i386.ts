import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * i386 System V ABI: 64-bit integers are 4-aligned inside structs.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_I386
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with i686-linux-gnu-gcc
 */
export type i386 = Abi<{
  family: "x86";
  endian: "little";
  bits: 32;
  auditArch: 0x40000003;
  auditArchName: "AUDIT_ARCH_I386";
  aliases: ["x86", "i686"];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<4, 4>;
  longlong: ScalarLayout<8, 4>;
  pointer: ScalarLayout<4, 4>;
  kernel_long_t: ScalarLayout<4, 4>;
  size_t: ScalarLayout<4, 4>;
  bitfieldTypeMatters: true;
  toolchain: { triplet: "i686-linux-gnu"; package: "gcc-i686-linux-gnu" };
}>;
