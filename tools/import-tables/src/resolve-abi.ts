import type { KernelSource } from "@sysargs/kernel-source";
import { compareVersions } from "@sysargs/model";
import type { AbiSpec } from "./abi-specs.js";
import {
  type Addition,
  additionAppliesTo,
  type HistoryFact,
  historyAppliesTo,
  type SinceFact,
  sinceFactAppliesTo,
} from "./facts-files.js";
import { genericTableSelection } from "./kbuild-vars.js";
import { isImplementedEntry, parseTbl, selectAbis, type TblRow } from "./tbl-parser.js";
import {
  parseArm64CompatPrivate,
  parseArmEabiBase,
  parseArmPrivate,
  parseArmTrapsCases,
  parseMipsNrLinux,
  parseX32SyscallBit,
} from "./uapi-constants.js";

/**
 * First number of the range where new syscalls get the same number on every architecture
 * (pidfd_send_signal, Linux 5.1); alpha's table adds a constant to it, which the importer derives.
 */
export const UNIFIED_FIRST_NUMBER = 424;

export const GENERIC_TABLE = "scripts/syscall.tbl";

export type RowOrigin = "table" | "addition" | "arm-private";

export interface ResolvedRow {
  /** The number user space passes (table number plus the ABI's base). */
  readonly number: number;
  readonly tableNumber: number;
  /** The abi column as in the source table (`arm-private` for ARM private calls). */
  readonly abi: string;
  readonly name: string;
  readonly entry: string;
  readonly compat: string;
  /** Kernel version the syscall appeared in on this ABI, `?` when not established. */
  readonly since: string;
  readonly origin: RowOrigin;
  /** For a number without an implementation: why (history.tsv), when a source says. */
  readonly history?: HistoryFact;
}

export interface AppliedAddition {
  readonly addition: Addition;
  readonly row: ResolvedRow;
}

export interface SkippedAddition {
  readonly addition: Addition;
  readonly reason: string;
}

export interface AppliedSince {
  readonly name: string;
  readonly since: string;
  readonly source: string;
  readonly from: "since-facts" | "additions";
  /** The data file the fact came from (since facts only). */
  readonly file?: string;
}

export interface ResolvedTable {
  readonly spec: AbiSpec;
  readonly treeLabel: string;
  readonly treeVersion: string;
  /** Source files used, relative to the tree root, with notes such as symlink targets. */
  readonly sourceFiles: readonly string[];
  /** The abi column values selected (or found, for whole-table selections). */
  readonly abiColumns: readonly string[];
  readonly abiColumnsFrom: string;
  readonly base: number;
  readonly baseFrom: string;
  readonly compatNote: string;
  readonly present: readonly ResolvedRow[];
  readonly notImplemented: readonly ResolvedRow[];
  readonly additions: readonly AppliedAddition[];
  readonly skippedAdditions: readonly SkippedAddition[];
  readonly sinceApplied: readonly AppliedSince[];
  /** History rows that explain this ABI's numbers without an implementation. */
  readonly historyApplied: readonly HistoryFact[];
  /** Offset from the generic number to this ABI's table number for the unified range. */
  readonly unifiedOffset: number;
}

export interface ResolveOptions {
  readonly additions: readonly Addition[];
  readonly sinceFacts: readonly SinceFact[];
  /** Why reserved numbers have no implementation (history.tsv); none when absent. */
  readonly history?: readonly HistoryFact[];
}

function required(src: KernelSource, path: string): string {
  const text = src.read(path);
  if (text === undefined) throw new Error(`${src.label}: missing ${path}`);
  return text;
}

function describeFile(src: KernelSource, path: string): string {
  const target = src.symlinkTarget(path);
  return target === undefined ? path : `${path} (symlink to ${target})`;
}

interface Selection {
  readonly rows: TblRow[];
  readonly files: string[];
  readonly columns: string[];
  readonly columnsFrom: string;
}

function genericSelection(src: KernelSource, arch: string, bits: 32 | 64): Selection {
  const archMakefile = `arch/${arch}/kernel/Makefile.syscalls`;
  const asmHeaders = src.read("scripts/Makefile.asm-headers");
  const sel = genericTableSelection(asmHeaders, required(src, archMakefile), bits);
  const rows = selectAbis(parseTbl(required(src, sel.table), sel.table), sel.abis);
  return {
    rows,
    files: [describeFile(src, sel.table)],
    columns: [...sel.abis],
    columnsFrom: `scripts/Makefile.asm-headers + ${archMakefile} (syscall_abis_${bits}, syscalltbl)`,
  };
}

