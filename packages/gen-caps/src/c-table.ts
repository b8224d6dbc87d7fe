import { ARG_CLASSES, type CapArg, type CapabilitiesFile, type Compare } from "@sysargs/capabilities";

/**
 * The capability list as C: per ABI a table of its syscalls sorted by number, a lookup by
 * AUDIT_ARCH and number, and a bitmap of deep-inspectable syscalls (bit nr - base): the shape in
 * which a kernel could expose the list. Plain C11 with <stdint.h> and <stddef.h> only, so that it
 * compiles with every cross compiler and in a freestanding build.
 */

export const C_HEADER = "c/sysargs_caps.h";
export const C_SOURCE = "c/sysargs_caps.c";

/** Enumerator spelling of an argument class: "extensible-struct" -> SYSARGS_ARG_EXTENSIBLE_STRUCT. */
export const classEnum = (c: string): string => `SYSARGS_ARG_${c.toUpperCase().replace(/-/g, "_")}`;
const COMPARES: readonly (Compare | "none")[] = ["none", "full", "low32", "pair"];
export const compareEnum = (c: string): string => `SYSARGS_CMP_${c.toUpperCase()}`;

/** A kernel version as one number: major << 16 | minor << 8 | patch (0: not recorded). */
export function versionCode(v: string | null): number {
  if (!v) return 0;
  const [a = 0, b = 0, c = 0] = v.split(".").map((x) => Number.parseInt(x, 10));
  return (a << 16) | (b << 8) | Math.min(c, 255);
}

/** The largest number of arguments any syscall takes, which sizes `args` in the C struct. */
export function maxArgs(caps: Omit<CapabilitiesFile, "$comment">): number {
  return Math.max(1, ...caps.syscalls.flatMap((s) => s.variants.map((v) => v.args.length)));
}

export function cHeader(comment: string, caps: Omit<CapabilitiesFile, "$comment">): string {
  return `/* ${comment} */
#ifndef SYSARGS_CAPS_H
#define SYSARGS_CAPS_H

#include <stddef.h>
#include <stdint.h>

/* How a filter can look at one argument (capabilities.json "class"). */
enum sysargs_arg_class {
${ARG_CLASSES.map((c, i) => `  ${classEnum(c)} = ${i}`).join(",\n")}
};

/* How a classic filter compares a register argument (capabilities.json "compare"). */
enum sysargs_compare {
${COMPARES.map((c, i) => `  ${compareEnum(c)} = ${i}`).join(",\n")}
};

#define SYSARGS_CAP_MAX_ARGS ${maxArgs(caps)}
/* A kernel version as one number, as in the table's since/until (0: not recorded). */
#define SYSARGS_KERNEL_VERSION(a, b, c) (((uint32_t)(a) << 16) | ((uint32_t)(b) << 8) | (uint32_t)(c))

struct sysargs_cap_arg {
  uint8_t cls;          /* enum sysargs_arg_class */
  uint8_t width;        /* bytes of the value (a pointer's own size for pointers) */
  uint8_t is_signed;
  uint8_t compare;      /* enum sysargs_compare; SYSARGS_CMP_NONE for pointers */
  int8_t slot;          /* seccomp_data.args index (of the low word of a pair); -1: not seen */
  int8_t slot_high;     /* seccomp_data.args index of the high word of a pair; -1 otherwise */
  uint8_t inspectable;
};

struct sysargs_cap {
  uint32_t nr;
  const char *name;
  uint32_t since;       /* SYSARGS_KERNEL_VERSION; 0: not recorded */
  uint32_t until;       /* SYSARGS_KERNEL_VERSION of its removal; 0: still present */
  uint8_t nargs;
  uint8_t deep;         /* an argument is an extensible struct the kernel copies in */
  int8_t deep_arg;      /* its index; -1 when deep is 0 */
  uint16_t deep_min;    /* the struct's first published size */
  uint16_t deep_size;   /* the struct's newest size the registry knows */
  struct sysargs_cap_arg args[SYSARGS_CAP_MAX_ARGS];
};

struct sysargs_cap_abi {
  const char *name;
  uint32_t audit_arch;  /* AUDIT_ARCH_* (x86_64 and x32 share one; their numbers do not overlap) */
  uint32_t base;        /* the ABI's first syscall number; bitmap bit i is syscall base + i */
  uint32_t count;
  const struct sysargs_cap *caps;   /* sorted by nr */
  uint32_t bitmap_bits;
  const uint8_t *deep_bitmap;
};

extern const struct sysargs_cap_abi sysargs_cap_abis[];
extern const size_t sysargs_cap_abi_count;

/* The entry of syscall nr on the ABI of audit_arch, or NULL when that ABI has no such syscall. */
const struct sysargs_cap *sysargs_cap_lookup(uint32_t audit_arch, uint32_t nr);
/* 1 when syscall nr supports deep inspection on the ABI of audit_arch (the bitmap), else 0. */
int sysargs_cap_is_deep(uint32_t audit_arch, uint32_t nr);

#endif /* SYSARGS_CAPS_H */
`;
}

