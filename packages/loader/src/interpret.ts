import {
  type Annotations,
  type ArgKind,
  BASE_SCALARS,
  type BaseScalar,
  type Direction,
  type Extensible,
  type Field,
  type Provenance,
  SCALARS,
  type ScalarLayout,
  type SetMember,
  type SourceLoc,
  type TypeRef,
} from "@sysargs/model";
import { describe, type PropValue, type Reporter, type TypeValue } from "./type-values.js";

/** DSL words whose IR scalar name differs from the word. */
const SCALAR_WORDS: Record<string, string> = { void_t: "void" };
export function scalarName(word: string): string | undefined {
  const name = SCALAR_WORDS[word] ?? word;
  return Object.hasOwn(SCALARS, name) ? name : undefined;
}

const VERSION_RE = /^\d+\.\d+(\.\d+)?$/;

/** A named reference that must be resolved once every file is read. */
export interface PendingAbiSelector {
  names: { name: string; loc: SourceLoc }[];
}

export function provenanceOf(tags: Record<string, string[]>): Provenance[] {
  return (tags.source ?? []).map((text) => {
    // "@source <file> (<kernel version>) - <note>"
    const m = /^(\S+)(?:\s+\(([^)]+)\))?(?:\s+-\s+(.*))?$/s.exec(text);
    const p: Provenance = { source: m?.[1] ?? text };
    if (m?.[2]) p.kernel = m[2];
    if (m?.[3]) p.note = m[3].trim();
    return p;
  });
}

export function num(v: TypeValue | undefined, what: string, r: Reporter, at: SourceLoc): number | undefined {
  if (v?.t === "number") return v.value;
  r.error(v?.loc ?? at, `${what}: expected a number literal, found ${v ? describe(v) : "nothing"}`);
  return undefined;
}

export function str(v: TypeValue | undefined, what: string, r: Reporter, at: SourceLoc): string | undefined {
  if (v?.t === "string") return v.value;
  r.error(v?.loc ?? at, `${what}: expected a string literal, found ${v ? describe(v) : "nothing"}`);
  return undefined;
}

export function version(
  v: TypeValue | undefined,
  what: string,
  r: Reporter,
  at: SourceLoc,
): string | undefined {
  const s = str(v, what, r, at);
  if (s !== undefined && !VERSION_RE.test(s)) {
    r.error(
      v!.loc,
      `${what}: "${s}" is not a kernel version of the form "major.minor" or "major.minor.patch"`,
    );
    return undefined;
  }
  return s;
}

export function checkVersionTag(text: string, loc: SourceLoc, r: Reporter): string | undefined {
  if (!VERSION_RE.test(text)) {
    r.error(loc, `@since "${text}" is not a kernel version of the form "major.minor" or "major.minor.patch"`);
    return undefined;
  }
  return text;
}

/** Names referenced by an ABI selector (a reference or a union of references, or `true`). */
export function selectorNames(v: TypeValue, r: Reporter): { name: string; loc: SourceLoc }[] {
  if (v.t === "ref" && v.args.length === 0) return [{ name: v.name, loc: v.loc }];
  if (v.t === "union") return v.items.flatMap((i) => selectorNames(i, r));
  r.error(v.loc, `expected an ABI or ABI group name (or a union of them), found ${describe(v)}`);
  return [];
}

// ---------------------------------------------------------------------------------------------
// Field and parameter types

const MARKS = new Set([
  "Flags",
  "OneOf",
  "Fd",
  "Pid",
  "Signal",
  "LenOf",
  "SizeOf",
  "Since",
  "Was",
  "Reserved",
  "Mux",
]);

export interface ParsedType {
  type: TypeRef;
  ann: Annotations;
  /** Anonymous composite members. */
  anonymous?: true;
}

