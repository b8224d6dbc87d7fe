import type { Abi, CompositeDecl, Registry, SyscallDecl, SyscallTable, TypeDecl, ValueSet } from "./ir.js";

/**
 * Indexed, read-only access to a registry by name (ABIs also by alias). Each index is built on
 * first use, so a query that needs only ABIs never touches (or loads) the syscall tables.
 */
export class RegistryIndex {
  readonly registry: Registry;
  private abisMap?: Map<string, Abi>;
  private typesMap?: Map<string, TypeDecl>;
  private setsMap?: Map<string, ValueSet>;
  private syscallsMap?: Map<string, SyscallDecl>;
  private tablesMap?: Map<string, SyscallTable>;

  constructor(registry: Registry) {
    this.registry = registry;
  }

  private get abis(): Map<string, Abi> {
    if (!this.abisMap) {
      const m = new Map<string, Abi>();
      for (const abi of this.registry.abis) m.set(abi.name, abi);
      for (const abi of this.registry.abis)
        for (const alias of abi.aliases) if (!m.has(alias)) m.set(alias, abi);
      this.abisMap = m;
    }
    return this.abisMap;
  }
  private get types(): Map<string, TypeDecl> {
    this.typesMap ??= new Map(this.registry.types.map((t) => [t.name, t]));
    return this.typesMap;
  }
  private get sets(): Map<string, ValueSet> {
    this.setsMap ??= new Map(this.registry.sets.map((s) => [s.name, s]));
    return this.setsMap;
  }
  private get syscalls(): Map<string, SyscallDecl> {
    this.syscallsMap ??= new Map(this.registry.syscalls.map((s) => [s.name, s]));
    return this.syscallsMap;
  }
  private get tables(): Map<string, SyscallTable> {
    this.tablesMap ??= new Map((this.registry.tables ?? []).map((t) => [t.abi, t]));
    return this.tablesMap;
  }

  /** The syscall table of an ABI (by name or alias). */
  table(abi: string): SyscallTable | undefined {
    const a = this.abi(abi);
    return a ? this.tables.get(a.name) : undefined;
  }

  /** An ABI by name or libseccomp alias. */
  abi(name: string): Abi | undefined {
    return this.abis.get(name);
  }
  abiNames(): string[] {
    return this.registry.abis.map((a) => a.name);
  }
  type(name: string): TypeDecl | undefined {
    return this.types.get(name);
  }
  set(name: string): ValueSet | undefined {
    return this.sets.get(name);
  }
  syscall(name: string): SyscallDecl | undefined {
    return this.syscalls.get(name);
  }

  /** The composite that describes `name` on `abi` (resolving per-ABI variants). */
  composite(name: string, abi: string): CompositeDecl | undefined {
    const t = this.types.get(name);
    if (!t) return undefined;
    if (t.kind !== "variant") return t;
    const alt = t.alternatives.find((a) => a.abis.includes(abi));
    if (!alt) return undefined;
    const c = this.types.get(alt.type);
    return c && c.kind !== "variant" ? c : undefined;
  }

  /** Value of a set member on an ABI. */
  static memberValue(member: { value: number; perAbi: Record<string, number> }, abi: string): number {
    return member.perAbi[abi] ?? member.value;
  }
}

/** Closest candidate by edit distance, for "did you mean" suggestions. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  // Only suggest when the candidate is reasonably close.
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}

/** ` (did you mean "x"?)` for the closest candidate, or "" when none is close: diagnostics' suffix. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closest(name, candidates);
  return best ? ` (did you mean "${best}"?)` : "";
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
