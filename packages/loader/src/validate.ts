import {
  ArgSlotsError,
  argumentSlots,
  LayoutEngine,
  LayoutError,
  offsetOfEnd,
  type TypeLayout,
} from "@sysargs/layout";
import {
  type Abi,
  type CompositeDecl,
  compareVersions,
  type Diagnostic,
  didYouMean,
  type Field,
  type Param,
  type Registry,
  RegistryIndex,
  SCALARS,
  type SourceLoc,
  type TypeRef,
} from "@sysargs/model";

/**
 * Semantic validation of an IR registry: everything the TypeScript compiler cannot know
 * (names inside strings, layouts, version sizes, flag overlaps, ABI coverage). Pure: returns
 * diagnostics, never throws for bad input.
 */
export interface ValidateOptions {
  /** How to name the ABI folder in "no ABI is declared" (the loader passes its display path). */
  abiDir?: string;
  /**
   * ABIs whose table had rows rejected by the table reader (already reported): their tables are
   * not held against the signatures, whose mismatches would only be follow-ons.
   */
  brokenTables?: readonly string[];
}

export function validate(registry: Registry, options: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (loc: SourceLoc, message: string) => out.push({ loc, message });
  const index = new RegistryIndex(registry);
  const abiNames = registry.abis.map((a) => a.name);

  // ---- ABIs
  if (registry.abis.length === 0)
    err(
      { file: options.abiDir ?? "schemas/abi", line: 1, col: 1 },
      "no ABI is declared (expected Abi<{...}> types under schemas/abi/)",
    );
  const abiSeen = new Map<string, string>();
  for (const abi of registry.abis) {
    for (const n of [abi.name, ...abi.aliases]) {
      const prev = abiSeen.get(n);
      if (prev !== undefined && !(prev === abi.name && n === abi.name))
        err(abi.loc, `ABI name or alias "${n}" of ${abi.name} is already used by ABI ${prev}`);
      else abiSeen.set(n, abi.name);
    }
    for (const [k, s] of Object.entries(abi.scalars)) {
      if (s.size <= 0 || s.align <= 0 || (s.align & (s.align - 1)) !== 0 || s.align > s.size)
        err(
          abi.loc,
          `ABI ${abi.name}: ${k} layout ${s.size}/${s.align} is invalid (alignment must be a power of two no larger than the size)`,
        );
    }
    if (abi.scalars.pointer.size * 8 !== abi.bits)
      err(
        abi.loc,
        `ABI ${abi.name}: pointer size ${abi.scalars.pointer.size} does not match bits ${abi.bits}`,
      );
  }

  // ---- global names
  const names = new Map<string, SourceLoc>();
  const claim = (name: string, loc: SourceLoc, what: string) => {
    const prev = names.get(name);
    if (prev) err(loc, `${what} "${name}" is already declared at ${prev.file}:${prev.line}:${prev.col}`);
    else names.set(name, loc);
  };
  for (const t of registry.types) claim(t.name, t.loc, t.kind === "variant" ? "type" : t.kind);
  for (const s of registry.sets) claim(s.name, s.loc, s.kind === "flags" ? "flag set" : "enum");

  // ---- value sets
  const memberOwner = new Map<string, string>();
  for (const set of registry.sets) {
    if (set.members.length === 0) err(set.loc, `${set.name} has no members`);
    for (const m of set.members) {
      const owner = memberOwner.get(m.name);
      if (owner !== undefined) err(m.loc, `member ${m.name} of ${set.name} is already a member of ${owner}`);
      else memberOwner.set(m.name, set.name);
      if (set.kind === "flags" && !m.composite && m.value === 0)
        err(m.loc, `flag ${m.name} of ${set.name} has value 0; declare it Composite<0> (a value, not a bit)`);
    }
    for (const abi of abiNames) {
      const seen = new Map<number, string>();
      let taken = 0n;
      const owners: string[] = [];
      for (const m of set.members) {
        if (m.composite) continue;
        const v = RegistryIndex.memberValue(m, abi);
        if (set.kind === "enum") {
          const prev = seen.get(v);
          if (prev !== undefined)
            err(m.loc, `${set.name}: ${m.name} has the same value ${v} as ${prev} on ${abi}`);
          else seen.set(v, m.name);
          continue;
        }
        if (v < 0) {
          err(m.loc, `flag ${m.name} of ${set.name} is negative on ${abi}`);
          continue;
        }
        const bits = BigInt(v);
        if ((taken & bits) !== 0n) {
          const other = owners.find((o) => {
            const om = set.members.find((x) => x.name === o)!;
            return (BigInt(RegistryIndex.memberValue(om, abi)) & bits) !== 0n;
          });
          err(m.loc, `flag ${m.name} (0x${v.toString(16)}) overlaps ${other} in ${set.name} on ${abi}`);
        }
        taken |= bits;
        owners.push(m.name);
      }
    }
  }

  // ---- types
  const engine = new LayoutEngine(index);
  const checkRef = (t: TypeRef, loc: SourceLoc, where: string, inline: boolean, siblings: () => string[]) => {
    switch (t.kind) {
      case "scalar":
        if (inline && SCALARS[t.name]?.base === "void")
          err(loc, `${where}: ${t.name === "void" ? "void_t" : t.name} can only be pointed to`);
        return;
      case "named": {
        const target = index.type(t.name);
        if (!target) {
          const isSet = index.set(t.name) !== undefined;
          err(
            loc,
            isSet
              ? `${where}: "${t.name}" is a flag set or enum, not a type; write an integer type & Flags<${t.name}>`
              : `${where}: unknown type "${t.name}"${didYouMean(
                  t.name,
                  registry.types.map((x) => x.name),
                )}`,
          );
        }
        return;
      }
      case "pointer":
        checkRef(t.to, loc, where, false, siblings);
        return;
      case "array":
        checkRef(t.of, loc, where, inline, siblings);
        if ("countedBy" in t.length && !siblings().includes(t.length.countedBy))
          err(
            loc,
            `${where} counts by "${t.length.countedBy}", which does not exist${didYouMean(t.length.countedBy, siblings())}`,
          );
        return;
      case "bits": {
        const info = SCALARS[t.base];
        if (!info || info.base === "void" || info.base === "pointer") {
          err(loc, `${where}: bitfield base ${t.base} is not an integer type`);
          return;
        }
        const sizes = registry.abis.map((a) => engine.scalar(t.base, a.name).size * 8);
        const max = Math.min(...sizes);
        if (!Number.isInteger(t.width) || t.width <= 0 || t.width > max)
          err(loc, `${where}: bitfield width ${t.width} must be between 1 and ${max} bits (${t.base})`);
        return;
      }
      case "anon":
        checkFields(t.fields, where, t.composite);
        return;
    }
  };
  const flatNames = (fields: Field[]): string[] =>
    fields.flatMap((f) =>
      f.anonymous && f.type.kind === "anon" ? [f.name, ...flatNames(f.type.fields)] : [f.name],
    );
  const checkAnn = (ann: Field["ann"], loc: SourceLoc, where: string, siblings: () => string[]) => {
    if (ann.set !== undefined) {
      const s = index.set(ann.set);
      const wants = ann.kind === "flags" ? "flags" : "enum";
      if (!s)
        err(
          loc,
          `${where}: unknown ${wants === "flags" ? "flag set" : "enum"} "${ann.set}"${didYouMean(
            ann.set,
            registry.sets.map((x) => x.name),
          )}`,
        );
      else if (s.kind !== wants)
        err(
          loc,
          `${where}: ${ann.set} is ${s.kind === "flags" ? "a flag set" : "an enum"}; use ${s.kind === "flags" ? "Flags" : "OneOf"}<${ann.set}>`,
        );
    }
    if (ann.of !== undefined && !siblings().includes(ann.of))
      err(
        loc,
        `${where}: ${ann.kind === "size" ? "SizeOf" : "LenOf"}<"${ann.of}"> names nothing that exists${didYouMean(ann.of, siblings())}`,
      );
  };
  function checkFields(fields: Field[], owner: string, kind: "struct" | "union") {
    if (fields.length === 0) return;
    const seen = new Map<string, SourceLoc>();
    const siblings = () => flatNames(fields);
    // Members of anonymous unions and structs share the enclosing namespace, as in C.
    const claimName = (name: string, loc: SourceLoc) => {
      const prev = seen.get(name);
      if (prev) err(loc, `duplicate field "${name}" in ${owner} (first at line ${prev.line})`);
      else seen.set(name, loc);
    };
    const claimAnonymous = (inner: Field[]) => {
      for (const x of inner) {
        claimName(x.name, x.loc);
        if (x.anonymous && x.type.kind === "anon") claimAnonymous(x.type.fields);
      }
    };
    fields.forEach((f, i) => {
      const where = `field "${f.name}" of ${owner}`;
      // A field cannot count or measure itself: leave it out of the candidates and hints.
      const others = () => siblings().filter((n) => n !== f.name);
      claimName(f.name, f.loc);
      if (f.anonymous && f.type.kind === "anon") claimAnonymous(f.type.fields);
      checkRef(f.type, f.loc, where, true, others);
      checkAnn(f.ann, f.loc, where, others);
      if (
        f.type.kind === "array" &&
        !("fixed" in f.type.length) &&
        (kind === "union" || i !== fields.length - 1)
      )
        err(f.loc, `${where}: a flexible or counted array must be the last field of a struct`);
    });
  }
  const composites = registry.types.filter((t): t is CompositeDecl => t.kind !== "variant");
  for (const t of composites) {
    if (t.fields.length === 0) err(t.loc, `${t.kind} ${t.name} has no fields`);
    checkFields(t.fields, `${t.kind} ${t.name}`, t.kind);
  }
  for (const v of registry.types) {
    if (v.kind !== "variant") continue;
    const covered = new Map<string, string>();
    for (const alt of v.alternatives) {
      const target = index.type(alt.type);
      if (!target)
        err(
          v.loc,
          `variant ${v.name}: unknown type "${alt.type}"${didYouMean(
            alt.type,
            registry.types.map((x) => x.name),
          )}`,
        );
      else if (target.kind === "variant") err(v.loc, `variant ${v.name}: "${alt.type}" is itself a variant`);
      for (const abi of alt.abis) {
        const prev = covered.get(abi);
        if (prev) err(v.loc, `variant ${v.name}: ABI ${abi} is covered by both ${prev} and ${alt.type}`);
        else covered.set(abi, alt.type);
      }
    }
    const missing = abiNames.filter((a) => !covered.has(a));
    if (missing.length) err(v.loc, `variant ${v.name} has no alternative for ABI ${missing.join(", ")}`);
  }

  // ---- layouts on every ABI (only when the names above resolved: layout needs them)
  if (out.length === 0) {
    for (const t of registry.types) {
      const layouts: TypeLayout[] = [];
      for (const abi of abiNames) {
        try {
          layouts.push(engine.layout(t.name, abi));
        } catch (e) {
          if (!(e instanceof LayoutError)) throw e;
          err(t.loc, `${t.name} cannot be laid out on ${abi}: ${e.message}`);
          break;
        }
      }
      if (t.kind !== "variant" && t.extensible && layouts.length === abiNames.length)
        checkExtensible(t, layouts, err, index);
      if (t.kind !== "variant") checkObjectSize(t, layouts, registry, engine, err);
    }
  }
  for (const t of composites) if (t.extensible) checkVersionOrder(t, err);
  checkMultiBitFlags(registry, err);

  // ---- syscalls
  for (const sc of registry.syscalls) {
    const defaults = sc.signatures.filter((s) => s.abis.length === 0);
    if (defaults.length > 1)
      err(defaults[1]!.loc, `syscall ${sc.name} has more than one signature for all ABIs`);
    const byAbi = new Map<string, SourceLoc>();
    for (const sig of sc.signatures) {
      for (const abi of sig.abis) {
        if (byAbi.has(abi)) err(sig.loc, `syscall ${sc.name} has two signatures for ABI ${abi}`);
        byAbi.set(abi, sig.loc);
      }
      if (sig.params.length > 6)
        err(sig.loc, `syscall ${sc.name} has ${sig.params.length} parameters; syscalls take at most 6`);
      const pnames = sig.params.map((p) => p.name);
      const seen = new Set<string>();
      for (const p of sig.params) {
        const where = `parameter "${p.name}" of ${sc.name}`;
        if (seen.has(p.name)) err(p.loc, `duplicate parameter "${p.name}" in ${sc.name}`);
        seen.add(p.name);
        checkRef(p.type, p.loc, where, true, () => pnames);
        checkAnn(p.ann, p.loc, where, () => pnames);
        if (p.ann.kind === "size" && p.ann.of !== undefined) checkSizeOf(p, sig.params, sc.name, err);
      }
    }
  }
  checkArgumentSlots(registry, err);
  checkTablesAgainstSignatures(registry, err, options);
  return out;
}