/** Parses a field or parameter type: one base type intersected with annotations. */
export function parseMemberType(v: TypeValue, r: Reporter): ParsedType | undefined {
  const items = v.t === "intersection" ? v.items : [v];
  const ann: Annotations = {};
  let base: ParsedType | undefined;
  let baseCount = 0;
  for (const item of items) {
    if (item.t === "ref" && MARKS.has(item.name)) {
      applyMark(item, ann, r);
      continue;
    }
    baseCount++;
    if (baseCount > 1) {
      r.error(item.loc, `a type may have only one base type; ${describe(item)} is a second one`);
      continue;
    }
    base = parseBase(item, r);
  }
  if (!base) {
    if (baseCount === 0) r.error(v.loc, `missing base type: ${describe(v)} has only annotations`);
    return undefined;
  }
  const merged: Annotations = { ...base.ann, ...ann };
  if (!merged.kind) merged.kind = inferKind(base.type);
  const out: ParsedType = { type: base.type, ann: merged };
  if (base.anonymous) out.anonymous = true;
  return out;
}

function inferKind(t: TypeRef): ArgKind {
  return t.kind === "pointer" ? "pointer" : "scalar";
}

function applyMark(m: Extract<TypeValue, { t: "ref" }>, ann: Annotations, r: Reporter): void {
  const arg = m.args[0];
  const setRef = (kind: ArgKind) => {
    if (arg?.t === "ref" && arg.args.length === 0) {
      ann.kind = kind;
      ann.set = arg.name;
    } else r.error(m.loc, `${m.name}<...> expects the name of a flag set or enum`);
  };
  switch (m.name) {
    case "Flags":
      setRef("flags");
      return;
    case "OneOf":
      setRef("enum");
      return;
    case "Mux":
      setRef("multiplexer");
      return;
    case "Fd":
      ann.kind = "fd";
      return;
    case "Pid":
      ann.kind = "pid";
      return;
    case "Signal":
      ann.kind = "signal";
      return;
    case "Reserved":
      ann.reserved = true;
      return;
    case "LenOf":
    case "SizeOf": {
      const s = str(arg, `${m.name}<...>`, r, m.loc);
      if (s !== undefined) {
        ann.kind = m.name === "LenOf" ? "length" : "size";
        ann.of = s;
      }
      return;
    }
    case "Since": {
      const s = version(arg, "Since<...>", r, m.loc);
      if (s !== undefined) ann.since = s;
      return;
    }
    case "Was": {
      const s = str(arg, "Was<...>", r, m.loc);
      if (s !== undefined) ann.was = s;
      return;
    }
  }
}

