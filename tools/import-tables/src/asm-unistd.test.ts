/**
 * Second independent check of the committed syscall tables (after libseccomp.test.ts): every
 * `__NR_*` macro (and ARM `__ARM_NR_*`) of each Debian cross toolchain's own <asm/unistd.h>
 * (linux-libc-dev-*-cross, Linux 6.1 headers) against schemas/tables/<abi>.tbl, in both directions:
 *   (a) every header macro names a syscall of our table with the same number, or is explained;
 *   (b) every implemented syscall of our table has a header macro with the same number, or is explained.
 * The explained categories are the small lists below; anything else fails, and so does an explanation
 * that no longer applies. docs/syscall-tables.md ("Differences from the 6.1 toolchain headers")
 * lists them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import {
  locateToolchain,
  missingToolchainMessage,
  missingToolchains,
  type Toolchain,
  toolchainsRequired,
} from "@sysargs/conformance";
import { loadSchemas } from "@sysargs/loader";
import { compareVersions } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { gate } from "../../../vitest.skips.js";
import { ABI_SPECS } from "./abi-specs.js";
import { type ParsedTable, parseGeneratedTable } from "./read-table.js";

const ROOT = join(import.meta.dirname, "../../..");
/** Then a missing cross toolchain fails instead of skipping (CI=true, SYSARGS_REQUIRE_TOOLCHAINS=1). */
const required = toolchainsRequired();

// Toolchains come from the ABI models and are located as tools/conformance does: include
// directories from `gcc -E -v` minus the host's, used with -nostdinc so that a cross compiler can
// never fall back to the build machine's headers.
const registry = loadSchemas(join(ROOT, "schemas")).registry;
if (!registry) throw new Error("schemas/ has diagnostics: run pnpm sysargs validate");
const abiModel = (abi: string) => registry.abis.find((a) => a.name === abi);
const declaredToolchain = (abi: string) => abiModel(abi)?.toolchain ?? undefined;
const located = new Map<string, Toolchain | undefined>(
  await Promise.all(registry.abis.map(async (a) => [a.name, await locateToolchain(a)] as const)),
);

/** ABIs whose model declares no toolchain: Debian 12 has no cross compiler for them. */
const NO_TOOLCHAIN = ["loongarch64", "parisc64"];

function gcc(
  tc: Toolchain,
  args: readonly string[],
  input?: string,
): { status: number; out: string; err: string } {
  const r = spawnSync(tc.gcc, [...tc.flags, ...args], {
    encoding: "utf8",
    input,
    maxBuffer: 64 << 20,
    env: { ...process.env, LC_ALL: "C" },
  });
  return { status: r.error ? 127 : (r.status ?? 1), out: r.stdout ?? "", err: r.stderr ?? "" };
}

// ---------------------------------------------------------------------------------------------
// Reading <asm/unistd.h>
// ---------------------------------------------------------------------------------------------

interface Header {
  /** The file <asm/unistd.h> resolved to. */
  readonly file: string;
  /** "6.1.4", from the toolchain's <linux/version.h>. */
  readonly version: string;
  /** Macro name (`__NR_read`, `__ARM_NR_set_tls`, `__NR_Linux`, `__X32_SYSCALL_BIT`) -> value. */
  readonly macros: ReadonlyMap<string, number>;
}

/**
 * The macros collected: `__NR_<name>`, `__ARM_NR_<name>` and the x86 number base. asm-generic's
 * `__NR3264_<name>` helpers are not `__NR_` macros; each `__NR_` alias built on them is collected.
 */
const MACRO = /^#define ((?:__NR|__ARM_NR)_\w+|__X32_SYSCALL_BIT)[ \t]/gm;
const SENTINEL = 0x5eca11ed;

/**
 * Pass 1 (`-dM -E`) lists the macros; pass 2 compiles the same header with those macros as the
 * initializer of an `unsigned int` array to assembly, where each element is one 4-byte data
 * directive holding the value the compiler computed (`(__NR_Linux + 4)`, `(__X32_SYSCALL_BIT + 0)`).
 * A sentinel at both ends proves that every element was read back.
 */
