import type { FlatField, GeneratorContext } from "@sysargs/codegen";
import type { FieldLayout, TypeLayout } from "@sysargs/layout";
import {
  type Abi,
  type CompositeDecl,
  type Field,
  SCALARS,
  type TypeDecl,
  type TypeRef,
} from "@sysargs/model";
import { type MacroSet, memberMacro, tagOf, typeMacro } from "./names.js";

/** One type as one ABI's header emits it. */
export interface EmittedType {
  /** The registry name: a composite, or a variant resolved to this ABI's alternative. */
  readonly name: string;
  readonly decl: CompositeDecl;
  readonly layout: TypeLayout;
  readonly members: readonly FlatField[];
  /** The type the registry declares under `name` (the variant, for a variant). */
  readonly declared: TypeDecl;
}

/**
 * The types one ABI's header declares, dependencies first (a member's type before the struct
 * that holds it by value), otherwise by name. A variant is emitted under its own name with this
 * ABI's alternative as its body (`struct sysargs_stat` is stat_x86_64 on x86_64); alternatives
 * are not emitted on their own unless a member names one directly. Types the ABI does not have
 * (no layout) are left out.
 */
export function typesOf(ctx: GeneratorContext, abi: Abi): EmittedType[] {
  const alternatives = new Set(
    ctx.registry.types.flatMap((t) => (t.kind === "variant" ? t.alternatives.map((a) => a.type) : [])),
  );
  const byName = new Map<string, EmittedType>();
  const visiting = new Set<string>();
  const order: EmittedType[] = [];
  const visit = (name: string): void => {
    if (byName.has(name) || visiting.has(name)) return;
    const declared = ctx.index.type(name);
    const decl = ctx.index.composite(name, abi.name);
    if (!declared || !decl) return;
    let layout: TypeLayout;
    try {
      layout = ctx.layout(name, abi.name);
    } catch {
      return; // not laid out on this ABI
    }
    visiting.add(name);
    for (const dep of byValueDeps(decl.fields)) visit(dep);
    visiting.delete(name);
    const t = { name, decl, layout, members: ctx.members(name, abi.name), declared };
    byName.set(name, t);
    order.push(t);
  };
  const roots = ctx.registry.types
    .filter((t) => !alternatives.has(t.name))
    .map((t) => t.name)
    .sort();
  for (const r of roots) visit(r);
  return order;
}

/** Named types held by value (members, arrays, anonymous members), in declaration order. */
function byValueDeps(fields: readonly Field[]): string[] {
  const out: string[] = [];
  const walk = (t: TypeRef): void => {
    if (t.kind === "named") out.push(t.name);
    else if (t.kind === "array") walk(t.of);
    else if (t.kind === "anon") for (const f of t.fields) walk(f.type);
  };
  for (const f of fields) walk(f.type);
  return out;
}

/** The C spelling of a scalar on an ABI, as plain C types (no kernel typedefs needed). */
export function scalarC(name: string, abi: Abi): string {
  const info = SCALARS[name];
  if (!info) throw new Error(`gen-c: unknown scalar "${name}"`);
  const u = info.signed ? "" : "unsigned ";
  switch (info.base) {
    case "void":
      return name === "cstring" ? "char" : "void";
    case "char":
      // Plain char keeps the ABI's signedness (the kernel's char arrays); the rest say theirs.
      return name === "char" ? "char" : info.signed ? "signed char" : "unsigned char";
    case "short":
    case "int":
    case "long":
      return `${u}${info.base}`;
    case "longlong":
      return `${u}long long`;
    case "aligned_u64":
      return info.signed ? "sysargs_aligned_s64" : "sysargs_aligned_u64";
    case "kernel_long_t":
    case "size_t":
      // __kernel_long_t / __kernel_size_t are long everywhere but x32 (long long, 8 bytes).
      return abi.scalars[info.base].size === abi.scalars.long.size ? `${u}long` : `${u}long long`;
    case "pointer":
      return "void *";
  }
}

/** The C type of a reference, and the declarator suffix an array adds. */
function cDecl(ref: TypeRef, abi: Abi, ctx: GeneratorContext): { type: string; suffix: string } {
  switch (ref.kind) {
    case "scalar":
      return { type: scalarC(ref.name, abi), suffix: "" };
    case "named": {
      const d = ctx.index.composite(ref.name, abi.name);
      return { type: `${d?.kind ?? "struct"} ${tagOf(ref.name)}`, suffix: "" };
    }
    case "pointer": {
      if (ref.width === "u64") return { type: scalarC(ref.storage ?? "aligned_u64", abi), suffix: "" };
      const to = ref.to.kind === "scalar" || ref.to.kind === "named" ? cDecl(ref.to, abi, ctx).type : "void";
      return { type: `${ref.direction === "in" ? "const " : ""}${to} *`, suffix: "" };
    }
    case "array": {
      const inner = cDecl(ref.of, abi, ctx);
      const n = "fixed" in ref.length ? String(ref.length.fixed) : "";
      return { type: inner.type, suffix: `[${n}]${inner.suffix}` };
    }
    case "bits":
      return { type: scalarC(ref.base, abi), suffix: `:${ref.width}` };
    case "anon":
      return { type: ref.composite, suffix: "" };
  }
}

/** One line of a doc comment: the first sentence-ish line, without comment terminators. */
export function docLine(doc: string): string {
  return (doc.split("\n")[0] ?? "").replaceAll("*/", "* /").trim();
}

