import { flatten } from "@sysargs/codegen";
import { LayoutEngine, LayoutError } from "@sysargs/layout";
import {
  type Abi,
  BASE_SCALAR_C,
  BASE_SCALARS,
  type CompositeDecl,
  compareVersions,
  defaultCFacts,
  type Field,
  type Registry,
  RegistryIndex,
  SCALARS,
  uapiHeaderOf,
} from "@sysargs/model";

/** How a probed number is shown. */
export type Show = "dec" | "hex" | "signed" | "endian" | "bool";

/** One C integer constant expression, read back as a signed 64-bit value. */
export interface ValueProbe {
  readonly kind: "value";
  readonly aspect: string;
  readonly expected: bigint;
  readonly c: string;
  readonly show: Show;
}

/** A named constant (macro or enumerator): its value and the size of its C type. */
export interface ConstProbe {
  readonly kind: "const";
  readonly aspect: "value";
  readonly expected: bigint;
  readonly name: string;
  readonly show: Show;
}

/** A bitfield: an object of the outer type with only this member set to all ones. */
export interface BitsProbe {
  readonly kind: "bits";
  readonly typeC: string;
  readonly designator: string;
  readonly bitOffset: number;
  readonly bitSize: number;
  /** Prefix of the aspect names when a subject has several bitfields ("b " -> "b bitOffset"). */
  readonly label?: string;
}

export type Probe = ValueProbe | ConstProbe | BitsProbe;

/** Something reported on its own line: a type, a field, a constant, an ABI fact. */
export interface Subject {
  readonly name: string;
  /** A subject whose absence explains this one's (a field's type). */
  readonly parent?: string;
  readonly probes: readonly Probe[];
  /** Registry items this subject proves when proved ("type stat_generic", "field clone_args.cgroup"). */
  readonly covers: readonly string[];
  /** Set when the subject cannot be probed: the outcome and why. */
  readonly preset?: { readonly status: "no-header-mapping" | "error"; readonly note: string };
  readonly note?: string;
  /** For "version" subjects: the published size to find among the compiled field boundaries. */
  readonly version?: { readonly type: string; readonly size: number; readonly since: string };
  /** Kernel version that added it (Since<>, inherited from enclosing members; a set member's since). */
  readonly since?: string;
  /** For type subjects: members with a Since<>, and the published sizes (to judge older headers). */
  readonly members?: readonly { readonly path: string; readonly since: string }[];
  readonly versions?: readonly { readonly size: number; readonly since: string }[];
}

/** How a registry type is spelled and included on one ABI. */
export type Mapping =
  | {
      readonly kind: "header";
      readonly c: string;
      readonly headers: readonly string[];
      /** Whether the headers were stated by `@header` tags or derived from the type's `@source`. */
      readonly via: "header" | "source";
      /** Kernel version that added the type (`@since`), to explain its absence from older headers. */
      readonly since?: string;
    }
  | { readonly kind: "none"; readonly note: string };

/** Composite types that only exist as alternatives of a per-ABI variant (probed through the variant). */
export function alternativesOnly(registry: Registry): Set<string> {
  const alts = new Set<string>();
  for (const t of registry.types) if (t.kind === "variant") for (const a of t.alternatives) alts.add(a.type);
  return alts;
}

/** The types the compiler and BTF probe by name: every type except variant alternatives. */
export function probedTypes(registry: Registry): string[] {
  const alts = alternativesOnly(registry);
  return registry.types.filter((t) => !alts.has(t.name)).map((t) => t.name);
}

/** Header mapping of a registry type on an ABI, from the C facts of its declaration. */
export function mappingOf(registry: RegistryIndex, typeName: string, abi: string): Mapping {
  const decl = registry.type(typeName);
  if (!decl) return { kind: "none", note: "unknown type" };
  const c = decl.c;
  if (c.noHeader !== null) return { kind: "none", note: `no header: ${c.noHeader}` };
  if (c.differs?.abis.includes(abi)) return { kind: "none", note: `no header: ${c.differs.why}` };
  if (c.headers.length === 0)
    return { kind: "none", note: "no header mapping (and no UAPI header in its provenance)" };
  return {
    kind: "header",
    c: c.spelling,
    headers: c.headers,
    via: c.headersFrom,
    ...(c.since !== null ? { since: c.since } : {}),
  };
}

/** Macros the probe files define before their includes (from the C facts of the probed types). */
export function definesFor(registry: Registry): string[] {
  const index = new RegistryIndex(registry);
  const out = new Set<string>();
  for (const name of probedTypes(registry)) for (const d of index.type(name)?.c.defines ?? []) out.add(d);
  return [...out];
}

