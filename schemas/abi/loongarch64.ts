import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * LoongArch LP64D; no Debian 12 cross toolchain, so its layout is unproven by a compiler.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_LOONGARCH64
 * @source LP64 psABI - no Debian cross toolchain; unproven by a compiler
 * @source arch/loongarch/kernel/syscall.c (6.12) - arg64: 64-bit registers a0-a5 carry the arguments; no Debian toolchain proves it
 */
export type loongarch64 = Abi<{
  family: "loongarch";
  endian: "little";
  bits: 64;
  auditArch: 0xc0000102;
  auditArchName: "AUDIT_ARCH_LOONGARCH64";
  aliases: ["loong64"];
  pageSize: 16384;
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
}>;