/**
 * The largest object a C compiler accepts on an ABI: PTRDIFF_MAX, 2^(bits-1) - 1, because the
 * difference of two pointers into one object must fit ptrdiff_t (GCC: "size of array exceeds maximum
 * object size"). SIZE_MAX would be the looser bound, but no compiler lets an object reach it. On
 * 64-bit ABIs the bound is lowered to 2^53 - 1, the largest size a JavaScript number holds exactly:
 * above it the layout engine's arithmetic would silently round.
 */
export function maxObjectSize(abi: Pick<Abi, "bits">): number {
  return Math.min(2 ** (abi.bits - 1) - 1, Number.MAX_SAFE_INTEGER);
}

/**
 * A type larger than its ABI can address is reported once, where the size comes from: at the
 * field whose own type is too large (a FixedArray), else at the type itself. A field of a named
 * type that is too large is left to that type's own diagnostic, so one mistake is one message.
 */
function checkObjectSize(
  t: CompositeDecl,
  layouts: TypeLayout[],
  registry: Registry,
  engine: LayoutEngine,
  err: (loc: SourceLoc, m: string) => void,
): void {
  for (const l of layouts) {
    const abi = registry.abis.find((a) => a.name === l.abi)!;
    const max = maxObjectSize(abi);
    if (l.size <= max) continue;
    const limit = `the largest object a ${abi.bits}-bit ABI can address is ${max} bytes (PTRDIFF_MAX${abi.bits === 64 ? ", capped at 2^53 - 1" : ""})`;
    const big = t.fields.find((f) => engine.typeRef(f.type, l.abi).size > max);
    if (big?.type.kind === "named") return;
    if (big)
      err(
        big.loc,
        `field "${big.name}" of ${t.kind} ${t.name} is ${engine.typeRef(big.type, l.abi).size} bytes on ${l.abi}; ${limit}`,
      );
    else err(t.loc, `${t.kind} ${t.name} is ${l.size} bytes on ${l.abi}; ${limit}`);
    return;
  }
}