/** Every header the probe files include: the base set, every mapped type's and every UAPI provenance. */
export function headersFor(registry: Registry, base: readonly string[]): string[] {
  const index = new RegistryIndex(registry);
  const out = new Set(base);
  for (const name of probedTypes(registry)) {
    for (const abi of registry.abis) {
      const m = mappingOf(index, name, abi.name);
      if (m.kind === "header") for (const h of m.headers) out.add(h);
    }
  }
  for (const s of registry.sets) {
    for (const p of s.provenance) {
      const h = uapiHeaderOf(p.source);
      if (h) out.add(h);
    }
  }
  return [...out];
}

const big = (n: number): bigint => BigInt(n);

function fieldSubjects(
  engine: LayoutEngine,
  abi: Abi,
  typeName: string,
  c: string,
  note: string | undefined,
  since: string | undefined,
  out: Subject[],
): void {
  const layout = engine.layout(typeName, abi.name);
  const decl = engine.index.composite(typeName, abi.name)!;
  const typeSubject = `type ${typeName}`;
  const covers = [typeSubject];
  if (decl.name !== typeName) covers.push(`type ${decl.name}`);
  const withNote = <T extends object>(s: T): T => (note ? { ...s, note } : s);
  const flat = flatten(engine, layout, abi);
  const members = flat.flatMap((f) => (f.since !== undefined ? [{ path: f.path, since: f.since }] : []));
  const versions = decl.extensible?.versions.map((v) => ({ size: v.size, since: v.since }));
  out.push(
    withNote({
      name: typeSubject,
      covers,
      members,
      ...(versions ? { versions } : {}),
      ...(since ? { since } : {}),
      probes: [
        { kind: "value", aspect: "size", expected: big(layout.size), c: `sizeof(${c})`, show: "dec" },
        { kind: "value", aspect: "align", expected: big(layout.align), c: `_Alignof(${c})`, show: "dec" },
      ],
    }),
  );
  for (const f of flat) {
    const probes: Probe[] = [];
    if (f.bitSize !== undefined && f.bitOffset !== undefined) {
      probes.push({ kind: "bits", typeC: c, designator: f.path, bitOffset: f.bitOffset, bitSize: f.bitSize });
    } else {
      const member = `((${c} *)0)->${f.path}`;
      probes.push({
        kind: "value",
        aspect: "offset",
        expected: big(f.offset),
        c: `__builtin_offsetof(${c}, ${f.path})`,
        show: "dec",
      });
      if (f.sized)
        probes.push({
          kind: "value",
          aspect: "size",
          expected: big(f.size),
          c: `sizeof(${member})`,
          show: "dec",
        });
      if (f.signed !== undefined) {
        probes.push({
          kind: "value",
          aspect: "signed",
          expected: f.signed ? 1n : 0n,
          c: `SA_SIGNED(${member})`,
          show: "signed",
        });
      }
    }
    out.push(
      withNote({
        name: `field ${typeName}.${f.path}`,
        parent: typeSubject,
        covers: [`field ${f.owner}.${f.ownerPath}`],
        probes,
        ...(f.since !== undefined ? { since: f.since } : {}),
      }),
    );
  }
  const ext = decl.extensible;
  if (ext) {
    for (const v of ext.versions) {
      out.push({
        name: `version ${typeName} ${v.size}`,
        parent: typeSubject,
        // The published size as a compiled member boundary also proves the value of its macro.
        covers: v.macro ? [`const ${v.macro}`] : [],
        probes: [],
        version: { type: typeName, size: v.size, since: v.since },
      });
    }
  }
}

/** Subjects naming every field of a type that cannot be probed, so coverage shows them as unproven. */
function unprobedSubjects(
  engine: LayoutEngine,
  abi: Abi,
  typeName: string,
  preset: { status: "no-header-mapping" | "error"; note: string },
  out: Subject[],
): void {
  const typeSubject = `type ${typeName}`;
  let fields: ReturnType<typeof flatten> = [];
  try {
    fields = flatten(engine, engine.layout(typeName, abi.name), abi);
  } catch {
    // The layout itself failed: the preset says why.
  }
  out.push({ name: typeSubject, covers: [], probes: [], preset });
  for (const f of fields)
    out.push({ name: `field ${typeName}.${f.path}`, parent: typeSubject, covers: [], probes: [], preset });
}