function parseBase(v: TypeValue, r: Reporter): ParsedType | undefined {
  if (v.t !== "ref") {
    r.error(v.loc, `expected a type name, found ${describe(v)}`);
    return undefined;
  }
  // The parser recovers from a missing type with an empty name; its syntax error says it all.
  if (v.name === "") return undefined;
  const scalar = scalarName(v.name);
  if (scalar !== undefined) {
    if (v.args.length) r.error(v.loc, `scalar ${v.name} takes no type arguments`);
    return { type: { kind: "scalar", name: scalar }, ann: {} };
  }
  const a = v.args;
  switch (v.name) {
    case "Path":
      return {
        type: { kind: "pointer", width: "native", direction: "in", to: { kind: "scalar", name: "cstring" } },
        ann: { kind: "path" },
      };
    case "Ptr":
    case "Ptr64": {
      if (!a[0]) {
        r.error(v.loc, `${v.name}<T> needs a pointee type`);
        return undefined;
      }
      const { direction, inner } = unwrapDirection(a[0]);
      const to = parsePointee(inner, r);
      if (!to) return undefined;
      if (v.name === "Ptr") return { type: { kind: "pointer", width: "native", direction, to }, ann: {} };
      let storage = "aligned_u64";
      if (a[1]) {
        if (a[1].t === "ref" && (a[1].name === "u64" || a[1].name === "aligned_u64")) storage = a[1].name;
        else r.error(a[1].loc, `Ptr64 storage must be u64 or aligned_u64, found ${describe(a[1])}`);
      }
      return { type: { kind: "pointer", width: "u64", storage, direction, to }, ann: {} };
    }
    case "FixedArray": {
      const of = a[0] ? parsePointee(a[0], r) : undefined;
      const n = num(a[1], "FixedArray<T, N> length", r, v.loc);
      if (!of || n === undefined) return undefined;
      if (!Number.isInteger(n) || n <= 0) {
        r.error(a[1]!.loc, `array length must be a positive integer, found ${n}`);
        return undefined;
      }
      return { type: { kind: "array", of, length: { fixed: n } }, ann: {} };
    }
    case "CountedArray": {
      const of = a[0] ? parsePointee(a[0], r) : undefined;
      const f = str(a[1], "CountedArray<T, Field> count field", r, v.loc);
      if (!of || f === undefined) return undefined;
      return { type: { kind: "array", of, length: { countedBy: f } }, ann: {} };
    }
    case "FlexArray": {
      const of = a[0] ? parsePointee(a[0], r) : undefined;
      if (!of) return undefined;
      return { type: { kind: "array", of, length: { flexible: true } }, ann: {} };
    }
    case "Bits": {
      const b = a[0];
      const baseName = b?.t === "ref" ? scalarName(b.name) : undefined;
      const w = num(a[1], "Bits<Base, Width> width", r, v.loc);
      if (!baseName) {
        r.error(
          b?.loc ?? v.loc,
          `a bitfield's base must be an integer scalar, found ${b ? describe(b) : "nothing"}`,
        );
        return undefined;
      }
      if (w === undefined) return undefined;
      return { type: { kind: "bits", base: baseName, width: w }, ann: {} };
    }
    case "AnonUnion":
    case "AnonStruct": {
      const body = a[0];
      if (body?.t !== "object") {
        r.error(v.loc, `${v.name}<{...}> expects an object type literal with the members`);
        return undefined;
      }
      const fields = parseFields(body.props, r);
      return {
        type: { kind: "anon", composite: v.name === "AnonUnion" ? "union" : "struct", fields },
        ann: {},
        anonymous: true,
      };
    }
    default:
      if (v.args.length) {
        r.error(v.loc, `unknown type constructor "${v.name}"`);
        return undefined;
      }
      return { type: { kind: "named", name: v.name }, ann: {} };
  }
}

function unwrapDirection(v: TypeValue): { direction: Direction; inner: TypeValue } {
  if (v.t === "ref" && v.args[0]) {
    if (v.name === "In") return { direction: "in", inner: v.args[0] };
    if (v.name === "Out") return { direction: "out", inner: v.args[0] };
    if (v.name === "InOut") return { direction: "inout", inner: v.args[0] };
  }
  return { direction: "in", inner: v };
}

function parsePointee(v: TypeValue, r: Reporter): TypeRef | undefined {
  const p = parseBase(v, r);
  return p?.type;
}