/** Extensible-struct versions grow over time: a later version cannot come from an older kernel. */
function checkVersionOrder(t: CompositeDecl, err: (loc: SourceLoc, m: string) => void): void {
  const versions = t.extensible!.versions;
  for (let i = 1; i < versions.length; i++) {
    const [prev, v] = [versions[i - 1]!, versions[i]!];
    if (compareVersions(v.since, prev.since) < 0)
      err(
        v.loc,
        `${t.name}: version ${v.size} is from kernel ${v.since}, older than the version before it (${prev.size}, ${prev.since}); versions must be listed oldest first`,
      );
  }
  // A field added after the last version would make the last version size a lie: the struct the
  // kernel copies has grown again, so that release needs its own Version<>. A field that took
  // reserved space (Was<>) does not grow it, and may be later (mnt_id_req.mnt_ns_fd, 6.18).
  const last = versions[versions.length - 1];
  if (!last) return;
  const walk = (fields: Field[]) => {
    for (const f of fields) {
      if (
        f.ann.since !== undefined &&
        f.ann.was === undefined &&
        compareVersions(f.ann.since, last.since) > 0
      )
        err(
          f.loc,
          `field "${f.name}" of ${t.name} is Since<"${f.ann.since}">, later than its last version (${last.size}, ${last.since}); add a Version<> for ${f.ann.since}`,
        );
      if (f.anonymous && f.type.kind === "anon") walk(f.type.fields);
    }
  };
  walk(t.fields);
}