/** Every subject the compiler probes on `abi`. */
export function compilerSubjects(registry: Registry, engine: LayoutEngine, abi: Abi): Subject[] {
  const index = engine.index;
  const out: Subject[] = [];

  // ---- ABI facts: base scalars, char signedness, byte order, width, the schema words ----
  for (const s of BASE_SCALARS) {
    const c = BASE_SCALAR_C[s];
    const l = abi.scalars[s];
    out.push({
      name: `abi scalar ${s}`,
      covers: [],
      probes: [
        { kind: "value", aspect: "size", expected: big(l.size), c: `sizeof(${c})`, show: "dec" },
        { kind: "value", aspect: "align", expected: big(l.align), c: `SA_ALIGN(${c})`, show: "dec" },
      ],
    });
  }
  out.push({
    name: "abi char",
    covers: [],
    probes: [
      {
        kind: "value",
        aspect: "signed",
        expected: abi.charSigned ? 1n : 0n,
        c: "SA_CHAR_SIGNED",
        show: "signed",
      },
    ],
  });
  out.push({
    name: "abi endian",
    covers: [],
    probes: [
      {
        kind: "value",
        aspect: "endian",
        expected: abi.endian === "big" ? 1n : 0n,
        c: "(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)",
        show: "endian",
      },
    ],
  });
  out.push({
    name: "abi bits",
    covers: [],
    probes: [
      { kind: "value", aspect: "bits", expected: big(abi.bits), c: "(sizeof(void *) * 8)", show: "dec" },
    ],
  });
  for (const [word, info] of Object.entries(SCALARS)) {
    // A kernel-internal typedef's spelling is a plain C type: compiling it proves nothing about it.
    if (info.internal || info.base === "void") continue;
    const c = info.c;
    const l = engine.scalar(word, abi.name);
    const signed = word === "char" ? abi.charSigned : info.signed;
    const probes: Probe[] = [
      { kind: "value", aspect: "size", expected: big(l.size), c: `sizeof(${c})`, show: "dec" },
      { kind: "value", aspect: "align", expected: big(l.align), c: `SA_ALIGN(${c})`, show: "dec" },
    ];
    // Pointer-based words (cap_user_header_t) have no signedness.
    if (info.base !== "pointer") {
      probes.push({
        kind: "value",
        aspect: "signed",
        expected: signed ? 1n : 0n,
        c: `SA_SIGNED((${c})0)`,
        show: "signed",
      });
    }
    out.push({ name: `abi word ${word}`, covers: [], note: c, probes });
  }
  for (const s of bitfieldRuleSubjects(registry, abi)) out.push(s);

  // ---- types ----
  for (const name of probedTypes(registry)) {
    const m = mappingOf(index, name, abi.name);
    if (m.kind === "none") {
      unprobedSubjects(engine, abi, name, { status: "no-header-mapping", note: m.note }, out);
      continue;
    }
    if (!index.composite(name, abi.name)) {
      unprobedSubjects(
        engine,
        abi,
        name,
        { status: "error", note: `the registry has no variant of ${name} for ${abi.name}` },
        out,
      );
      continue;
    }
    try {
      const note =
        m.via === "source" ? `header <${m.headers.join(">, <")}> from the type's provenance` : undefined;
      fieldSubjects(engine, abi, name, m.c, note, m.since, out);
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      unprobedSubjects(engine, abi, name, { status: "error", note: `layout engine: ${e.message}` }, out);
    }
  }

  out.push(...constSubjects(registry, abi));
  return out;
}

/**
 * The constant subjects of `abi`: set members, AUDIT_ARCH_* and version-size macros, one per
 * name and expected value (a name two sets give different values is probed once per value).
 */
export function constSubjects(registry: Registry, abi: Abi): Subject[] {
  const out: Subject[] = [];
  const consts = new Map<string, { expected: bigint; show: Show; sets: string[]; since: string | null }[]>();
  const addConst = (name: string, value: number, show: Show, from: string, since: string | null = null) => {
    const list = consts.get(name) ?? [];
    const expected = big(value);
    const same = list.find((x) => x.expected === expected);
    if (same) {
      same.sets.push(from);
      // The constant is as old as its oldest declared use.
      if (same.since !== null && (since === null || compareVersions(since, same.since) < 0))
        same.since = since;
    } else list.push({ expected, show, sets: [from], since });
    consts.set(name, list);
  };
  for (const set of registry.sets) {
    for (const m of set.members) {
      addConst(
        m.name,
        RegistryIndex.memberValue(m, abi.name),
        set.kind === "flags" ? "hex" : "dec",
        set.name,
        m.since,
      );
    }
  }
  // Each ABI's own AUDIT_ARCH_* value; those of ABIs without a cross compiler on every ABI
  // (<linux/audit.h> defines them all everywhere), so that they are proved somewhere.
  for (const a of registry.abis) {
    if (a === abi || !a.toolchain) addConst(a.auditArchName, a.auditArch, "hex", `ABI ${a.name}`);
  }
  for (const t of registry.types) {
    if (t.kind === "variant" || !t.extensible) continue;
    for (const v of t.extensible.versions)
      if (v.macro) addConst(v.macro, v.size, "dec", `${t.name} versions`, v.since);
  }
  for (const [name, list] of consts) {
    for (const x of list) {
      out.push({
        name: `const ${name}`,
        covers: [`const ${name}`],
        note: `from ${x.sets.join(", ")}`,
        probes: [{ kind: "const", aspect: "value", expected: x.expected, name, show: x.show }],
        ...(x.since !== null ? { since: x.since } : {}),
      });
    }
  }
  return out;
}

