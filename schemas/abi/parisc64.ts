import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PA-RISC 64-bit (LP64); Debian ships no 64-bit user-space toolchain, so its layout is unproven by a compiler.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PARISC64
 * @source LP64 psABI - no Debian cross toolchain; unproven by a compiler
 * @source arch/parisc/kernel/syscall.S (6.12) - arg64: 64-bit registers %r26-%r21; no Debian toolchain proves it
 */
export type parisc64 = Abi<{
  family: "parisc";
  endian: "big";
  bits: 64;
  auditArch: 0x8000000f;
  auditArchName: "AUDIT_ARCH_PARISC64";
  aliases: ["hppa64"];
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
}>;
