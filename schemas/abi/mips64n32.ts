import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * MIPS n32, big-endian: 32-bit pointers and long, 64-bit registers.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_MIPS64N32
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with mips64-linux-gnuabi64-gcc -mabi=n32
 * @source arch/mips/kernel/syscalls/syscall_n32.tbl (6.12) - arg64: n32 calls the 64-bit sys_pread64, sys_fadvise64_64 etc. with 64-bit registers
 * @source tools/conformance (arg-slots probe) - arg64: mips64-linux-gnuabi64-gcc -mabi=n32 passes long long in one 64-bit register
 */
export type mips64n32 = Abi<{
  family: "mips";
  endian: "big";
  bits: 32;
  auditArch: 0xa0000008;
  auditArchName: "AUDIT_ARCH_MIPS64N32";
  aliases: [];
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
  syscallBase: 6000;
  arg64: "register";
  toolchain: { triplet: "mips64-linux-gnuabi64"; package: "gcc-mips64-linux-gnuabi64"; flags: ["-mabi=n32"] };
}>;
