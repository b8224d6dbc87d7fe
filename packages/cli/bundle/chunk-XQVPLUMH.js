// ../model/dist/lookup.js
var RegistryIndex = class {
  registry;
  abisMap;
  typesMap;
  setsMap;
  syscallsMap;
  tablesMap;
  constructor(registry) {
    this.registry = registry;
  }
  get abis() {
    if (!this.abisMap) {
      const m = /* @__PURE__ */ new Map();
      for (const abi of this.registry.abis)
        m.set(abi.name, abi);
      for (const abi of this.registry.abis)
        for (const alias of abi.aliases)
          if (!m.has(alias))
            m.set(alias, abi);
      this.abisMap = m;
    }
    return this.abisMap;
  }
  get types() {
    this.typesMap ??= new Map(this.registry.types.map((t) => [t.name, t]));
    return this.typesMap;
  }
  get sets() {
    this.setsMap ??= new Map(this.registry.sets.map((s) => [s.name, s]));
    return this.setsMap;
  }
  get syscalls() {
    this.syscallsMap ??= new Map(this.registry.syscalls.map((s) => [s.name, s]));
    return this.syscallsMap;
  }
  get tables() {
    this.tablesMap ??= new Map((this.registry.tables ?? []).map((t) => [t.abi, t]));
    return this.tablesMap;
  }
  /** The syscall table of an ABI (by name or alias). */
  table(abi) {
    const a = this.abi(abi);
    return a ? this.tables.get(a.name) : void 0;
  }
  /** An ABI by name or libseccomp alias. */
  abi(name) {
    return this.abis.get(name);
  }
  abiNames() {
    return this.registry.abis.map((a) => a.name);
  }
  type(name) {
    return this.types.get(name);
  }
  set(name) {
    return this.sets.get(name);
  }
  syscall(name) {
    return this.syscalls.get(name);
  }
  /** The composite that describes `name` on `abi` (resolving per-ABI variants). */
  composite(name, abi) {
    const t = this.types.get(name);
    if (!t)
      return void 0;
    if (t.kind !== "variant")
      return t;
    const alt = t.alternatives.find((a) => a.abis.includes(abi));
    if (!alt)
      return void 0;
    const c = this.types.get(alt.type);
    return c && c.kind !== "variant" ? c : void 0;
  }
  /** Value of a set member on an ABI. */
  static memberValue(member, abi) {
    return member.perAbi[abi] ?? member.value;
  }
};
function closest(name, candidates) {
  let best;
  let bestScore = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== void 0 && bestScore <= Math.max(2, Math.floor(name.length / 2)) ? best : void 0;
}
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export {
  RegistryIndex,
  closest
};
