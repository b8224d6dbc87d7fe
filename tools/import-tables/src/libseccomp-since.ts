/**
 * Derives per-ABI `since` values from libseccomp's `src/syscalls.csv`, judged before they are
 * trusted (docs/decisions/0010-syscall-history.md).
 *
 * No libseccomp release fills the `<arch>_kver` columns (v2.6.0, v2.6.1 and main say
 * SCMP_KV_UNDEF everywhere); only the unmerged pull request #457 (commit 031024a) does, for
 * kernels 3.0 to 6.16, with 3.0 as the floor: SCMP_KV_3_0 means "3.0 or earlier". Its x86 columns
 * also hold rows that cannot be right (i386 accept 202 since 3.10; x86_64 fcntl64), so a value is
 * taken only when
 *  - its number is the one our table gives the name on that ABI (bases of mips and x32 added);
 *  - it is not newer than the imported tree when the tree has the syscall, and equals the since
 *    of a row merged from the additions (such a row needs nothing from here);
 *  - it agrees with every libseccomp release table that has the ABI's column, each generated from
 *    a stated kernel (`#syscall (v5.8.0-rc5 ...)`): present there means since <= that kernel,
 *    absent means since >= it (a release candidate) or > it (a release).
 * SCMP_KV_3_0 becomes "<=3.0". Everything else is reported as rejected, with the reason.
 */
import { compareVersions } from "@sysargs/model";
import type { ParsedTable } from "./read-table.js";

/** libseccomp column -> the registry ABIs that share its table (same numbers, same history). */
export const LIBSECCOMP_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  x86: ["i386"],
  x86_64: ["x86_64"],
  x32: ["x32"],
  arm: ["arm"],
  aarch64: ["aarch64"],
  loongarch64: ["loongarch64"],
  m68k: ["m68k"],
  // The kernel builds one table per mips ABI for both byte orders.
  mips: ["mips", "mipsel"],
  mips64: ["mips64", "mips64el"],
  mips64n32: ["mips64n32", "mipsel64n32"],
  parisc: ["parisc"],
  parisc64: ["parisc64"],
  ppc: ["ppc"],
  // Not ppc64le: the little-endian ABI is younger than 3.0, so ppc64's "<=3.0" says nothing about it.
  ppc64: ["ppc64"],
  riscv64: ["riscv64"],
  s390: ["s390"],
  s390x: ["s390x"],
  sh: ["sh"],
};

/**
 * Columns whose values are rejected whole, with the reason (found by the checks above and by
 * looking at the values): they date something other than the syscall on that ABI.
 */
export const REJECTED_COLUMNS: Readonly<Record<string, string>> = {
  aarch64:
    "every value is the 3.0 floor, including setxattrat and its family (6.13 by the additions): the column does not follow the asm-generic history",
  loongarch64:
    "every value is the 3.0 floor, including setxattrat and its family (6.13 by the additions): the column does not follow the asm-generic history",
  riscv64:
    "every value is the 3.0 floor, including setxattrat and its family (6.13 by the additions): the column does not follow the asm-generic history",
  x32: "the values date the shared x86_64 table rows (3.0 floor, 3.1, 3.2), not the x32 ABI, which came later (Linux 3.4)",
};

/** What user space adds to libseccomp's table numbers on these ABIs. */
const BASE: Readonly<Record<string, number>> = {
  mips: 4000,
  mipsel: 4000,
  mips64: 5000,
  mips64el: 5000,
  mips64n32: 6000,
  mipsel64n32: 6000,
  x32: 0x40000000,
};

export interface Snapshot {
  /** e.g. "v2.5.4" */
  readonly label: string;
  readonly text: string;
}

export interface DerivedSince {
  readonly abi: string;
  readonly name: string;
  /** A release, or "<=3.0". */
  readonly since: string;
}

export interface Rejected {
  readonly abi: string;
  readonly name: string;
  readonly kver: string;
  readonly reason: string;
}

interface Csv {
  readonly kernel: { version: string; rc: boolean } | undefined;
  readonly columns: readonly string[];
  readonly rows: ReadonlyMap<string, readonly string[]>;
}

