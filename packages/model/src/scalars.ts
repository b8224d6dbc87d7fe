import type { ScalarInfo } from "./ir.js";

/**
 * Every scalar word of the schema language (packages/dsl) and how it is laid out.
 * Fixed-width kernel types map to C base types because their alignment is the base type's
 * (u32 is 2-aligned on m68k, u64 is 4-aligned on i386 and sh), facts proved per ABI by
 * tools/conformance. Kernel typedefs follow include/linux/types.h and asm-generic/posix_types.h.
 */
export const SCALARS: Readonly<Record<string, ScalarInfo>> = {
  u8: { base: "char", signed: false, c: "__u8" },
  s8: { base: "char", signed: true, c: "__s8" },
  u16: { base: "short", signed: false, c: "__u16" },
  s16: { base: "short", signed: true, c: "__s16" },
  u32: { base: "int", signed: false, c: "__u32" },
  s32: { base: "int", signed: true, c: "__s32" },
  u64: { base: "longlong", signed: false, c: "__u64" },
  s64: { base: "longlong", signed: true, c: "__s64" },
  aligned_u64: { base: "aligned_u64", signed: false, c: "__aligned_u64" },
  aligned_s64: { base: "aligned_u64", signed: true, c: "__aligned_s64" },
  char: { base: "char", signed: true, c: "char" },
  schar: { base: "char", signed: true, c: "signed char" },
  uchar: { base: "char", signed: false, c: "unsigned char" },
  short: { base: "short", signed: true, c: "short" },
  ushort: { base: "short", signed: false, c: "unsigned short" },
  int: { base: "int", signed: true, c: "int" },
  uint: { base: "int", signed: false, c: "unsigned int" },
  long: { base: "long", signed: true, c: "long" },
  ulong: { base: "long", signed: false, c: "unsigned long" },
  longlong: { base: "longlong", signed: true, c: "long long" },
  ulonglong: { base: "longlong", signed: false, c: "unsigned long long" },
  kernel_long_t: { base: "kernel_long_t", signed: true, c: "__kernel_long_t" },
  kernel_ulong_t: { base: "kernel_long_t", signed: false, c: "__kernel_ulong_t" },
  size_t: { base: "size_t", signed: false, c: "size_t" },
  ssize_t: { base: "size_t", signed: true, c: "ssize_t" },
  pid_t: { base: "int", signed: true, c: "pid_t" },
  uid_t: { base: "int", signed: false, c: "uid_t" },
  gid_t: { base: "int", signed: false, c: "gid_t" },
  umode_t: { base: "short", signed: false, c: "umode_t" },
  off_t: { base: "kernel_long_t", signed: true, c: "off_t" },
  loff_t: { base: "longlong", signed: true, c: "loff_t" },
  key_serial_t: { base: "int", signed: true, c: "key_serial_t" },
  clockid_t: { base: "int", signed: true, c: "clockid_t" },
  timer_t: { base: "int", signed: true, c: "timer_t" },
  mqd_t: { base: "int", signed: true, c: "mqd_t" },
  qid_t: { base: "int", signed: false, c: "qid_t" },
  aio_context_t: { base: "kernel_long_t", signed: false, c: "aio_context_t" },
  rwf_t: { base: "int", signed: true, c: "rwf_t" },
  cap_user_header_t: { base: "pointer", signed: false, c: "cap_user_header_t" },
  void: { base: "void", signed: false, c: "void" },
  cstring: { base: "void", signed: false, c: "char" },
};

export function isScalarName(name: string): boolean {
  return Object.hasOwn(SCALARS, name);
}
