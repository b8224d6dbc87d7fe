import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * m68k SVR4 ABI as GCC implements it: every scalar wider than a byte is 2-aligned, and a bitfield's declared type neither aligns it nor the struct.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_M68K
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with m68k-linux-gnu-gcc
 * @source arch/m68k/kernel/entry.S (6.12) - arg64: the syscall handler reads its C stack arguments from pt_regs d1-d5, a0
 * @source arch/m68k/include/asm/syscall.h (6.12) - seccompArgShift: syscall_get_arguments() reports orig_d0 (the syscall number) as args[0] and d1-d5 as args[1-5]; the sixth argument (a0) is not reported
 * @source tools/conformance (arg-slots probe) - arg64: m68k-linux-gnu-gcc lays long long out high word first in consecutive stack slots
 */
export type m68k = Abi<{
  family: "m68k";
  endian: "big";
  bits: 32;
  auditArch: 0x4;
  auditArchName: "AUDIT_ARCH_M68K";
  aliases: [];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 2>;
  long: ScalarLayout<4, 2>;
  longlong: ScalarLayout<8, 2>;
  pointer: ScalarLayout<4, 2>;
  kernel_long_t: ScalarLayout<4, 2>;
  size_t: ScalarLayout<4, 2>;
  bitfieldTypeMatters: false;
  arg64: "pair";
  arg64First: "high";
  seccompArgShift: 1;
  toolchain: { triplet: "m68k-linux-gnu"; package: "gcc-m68k-linux-gnu" };
}>;