export function parseSyscallsCsv(text: string, label: string): Csv {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const head = lines[0];
  if (!head?.startsWith("#syscall")) throw new Error(`${label}: no "#syscall" header line`);
  const m = /\(v(\d+)\.(\d+)\.\d+(-rc\d+)?/.exec(head);
  const columns = head.split(",");
  const rows = new Map<string, string[]>();
  for (const [i, line] of lines.slice(1).entries()) {
    const cells = line.split(",");
    if (cells.length !== columns.length)
      throw new Error(`${label}:${i + 2}: ${cells.length} cells, the header has ${columns.length}`);
    rows.set(cells[0] as string, cells);
  }
  return { kernel: m ? { version: `${m[1]}.${m[2]}`, rc: m[3] !== undefined } : undefined, columns, rows };
}

/** SCMP_KV_4_3 -> "4.3"; SCMP_KV_UNDEF and anything else -> undefined. */
export function kverVersion(cell: string): string | undefined {
  const m = /^(?:SCMP_)?KV_(\d+)_(\d+)$/.exec(cell);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/** The presence bound one release table puts on `since` of a name in one column, or undefined. */
function boundViolation(
  csv: Csv,
  label: string,
  column: string,
  name: string,
  since: string,
): string | undefined {
  const j = csv.columns.indexOf(column);
  if (j < 0 || !csv.kernel) return undefined;
  const cell = csv.rows.get(name)?.[j];
  const present = cell !== undefined && cell !== "PNR";
  const k = csv.kernel.version;
  const c = compareVersions(since, k);
  if (present && c > 0) return `libseccomp ${label} (kernel ${k}) already has it`;
  if (!present && (c < 0 || (c === 0 && !csv.kernel.rc))) return `libseccomp ${label} (kernel ${k}) lacks it`;
  return undefined;
}

export function deriveSince(
  kverText: string,
  snapshots: readonly Snapshot[],
  tables: ReadonlyMap<string, ParsedTable>,
  treeVersion: string,
): { derived: DerivedSince[]; rejected: Rejected[] } {
  const kver = parseSyscallsCsv(kverText, "kver csv");
  const snaps = snapshots.map((s) => ({ label: s.label, csv: parseSyscallsCsv(s.text, s.label) }));
  const derived: DerivedSince[] = [];
  const rejected: Rejected[] = [];
  for (const [column, abis] of Object.entries(LIBSECCOMP_COLUMNS)) {
    const i = kver.columns.indexOf(column);
    if (i < 0 || kver.columns[i + 1] !== `${column}_kver`)
      throw new Error(`kver csv: no "${column}" column followed by "${column}_kver"`);
    const rejectedColumn = REJECTED_COLUMNS[column];
    if (rejectedColumn !== undefined) {
      for (const abi of abis)
        rejected.push({ abi, name: "*", kver: "*", reason: `column rejected: ${rejectedColumn}` });
      continue;
    }
    for (const [name, cells] of kver.rows) {
      const number = cells[i] as string;
      if (number === "PNR") continue;
      const cell = cells[i + 1] as string;
      const version = kverVersion(cell);
      if (version === undefined) continue;
      for (const abi of abis) {
        const table = tables.get(abi);
        if (!table) throw new Error(`no table for ${abi}`);
        const reject = (reason: string) => rejected.push({ abi, name, kver: cell, reason });
        const ours =
          table.present.find((e) => e.name === name)?.number ??
          table.notImplemented.find((e) => e.name === name)?.number;
        const theirs = Number.parseInt(number, 10) + (BASE[abi] ?? 0);
        if (ours === undefined) {
          reject(`our table has no ${name}`);
          continue;
        }
        if (ours !== theirs) {
          reject(`number ${theirs}, ours is ${ours}`);
          continue;
        }
        // A row merged from the additions already has its since: the value must agree, and adds nothing.
        const known = table.present.find((e) => e.name === name)?.since;
        if (known !== undefined && /^\d/.test(known)) {
          if (known !== version) reject(`${version}, but the additions say ${known}`);
          continue;
        }
        if (version === "3.0") {
          derived.push({ abi, name, since: "<=3.0" });
          continue;
        }
        const implemented = table.present.some((e) => e.name === name);
        if (implemented && compareVersions(version, treeVersion) > 0) {
          reject(`${version} is newer than the imported tree ${treeVersion}, which has it`);
          continue;
        }
        const violation = snaps
          .map((s) => boundViolation(s.csv, s.label, column, name, version))
          .find((v) => v !== undefined);
        if (violation) {
          reject(`${version}, but ${violation}`);
          continue;
        }
        derived.push({ abi, name, since: version });
      }
    }
  }
  return { derived, rejected };
}

/**
 * since-libseccomp.tsv: one row per (name, since) with the ABIs it holds for, sorted; the
 * header says where the values come from and what was rejected.
 */
export function renderSinceFile(
  derived: readonly DerivedSince[],
  rejected: readonly Rejected[],
  provenance: { kver: string; snapshots: readonly string[] },
): string {
  const groups = new Map<string, string[]>();
  for (const d of derived) {
    const key = `${d.name}\t${d.since}`;
    groups.set(key, [...(groups.get(key) ?? []), d.abi]);
  }
  const source = `libseccomp ${provenance.kver} syscalls.csv <arch>_kver; same number as ours; within the bounds of libseccomp ${provenance.snapshots.join(", ")}`;
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, abis]) => {
      const [name, since] = key.split("\t");
      return [name, [...abis].sort().join(","), since, source].join("\t");
    });
  const h = [
    "# Per-ABI first kernel release of syscalls, derived from libseccomp's per-version columns by",
    "# tools/import-tables/src/libseccomp-since.ts (do not edit; regenerate with libseccomp-since-cli.js).",
    "# tools/import-tables fills the since column of the tables from it (next to since-versions.tsv).",
    "#",
    `# Source: libseccomp ${provenance.kver}, src/syscalls.csv (kernels 3.0 to 6.16, generated from the`,
    "# kernel's git history with hrw/syscalls-table). No libseccomp release fills these columns",
    "# (v2.6.0, v2.6.1 and main at 7e95f5b have SCMP_KV_UNDEF everywhere). 3.0 is its floor:",
    '# SCMP_KV_3_0 means "3.0 or earlier" and is written "<=3.0".',
    "# A value is kept only when its number equals our table's (mips and x32 bases added), it is not",
    "# newer than the imported tree where the tree has the syscall, and it agrees with the presence",
    `# of the name in each libseccomp release table (${provenance.snapshots.join(", ")}), each generated`,
    "# from a stated kernel. ppc64le, alpha, sparc and sparc64 have no column of their own; the",
    "# columns of aarch64, loongarch64, riscv64 and x32 are rejected whole (reasons below).",
    `# kept: ${derived.length} (ABI, name) values; rejected: ${rejected.length}:`,
    ...rejected.map((r) => `#   ${r.abi} ${r.name} ${r.kver}: ${r.reason}`),
    "#",
    "# columns (tab-separated): name, abis, since, source",
    "name\tabis\tsince\tsource",
  ];
  return `${[...h, ...rows].join("\n")}\n`;
}
