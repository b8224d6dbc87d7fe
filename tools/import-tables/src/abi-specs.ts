import type { MipsSim } from "./uapi-constants.js";

/** Where an ABI's rows come from. */
export type TableSource =
  | {
      readonly kind: "arch";
      /** Table path relative to the tree root. */
      readonly path: string;
      /**
       * ABI columns selected, as the arch Makefile passes them to the kernel's generators; "all" when
       * the Makefile passes no `--abis` (the whole table is used).
       */
      readonly abis: readonly string[] | "all";
      /** Where that selection is made, for the header. */
      readonly abisFrom: string;
    }
  | {
      /** The generic table, selected by Kbuild variables (see kbuild-vars.ts). */
      readonly kind: "generic";
      readonly arch: string;
      readonly bits: 32 | 64;
    };

/** What is added to a table number to get the number user space passes. */
export type NumberBase =
  | { readonly kind: "none" }
  | { readonly kind: "x32-bit" }
  | { readonly kind: "mips"; readonly sim: MipsSim }
  | { readonly kind: "arm-eabi" };

/**
 * The compat column of an ABI's file: the entry point used when a task of this (32-bit) ABI runs on
 * the 64-bit kernel of the same architecture.
 */
export type CompatSource =
  /** 64-bit ABI, or an ABI that only exists on a 64-bit kernel (x32, n32): always "-". */
  | { readonly kind: "none" }
  /** The 5th column of the same table. */
  | { readonly kind: "column" }
  /**
   * s390's table: column 4 is the 64-bit entry, column 5 the 31-bit entry, `-` meaning "none". The
   * 31-bit ABI only exists as compat on s390x kernels, so column 5 alone decides presence.
   */
  | { readonly kind: "s390-31" }
  /**
   * The compat table of a 64-bit architecture with the same numbering, selected like a generic table
   * (arm: arm64's `syscalltbl`/`syscall_abis_32`, i.e. arch/arm64/tools/syscall_32.tbl, common,32).
   */
  | { readonly kind: "generic-compat"; readonly arch: string };

export interface AbiSpec {
  /** Registry ABI name; the file is schemas/tables/<abi>.tbl. */
  readonly abi: string;
  readonly description: string;
  readonly source: TableSource;
  readonly base: NumberBase;
  readonly compat: CompatSource;
  /** Add the ARM private syscalls (`__ARM_NR_*`). */
  readonly armPrivate?: boolean;
  /** ABIs with the same numbering, for the header. */
  readonly sameNumbersAs?: readonly string[];
}

const X86_MAKEFILE = "arch/x86/entry/syscalls/Makefile";

function ppc(abi: string, bits: 32 | 64, same?: readonly string[]): AbiSpec {
  return {
    abi,
    description: `PowerPC ${bits}-bit`,
    source: {
      kind: "arch",
      path: "arch/powerpc/kernel/syscalls/syscall.tbl",
      abis: ["common", "nospu", String(bits)],
      abisFrom: `arch/powerpc/kernel/syscalls/Makefile (syscall_table_${bits}.h)`,
    },
    base: { kind: "none" },
    compat: bits === 32 ? { kind: "column" } : { kind: "none" },
    ...(same ? { sameNumbersAs: same } : {}),
  };
}

function mips(abi: string, table: "o32" | "n64" | "n32", sim: MipsSim, same: string): AbiSpec {
  return {
    abi,
    description: `MIPS ${table}`,
    source: {
      kind: "arch",
      path: `arch/mips/kernel/syscalls/syscall_${table}.tbl`,
      abis: "all",
      abisFrom: "arch/mips/kernel/syscalls/Makefile (no --abis; --offset __NR_Linux)",
    },
    base: { kind: "mips", sim },
    compat: table === "o32" ? { kind: "column" } : { kind: "none" },
    sameNumbersAs: [same],
  };
}

/** Two ABIs of a `common`/`32`/`64` table (parisc, sparc, s390). */
function split(abi: string, arch: string, bits: 32 | 64, description: string): AbiSpec {
  return {
    abi,
    description,
    source: {
      kind: "arch",
      path: `arch/${arch}/kernel/syscalls/syscall.tbl`,
      abis: ["common", String(bits)],
      abisFrom: `arch/${arch}/kernel/syscalls/Makefile`,
    },
    base: { kind: "none" },
    compat: bits === 64 ? { kind: "none" } : arch === "s390" ? { kind: "s390-31" } : { kind: "column" },
  };
}

