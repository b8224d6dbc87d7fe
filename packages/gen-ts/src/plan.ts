import type { GeneratorContext } from "@sysargs/codegen";
import type { FieldLayout } from "@sysargs/layout";
import { type Abi, type Field, SCALARS, type TypeRef } from "@sysargs/model";

/**
 * What a decoder reads for one member, with offsets from the start of the type being decoded:
 * the plan the emitter prints, computed from the IR and the layout engine only (no TypeScript yet).
 */
export type Member =
  | {
      kind: "int";
      name: string;
      /** The member's path in the decoded object ("flags", "ts.tv_sec"), for errors. */
      path: string;
      offset: number;
      size: 1 | 2 | 4 | 8;
      signed: boolean;
      /** The flag set or enum the kernel interprets it with. */
      set?: string;
    }
  | { kind: "bits"; name: string; path: string; bit: number; width: number; set?: string }
  | { kind: "array"; name: string; path: string; offset: number; length: number; stride: number; of: Element }
  | { kind: "struct"; name: string; path: string; offset: number; type: string }
  | { kind: "inline"; name: string; path: string; offset: number; union: boolean; members: Member[] };

/** An array element: a member without a name or path of its own. */
export type Element =
  | { kind: "int"; size: 1 | 2 | 4 | 8; signed: boolean }
  | { kind: "struct"; type: string };

export interface TypePlan {
  name: string;
  kind: "struct" | "union";
  size: number;
  align: number;
  members: Member[];
  /** Members the decoder leaves out: flexible and counted arrays (not part of the fixed size). */
  omitted: string[];
  /** Named types it reads through their own readers. */
  uses: Set<string>;
}

function scalarSigned(name: string, abi: Abi): boolean {
  if (name === "char") return abi.charSigned;
  return SCALARS[name]?.signed ?? false;
}

function intSize(size: number, where: string): 1 | 2 | 4 | 8 {
  if (size === 1 || size === 2 || size === 4 || size === 8) return size;
  throw new Error(`${where}: no integer reader for ${size} bytes`);
}

/** The element or scalar reading of `ref` (size from the layout), or undefined for other kinds. */
function element(
  ref: TypeRef,
  size: number,
  abi: Abi,
  where: string,
  uses: Set<string>,
): Element | undefined {
  if (ref.kind === "scalar")
    return { kind: "int", size: intSize(size, where), signed: scalarSigned(ref.name, abi) };
  if (ref.kind === "pointer")
    return {
      kind: "int",
      size: intSize(size, where),
      signed: ref.width === "u64" && ref.storage === "aligned_s64",
    };
  if (ref.kind === "named") {
    uses.add(ref.name);
    return { kind: "struct", type: ref.name };
  }
  return undefined;
}

/** The plan of `type` on `abi`; throws when the layout engine cannot lay it out there. */
export function planType(ctx: GeneratorContext, type: string, abi: Abi): TypePlan {
  const layout = ctx.layout(type, abi.name);
  const decl = ctx.index.composite(type, abi.name);
  if (!decl) throw new Error(`${type} has no composite on ${abi.name}`);
  const uses = new Set<string>();
  const omitted: string[] = [];
  const members = walk(decl.fields, layout.fields, 0, "", abi, `${type} on ${abi.name}`, uses, omitted);
  return { name: type, kind: layout.kind, size: layout.size, align: layout.align, members, omitted, uses };
}

function walk(
  fields: readonly Field[],
  layouts: readonly FieldLayout[],
  base: number,
  prefix: string,
  abi: Abi,
  where: string,
  uses: Set<string>,
  omitted: string[],
): Member[] {
  const out: Member[] = [];
  fields.forEach((f, i) => {
    const l = layouts[i];
    if (!l) throw new Error(`${where}: no layout for member ${f.name}`);
    const offset = base + l.offset;
    const t = f.type;
    if (f.anonymous) {
      // C11 anonymous members: their members are the parent's (clone_args has none, perf_event_attr many).
      if (t.kind !== "anon" || !l.fields)
        throw new Error(`${where}: anonymous member ${f.name} is not inline`);
      out.push(...walk(t.fields, l.fields, offset, prefix, abi, where, uses, omitted));
      return;
    }
    const path = `${prefix}${f.name}`;
    const set =
      f.ann.set !== undefined && (f.ann.kind === "flags" || f.ann.kind === "enum") ? f.ann.set : undefined;
    switch (t.kind) {
      case "bits": {
        if (l.bitOffset === undefined || l.bitSize === undefined)
          throw new Error(`${where}: ${path} has no bit position`);
        out.push({
          kind: "bits",
          name: f.name,
          path,
          bit: base * 8 + l.bitOffset,
          width: l.bitSize,
          ...(set ? { set } : {}),
        });
        return;
      }
      case "array": {
        if (!("fixed" in t.length)) {
          omitted.push(path);
          return;
        }
        const length = t.length.fixed;
        const of = element(t.of, length === 0 ? 0 : l.size / length, abi, `${where}: ${path}`, uses);
        if (!of) throw new Error(`${where}: ${path} is an array of ${t.of.kind}`);
        if (length === 0) {
          omitted.push(path);
          return;
        }
        out.push({ kind: "array", name: f.name, path, offset, length, stride: l.size / length, of });
        return;
      }
      case "anon": {
        if (!l.fields) throw new Error(`${where}: ${path} has no member layouts`);
        // Offsets stay absolute from the decoded type's start; the inline object only groups them.
        const members = walk(t.fields, l.fields, offset, `${path}.`, abi, where, uses, omitted);
        out.push({ kind: "inline", name: f.name, path, offset, union: t.composite === "union", members });
        return;
      }
      case "named": {
        uses.add(t.name);
        out.push({ kind: "struct", name: f.name, path, offset, type: t.name });
        return;
      }
      default: {
        const e = element(t, l.size, abi, `${where}: ${path}`, uses);
        if (e?.kind !== "int") throw new Error(`${where}: ${path} has no reader`);
        out.push({
          kind: "int",
          name: f.name,
          path,
          offset,
          size: e.size,
          signed: e.signed,
          ...(set ? { set } : {}),
        });
      }
    }
  });
  return out;
}
