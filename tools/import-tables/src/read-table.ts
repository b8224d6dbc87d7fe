import { parseTable } from "@sysargs/loader/tables";
import { type Diagnostic, formatDiagnostic, type ReservedNumber } from "@sysargs/model";

/** One line of a generated schemas/tables/<abi>.tbl file, as written (`since` "?" when unknown). */
export interface TableEntry {
  readonly number: number;
  /** The kernel .tbl abi column the row came from. */
  readonly abi: string;
  readonly name: string;
  readonly entry: string;
  readonly compat: string;
  readonly since: string;
}

export interface ParsedTable {
  /** Implemented syscalls, by number. */
  readonly present: readonly TableEntry[];
  /** Numbers listed as `#ni` comments. */
  readonly notImplemented: readonly ReservedNumber[];
  /** Header comment lines, without the leading `# `. */
  readonly header: readonly string[];
}

/**
 * Reads a generated table with the registry's own parser (@sysargs/loader/tables), so the tool
 * that writes the format and the loader that reads it can never disagree; throws on any problem.
 */
export function parseGeneratedTable(text: string, file = "<table>"): ParsedTable {
  const diagnostics: Diagnostic[] = [];
  const t = parseTable(text, file.replace(/\.tbl$/, ""), file, diagnostics);
  if (diagnostics.length) throw new Error(diagnostics.map(formatDiagnostic).join("\n"));
  return {
    present: t.entries.map((e) => ({
      number: e.number,
      abi: e.column,
      name: e.name,
      entry: e.entry,
      compat: e.compat,
      since: e.since ?? (e.sinceAtMost !== undefined ? `<=${e.sinceAtMost}` : "?"),
    })),
    notImplemented: t.notImplemented,
    header: t.provenance,
  };
}

/** Number of an implemented syscall by name, or `undefined`. */
export function numberOf(table: ParsedTable, name: string): number | undefined {
  return table.present.find((e) => e.name === name)?.number;
}