function tableSelection(src: KernelSource, spec: AbiSpec): Selection {
  const source = spec.source;
  if (source.kind === "generic") return genericSelection(src, source.arch, source.bits);
  const all = parseTbl(required(src, source.path), source.path);
  const rows = source.abis === "all" ? all : selectAbis(all, source.abis);
  const columns = source.abis === "all" ? [...new Set(all.map((r) => r.abi))] : [...source.abis];
  return { rows, files: [describeFile(src, source.path)], columns, columnsFrom: source.abisFrom };
}

function numberBase(src: KernelSource, spec: AbiSpec): { value: number; from: string } {
  const base = spec.base;
  switch (base.kind) {
    case "none":
      return { value: 0, from: "none (table numbers are the syscall numbers)" };
    case "x32-bit": {
      const file = "arch/x86/include/uapi/asm/unistd.h";
      const value = parseX32SyscallBit(required(src, file));
      return { value, from: `__X32_SYSCALL_BIT = 0x${value.toString(16)} (${file})` };
    }
    case "mips": {
      const file = "arch/mips/include/uapi/asm/unistd.h";
      const value = parseMipsNrLinux(required(src, file), base.sim);
      return { value, from: `__NR_Linux = ${value} for _MIPS_SIM == ${base.sim} (${file})` };
    }
    case "arm-eabi": {
      const file = "arch/arm/include/uapi/asm/unistd.h";
      const value = parseArmEabiBase(required(src, file));
      return { value, from: `__NR_SYSCALL_BASE = ${value} for EABI (${file})` };
    }
  }
}

/** The entry a 32-bit task of this ABI reaches on a 64-bit kernel, per a row's compat column. */
function effectiveCompat(row: TblRow): string | null {
  return row.compat !== null && row.compat !== "-" ? row.compat : row.entry;
}

interface CompatInfo {
  readonly note: string;
  readonly files: string[];
  /** The compat column value and whether the row is present on this ABI. */
  readonly resolve: (row: TblRow) => { compat: string; present: boolean };
  /** Compat column for a row added from the additions file, following the reference row. */
  readonly forAddition: (reference: TblRow, name: string) => string;
}

function patternFromReference(reference: TblRow | undefined, name: string): string {
  if (reference?.compat && reference.compat !== "-" && reference.compat === reference.entry)
    return `sys_${name}`;
  return "-";
}

function compatInfo(src: KernelSource, spec: AbiSpec, sel: Selection): CompatInfo {
  const compat = spec.compat;
  switch (compat.kind) {
    case "none":
      return {
        note: 'not applicable to this ABI, always "-"',
        files: [],
        resolve: (row) => ({ compat: "-", present: isImplementedEntry(row.entry) }),
        forAddition: () => "-",
      };
    case "column":
      return {
        note:
          "5th column of the source table: entry used when a task of this ABI runs on the 64-bit kernel " +
          '("-" = same as entry); a syscall is present if entry or compat entry is implemented',
        files: [],
        resolve: (row) => ({
          compat: row.compat ?? "-",
          present: isImplementedEntry(row.entry) || isImplementedEntry(effectiveCompat(row)),
        }),
        forAddition: (reference, name) => patternFromReference(reference, name),
      };
    case "s390-31": {
      // Old s390 layout: every row spells out both entries and "-" means "none"; a table in the
      // generic layout would use the generic rule ("-"/missing compat = same as the 64-bit entry).
      const legacy = sel.rows.every((r) => r.compat !== null);
      return {
        note: legacy
          ? "5th column of the source table, the 31-bit entry; it alone decides presence (31-bit s390 " +
            'runs only as compat on s390x kernels; "-" = none)'
          : "5th column of the source table; it alone decides presence (31-bit s390 runs only as compat)",
        files: [],
        resolve: (row) => {
          const entry31 = legacy ? row.compat : effectiveCompat(row);
          return { compat: row.compat ?? "-", present: isImplementedEntry(entry31) };
        },
        forAddition: (reference, name) => patternFromReference(reference, name),
      };
    }
    case "generic-compat": {
      const other = genericSelection(src, compat.arch, 32);
      const byNumber = new Map(other.rows.map((r) => [r.number, r]));
      return {
        note:
          `5th column of ${other.files.join(", ")} (abi ${other.columns.join(",")}, ${compat.arch} compat): ` +
          'entry used when a task of this ABI runs on the 64-bit kernel ("-" = same as entry); ' +
          "a syscall is present if entry or compat entry is implemented",
        files: other.files,
        resolve: (row) => {
          const c = byNumber.get(row.number);
          const match = c !== undefined && c.name === row.name ? c : undefined;
          return {
            compat: match?.compat ?? "-",
            present:
              isImplementedEntry(row.entry) ||
              (match !== undefined && isImplementedEntry(effectiveCompat(match))),
          };
        },
        forAddition: (reference, name) => patternFromReference(byNumber.get(reference.number), name),
      };
    }
  }
}

