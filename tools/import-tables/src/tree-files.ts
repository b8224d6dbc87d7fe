/**
 * The files of a Linux source tree the importer reads (extracted from a tarball by
 * @sysargs/kernel-source): `*` does not cross `/`. See README.md for what each is for.
 */
export const TARBALL_MEMBERS: readonly string[] = [
  "scripts/syscall.tbl",
  "scripts/Makefile.asm-headers",
  "arch/*/kernel/Makefile.syscalls",
  "arch/*/tools/syscall*.tbl",
  "arch/*/*/syscalls/syscall*.tbl",
  "arch/*/include/uapi/asm/unistd.h",
  "arch/arm64/include/asm/unistd.h",
  "arch/arm/kernel/traps.c",
];
