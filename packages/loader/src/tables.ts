import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, ReservedNumber, SyscallTable, TableEntry } from "@sysargs/model";

const NI = "#ni\t";
const VERSION = /^\d+\.\d+(\.\d+)?$/;
/** `<=3.0`: the source only says that this release already had the syscall. */
const AT_MOST = /^<=(\d+\.\d+(\.\d+)?)$/;

/** The since column: "?", a release, or "<=" and a release; undefined when malformed. */
function sinceColumn(since: string): { since: string | null; sinceAtMost?: string } | undefined {
  if (since === "?") return { since: null };
  if (VERSION.test(since)) return { since };
  const m = AT_MOST.exec(since);
  return m ? { since: null, sinceAtMost: m[1] as string } : undefined;
}

/**
 * A `#ni` row: number, abi column, name, entry, compat, since, and optionally the history the
 * importer appends from history.tsv (status, removed release or "?"/"-", source).
 */
function reservedRow(
  cols: string[],
  err: (message: string, col?: number) => void,
): ReservedNumber | undefined {
  const [n, , name, , , since, status, removed, source] = cols;
  if (!n || !/^\d+$/.test(n) || !name) {
    err(`malformed #ni row: expected "#ni<TAB>number<TAB>abi<TAB>name..."`);
    return undefined;
  }
  const r: ReservedNumber = { number: Number(n), name };
  if (since !== undefined) {
    const s = sinceColumn(since);
    if (!s) {
      err(`since "${since}" of reserved ${name} is neither "?", a kernel version nor "<=" and a version`);
      return undefined;
    }
    if (s.since !== null) r.since = s.since;
    if (s.sinceAtMost !== undefined) r.sinceAtMost = s.sinceAtMost;
  }
  if (status === undefined) {
    if (cols.length > 6)
      err(`#ni row of ${name} has ${cols.length} columns: history needs status, removed, source`);
    return cols.length > 6 ? undefined : r;
  }
  if (cols.length !== 9 || !source) {
    err(
      `#ni row of ${name}: history needs exactly status, removed and source after since (found ${cols.length} columns)`,
    );
    return undefined;
  }
  if (status === "removed") {
    if (removed !== "?" && !VERSION.test(removed ?? "")) {
      err(`#ni row of ${name}: removed "${removed}" is neither a kernel version nor "?"`);
      return undefined;
    }
    r.status = "removed";
    r.removedIn = removed === "?" ? null : (removed as string);
  } else if (status === "never") {
    if (removed !== "-") {
      err(`#ni row of ${name}: a never-implemented name has "-" as removed, not "${removed}"`);
      return undefined;
    }
    r.status = "never";
  } else {
    err(`#ni row of ${name}: status "${status}" is neither "removed" nor "never"`);
    return undefined;
  }
  r.source = source;
  return r;
}

/**
 * Reads schemas/tables/<abi>.tbl (written by tools/import-tables): one tab-separated row per
 * implemented syscall, `#ni` rows for reserved numbers, `#` lines of provenance.
 */
export function readTables(
  root: string,
  abis: string[],
  display: (abs: string) => string,
): { tables: SyscallTable[]; diagnostics: Diagnostic[] } {
  const tables: SyscallTable[] = [];
  const diagnostics: Diagnostic[] = [];
  // A schemas tree without tables/ (a fixture, a partial registry) simply has no numbers;
  // once tables/ exists, every ABI needs its table.
  if (!existsSync(join(root, "tables"))) return { tables, diagnostics };
  for (const abi of [...abis].sort()) {
    const abs = join(root, "tables", `${abi}.tbl`);
    const file = display(abs);
    if (!existsSync(abs)) {
      diagnostics.push({
        loc: { file, line: 1, col: 1 },
        message: `ABI ${abi} has no syscall table (expected ${file})`,
      });
      continue;
    }
    tables.push(parseTable(readFileSync(abs, "utf8"), abi, file, diagnostics));
  }
  return { tables, diagnostics };
}

export function parseTable(text: string, abi: string, file: string, diagnostics: Diagnostic[]): SyscallTable {
  const table: SyscallTable = {
    abi,
    entries: [],
    notImplemented: [],
    provenance: [],
    loc: { file, line: 1, col: 1 },
  };
  const byNumber = new Map<number, number>();
  const byName = new Map<string, number>();
  const columns = declaredColumns(text);
  for (const [i, raw] of text.split("\n").entries()) {
    const line = i + 1;
    if (raw === "") continue;
    const err = (message: string, col = 1) => diagnostics.push({ loc: { file, line, col }, message });
    if (raw.startsWith(NI)) {
      const r = reservedRow(raw.slice(NI.length).split("\t"), err);
      if (r) table.notImplemented.push(r);
      continue;
    }
    if (raw.startsWith("#")) {
      table.provenance.push(raw.replace(/^# ?/, ""));
      continue;
    }
    const cols = raw.split("\t");
    if (cols.length !== 6) {
      err(`expected 6 tab-separated columns (number, abi, name, entry, compat, since), found ${cols.length}`);
      continue;
    }
    const [n, column, name, entry, compat, since] = cols as [string, string, string, string, string, string];
    if (!/^\d+$/.test(n)) {
      err(`syscall number "${n}" is not a decimal number`);
      continue;
    }
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
      err(`syscall name "${name}" is not a C identifier`, n.length + column.length + 3);
      continue;
    }
    const sinceValue = sinceColumn(since);
    if (!sinceValue) {
      err(`since "${since}" is neither "?", a kernel version nor "<=" and a version`);
      continue;
    }
    if (!columns.has(column)) {
      err(
        columns.size === 0
          ? `ABI column "${column}" is not declared: the table has no "# abi columns selected:" line`
          : `unknown ABI column "${column}" (this table selects ${[...columns].join(", ")})`,
        n.length + 2,
      );
      continue;
    }
    const number = Number(n);
    const dupN = byNumber.get(number);
    if (dupN !== undefined) {
      err(`number ${number} (${name}) is already used on line ${dupN}`);
      continue;
    }
    const dupName = byName.get(name);
    if (dupName !== undefined) {
      err(`syscall ${name} is already listed on line ${dupName}`);
      continue;
    }
    byNumber.set(number, line);
    byName.set(name, line);
    const e: TableEntry = { number, name, column, entry, compat, ...sinceValue };
    table.entries.push(e);
  }
  table.entries.sort((a, b) => a.number - b.number);
  return table;
}

/**
 * The ABI columns a table's rows may carry, as its header declares them: the importer writes
 * `# abi columns selected: common,64 - <where the kernel selects them>` (the columns the kernel's
 * build takes from its .tbl for this ABI), and `# <column> rows: ...` for rows it adds from
 * elsewhere (arm's `arm-private`). A row of any other column (`x32` in x86_64.tbl) is not a
 * syscall of this ABI: the kernel never builds it in.
 */
function declaredColumns(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    const selected = /^# abi columns selected: ([^\s]+)/.exec(line);
    if (selected) for (const c of selected[1]!.split(",")) if (c !== "") out.add(c);
    const extra = /^# ([a-z0-9_-]+) rows: /.exec(line);
    if (extra) out.add(extra[1]!);
  }
  return out;
}