/**
 * Small structs that pin down each ABI's bitfield rules (the model's bitfieldTypeMatters and the
 * engine's placement algorithm), laid out by the engine from a synthetic registry type and by the
 * compiler from the same C declaration.
 */
const BITFIELD_RULES: { c: string; fields: [string, string, number | null][] }[] = [
  {
    c: "struct { char a; int b : 3; }",
    fields: [
      ["a", "char", null],
      ["b", "int", 3],
    ],
  },
  {
    c: "struct { char a; short b : 9; short c : 9; }",
    fields: [
      ["a", "char", null],
      ["b", "short", 9],
      ["c", "short", 9],
    ],
  },
  {
    c: "struct { char a; int b : 30; int c : 4; }",
    fields: [
      ["a", "char", null],
      ["b", "int", 30],
      ["c", "int", 4],
    ],
  },
  {
    c: "struct { char a; long long b : 40; char c; }",
    fields: [
      ["a", "char", null],
      ["b", "longlong", 40],
      ["c", "char", null],
    ],
  },
  { c: "struct { int a : 1; }", fields: [["a", "int", 1]] },
];

function bitfieldRuleSubjects(registry: Registry, abi: Abi): Subject[] {
  const loc = { file: "tools/conformance/src/probes.ts", line: 1, col: 1 };
  const types: CompositeDecl[] = BITFIELD_RULES.map((r, i) => ({
    kind: "struct",
    name: `__sysargs_bitfield_rule_${i}`,
    c: defaultCFacts({ kind: "struct", name: `__sysargs_bitfield_rule_${i}`, provenance: [] }),
    fields: r.fields.map(
      ([name, base, width]): Field => ({
        name,
        type: width === null ? { kind: "scalar", name: base } : { kind: "bits", base, width },
        ann: {},
        doc: "",
        loc,
      }),
    ),
    packedOn: [],
    aligned: null,
    extensible: null,
    doc: "",
    provenance: [],
    loc,
  }));
  const synthetic = new RegistryIndex({ ...registry, abis: [abi], types, sets: [], syscalls: [] });
  // A fresh engine: the synthetic types must not leak into the registry's engine cache.
  const engine = new LayoutEngine(synthetic);
  return BITFIELD_RULES.map((r, i) => {
    const typedefName = `sa_rule_${i}_t`;
    const l = engine.layout(`__sysargs_bitfield_rule_${i}`, abi.name);
    const probes: Probe[] = [
      { kind: "value", aspect: "size", expected: big(l.size), c: `sizeof(${typedefName})`, show: "dec" },
      { kind: "value", aspect: "align", expected: big(l.align), c: `_Alignof(${typedefName})`, show: "dec" },
    ];
    for (const f of l.fields) {
      if (f.bitSize === undefined || f.bitOffset === undefined) {
        probes.push({
          kind: "value",
          aspect: `${f.name} offset`,
          expected: big(f.offset),
          c: `__builtin_offsetof(${typedefName}, ${f.name})`,
          show: "dec",
        });
      } else {
        probes.push({
          kind: "bits",
          typeC: typedefName,
          designator: f.name,
          bitOffset: f.bitOffset,
          bitSize: f.bitSize,
          label: `${f.name} `,
        });
      }
    }
    return { name: `abi bitfield rule ${r.c}`, covers: [], probes, note: `typedef ${r.c} ${typedefName};` };
  });
}

/** The C typedefs the bitfield-rule subjects refer to. */
export function bitfieldRuleTypedefs(): string[] {
  return BITFIELD_RULES.map((r, i) => `typedef ${r.c} sa_rule_${i}_t;`);
}
