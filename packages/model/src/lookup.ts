import type { Abi, CompositeDecl, Registry, SyscallDecl, SyscallTable, TypeDecl, ValueSet } from "./ir.js";

/** Indexed, read-only access to a registry by name (ABIs also by alias). */
export class RegistryIndex {
  readonly registry: Registry;
  private readonly abis = new Map<string, Abi>();
  private readonly types = new Map<string, TypeDecl>();
  private readonly sets = new Map<string, ValueSet>();
  private readonly syscalls = new Map<string, SyscallDecl>();
  private readonly tables = new Map<string, SyscallTable>();

  constructor(registry: Registry) {
    this.registry = registry;
    for (const abi of registry.abis) {
      this.abis.set(abi.name, abi);
      for (const alias of abi.aliases) if (!this.abis.has(alias)) this.abis.set(alias, abi);
    }
    for (const t of registry.types) this.types.set(t.name, t);
    for (const s of registry.sets) this.sets.set(s.name, s);
    for (const s of registry.syscalls) this.syscalls.set(s.name, s);
    for (const t of registry.tables ?? []) this.tables.set(t.abi, t);
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
