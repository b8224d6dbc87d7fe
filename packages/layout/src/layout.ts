import {
  type Abi,
  type CompositeDecl,
  type Field,
  type Registry,
  RegistryIndex,
  SCALARS,
  type ScalarLayout,
  type TypeRef,
} from "@sysargs/model";

/** One member in a computed layout. Offsets are bytes from the start of the enclosing type. */
export interface FieldLayout {
  name: string;
  offset: number;
  size: number;
  /** C spelling of the member's type. */
  type: string;
  /**
   * For bitfields: the absolute bit offset from the start of the enclosing type in allocation
   * order (from the least significant bit of byte 0 on little-endian ABIs, from the most
   * significant bit on big-endian ones: DWARF's data_bit_offset and BTF's convention).
   */
  bitOffset?: number;
  bitSize?: number;
  /** Members of a nested struct or union, offsets relative to its start. */
  fields?: FieldLayout[];
  /** Set for anonymous struct/union members. */
  anonymous?: true;
}

export interface TypeLayout {
  abi: string;
  name: string;
  kind: "struct" | "union";
  size: number;
  align: number;
  fields: FieldLayout[];
}

/** A padding gap inside a struct, as pahole reports it. */
export interface Hole {
  /** Member after which the gap sits ("" for trailing padding). */
  after: string;
  offset: number;
  size: number;
}

export class LayoutError extends Error {
  override name = "LayoutError";
}

interface Laid {
  size: number;
  align: number;
  c: string;
  kind?: "struct" | "union";
  fields?: FieldLayout[];
}

/**
 * Computes C layouts the way each ABI's GCC does (System V rules): members at the next offset
 * aligned to their alignment, structs aligned to their strictest member and padded to a
 * multiple of it, unions sized to their largest member, packed structs with alignment 1, and
 * bitfields placed per GCC's PCC_BITFIELD_TYPE_MATTERS rule (a bitfield never spans more
 * alignment units of its declared type than the type itself occupies, and raises the struct's
 * alignment to the type's), except on ABIs where the declared type does not matter (m68k).
 * Results are cached per (ABI, type); the engine never mutates the registry.
 */
export class LayoutEngine {
  readonly index: RegistryIndex;
  private readonly cache = new Map<string, Laid>();
  private readonly active = new Set<string>();

  constructor(registry: Registry | RegistryIndex) {
    this.index = registry instanceof RegistryIndex ? registry : new RegistryIndex(registry);
  }

  private abiOf(abiName: string): Abi {
    const abi = this.index.abi(abiName);
    if (!abi) throw new LayoutError(`unknown ABI "${abiName}"`);
    return abi;
  }

  /** Layout of a named struct, union or per-ABI variant on an ABI (name or alias). */
  layout(typeName: string, abiName: string): TypeLayout {
    const abi = this.abiOf(abiName);
    const laid = this.named(typeName, abi);
    return {
      abi: abi.name,
      name: typeName,
      kind: laid.kind ?? "struct",
      size: laid.size,
      align: laid.align,
      fields: laid.fields ?? [],
    };
  }

  /** Size and alignment of a scalar word on an ABI. */
  scalar(name: string, abiName: string): ScalarLayout {
    return this.scalarOf(name, this.abiOf(abiName));
  }

  /** Size, alignment and C spelling of any type reference on an ABI. */
  typeRef(ref: TypeRef, abiName: string): { size: number; align: number; c: string } {
    const { size, align, c } = this.ref(ref, this.abiOf(abiName));
    return { size, align, c };
  }

  private scalarOf(name: string, abi: Abi): ScalarLayout {
    const info = SCALARS[name];
    if (!info) throw new LayoutError(`unknown scalar "${name}"`);
    if (info.base === "void") throw new LayoutError(`"${name}" has no size`);
    if (info.base === "aligned_u64") return { size: 8, align: 8 };
    return abi.scalars[info.base];
  }

