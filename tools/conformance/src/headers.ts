/**
 * Conformance policy about headers. The facts of each type (its C spelling, the UAPI headers
 * that declare it, its BTF name, the ABIs whose headers differ) are in the schemas' JSDoc tags
 * and reach the tool through the IR (`CompositeDecl.c`, `VariantDecl.c`); the C spellings of
 * the scalar words are in SCALAR_C below.
 */

/**
 * Headers every probe file includes: fixed-width types and the `__kernel_*` names the scalar
 * spellings use, AUDIT_ARCH_*, and the header version (LINUX_VERSION_CODE, to judge "since").
 */
export const BASE_HEADERS = [
  "linux/types.h",
  "linux/posix_types.h",
  "asm/posix_types.h",
  "linux/version.h",
  "linux/audit.h",
];

/**
 * UAPI spellings of the schema language's scalar words (packages/model SCALARS), for probing
 * each ABI's size, alignment and signedness of them. null: the kernel typedef is internal to
 * the kernel and has no UAPI spelling.
 */
export const SCALAR_C: Readonly<Record<string, string | null>> = {
  u8: "__u8",
  s8: "__s8",
  u16: "__u16",
  s16: "__s16",
  u32: "__u32",
  s32: "__s32",
  u64: "__u64",
  s64: "__s64",
  aligned_u64: "__aligned_u64",
  aligned_s64: "__aligned_s64",
  char: "char",
  schar: "signed char",
  uchar: "unsigned char",
  short: "short",
  ushort: "unsigned short",
  int: "int",
  uint: "unsigned int",
  long: "long",
  ulong: "unsigned long",
  longlong: "long long",
  ulonglong: "unsigned long long",
  kernel_long_t: "__kernel_long_t",
  kernel_ulong_t: "__kernel_ulong_t",
  size_t: "__kernel_size_t",
  ssize_t: "__kernel_ssize_t",
  pid_t: "__kernel_pid_t",
  // The kernel's uid_t/gid_t are the 32-bit ids (include/linux/types.h).
  uid_t: "__kernel_uid32_t",
  gid_t: "__kernel_gid32_t",
  // umode_t is `unsigned short` in the kernel-internal include/linux/types.h.
  umode_t: null,
  off_t: "__kernel_off_t",
  loff_t: "__kernel_loff_t",
  // key_serial_t is an int32_t in the kernel-internal include/linux/key.h.
  key_serial_t: null,
  clockid_t: "__kernel_clockid_t",
  timer_t: "__kernel_timer_t",
  mqd_t: "__kernel_mqd_t",
  // qid_t is a __kernel_uid32_t in the kernel-internal include/linux/quota.h.
  qid_t: "__kernel_uid32_t",
  aio_context_t: "aio_context_t",
  rwf_t: "__kernel_rwf_t",
  cap_user_header_t: "cap_user_header_t",
};

/** Headers that the SCALAR_C spellings beyond BASE_HEADERS need. */
export const SCALAR_HEADERS = ["linux/aio_abi.h", "linux/fs.h", "linux/capability.h"];

/** C spelling of each ABI base scalar (the ABI model's `scalars`). */
export const BASE_SCALAR_C: Readonly<Record<string, string>> = {
  char: "char",
  short: "short",
  int: "int",
  long: "long",
  longlong: "long long",
  pointer: "void *",
  kernel_long_t: "__kernel_long_t",
  size_t: "__kernel_size_t",
};