/**
 * A non-composite flag is one bit: overlap checks and filters treat it as such. A value with more
 * bits is a mask or a multi-bit field value and must say so with Composite<>.
 */
function checkMultiBitFlags(registry: Registry, err: (loc: SourceLoc, m: string) => void): void {
  const multi = (v: number) => v > 0 && Number.isInteger(v) && (BigInt(v) & (BigInt(v) - 1n)) !== 0n;
  for (const set of registry.sets) {
    if (set.kind !== "flags") continue;
    for (const m of set.members) {
      if (m.composite) continue;
      const values = new Map<number, string[]>();
      for (const abi of registry.abis) {
        const v = RegistryIndex.memberValue(m, abi.name);
        if (multi(v)) values.set(v, [...(values.get(v) ?? []), abi.name]);
      }
      if (registry.abis.length === 0 && multi(m.value)) values.set(m.value, []);
      for (const [v, abis] of values) {
        const on = abis.length === registry.abis.length ? "" : ` on ${abis.join(", ")}`;
        err(
          m.loc,
          `flag ${m.name} of ${set.name} (0x${v.toString(16)}) has more than one bit set${on}; declare it Composite<0x${v.toString(16)}> (a mask or a multi-bit value)`,
        );
      }
    }
  }
}

/**
 * Every signature fits the argument slots of each ABI it applies to (a 64-bit argument takes two
 * slots on 32-bit ABIs): a call that needs more cannot be made, and `syscall --abi` would be the
 * first to notice. A default signature applies to the ABIs no restricted one claims, and, when
 * tables exist, only to ABIs whose table lists the syscall.
 */
