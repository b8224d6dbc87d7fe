/**
 * Kernel version arithmetic, the one copy every package and tool uses.
 * Versions are dotted numbers ("6.12.117", "5.5"); "-" separates components too, a component that
 * is not a number (the "rc1" of "6.19-rc1") counts as 0, and so does a missing one: "6.1" equals
 * "6.1.0".
 */

/** Numeric comparison of dotted versions: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.isNaN(pa[i] ?? 0) ? 0 : (pa[i] ?? 0);
    const y = Number.isNaN(pb[i] ?? 0) ? 0 : (pb[i] ?? 0);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The later of two versions; an undefined side counts as "always" (older than any version). */
export function laterVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}
