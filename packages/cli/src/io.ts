/** Where a command's output goes (tests capture it). */
export interface Io {
  out: (s: string) => void;
}

export const json = (v: unknown): string => JSON.stringify(v, null, 2);

/** A plain-text table: columns padded to their widest cell, the last column unpadded. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "))
    .join("\n");
}
