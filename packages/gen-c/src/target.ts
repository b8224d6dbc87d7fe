import type { Abi } from "@sysargs/model";

/**
 * The preprocessor condition under which a compiler targets each ABI, from the target macros
 * gcc and clang predefine. Conditions are exclusive: `sysargs.h` tests them in this order, so a
 * more specific one (x32 before x86_64's ILP32 check, ppc64le before ppc64) comes first.
 */
export const TARGETS: readonly { readonly abi: string; readonly when: string }[] = [
  { abi: "x86_64", when: "defined(__x86_64__) && !defined(__ILP32__)" },
  { abi: "x32", when: "defined(__x86_64__) && defined(__ILP32__)" },
  { abi: "i386", when: "defined(__i386__)" },
  { abi: "aarch64", when: "defined(__aarch64__) && !defined(__ILP32__)" },
  { abi: "arm", when: "defined(__arm__)" },
  { abi: "riscv64", when: "defined(__riscv) && defined(__riscv_xlen) && __riscv_xlen == 64" },
  {
    abi: "ppc64le",
    when: "defined(__powerpc64__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__",
  },
  { abi: "ppc64", when: "defined(__powerpc64__)" },
  { abi: "ppc", when: "defined(__powerpc__)" },
  { abi: "s390x", when: "defined(__s390x__)" },
  { abi: "s390", when: "defined(__s390__)" },
  {
    abi: "mips64el",
    when: "defined(__mips__) && defined(_ABI64) && _MIPS_SIM == _ABI64 && defined(__MIPSEL__)",
  },
  { abi: "mips64", when: "defined(__mips__) && defined(_ABI64) && _MIPS_SIM == _ABI64" },
  {
    abi: "mipsel64n32",
    when: "defined(__mips__) && defined(_ABIN32) && _MIPS_SIM == _ABIN32 && defined(__MIPSEL__)",
  },
  { abi: "mips64n32", when: "defined(__mips__) && defined(_ABIN32) && _MIPS_SIM == _ABIN32" },
  {
    abi: "mipsel",
    when: "defined(__mips__) && defined(_ABIO32) && _MIPS_SIM == _ABIO32 && defined(__MIPSEL__)",
  },
  { abi: "mips", when: "defined(__mips__) && defined(_ABIO32) && _MIPS_SIM == _ABIO32" },
  { abi: "parisc64", when: "defined(__hppa__) && defined(__LP64__)" },
  { abi: "parisc", when: "defined(__hppa__)" },
  { abi: "sparc64", when: "defined(__sparc__) && defined(__arch64__)" },
  { abi: "sparc", when: "defined(__sparc__)" },
  { abi: "alpha", when: "defined(__alpha__)" },
  { abi: "m68k", when: "defined(__m68k__)" },
  { abi: "sh", when: "defined(__sh__)" },
  { abi: "loongarch64", when: "defined(__loongarch64)" },
];

/** The target condition of an ABI; throws for an ABI the table does not know (a new ABI needs a row). */
export function targetCondition(abi: Abi): string {
  const t = TARGETS.find((x) => x.abi === abi.name);
  if (!t) throw new Error(`gen-c: no target condition for ABI "${abi.name}"; add it to TARGETS`);
  return t.when;
}

/** The byte-order check an ABI's header makes, so that a big-endian sh or arm build stops. */
export function byteOrderMacro(abi: Abi): string {
  return abi.endian === "little" ? "__ORDER_LITTLE_ENDIAN__" : "__ORDER_BIG_ENDIAN__";
}