export function parseFields(props: PropValue[], r: Reporter): Field[] {
  const fields: Field[] = [];
  for (const p of props) {
    if (!p.name) {
      r.error(p.loc, `unsupported member: ${describe(p.value)} (only "name: type" properties are allowed)`);
      continue;
    }
    const t = parseMemberType(p.value, r);
    if (!t) continue;
    const ann = t.ann;
    const since = p.tags.since?.[0];
    if (since !== undefined && ann.since === undefined) {
      const s = checkVersionTag(since, p.loc, r);
      if (s) ann.since = s;
    }
    const f: Field = { name: p.name, type: t.type, ann, doc: p.doc, loc: p.loc };
    if (t.anonymous) f.anonymous = true;
    fields.push(f);
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Config objects

export function props(
  v: TypeValue | undefined,
  what: string,
  r: Reporter,
  at: SourceLoc,
): Map<string, PropValue> {
  const out = new Map<string, PropValue>();
  if (v?.t !== "object") {
    r.error(v?.loc ?? at, `${what}: expected an object type literal`);
    return out;
  }
  for (const p of v.props) {
    if (!p.name) r.error(p.loc, `${what}: unsupported member`);
    else if (out.has(p.name)) r.error(p.loc, `${what}: "${p.name}" is given twice`);
    else out.set(p.name, p);
  }
  return out;
}

export function scalarLayout(
  v: TypeValue | undefined,
  what: string,
  r: Reporter,
  at: SourceLoc,
): ScalarLayout | undefined {
  if (v?.t === "ref" && v.name === "ScalarLayout" && v.args.length === 2) {
    const size = num(v.args[0], `${what} size`, r, at);
    const align = num(v.args[1], `${what} align`, r, at);
    if (size === undefined || align === undefined) return undefined;
    return { size, align };
  }
  r.error(v?.loc ?? at, `${what}: expected ScalarLayout<size, align>`);
  return undefined;
}

export const ABI_SCALAR_KEYS: readonly BaseScalar[] = BASE_SCALARS.filter((b) => b !== "char");

/** Parsed extensible config, with selector-free references kept as names. */
export function parseExtensible(v: TypeValue, r: Reporter): Extensible | undefined {
  const p = props(v, "extensible", r, v.loc);
  const versions: Extensible["versions"] = [];
  const vs = p.get("versions")?.value;
  if (vs?.t !== "tuple" || vs.items.length === 0) {
    r.error(
      vs?.loc ?? v.loc,
      "extensible: versions must be a non-empty tuple of Version<size, since, macro?>",
    );
  } else {
    for (const item of vs.items) {
      if (item.t !== "ref" || item.name !== "Version") {
        r.error(item.loc, `extensible: expected Version<size, since, macro?>, found ${describe(item)}`);
        continue;
      }
      const size = num(item.args[0], "Version size", r, item.loc);
      const since = version(item.args[1], "Version since", r, item.loc);
      const macro = item.args[2] ? str(item.args[2], "Version macro", r, item.loc) : undefined;
      if (size !== undefined && since !== undefined)
        versions.push({ size, since, macro: macro ?? null, loc: item.loc });
    }
  }
  const sizeInV = p.get("sizeIn")?.value;
  let sizeIn: Extensible["sizeIn"] = { kind: "argument" };
  if (sizeInV?.t === "string" && (sizeInV.value === "argument" || sizeInV.value === "ioctl"))
    sizeIn = { kind: sizeInV.value };
  else if (sizeInV?.t === "object") {
    const f = props(sizeInV, "sizeIn", r, sizeInV.loc).get("field");
    const name = str(f?.value, "sizeIn.field", r, sizeInV.loc);
    if (name !== undefined) sizeIn = { kind: "field", field: name };
  } else
    r.error(sizeInV?.loc ?? v.loc, `extensible: sizeIn must be "argument", "ioctl" or { field: "name" }`);
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T => {
    const x = p.get(key)?.value;
    if (x?.t === "string" && (allowed as readonly string[]).includes(x.value)) return x.value as T;
    r.error(
      x?.loc ?? v.loc,
      `extensible: ${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
    );
    return allowed[0]!;
  };
  const flag = (key: string): boolean => {
    const x = p.get(key)?.value;
    if (x === undefined) return false;
    if (x.t === "boolean" && x.value) return true;
    r.error(x.loc, `extensible: ${key} must be true or absent`);
    return false;
  };
  const flagMinSize: Extensible["flagMinSize"] = [];
  const fm = p.get("flagMinSize")?.value;
  if (fm !== undefined) {
    if (fm.t !== "tuple")
      r.error(fm.loc, "extensible: flagMinSize must be a tuple of FlagMinSize<Set, field, flag, size>");
    else
      for (const item of fm.items) {
        if (item.t !== "ref" || item.name !== "FlagMinSize" || item.args[0]?.t !== "ref") {
          r.error(item.loc, `expected FlagMinSize<Set, "field", "FLAG", size>, found ${describe(item)}`);
          continue;
        }
        const field = str(item.args[1], "FlagMinSize field", r, item.loc);
        const fl = str(item.args[2], "FlagMinSize flag", r, item.loc);
        const size = num(item.args[3], "FlagMinSize size", r, item.loc);
        if (field !== undefined && fl !== undefined && size !== undefined)
          flagMinSize.push({ set: item.args[0].name, field, flag: fl, size, loc: item.loc });
      }
  }
  const known = new Set([
    "versions",
    "sizeIn",
    "copy",
    "belowMin",
    "abovePage",
    "zeroMeansFirst",
    "writesBackSize",
    "tailMustBeZero",
    "zeroesTail",
    "flagMinSize",
  ]);
  for (const [k, pv] of p) if (!known.has(k)) r.error(pv.loc, `extensible: unknown setting "${k}"`);
  return {
    versions,
    sizeIn,
    copy: oneOf("copy", ["in", "out"] as const),
    belowMin: oneOf("belowMin", ["EINVAL", "E2BIG"] as const),
    abovePage: oneOf("abovePage", ["E2BIG", "EINVAL"] as const),
    zeroMeansFirst: flag("zeroMeansFirst"),
    writesBackSize: flag("writesBackSize"),
    tailMustBeZero: flag("tailMustBeZero"),
    zeroesTail: flag("zeroesTail"),
    flagMinSize,
  };
}

/** A value of a flag set or enum member, before ABI selectors are resolved. */
export interface RawMember {
  member: Omit<SetMember, "perAbi">;
  overrides: { selector: { name: string; loc: SourceLoc }[]; value: number; loc: SourceLoc }[];
}

export function parseMember(p: PropValue, r: Reporter): RawMember | undefined {
  let v = p.value;
  let composite = false;
  let since: string | null = null;
  if (v.t === "ref" && (v.name === "Flag" || v.name === "Composite")) {
    composite = v.name === "Composite";
    if (v.args[1]) since = version(v.args[1], `${v.name} since`, r, v.loc) ?? null;
    if (!v.args[0]) {
      r.error(v.loc, `${v.name}<value> needs a value`);
      return undefined;
    }
    v = v.args[0];
  }
  const tagSince = p.tags.since?.[0];
  if (since === null && tagSince !== undefined) since = checkVersionTag(tagSince, p.loc, r) ?? null;
  const overrides: RawMember["overrides"] = [];
  let value: number | undefined;
  if (v.t === "number") value = v.value;
  else if (v.t === "ref" && v.name === "PerAbi") {
    value = num(v.args[0], "PerAbi default", r, v.loc);
    const list = v.args[1];
    if (list?.t !== "tuple")
      r.error(list?.loc ?? v.loc, "PerAbi<default, [On<abis, value>, ...]> expects a tuple of On<>");
    else
      for (const o of list.items) {
        if (o.t !== "ref" || o.name !== "On" || o.args.length !== 2) {
          r.error(o.loc, `expected On<abis, value>, found ${describe(o)}`);
          continue;
        }
        const ov = num(o.args[1], "On<abis, value> value", r, o.loc);
        if (ov !== undefined)
          overrides.push({ selector: selectorNames(o.args[0]!, r), value: ov, loc: o.loc });
      }
  } else
    r.error(
      v.loc,
      `member ${p.name}: expected a number, Flag<>, Composite<> or PerAbi<>, found ${describe(v)}`,
    );
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value)) {
    r.error(v.loc, `member ${p.name}: value ${value} is not an exactly representable integer`);
    return undefined;
  }
  return { member: { name: p.name, value, composite, since, doc: p.doc, loc: p.loc }, overrides };
}