function checkArgumentSlots(registry: Registry, err: (loc: SourceLoc, m: string) => void): void {
  const listed = new Map<string, Set<string>>();
  for (const t of registry.tables)
    for (const e of t.entries) listed.set(e.name, (listed.get(e.name) ?? new Set()).add(t.abi));
  for (const sc of registry.syscalls) {
    const claimed = new Set(sc.signatures.flatMap((s) => s.abis));
    for (const sig of sc.signatures) {
      if (sig.params.length > 6) continue; // reported above: slots would repeat it
      const abis = registry.abis.filter(
        (a) =>
          (sig.abis.length ? sig.abis.includes(a.name) : !claimed.has(a.name)) &&
          (registry.tables.length === 0 || listed.get(sc.name)?.has(a.name)),
      );
      for (const abi of abis) {
        try {
          const slots = argumentSlots(sig, abi);
          if (slots.error) err(sig.loc, `syscall ${sc.name} ${slots.error}`);
        } catch (e) {
          // A parameter that is not a scalar or a pointer is reported by the type checks above.
          if (!(e instanceof ArgSlotsError)) throw e;
        }
      }
    }
  }
}

/**
 * Every syscall a table lists has a signature, every declared syscall is in some table, and a
 * signature restricted to ABIs names only ABIs whose table has the syscall.
 */