function cArg(a: CapArg): string {
  const reg = a.compare !== undefined;
  const slot = (i: number) => {
    const s = a.slots[i];
    return s === undefined || s === null ? -1 : s;
  };
  return `{ ${classEnum(a.class)}, ${a.width}, ${a.signed ? 1 : 0}, ${compareEnum(reg ? a.compare! : "none")}, ${slot(0)}, ${a.slots.length === 2 ? slot(1) : -1}, ${a.inspectable ? 1 : 0} }`;
}

export function cSource(comment: string, caps: Omit<CapabilitiesFile, "$comment">): string {
  const structs = new Map(caps.structs.map((s) => [s.name, s]));
  const blocks: string[] = [];
  const abiRows: string[] = [];
  for (const abi of caps.abis) {
    const id = abi.name.replace(/[^A-Za-z0-9_]/g, "_");
    const rows = caps.syscalls
      .filter((s) => abi.name in s.numbers)
      .map((s) => ({ s, nr: s.numbers[abi.name]! }))
      .sort((a, b) => a.nr - b.nr);
    const entries = rows.map(({ s, nr }) => {
      const args = s.variants.find((v) => v.abis.includes(abi.name))?.args ?? [];
      const deepIndex = args.findIndex((a) => a.class === "extensible-struct" && a.inspectable);
      const st = deepIndex >= 0 ? structs.get(args[deepIndex]!.struct ?? "") : undefined;
      const min = st?.versions[0]?.size ?? 0;
      const max = st?.versions[st.versions.length - 1]?.size ?? 0;
      const argList = args.length ? `{ ${args.map(cArg).join(", ")} }` : "{ { 0, 0, 0, 0, -1, -1, 0 } }";
      return `  { ${nr}u, "${s.name}", ${versionCode(s.since)}u, ${versionCode(s.until)}u, ${args.length}, ${deepIndex >= 0 ? 1 : 0}, ${deepIndex}, ${min}, ${max},\n    ${argList} }`;
    });
    const maxNr = rows.length ? rows[rows.length - 1]!.nr : abi.syscallBase;
    const bits = rows.length ? maxNr - abi.syscallBase + 1 : 0;
    const bytes = new Array<number>(Math.max(1, Math.ceil(bits / 8))).fill(0);
    for (const { s, nr } of rows)
      if (abi.deep.includes(s.name)) bytes[(nr - abi.syscallBase) >> 3]! |= 1 << ((nr - abi.syscallBase) & 7);
    const hex = bytes.map((b) => `0x${b.toString(16).padStart(2, "0")}`);
    const lines: string[] = [];
    for (let i = 0; i < hex.length; i += 16) lines.push(`  ${hex.slice(i, i + 16).join(", ")}`);
    blocks.push(
      `/* ${abi.name}: ${rows.length} syscalls, ${abi.deep.length} deep-inspectable */\nstatic const struct sysargs_cap caps_${id}[] = {\n${entries.join(",\n")}\n};\n` +
        `static const uint8_t deep_${id}[] = {\n${lines.join(",\n")}\n};\n`,
    );
    abiRows.push(
      `  { "${abi.name}", 0x${abi.auditArch.toString(16)}u, ${abi.syscallBase}u, ${rows.length}u, caps_${id}, ${bits}u, deep_${id} }`,
    );
  }
  return `/* ${comment} */
#include "sysargs_caps.h"

${blocks.join("\n")}
const struct sysargs_cap_abi sysargs_cap_abis[] = {
${abiRows.join(",\n")}
};
const size_t sysargs_cap_abi_count = sizeof sysargs_cap_abis / sizeof sysargs_cap_abis[0];

static const struct sysargs_cap *find(const struct sysargs_cap_abi *abi, uint32_t nr) {
  size_t lo = 0, hi = abi->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (abi->caps[mid].nr == nr) return &abi->caps[mid];
    if (abi->caps[mid].nr < nr) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

const struct sysargs_cap *sysargs_cap_lookup(uint32_t audit_arch, uint32_t nr) {
  size_t i;
  for (i = 0; i < sysargs_cap_abi_count; i++) {
    const struct sysargs_cap *c;
    if (sysargs_cap_abis[i].audit_arch != audit_arch) continue;
    c = find(&sysargs_cap_abis[i], nr);
    if (c) return c;
  }
  return NULL;
}

int sysargs_cap_is_deep(uint32_t audit_arch, uint32_t nr) {
  size_t i;
  for (i = 0; i < sysargs_cap_abi_count; i++) {
    const struct sysargs_cap_abi *abi = &sysargs_cap_abis[i];
    uint32_t bit;
    if (abi->audit_arch != audit_arch || nr < abi->base) continue;
    bit = nr - abi->base;
    if (bit < abi->bitmap_bits && (abi->deep_bitmap[bit >> 3] >> (bit & 7)) & 1) return 1;
  }
  return 0;
}
`;
}