function armPrivateRows(src: KernelSource, base: number): { rows: ResolvedRow[]; files: string[] } {
  const headerFile = "arch/arm/include/uapi/asm/unistd.h";
  const trapsFile = "arch/arm/kernel/traps.c";
  const compatFile = "arch/arm64/include/asm/unistd.h";
  const priv = parseArmPrivate(required(src, headerFile));
  const cases = parseArmTrapsCases(required(src, trapsFile));
  const compatText = src.read(compatFile);
  const compat = compatText === undefined ? new Map<string, number>() : parseArm64CompatPrivate(compatText);
  const rows: ResolvedRow[] = [];
  for (const call of priv.calls) {
    if (!cases.has(call.name)) continue;
    const tableNumber = priv.baseOffset + call.offset;
    rows.push({
      number: base + tableNumber,
      tableNumber,
      abi: "arm-private",
      name: call.name,
      entry: "arm_syscall",
      compat: compat.get(call.name) === call.offset ? "compat_arm_syscall" : "-",
      since: "?",
      origin: "arm-private",
    });
  }
  const files = [headerFile, trapsFile];
  if (compatText !== undefined) files.push(compatFile);
  return { rows, files };
}

/**
 * Derives the constant between the generic numbering and this ABI's table numbering over the unified
 * range, checking that every syscall of that range agrees; returns it with the row for the highest
 * generic number (the model for added rows: abi column and compat pattern).
 */
function unifiedMapping(
  generic: readonly TblRow[],
  rows: readonly TblRow[],
  abi: string,
): { offset: number; reference: TblRow } {
  const genericNumber = new Map<string, number>();
  for (const g of generic) if (g.number >= UNIFIED_FIRST_NUMBER) genericNumber.set(g.name, g.number);
  let offset: number | undefined;
  let reference: TblRow | undefined;
  let referenceGeneric = -1;
  for (const row of rows) {
    const g = genericNumber.get(row.name);
    if (g === undefined) continue;
    const diff = row.number - g;
    if (offset === undefined) offset = diff;
    else if (diff !== offset) {
      throw new Error(
        `${abi}: ${row.name} is ${row.number} here but ${g} in ${GENERIC_TABLE}; offset ${diff} differs from ${offset}`,
      );
    }
    if (g > referenceGeneric) {
      referenceGeneric = g;
      reference = row;
    }
  }
  if (offset === undefined || reference === undefined) {
    throw new Error(
      `${abi}: no syscall numbered ${UNIFIED_FIRST_NUMBER} or above shared with ${GENERIC_TABLE}`,
    );
  }
  return { offset, reference };
}