function single(abi: string, arch: string, description: string): AbiSpec {
  return {
    abi,
    description,
    source: {
      kind: "arch",
      path: `arch/${arch}/kernel/syscalls/syscall.tbl`,
      abis: "all",
      abisFrom: `arch/${arch}/kernel/syscalls/Makefile (no --abis)`,
    },
    base: { kind: "none" },
    compat: { kind: "none" },
  };
}

/** Every ABI of the registry, in registry order. */
export const ABI_SPECS: readonly AbiSpec[] = [
  {
    abi: "x86_64",
    description: "x86-64",
    source: {
      kind: "arch",
      path: "arch/x86/entry/syscalls/syscall_64.tbl",
      abis: ["common", "64"],
      abisFrom: `${X86_MAKEFILE} (unistd_64.h, syscalls_64.h)`,
    },
    base: { kind: "none" },
    compat: { kind: "none" },
  },
  {
    abi: "i386",
    description: "x86 32-bit",
    source: {
      kind: "arch",
      path: "arch/x86/entry/syscalls/syscall_32.tbl",
      abis: ["i386"],
      abisFrom: `${X86_MAKEFILE} (unistd_32.h, syscalls_32.h)`,
    },
    base: { kind: "none" },
    compat: { kind: "column" },
  },
  {
    abi: "x32",
    description: "x86-64 x32",
    source: {
      kind: "arch",
      path: "arch/x86/entry/syscalls/syscall_64.tbl",
      abis: ["common", "x32"],
      abisFrom: `${X86_MAKEFILE} (unistd_x32.h, syscalls_x32.h; --offset __X32_SYSCALL_BIT)`,
    },
    base: { kind: "x32-bit" },
    compat: { kind: "none" },
  },
  {
    abi: "aarch64",
    description: "arm64",
    source: { kind: "generic", arch: "arm64", bits: 64 },
    base: { kind: "none" },
    compat: { kind: "none" },
  },
  {
    abi: "arm",
    description: "arm EABI",
    source: {
      kind: "arch",
      path: "arch/arm/tools/syscall.tbl",
      abis: ["common", "eabi"],
      abisFrom: "arch/arm/tools/Makefile (--abis common,eabi; --offset __NR_SYSCALL_BASE)",
    },
    base: { kind: "arm-eabi" },
    compat: { kind: "generic-compat", arch: "arm64" },
    armPrivate: true,
  },
  {
    abi: "riscv64",
    description: "RISC-V 64-bit",
    source: { kind: "generic", arch: "riscv", bits: 64 },
    base: { kind: "none" },
    compat: { kind: "none" },
  },
  {
    abi: "loongarch64",
    description: "LoongArch 64-bit",
    source: { kind: "generic", arch: "loongarch", bits: 64 },
    base: { kind: "none" },
    compat: { kind: "none" },
  },
  ppc("ppc", 32),
  ppc("ppc64", 64, ["ppc64le"]),
  ppc("ppc64le", 64, ["ppc64"]),
  split("s390", "s390", 32, "s390 31-bit (compat on s390x kernels)"),
  split("s390x", "s390", 64, "s390x 64-bit"),
  mips("mips", "o32", "_MIPS_SIM_ABI32", "mipsel"),
  mips("mipsel", "o32", "_MIPS_SIM_ABI32", "mips"),
  mips("mips64", "n64", "_MIPS_SIM_ABI64", "mips64el"),
  mips("mips64el", "n64", "_MIPS_SIM_ABI64", "mips64"),
  mips("mips64n32", "n32", "_MIPS_SIM_NABI32", "mipsel64n32"),
  mips("mipsel64n32", "n32", "_MIPS_SIM_NABI32", "mips64n32"),
  split("parisc", "parisc", 32, "PA-RISC 32-bit"),
  split("parisc64", "parisc", 64, "PA-RISC 64-bit"),
  split("sparc", "sparc", 32, "SPARC 32-bit"),
  split("sparc64", "sparc", 64, "SPARC 64-bit"),
  single("alpha", "alpha", "Alpha"),
  single("m68k", "m68k", "m68k"),
  single("sh", "sh", "SuperH"),
];

export function abiSpec(abi: string): AbiSpec {
  const spec = ABI_SPECS.find((s) => s.abi === abi);
  if (!spec) throw new Error(`unknown ABI "${abi}"`);
  return spec;
}
