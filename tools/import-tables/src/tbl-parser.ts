/**
 * Reader for the kernel's syscall table format (`syscall*.tbl`):
 *
 *   <number> <abi> <name> [<entry point> [<compat entry point> [noreturn]]]
 *
 * Fields are separated by any run of blanks; lines starting with `#` and blank lines are ignored,
 * the same lines the kernel's own generators skip.
 */

export interface TblRow {
  /** The number as written in the table (no ABI base such as mips' 4000 or x32's bit applied). */
  readonly number: number;
  readonly abi: string;
  readonly name: string;
  /** Fourth column, `null` when the row has none. */
  readonly entry: string | null;
  /** Fifth column, `null` when the row has none (`-` is kept verbatim). */
  readonly compat: string | null;
  /** Anything after the fifth column (x86 marks `exit`/`exit_group` with `noreturn`). */
  readonly flags: readonly string[];
  /** 1-based line in the source file, for messages. */
  readonly line: number;
}

export class TblSyntaxError extends Error {
  override readonly name = "TblSyntaxError";
}

export function parseTbl(text: string, file = "<inline>"): TblRow[] {
  const rows: TblRow[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const trimmed = (lines[i] ?? "").trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const fields = trimmed.split(/\s+/);
    const [nr, abi, name, entry, compat, ...flags] = fields;
    if (nr === undefined || abi === undefined || name === undefined) {
      throw new TblSyntaxError(`${file}:${i + 1}: expected "<number> <abi> <name> ...", got "${trimmed}"`);
    }
    if (!/^\d+$/.test(nr)) {
      throw new TblSyntaxError(`${file}:${i + 1}: syscall number "${nr}" is not a decimal number`);
    }
    rows.push({
      number: Number.parseInt(nr, 10),
      abi,
      name,
      entry: entry ?? null,
      compat: compat ?? null,
      flags,
      line: i + 1,
    });
  }
  return rows;
}

/** The rows of the given abi columns, in table order (the kernel's `--abis` selection, exact match). */
export function selectAbis(rows: readonly TblRow[], abis: readonly string[]): TblRow[] {
  const wanted = new Set(abis);
  return rows.filter((row) => wanted.has(row.abi));
}

/**
 * Entry points that only return -ENOSYS: `sys_ni_syscall` (generic), `sys_nis_syscall` (sparc, logs and
 * returns -ENOSYS), `sys32_unimplemented` (parisc compat, logs and returns -ENOSYS).
 */
export const UNIMPLEMENTED_ENTRY_POINTS: ReadonlySet<string> = new Set([
  "sys_ni_syscall",
  "sys_nis_syscall",
  "sys32_unimplemented",
]);

/** Whether an entry-point column names a real implementation (not missing, `-`, or a -ENOSYS stub). */
export function isImplementedEntry(entry: string | null): entry is string {
  return entry !== null && entry !== "-" && !UNIMPLEMENTED_ENTRY_POINTS.has(entry);
}
