import type { BaseScalar, ScalarInfo } from "./ir.js";

/**
 * Every scalar word of the schema language (packages/dsl) and how it is laid out.
 * Fixed-width kernel types map to C base types because their alignment is the base type's
 * (u32 is 2-aligned on m68k, u64 is 4-aligned on i386 and sh), facts proved per ABI by
 * tools/conformance. Kernel typedefs follow include/linux/types.h and asm-generic/posix_types.h.
 *
 * `c` is the one C spelling of each word (generators, layout output and conformance probes use
 * it). It must compile with only <linux/types.h> and <linux/posix_types.h> included (no libc, no
 * other UAPI header), so kernel typedefs take their UAPI `__kernel_*` names: the kernel's pid_t
 * is `typedef __kernel_pid_t pid_t` (include/linux/types.h), and so on.
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
  size_t: { base: "size_t", signed: false, c: "__kernel_size_t" },
  ssize_t: { base: "size_t", signed: true, c: "__kernel_ssize_t" },
  pid_t: { base: "int", signed: true, c: "__kernel_pid_t" },
  // The kernel's uid_t/gid_t are the 32-bit ids (include/linux/types.h), not the legacy
  // __kernel_uid_t (16-bit on some ABIs).
  uid_t: { base: "int", signed: false, c: "__kernel_uid32_t" },
  gid_t: { base: "int", signed: false, c: "__kernel_gid32_t" },
  // `typedef unsigned short umode_t` in the kernel-internal include/linux/types.h; UAPI has no name for it.
  umode_t: { base: "short", signed: false, c: "unsigned short", internal: true },
  off_t: { base: "kernel_long_t", signed: true, c: "__kernel_off_t" },
  loff_t: { base: "longlong", signed: true, c: "__kernel_loff_t" },
  // `typedef int32_t key_serial_t` in the kernel-internal include/linux/key.h; UAPI has no name for it.
  key_serial_t: { base: "int", signed: true, c: "int", internal: true },
  clockid_t: { base: "int", signed: true, c: "__kernel_clockid_t" },
  timer_t: { base: "int", signed: true, c: "__kernel_timer_t" },
  mqd_t: { base: "int", signed: true, c: "__kernel_mqd_t" },
  // `typedef __kernel_uid32_t qid_t` in the kernel-internal include/linux/quota.h: its definition is
  // a UAPI name whose per-ABI layout a probe does prove, so it is not marked internal.
  qid_t: { base: "int", signed: false, c: "__kernel_uid32_t" },
  // The next three are spelt as their UAPI definitions, which need no header beyond the two above:
  // `typedef __kernel_ulong_t aio_context_t` (linux/aio_abi.h), `typedef int __bitwise
  // __kernel_rwf_t` (linux/fs.h; __bitwise is only a sparse annotation) and `typedef struct
  // __user_cap_header_struct *cap_user_header_t` (linux/capability.h; a pointer to an incomplete
  // struct is complete).
  aio_context_t: { base: "kernel_long_t", signed: false, c: "__kernel_ulong_t" },
  rwf_t: { base: "int", signed: true, c: "int" },
  cap_user_header_t: { base: "pointer", signed: false, c: "struct __user_cap_header_struct *" },
  void: { base: "void", signed: false, c: "void" },
  cstring: { base: "void", signed: false, c: "char" },
};

/** The C spelling of each ABI base scalar (the ABI model's `scalars`), under the same rule as `c` above. */
export const BASE_SCALAR_C: Readonly<Record<BaseScalar, string>> = {
  char: "char",
  short: "short",
  int: "int",
  long: "long",
  longlong: "long long",
  pointer: "void *",
  kernel_long_t: "__kernel_long_t",
  size_t: "__kernel_size_t",
};

export function isScalarName(name: string): boolean {
  return Object.hasOwn(SCALARS, name);
}
