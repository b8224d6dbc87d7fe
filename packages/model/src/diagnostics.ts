import type { SourceLoc } from "./ir.js";

/** A compiler-style diagnostic: `path:line:col: message`. */
export interface Diagnostic {
  loc: SourceLoc;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.loc.file}:${d.loc.line}:${d.loc.col}: ${d.message}`;
}

/** Sorts by file, line, column, then message, and drops exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...list].sort(compareDiagnostics)) {
    const key = formatDiagnostic(d);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.loc.file !== b.loc.file) return a.loc.file < b.loc.file ? -1 : 1;
  if (a.loc.line !== b.loc.line) return a.loc.line - b.loc.line;
  if (a.loc.col !== b.loc.col) return a.loc.col - b.loc.col;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Thrown by operations that refuse to produce output while diagnostics exist. */
export class DiagnosticsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    super(`${sorted.length} error(s):\n${sorted.map(formatDiagnostic).join("\n")}`);
    this.name = "DiagnosticsError";
    this.diagnostics = sorted;
  }
}
