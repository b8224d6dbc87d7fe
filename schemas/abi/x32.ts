import type { Abi, ScalarLayout } from "@sysargs/dsl";

/**
 * x32: ILP32 on x86-64; __kernel_long_t stays 64-bit, syscall numbers carry __X32_SYSCALL_BIT.
 * @source include/uapi/linux/audit.h (6.18) - AUDIT_ARCH_X86_64
 * @source tools/conformance (cross compiler probe) - sizes and alignments measured with x86_64-linux-gnux32-gcc
 * @source arch/x86/entry/syscalls/syscall_64.tbl (6.12) - arg64: x32 calls the 64-bit sys_pread64 etc., which read the full 64-bit register
 * @source tools/conformance (arg-slots probe) - arg64: x86_64-linux-gnux32-gcc passes long long in one 64-bit register
 */
export type x32 = Abi<{
  family: "x86";
  endian: "little";
  bits: 32;
  auditArch: 0xc000003e;
  auditArchName: "AUDIT_ARCH_X86_64";
  aliases: [];
  pageSize: 4096;
  charSigned: true;
  short: ScalarLayout<2, 2>;
  int: ScalarLayout<4, 4>;
  long: ScalarLayout<4, 4>;
  longlong: ScalarLayout<8, 8>;
  pointer: ScalarLayout<4, 4>;
  kernel_long_t: ScalarLayout<8, 8>;
  size_t: ScalarLayout<4, 4>;
  bitfieldTypeMatters: true;
  syscallBase: 1073741824;
  arg64: "register";
  toolchain: { triplet: "x86_64-linux-gnux32"; package: "gcc-x86-64-linux-gnux32" };
}>;
