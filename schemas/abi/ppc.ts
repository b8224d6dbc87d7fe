import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PowerPC 32-bit SysV ABI.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PPC
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with powerpc-linux-gnu-gcc
 * @source arch/powerpc/kernel/sys_ppc32.c (6.12) - arg64: ppc32 wrappers (native and compat) take a padding register and (high, low) from r5:r6 or r7:r8
 * @source tools/conformance (arg-slots probe) - arg64: powerpc-linux-gnu-gcc starts long long at r3, r5, r7 or r9, high word first
 */
export type ppc = Abi<{
  family: "powerpc";
  endian: "big";
  bits: 32;
  auditArch: 0x14;
  auditArchName: "AUDIT_ARCH_PPC";
  aliases: ["powerpc"];
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
  arg64: "aligned-pair";
  arg64First: "high";
  toolchain: { triplet: "powerpc-linux-gnu"; package: "gcc-powerpc-linux-gnu" };
}>;