  private named(name: string, abi: Abi): Laid {
    const key = `${abi.name}\0${name}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const decl = this.index.type(name);
    if (!decl) throw new LayoutError(`unknown type "${name}"`);
    const comp = this.index.composite(name, abi.name);
    if (!comp) throw new LayoutError(`type "${name}" has no variant for ABI ${abi.name}`);
    if (this.active.has(key)) throw new LayoutError(`type "${name}" contains itself by value`);
    this.active.add(key);
    try {
      const laid = this.composite(comp, abi);
      // The type's own C spelling (a per-ABI variant's, not its alternative's: `struct stat`).
      const named: Laid = { ...laid, c: decl.c.spelling };
      this.cache.set(key, named);
      return named;
    } finally {
      this.active.delete(key);
    }
  }

  private ref(ref: TypeRef, abi: Abi): Laid {
    switch (ref.kind) {
      case "scalar": {
        const s = this.scalarOf(ref.name, abi);
        return { ...s, c: SCALARS[ref.name]!.c };
      }
      case "named":
        return this.named(ref.name, abi);
      case "pointer": {
        if (ref.width === "u64") {
          const storage = ref.storage ?? "aligned_u64";
          return { ...this.scalarOf(storage, abi), c: SCALARS[storage]!.c };
        }
        return { ...abi.scalars.pointer, c: `${pointeeC(ref.to, this, abi)} *` };
      }
      case "array": {
        const el = this.ref(ref.of, abi);
        if ("fixed" in ref.length)
          return { size: el.size * ref.length.fixed, align: el.align, c: `${el.c}[${ref.length.fixed}]` };
        // Counted and flexible arrays occupy no bytes in place: their elements follow.
        return { size: 0, align: el.align, c: `${el.c}[]` };
      }
      case "bits":
        return { ...this.scalarOf(ref.base, abi), c: SCALARS[ref.base]!.c };
      case "anon":
        return { ...this.fields(ref.composite, ref.fields, abi, false, null), c: ref.composite };
    }
  }

  private composite(decl: CompositeDecl, abi: Abi): Laid {
    const packed = decl.packedOn.includes(abi.name);
    return this.fields(decl.kind, decl.fields, abi, packed, decl.aligned);
  }

  private fields(
    kind: "struct" | "union",
    fields: Field[],
    abi: Abi,
    packed: boolean,
    aligned: number | null,
  ): Laid {
    let bit = 0; // next free bit (structs) or largest extent in bits (unions)
    let align = 1;
    const out: FieldLayout[] = [];
    for (const f of fields) {
      const laid = this.ref(f.type, abi);
      // packed lowers every member to byte alignment except an alignment the member's own type
      // carries as an attribute (__aligned_u64 is `__u64 __attribute__((aligned(8)))`).
      const memberAlign = packed ? attributeAlign(f.type) : laid.align;
      if (f.type.kind === "bits") {
        const width = f.type.width;
        const unitBits = laid.align * 8;
        let at = kind === "union" ? 0 : bit;
        if (!packed && abi.bitfieldTypeMatters) {
          const spans = Math.floor(((at % unitBits) + width + unitBits - 1) / unitBits);
          if (spans > Math.floor((laid.size * 8) / unitBits)) at = roundUp(at, unitBits);
          align = Math.max(align, laid.align);
        } else if (!packed && width === laid.size * 8 && at % unitBits === 0) {
          // Where the declared type does not matter (m68k), GCC still turns a full-width bitfield
          // at an aligned position into an ordinary member, which aligns the struct.
          align = Math.max(align, laid.align);
        }
        out.push({
          name: f.name,
          offset: Math.floor(at / 8),
          size: laid.size,
          type: laid.c,
          bitOffset: at,
          bitSize: width,
        });
        bit = kind === "union" ? Math.max(bit, width) : at + width;
        continue;
      }
      const offset = kind === "union" ? 0 : roundUp(Math.ceil(bit / 8), memberAlign);
      const fl: FieldLayout = { name: f.name, offset, size: laid.size, type: laid.c };
      if (laid.fields) fl.fields = laid.fields;
      if (f.anonymous) fl.anonymous = true;
      out.push(fl);
      align = Math.max(align, memberAlign);
      bit = kind === "union" ? Math.max(bit, laid.size * 8) : (offset + laid.size) * 8;
    }
    if (aligned !== null) align = Math.max(align, aligned);
    return { size: roundUp(Math.ceil(bit / 8), align), align, kind, fields: out, c: kind };
  }
}

function pointeeC(to: TypeRef, engine: LayoutEngine, abi: Abi): string {
  if (to.kind === "scalar") return SCALARS[to.name]?.c ?? to.name;
  if (to.kind === "named") {
    const t = engine.index.type(to.name);
    return t ? t.c.spelling : `struct ${to.name}`;
  }
  if (to.kind === "array") return pointeeC(to.of, engine, abi);
  if (to.kind === "pointer") return `${pointeeC(to.to, engine, abi)} *`;
  return "void";
}

/** Alignment a type carries as an attribute, which survives __attribute__((packed)). */
function attributeAlign(t: TypeRef): number {
  const storage =
    t.kind === "scalar"
      ? t.name
      : t.kind === "pointer" && t.width === "u64"
        ? (t.storage ?? "aligned_u64")
        : undefined;
  return storage !== undefined && SCALARS[storage]?.base === "aligned_u64" ? 8 : 1;
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** Padding holes of a struct layout (top level), including trailing padding. */
export function holes(layout: TypeLayout): Hole[] {
  if (layout.kind === "union") return [];
  const out: Hole[] = [];
  let end = 0;
  let prev = "";
  for (const f of layout.fields) {
    const fEnd = f.bitSize !== undefined ? Math.ceil((f.bitOffset! + f.bitSize) / 8) : f.offset + f.size;
    const start = f.bitSize !== undefined ? Math.floor(f.bitOffset! / 8) : f.offset;
    if (start > end) out.push({ after: prev, offset: end, size: start - end });
    end = Math.max(end, fEnd);
    prev = f.name;
  }
  if (layout.size > end) out.push({ after: "", offset: end, size: layout.size - end });
  return out;
}

/** Byte offset just past a top-level member (C's offsetofend), for version-size checks. */
export function offsetOfEnd(layout: TypeLayout, field: string): number | undefined {
  const f = layout.fields.find((x) => x.name === field);
  if (!f) return undefined;
  return f.bitSize !== undefined ? Math.ceil((f.bitOffset! + f.bitSize) / 8) : f.offset + f.size;
}
