/**
 * Conformance policy about headers. The facts of each type (its C spelling, the UAPI headers
 * that declare it, its BTF name, the ABIs whose headers differ) are in the schemas' JSDoc tags
 * and reach the tool through the IR (`CompositeDecl.c`, `VariantDecl.c`); the C spellings of
 * the scalar words are `SCALARS[word].c` and `BASE_SCALAR_C` of @sysargs/model.
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