function readHeader(tc: Toolchain): Header {
  const base = ["-nostdinc", ...tc.includeDirs.flatMap((d) => ["-isystem", d]), "-x", "c"];
  const p1 = gcc(
    tc,
    [...base, "-dM", "-E", "-H", "-"],
    "#include <linux/version.h>\n#include <asm/unistd.h>\n",
  );
  if (p1.status !== 0) throw new Error(`${tc.triplet}-gcc -dM -E failed:\n${p1.err}`);
  // -H lists every header opened, one "." per nesting level.
  const file = /^\. (\S*\/asm\/unistd\.h)$/m.exec(p1.err)?.[1];
  if (!file) throw new Error(`${tc.triplet}: <asm/unistd.h> not in the -H output:\n${p1.err}`);
  if (!tc.includeDirs.some((d) => realpathSync(file).startsWith(`${d}/`)))
    throw new Error(`${tc.triplet}: <asm/unistd.h> came from ${file}, outside ${tc.includeDirs.join(", ")}`);
  const code = Number(/^#define LINUX_VERSION_CODE (\d+)$/m.exec(p1.out)?.[1]);
  const version = `${code >> 16}.${(code >> 8) & 0xff}.${code & 0xff}`;
  const names = [...p1.out.matchAll(MACRO)].map((m) => m[1]!).sort();

  const source = [
    "#include <asm/unistd.h>",
    "unsigned int sysargs_nr[] = {",
    `  ${SENTINEL}U,`,
    ...names.map((n) => `  (unsigned int)(${n}),`),
    `  ${SENTINEL}U`,
    "};",
    "",
  ].join("\n");
  const p2 = gcc(tc, [...base, "-O0", "-w", "-S", "-o", "-", "-"], source);
  if (p2.status !== 0) throw new Error(`${tc.triplet}-gcc -S failed:\n${p2.err}`);
  const lines = p2.out.split("\n");
  const at = lines.indexOf("sysargs_nr:");
  if (at < 0) throw new Error(`${tc.triplet}: no sysargs_nr label in the assembly`);
  const values: number[] = [];
  for (const line of lines.slice(at + 1)) {
    if (values.length >= names.length + 2) break;
    // 4-byte data directives (.long on x86, .word on arm64/mips/riscv/hppa); .zero for runs of 0.
    const d = /^\s*\.(long|word|4byte|int|zero|space|skip)\s+(-?\d+)\s*$/.exec(line);
    if (!d) throw new Error(`${tc.triplet}: unexpected line in sysargs_nr: ${JSON.stringify(line)}`);
    if (d[1] === "zero" || d[1] === "space" || d[1] === "skip") {
      for (let i = 0; i < Number(d[2]) / 4; i++) values.push(0);
    } else values.push(Number(d[2]) >>> 0);
  }
  if (values.length !== names.length + 2 || values[0] !== SENTINEL || values.at(-1) !== SENTINEL)
    throw new Error(`${tc.triplet}: sysargs_nr did not read back (${values.length} of ${names.length + 2})`);
  return { file, version, macros: new Map(names.map((n, i) => [n, values[i + 1]!])) };
}

// ---------------------------------------------------------------------------------------------
// Explained differences (docs/syscall-tables.md lists them). Each must occur; unused ones fail.
// ---------------------------------------------------------------------------------------------

/** The headers these lists describe: Debian 12's linux-libc-dev-*-cross 6.1.4 (mips: 6.1.8). */
const HEADER_SERIES = "6.1";

/**
 * Header macros that are not syscalls: number bases, a mask and counts. Where our table header's
 * "number base:" line names the macro, its value must be the one stated there.
 */
const NOT_SYSCALLS: Record<string, readonly string[]> = {
  // arch/x86/include/uapi/asm/unistd.h defines the x32 bit for every x86 ABI.
  x86_64: ["__X32_SYSCALL_BIT"],
  i386: ["__X32_SYSCALL_BIT"],
  x32: ["__X32_SYSCALL_BIT"],
  // include/uapi/asm-generic/unistd.h: first of the 16 arch-private numbers (244), table size (451).
  aarch64: ["__NR_arch_specific_syscall", "__NR_syscalls"],
  riscv64: ["__NR_arch_specific_syscall", "__NR_syscalls"],
  // arch/arm/include/uapi/asm/unistd.h: EABI/OABI bases, the number mask, the private-call base.
  arm: ["__NR_SYSCALL_BASE", "__NR_OABI_SYSCALL_BASE", "__NR_SYSCALL_MASK", "__ARM_NR_BASE"],
  // arch/mips/include/uapi/asm/unistd.h: the o32/n64/n32 base (4000/5000/6000).
  mips: ["__NR_Linux"],
  mipsel: ["__NR_Linux"],
  mips64: ["__NR_Linux"],
  mips64el: ["__NR_Linux"],
  mips64n32: ["__NR_Linux"],
  mipsel64n32: ["__NR_Linux"],
};

/**
 * Compatibility aliases of the uapi header: a second macro for a number our table lists under the
 * kernel table's name (alias -> that name); the alias's value must be that row's number.
 */
const ALIASES: Record<string, Record<string, string>> = {
  // arch/arm/include/uapi/asm/unistd.h: #define __NR_sync_file_range2 __NR_arm_sync_file_range
  arm: { sync_file_range2: "arm_sync_file_range" },
  // arch/alpha/include/uapi/asm/unistd.h: __NR_umount __NR_umount2, __NR_osf_shmat __NR_shmat,
  // __NR_getpid/getuid/getgid __NR_getxpid/getxuid/getxgid (OSF/1 calls returning two values)
  alpha: { umount: "umount2", osf_shmat: "shmat", getpid: "getxpid", getuid: "getxuid", getgid: "getxgid" },
};

/**
 * Generic syscalls added after 6.1 (asm-generic numbers; 6.12 tables and additions-6.13-6.18.tsv
 * have them, no 6.1 header does). On each ABI the number must be the generic one plus the offset
 * that ABI's 6.1 header gives the unified numbers, __NR_pidfd_send_signal - 424 (alpha 110, mips
 * 4000/5000/6000, x32 __X32_SYSCALL_BIT, else 0), so a wrong number still fails.
 */
const GENERIC_AFTER_6_1: Record<string, number> = {
  cachestat: 451, // 6.5
  fchmodat2: 452, // 6.6
  map_shadow_stack: 453, // 6.6 (#ni on ppc*)
  futex_wake: 454, // 6.7
  futex_wait: 455, // 6.7
  futex_requeue: 456, // 6.7
  statmount: 457, // 6.8
  listmount: 458, // 6.8
  lsm_get_self_attr: 459, // 6.8
  lsm_set_self_attr: 460, // 6.8
  lsm_list_modules: 461, // 6.8
  mseal: 462, // 6.10
  setxattrat: 463, // 6.13
  getxattrat: 464, // 6.13
  listxattrat: 465, // 6.13
  removexattrat: 466, // 6.13
  open_tree_attr: 467, // 6.15
  file_getattr: 468, // 6.17
  file_setattr: 469, // 6.17
};
const UNIFIED_ANCHOR = { macro: "__NR_pidfd_send_signal", number: 424 };

const X32 = 0x40000000;
/** Arch-specific syscalls (or arch wiring of older syscalls) added after 6.1, with their numbers. */
const ARCH_AFTER_6_1: Record<string, Record<string, number>> = {
  // uretprobe 6.11, uprobe 6.18 (syscall_64.tbl "common": x86_64 and x32)
  x86_64: { uretprobe: 335, uprobe: 336 },
  x32: { uretprobe: X32 + 335, uprobe: X32 + 336 },
  riscv64: { riscv_hwprobe: 258 }, // 6.4
  // memfd_secret (generic since 5.14) wired up on s390 after 6.1
  s390: { memfd_secret: 447 },
  s390x: { memfd_secret: 447 },
  parisc: { cacheflush: 356 }, // 6.5
  alpha: { clone3: 545 }, // wired up on alpha after 6.1 (alpha_clone3)
  sh: { sync_file_range2: 388 }, // 6.10 ("sh: rework sync_file_range ABI")
};

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

const CATEGORIES = ["not a syscall", "reserved (#ni row)", "header alias", "added after 6.1"] as const;
type Category = (typeof CATEGORIES)[number];

interface Comparison {
  agree: number;
  /** Rows whose since value the header confirmed (at most 6.1, and the header has them). */
  sinceChecked: number;
  explained: Record<Category, string[]>;
  failures: string[];
}

function compare(abi: string, header: Header, table: ParsedTable): Comparison {
  const present = new Map(table.present.map((e) => [e.name, e.number]));
  const ni = new Map(table.notImplemented.map((e) => [e.name, e.number]));
  const notSyscalls = NOT_SYSCALLS[abi] ?? [];
  const aliases = ALIASES[abi] ?? {};
  const archAfter = ARCH_AFTER_6_1[abi] ?? {};
  const result: Comparison = {
    agree: 0,
    sinceChecked: 0,
    explained: Object.fromEntries(CATEGORIES.map((c) => [c, []])) as unknown as Record<Category, string[]>,
    failures: [],
  };
  const fail = (s: string): void => {
    result.failures.push(`${abi}: ${s}`);
  };
  const headerNames = new Set<string>();

  // (a) every header macro
  for (const [macro, value] of header.macros) {
    if (notSyscalls.includes(macro)) {
      result.explained["not a syscall"].push(macro);
      // "# number base: __NR_Linux = 4000 for ..." in our table's header
      const stated = table.header
        .map((h) => new RegExp(`^number base: ${macro} = (0x[0-9a-f]+|\\d+)\\b`).exec(h)?.[1])
        .find((v) => v !== undefined);
      if (stated !== undefined && Number(stated) !== value)
        fail(`${macro} = ${value} in the header, ${stated} in ${abi}.tbl's "number base" line`);
      continue;
    }
    const name = macro.replace(/^__(?:ARM_)?NR_/, "");
    headerNames.add(name);
    const ours = present.get(name);
    const target = aliases[name];
    if (ours === value) result.agree++;
    else if (ours !== undefined) fail(`${macro} = ${value} in the header, ${ours} in ${abi}.tbl`);
    else if (target !== undefined) {
      if (present.get(target) === value) result.explained["header alias"].push(`${name} = ${target}`);
      else fail(`alias ${macro} = ${value} in the header, ${target} is ${present.get(target)} in ${abi}.tbl`);
    } else if (ni.get(name) === value) result.explained["reserved (#ni row)"].push(name);
    else
      fail(
        `${macro} = ${value} in the header, ${ni.has(name) ? `#ni ${ni.get(name)}` : "absent"} in ${abi}.tbl`,
      );
  }

  // (b) every implemented syscall of our table
  const anchor = header.macros.get(UNIFIED_ANCHOR.macro);
  for (const e of table.present) {
    if (headerNames.has(e.name)) continue; // compared in (a)
    const generic = GENERIC_AFTER_6_1[e.name];
    const expected =
      archAfter[e.name] ??
      (generic !== undefined && anchor !== undefined ? anchor - UNIFIED_ANCHOR.number + generic : undefined);
    if (expected === e.number) result.explained["added after 6.1"].push(e.name);
    else if (expected !== undefined)
      fail(
        `${e.name} is ${e.number} in ${abi}.tbl, expected ${expected} (added after 6.1, not in the header)`,
      );
    else fail(`${e.name} (${e.number} in ${abi}.tbl) has no macro in the header`);
  }

  // (c) since values (since-libseccomp.tsv, since-versions.tsv, the additions) against the 6.1
  // header, which the kernel generated itself: a syscall since 6.1 or earlier ("<=3.0" included) has
  // its macro there, one since a later release has none.
  for (const e of table.present) {
    const since = e.since.replace(/^<=/, "");
    if (since === "?") continue;
    const inHeader = headerNames.has(e.name);
    if (compareVersions(since, "6.1") <= 0 && !inHeader)
      fail(`${e.name} is since ${e.since} in ${abi}.tbl, but the 6.1 header has no macro for it`);
    if (compareVersions(since, "6.1") > 0 && inHeader)
      fail(`${e.name} is since ${e.since} in ${abi}.tbl, but the 6.1 header already has it`);
    if (inHeader) result.sinceChecked++;
  }

  // Explanations that no longer apply.
  const used = (c: Category, s: string): boolean => result.explained[c].includes(s);
  for (const m of notSyscalls) if (!used("not a syscall", m)) fail(`stale NOT_SYSCALLS entry ${m}`);
  for (const [a, t] of Object.entries(aliases))
    if (!used("header alias", `${a} = ${t}`)) fail(`stale ALIASES entry ${a}`);
  for (const n of Object.keys(archAfter))
    if (!used("added after 6.1", n)) fail(`stale ARCH_AFTER_6_1 entry ${n}`);
  // A generic addition may be a #ni row (map_shadow_stack on ppc); otherwise it must have been used.
  for (const n of Object.keys(GENERIC_AFTER_6_1))
    if (!used("added after 6.1", n) && !ni.has(n)) fail(`GENERIC_AFTER_6_1 entry ${n} does not apply`);
  return result;
}

const tables = new Map(
  ABI_SPECS.map((s) => [
    s.abi,
    parseGeneratedTable(readFileSync(join(ROOT, "schemas/tables", `${s.abi}.tbl`), "utf8"), `${s.abi}.tbl`),
  ]),
);

describe("syscall numbers against each cross toolchain's own <asm/unistd.h>", () => {
  it(`every ABI but ${NO_TOOLCHAIN.join(" and ")} declares a toolchain`, () => {
    expect(ABI_SPECS.map((s) => s.abi).filter((abi) => !declaredToolchain(abi))).toEqual(NO_TOOLCHAIN);
    for (const abi of Object.keys({ ...NOT_SYSCALLS, ...ALIASES, ...ARCH_AFTER_6_1 }))
      expect(declaredToolchain(abi), `explanations for ${abi}, which has no toolchain`).toBeDefined();
  });

  for (const { abi } of ABI_SPECS) {
    const declared = declaredToolchain(abi);
    if (!declared) continue;
    const found = located.get(abi);
    const tc = { ...declared, ...found };
    const gccLine = [`${tc.triplet}-gcc`, ...tc.flags].join(" ");
    // A toolchain counts when its compiler and its UAPI headers are installed (toolchain.ts).
    const g = gate(missingToolchains([abiModel(abi)!]), required);
    const title = g.skip
      ? `${abi} [skipped: ${g.why}]`
      : `${abi}: ${gccLine} <asm/unistd.h> and ${abi}.tbl agree or differ only as explained`;
    it.skipIf(g.skip)(title, () => {
      expect(found, missingToolchainMessage(abiModel(abi)!)).toBeDefined();
      const header = readHeader(found!);
      expect(
        header.version.startsWith(`${HEADER_SERIES}.`),
        `${header.file} is from Linux ${header.version}; the explained differences are for ${HEADER_SERIES} headers`,
      ).toBe(true);
      const table = tables.get(abi)!;
      const c = compare(abi, header, table);
      const explained = CATEGORIES.map((k) => `${k} ${c.explained[k].length}`).join(", ");
      console.info(
        `${abi}: ${header.file} (Linux ${header.version}): agree ${c.agree}; explained: ${explained}; failures ${c.failures.length}`,
      );
      expect(c.failures).toEqual([]);
      // The bulk must agree: a broken read-back must not pass as "all explained".
      expect(c.agree).toBeGreaterThan(table.present.length * 0.8);
      // ABIs with since values from libseccomp: most of them were checked against the header.
      if (table.present.filter((e) => e.since !== "?").length > 100)
        expect(c.sinceChecked).toBeGreaterThan(table.present.length * 0.8);
    });
  }
});