/** The members of a composite as C declarations, indented by `depth` tabs. */
function memberLines(
  fields: readonly Field[],
  layouts: readonly FieldLayout[],
  abi: Abi,
  ctx: GeneratorContext,
  depth: number,
): string[] {
  const tab = "\t".repeat(depth);
  const lines: string[] = [];
  fields.forEach((f, i) => {
    const l = layouts[i];
    const doc = docLine(f.doc);
    const note = doc ? ` /* ${doc} */` : "";
    if (f.type.kind === "anon") {
      // Anonymous members are C11; __extension__ lets C99 and C++ compilers accept them quietly.
      lines.push(`${tab}${f.anonymous ? "__extension__ " : ""}${f.type.composite} {${note}`);
      lines.push(...memberLines(f.type.fields, l?.fields ?? [], abi, ctx, depth + 1));
      lines.push(`${tab}}${f.anonymous ? "" : ` ${f.name}`};`);
      return;
    }
    const d = cDecl(f.type, abi, ctx);
    const flexible = f.type.kind === "array" && !("fixed" in f.type.length);
    // Bitfields of other types than int, and flexible arrays in C++, are extensions every
    // compiler of these ABIs supports; __extension__ keeps -pedantic quiet about them.
    const ext = f.type.kind === "bits" || flexible ? "__extension__ " : "";
    const sep = d.type.endsWith("*") ? "" : " ";
    lines.push(`${tab}${ext}${d.type}${sep}${f.name}${d.suffix};${note}`);
  });
  return lines;
}

/** The attributes a composite needs on an ABI beyond natural C layout. */
function attributes(decl: CompositeDecl, abi: Abi): string {
  const attrs: string[] = [];
  if (decl.packedOn.includes(abi.name)) attrs.push("__packed__");
  if (decl.aligned !== null) attrs.push(`__aligned__(${decl.aligned})`);
  return attrs.length ? ` __attribute__((${attrs.join(", ")}))` : "";
}

/** The definition of one type on one ABI. */
export function definition(t: EmittedType, abi: Abi, ctx: GeneratorContext): string {
  const c = t.declared.c;
  const about = [
    docLine(t.declared.doc),
    `The kernel's ${c.spelling}${c.headers.length ? ` (<${c.headers.join(">, <")}>)` : ""}.`,
  ].filter((s) => s !== "");
  if (t.declared.kind === "variant") about.push(`On ${abi.name} it is laid out as ${t.decl.name}.`);
  if (t.decl.packedOn.includes(abi.name)) about.push(`Packed on ${abi.name}, as the kernel declares it.`);
  return [
    `/* ${about.join("\n * ")} */`,
    `${t.decl.kind} ${tagOf(t.name)} {`,
    ...memberLines(t.decl.fields, t.layout.fields, abi, ctx, 1),
    `}${attributes(t.decl, abi)};`,
  ].join("\n");
}

/**
 * The layout macros of one type: its size and alignment, each member's offset, size and
 * alignment-free facts (bitfields: bit offset and width), and its version sizes.
 */
export function layoutMacros(t: EmittedType, macros: MacroSet): string[] {
  const stem = typeMacro(t.name);
  const lines: string[] = [];
  const def = (name: string, value: string | number, comment = "") => {
    macros.define(name, String(value), `${t.name}`);
    lines.push(`#define ${name} ${value}${comment ? ` /* ${comment} */` : ""}`);
  };
  def(`${stem}_SIZEOF`, t.layout.size);
  def(`${stem}_ALIGNOF`, t.layout.align);
  const ext = t.decl.extensible;
  if (ext)
    for (const v of ext.versions) {
      const name = v.macro
        ? `SYSARGS_${v.macro.replace(/^_+/, "")}`
        : `${stem}_SIZE_${v.since.replace(".", "_")}`;
      def(name, v.size, `Linux ${v.since}`);
    }
  for (const m of t.members) {
    const mm = memberMacro(t.name, m.path);
    const since = m.since ? `since Linux ${m.since}` : "";
    if (m.bitSize !== undefined && m.bitOffset !== undefined) {
      def(`${mm}_BIT_OFFSET`, m.bitOffset, `bitfield ${m.path}${since ? `, ${since}` : ""}`);
      def(`${mm}_BIT_WIDTH`, m.bitSize);
      continue;
    }
    def(`${mm}_OFFSET`, m.offset, since);
    if (m.sized) def(`${mm}_SIZE`, m.size);
  }
  return lines;
}

/** The static assertions that pin a type's layout to its macros (bitfields: their unit only). */
export function layoutAsserts(t: EmittedType): string[] {
  const stem = typeMacro(t.name);
  const T = `${t.decl.kind} ${tagOf(t.name)}`;
  const lines = [
    `SYSARGS_STATIC_ASSERT(sizeof(${T}) == ${stem}_SIZEOF, "size of ${tagOf(t.name)}");`,
    `SYSARGS_STATIC_ASSERT(SYSARGS_ALIGNOF(${T}) == ${stem}_ALIGNOF, "alignment of ${tagOf(t.name)}");`,
  ];
  for (const m of t.members) {
    if (m.bitSize !== undefined) continue; // offsetof and sizeof do not apply to bitfields
    const mm = memberMacro(t.name, m.path);
    lines.push(`SYSARGS_STATIC_ASSERT(offsetof(${T}, ${m.path}) == ${mm}_OFFSET, "offset of ${m.path}");`);
    if (m.sized)
      lines.push(`SYSARGS_STATIC_ASSERT(sizeof(((${T} *)0)->${m.path}) == ${mm}_SIZE, "size of ${m.path}");`);
  }
  return lines;
}