function checkTablesAgainstSignatures(
  registry: Registry,
  err: (loc: SourceLoc, m: string) => void,
  options: ValidateOptions,
): void {
  if (registry.tables.length === 0) return;
  const declared = new Map(registry.syscalls.map((s) => [s.name, s]));
  const onAbi = new Map<string, Set<string>>();
  // An empty table (truncated, or emptied by a bad edit) is the mistake itself: name it, and do not
  // blame every signature of its ABI for it. A table with rejected rows (reported by the table
  // reader) is as unreliable: its missing rows are not the signatures' fault either.
  const unreliable = new Set(options.brokenTables ?? []);
  if (registry.syscalls.length > 0)
    for (const t of registry.tables)
      if (t.entries.length === 0 && !unreliable.has(t.abi)) {
        unreliable.add(t.abi);
        err(
          t.loc,
          `no syscalls: the ${t.abi} table lists none, but ${registry.syscalls.length} syscall(s) are declared`,
        );
      }
  for (const t of registry.tables) {
    const missing: string[] = [];
    for (const e of t.entries) {
      if (!declared.has(e.name)) missing.push(e.name);
      const set = onAbi.get(e.name) ?? new Set<string>();
      set.add(t.abi);
      onAbi.set(e.name, set);
    }
    if (missing.length)
      err(t.loc, `${t.abi}: ${missing.length} syscall(s) without a signature: ${missing.join(", ")}`);
  }
  for (const sc of registry.syscalls) {
    const abis = onAbi.get(sc.name);
    if (!abis) {
      // It may be listed only in the empty table.
      if (unreliable.size === 0)
        err(sc.loc, `syscall ${sc.name} is declared but no ABI's table (schemas/tables) lists it`);
      continue;
    }
    for (const sig of sc.signatures) {
      const absent = sig.abis.filter((a) => !abis.has(a) && !unreliable.has(a));
      if (absent.length)
        err(sig.loc, `signature of ${sc.name} names ${absent.join(", ")}, whose table has no ${sc.name}`);
    }
  }
}

function checkSizeOf(
  p: Param,
  params: Param[],
  syscall: string,
  err: (loc: SourceLoc, m: string) => void,
): void {
  const target = params.find((x) => x.name === p.ann.of);
  if (target && target.type.kind !== "pointer")
    err(
      p.loc,
      `parameter "${p.name}" of ${syscall} is SizeOf<"${p.ann.of}">, but ${p.ann.of} is not a pointer`,
    );
}

function checkExtensible(
  t: CompositeDecl,
  layouts: TypeLayout[],
  err: (loc: SourceLoc, m: string) => void,
  index: RegistryIndex,
): void {
  const ext = t.extensible!;
  const sizes = ext.versions.map((v) => v.size);
  for (let i = 1; i < sizes.length; i++)
    if (sizes[i]! <= sizes[i - 1]!)
      err(
        ext.versions[i]!.loc,
        `${t.name}: version sizes must increase, but ${sizes[i]} follows ${sizes[i - 1]}`,
      );
  for (const l of layouts) {
    const last = sizes[sizes.length - 1];
    if (last !== undefined && last !== l.size)
      err(
        ext.versions[ext.versions.length - 1]!.loc,
        `${t.name}: the last version size ${last} does not match the computed size ${l.size} on ${l.abi}`,
      );
    const ends = new Set(l.fields.map((f) => offsetOfEnd(l, f.name)));
    for (const v of ext.versions)
      if (!ends.has(v.size) && v.size !== l.size)
        err(
          v.loc,
          `${t.name}: version size ${v.size} (${v.since}) does not end at a field boundary on ${l.abi}`,
        );
  }
  if (ext.sizeIn.kind === "field") {
    const name = ext.sizeIn.field;
    const f = t.fields.find((x) => x.name === name);
    if (!f) err(t.loc, `${t.name}: size field "${name}" does not exist`);
    else if (f.type.kind !== "scalar" || !["u32", "uint"].includes(f.type.name))
      err(f.loc, `${t.name}: size field "${name}" must be a u32`);
  }
  for (const fm of ext.flagMinSize) {
    const set = index.set(fm.set);
    const f = t.fields.find((x) => x.name === fm.field);
    if (!set) err(fm.loc, `${t.name}: flagMinSize names unknown flag set "${fm.set}"`);
    else if (!set.members.some((m) => m.name === fm.flag))
      err(fm.loc, `${t.name}: flagMinSize names "${fm.flag}", which is not in ${fm.set}`);
    if (!f) err(fm.loc, `${t.name}: flagMinSize names field "${fm.field}", which does not exist`);
    if (!sizes.includes(fm.size))
      err(
        fm.loc,
        `${t.name}: flagMinSize size ${fm.size} for ${fm.flag} is not one of the version sizes ${sizes.join(", ")}`,
      );
  }
}