export function resolveAbi(src: KernelSource, spec: AbiSpec, options: ResolveOptions): ResolvedTable {
  const sel = tableSelection(src, spec);
  const base = numberBase(src, spec);
  const compat = compatInfo(src, spec, sel);
  const generic = parseTbl(required(src, GENERIC_TABLE), GENERIC_TABLE);
  const { offset, reference } = unifiedMapping(generic, sel.rows, spec.abi);

  const byNumber = new Map<number, TblRow>();
  for (const row of sel.rows) {
    const prev = byNumber.get(row.number);
    if (prev) {
      throw new Error(`${spec.abi}: number ${row.number} used twice (lines ${prev.line} and ${row.line})`);
    }
    byNumber.set(row.number, row);
  }

  const present: ResolvedRow[] = [];
  const notImplemented: ResolvedRow[] = [];
  for (const row of sel.rows) {
    const { compat: compatColumn, present: isPresent } = compat.resolve(row);
    const resolved: ResolvedRow = {
      number: base.value + row.number,
      tableNumber: row.number,
      abi: row.abi,
      name: row.name,
      entry: row.entry ?? "-",
      compat: compatColumn,
      since: "?",
      origin: "table",
    };
    (isPresent ? present : notImplemented).push(resolved);
  }

  const files = [...sel.files, ...compat.files];
  if (spec.armPrivate) {
    const priv = armPrivateRows(src, base.value);
    present.push(...priv.rows);
    files.push(...priv.files);
  }

  // Additions newer than the tree.
  const applied: AppliedAddition[] = [];
  const skipped: SkippedAddition[] = [];
  const presentNames = new Set(present.map((r) => r.name));
  for (const addition of options.additions) {
    if (!additionAppliesTo(addition, spec.abi)) continue;
    if (compareVersions(src.version, addition.since) >= 0) {
      skipped.push({
        addition,
        reason: presentNames.has(addition.name)
          ? `tree ${src.version} has it`
          : `tree ${src.version} is not older than ${addition.since} but lacks it on this ABI`,
      });
      continue;
    }
    if (presentNames.has(addition.name)) {
      skipped.push({ addition, reason: `already in ${sel.files.join(", ")}` });
      continue;
    }
    const tableNumber = addition.abis === "generic" ? addition.number + offset : addition.number;
    const taken = byNumber.get(tableNumber);
    if (taken) {
      throw new Error(
        `${spec.abi}: addition ${addition.name} (line ${addition.line}) would take number ${tableNumber}, ` +
          `used by ${taken.name} in ${sel.files.join(", ")}`,
      );
    }
    const row: ResolvedRow = {
      number: base.value + tableNumber,
      tableNumber,
      abi: reference.abi,
      name: addition.name,
      entry: `sys_${addition.name}`,
      compat: compat.forAddition(reference, addition.name),
      since: addition.since,
      origin: "addition",
    };
    present.push(row);
    presentNames.add(addition.name);
    applied.push({ addition, row });
  }

  // Since versions for rows that come from the tree.
  const sinceApplied: AppliedSince[] = [];
  const sinceByName = new Map<string, AppliedSince>();
  const learn = (fact: AppliedSince): void => {
    const prev = sinceByName.get(fact.name);
    if (prev && prev.since !== fact.since) {
      throw new Error(`${spec.abi}: ${fact.name} since ${prev.since} and ${fact.since} in the data files`);
    }
    sinceByName.set(fact.name, fact);
  };
  for (const fact of options.sinceFacts) {
    if (sinceFactAppliesTo(fact, spec.abi)) {
      learn({
        name: fact.name,
        since: fact.since,
        source: fact.source,
        from: "since-facts",
        ...(fact.file ? { file: fact.file } : {}),
      });
    }
  }
  for (const { addition } of skipped) {
    learn({ name: addition.name, since: addition.since, source: addition.source, from: "additions" });
  }
  const rows = present.map((row) => {
    const fact = row.origin === "table" ? sinceByName.get(row.name) : undefined;
    if (!fact) return row;
    if (!sinceApplied.includes(fact)) sinceApplied.push(fact);
    return { ...row, since: fact.since };
  });

  // History and since of the numbers the tree reserves without an implementation.
  const presentNamesNow = new Set(rows.map((r) => r.name));
  const historyApplied: HistoryFact[] = [];
  for (const fact of options.history ?? []) {
    if (!historyAppliesTo(fact, spec.abi)) continue;
    if (fact.abis !== "*" && presentNamesNow.has(fact.name)) {
      throw new Error(
        `${spec.abi}: history line ${fact.line} says ${fact.name} is ${fact.status === "never" ? "never implemented" : "removed"}, ` +
          "but the table implements it",
      );
    }
    if (fact.abis !== "*" && !notImplemented.some((r) => r.name === fact.name)) {
      throw new Error(
        `${spec.abi}: history line ${fact.line} names ${fact.name}, which this ABI does not reserve`,
      );
    }
  }
  const reserved = notImplemented.map((row) => {
    const fact = (options.history ?? []).find((f) => f.name === row.name && historyAppliesTo(f, spec.abi));
    // A first release means something only for a number that once had an implementation.
    const since = fact?.status === "removed" ? sinceByName.get(row.name) : undefined;
    if (since && !sinceApplied.includes(since)) sinceApplied.push(since);
    if (fact && !historyApplied.includes(fact)) historyApplied.push(fact);
    return { ...row, ...(since ? { since: since.since } : {}), ...(fact ? { history: fact } : {}) };
  });

  const order = (a: ResolvedRow, b: ResolvedRow): number => a.number - b.number || (a.name < b.name ? -1 : 1);
  rows.sort(order);
  reserved.sort(order);
  const numbers = new Set<number>();
  for (const row of rows) {
    if (numbers.has(row.number)) throw new Error(`${spec.abi}: number ${row.number} assigned twice`);
    numbers.add(row.number);
  }

  return {
    spec,
    treeLabel: src.label,
    treeVersion: src.version,
    sourceFiles: files,
    abiColumns: sel.columns,
    abiColumnsFrom: sel.columnsFrom,
    base: base.value,
    baseFrom: base.from,
    compatNote: compat.note,
    present: rows,
    notImplemented: reserved,
    additions: applied,
    skippedAdditions: skipped,
    sinceApplied: sinceApplied.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    historyApplied: historyApplied.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    unifiedOffset: offset,
  };
}
