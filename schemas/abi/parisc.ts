import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * PA-RISC 32-bit ABI.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_PARISC
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with hppa-linux-gnu-gcc
 * @source arch/parisc/kernel/sys_parisc.c (6.12) - arg64: every syscall with a 64-bit argument has a parisc_* wrapper taking (high, low) in consecutive slots, native and compat alike; fanotify_mark uses SC_ARG64 (ARCH_SPLIT_ARG64)
 * @source tools/conformance (arg-slots probe) - arg64: hppa-linux-gnu-gcc's own convention differs (an even slot, low word first), which is why the wrappers exist
 */
export type parisc = Abi<{
  family: "parisc";
  endian: "big";
  bits: 32;
  auditArch: 0xf;
  auditArchName: "AUDIT_ARCH_PARISC";
  aliases: ["hppa"];
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
  toolchain: { triplet: "hppa-linux-gnu"; package: "gcc-hppa-linux-gnu" };
}>;
