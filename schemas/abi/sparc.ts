import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * SPARC 32-bit ABI (proved with the sparc64 compiler in -m32 mode).
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_SPARC
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with sparc64-linux-gnu-gcc -m32
 * @source arch/sparc/kernel/sys_sparc32.c (6.12) - arg64: the compat entries take (high, low) in consecutive slots
 * @source tools/conformance (arg-slots probe) - arg64: sparc64-linux-gnu-gcc -m32 passes long long in consecutive registers %o0-%o5 (then the stack), high word first
 */
export type sparc = Abi<{
  family: "sparc";
  endian: "big";
  bits: 32;
  auditArch: 0x2;
  auditArchName: "AUDIT_ARCH_SPARC";
  aliases: ["sparc32"];
  pageSize: 4096;
  charSigned: true;
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
  toolchain: { triplet: "sparc64-linux-gnu"; package: "gcc-sparc64-linux-gnu"; flags: ["-m32"] };
}>;
