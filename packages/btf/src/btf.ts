import { BtfError } from "./btf-error.js";
import {
  type BtfTable,
  KIND_ARRAY,
  KIND_CONST,
  KIND_DATASEC,
  KIND_ENUM,
  KIND_ENUM64,
  KIND_FLOAT,
  KIND_FUNC_PROTO,
  KIND_FWD,
  KIND_INT,
  KIND_PTR,
  KIND_RESTRICT,
  KIND_STRUCT,
  KIND_TYPE_TAG,
  KIND_TYPEDEF,
  KIND_UNION,
  KIND_VAR,
  KIND_VOLATILE,
  kindName,
  parseBtfTable,
} from "./btf-table.js";

/** One member of a struct or union, as laid out by the compiler that produced the BTF. */
export interface BtfMember {
  /** Member name; "" for an anonymous struct/union member. */
  readonly name: string;
  /** Byte offset from the start of the enclosing composite (floor of the bit offset / 8). */
  readonly offset: number;
  /** Bitfields only: absolute bit offset from the start of the enclosing composite. */
  readonly bitOffset?: number;
  /** Bitfields only: width in bits. */
  readonly bitSize?: number;
  /** Byte size of the member's type; for a bitfield, the size of its declared integer type. */
  readonly size: number;
  /**
   * C spelling of the member's type: "__u64", "struct foo", "union {...}", "__u32[4]", "char *".
   * Names come from typedefs in BTF, so macros never appear: a uapi `__aligned_u64`
   * field (a macro for `__u64 __attribute__((aligned(8)))`) is spelled "__u64".
   */
  readonly typeName: string;
  /**
   * Present when the member's type (through typedefs and qualifiers) is a struct or
   * union; offsets inside are relative to the start of that nested type.
   */
  readonly members?: readonly BtfMember[];
}

export interface BtfComposite {
  readonly kind: "struct" | "union";
  /** "" for an anonymous struct/union. */
  readonly name: string;
  readonly size: number;
  /** Inferred alignment in bytes; BTF does not record it (rule and blind spots in btf.ts, `alignOf`). */
  readonly align: number;
  readonly members: readonly BtfMember[];
}

export interface BtfEnumerator {
  readonly name: string;
  /** A number when exactly representable (|v| <= 2^53 - 1), a bigint otherwise (ENUM64 only). */
  readonly value: number | bigint;
}

export interface BtfEnum {
  /** "" for an anonymous enum. */
  readonly name: string;
  readonly size: number;
  readonly signed: boolean;
  readonly values: readonly BtfEnumerator[];
}

/**
 * Bound on typedef/qualifier/pointer/array hops and on struct nesting. Real kernel
 * chains are a handful deep; the bound only exists so a malicious blob with a cycle
 * (typedef A -> typedef B -> typedef A) ends in a BtfError rather than a hang.
 */
const MAX_DEPTH = 256;

/**
 * Bound on the work of spelling one type name. Function prototypes fan out (every
 * parameter is spelled), so a crafted blob of prototypes whose parameters are further
 * prototypes would otherwise take exponential time; real names need a few dozen steps.
 */
const MAX_SPELL_STEPS = 10_000;

/** x86_64 (and every other 64-bit Linux ABI); overridden from the blob's own "long" when present. */
const DEFAULT_POINTER_SIZE = 8;

const EMPTY: readonly BtfMember[] = Object.freeze([]);

/** Parses a raw BTF blob (e.g. the contents of /sys/kernel/btf/vmlinux). Throws {@link BtfError}. */
export function parseBtf(bytes: Uint8Array): Btf {
  return new Btf(parseBtfTable(bytes));
}

/**
 * A parsed BTF blob. Parsing only locates and validates records; names are decoded and
 * layouts computed on first use and then cached, which keeps parsing the multi-megabyte
 * vmlinux blob cheap when only a few dozen structs are ever looked at.
 */
export class Btf {
  private readonly t: BtfTable;
  private compositeIndex: { structs: Map<string, number>; unions: Map<string, number> } | undefined;
  private enumIndex: Map<string, number> | undefined;
  private enumeratorIndex: Map<string, number | bigint> | undefined;
  private readonly composites = new Map<number, BtfComposite>();
  private readonly inProgress = new Set<number>();
  private readonly typeNames = new Map<number, string>();
  private spellBudget = 0;
  private ptrSize: number | undefined;

  /** @internal use {@link parseBtf}. */
  constructor(table: BtfTable) {
    this.t = table;
  }

  /** Number of type ids, counting the implicit void type 0. */
  get typeCount(): number {
    return this.t.count;
  }

  /**
   * BTF has no pointer size of its own, so it is taken from the blob's "long" integer
   * (LP64 and ILP32 both make long pointer-sized), falling back to 8.
   */
  get pointerSize(): number {
    if (this.ptrSize === undefined) {
      this.ptrSize = DEFAULT_POINTER_SIZE;
      const { kinds } = this.t;
      for (let id = 1; id < kinds.length; id++) {
        if (kinds[id] !== KIND_INT) continue;
        const name = this.t.nameOf(id);
        if (name === "long int" || name === "long unsigned int") {
          this.ptrSize = this.t.sizeOrType(id);
          break;
        }
      }
    }
    return this.ptrSize;
  }

  /** First struct or union (or only the given kind) named `name`; forward declarations are skipped. */
  findComposite(name: string, kind?: "struct" | "union"): BtfComposite | undefined {
    const index = this.buildCompositeIndex();
    let id: number | undefined;
    if (kind === "struct") id = index.structs.get(name);
    else if (kind === "union") id = index.unions.get(name);
    else {
      const s = index.structs.get(name);
      const u = index.unions.get(name);
      id = s === undefined ? u : u === undefined ? s : Math.min(s, u);
    }
    return id === undefined ? undefined : this.composite(id);
  }

  /** First enum (32- or 64-bit) named `name`. */
  findEnum(name: string): BtfEnum | undefined {
    if (this.enumIndex === undefined) {
      const index = new Map<string, number>();
      const { kinds } = this.t;
      for (let id = 1; id < kinds.length; id++) {
        const k = kinds[id];
        if (k !== KIND_ENUM && k !== KIND_ENUM64) continue;
        const n = this.t.nameOf(id);
        if (n !== "" && !index.has(n)) index.set(n, id);
      }
      this.enumIndex = index;
    }
    const id = this.enumIndex.get(name);
    return id === undefined ? undefined : this.readEnum(id);
  }

  /**
   * Value of the enumerator `name` from any enum, named or anonymous (the kernel defines
   * many constants in anonymous enums). C enumerator names share one namespace, so the
   * first definition in type-id order wins.
   */
  enumValue(name: string): number | bigint | undefined {
    if (this.enumeratorIndex === undefined) {
      const index = new Map<string, number | bigint>();
      const { kinds } = this.t;
      for (let id = 1; id < kinds.length; id++) {
        const k = kinds[id];
        if (k !== KIND_ENUM && k !== KIND_ENUM64) continue;
        for (const v of this.readEnum(id).values) if (!index.has(v.name)) index.set(v.name, v.value);
      }
      this.enumeratorIndex = index;
    }
    return this.enumeratorIndex.get(name);
  }

  private buildCompositeIndex(): { structs: Map<string, number>; unions: Map<string, number> } {
    if (this.compositeIndex === undefined) {
      const structs = new Map<string, number>();
      const unions = new Map<string, number>();
      const { kinds } = this.t;
      for (let id = 1; id < kinds.length; id++) {
        const k = kinds[id];
        if (k !== KIND_STRUCT && k !== KIND_UNION) continue;
        const n = this.t.nameOf(id);
        if (n === "") continue;
        const map = k === KIND_STRUCT ? structs : unions;
        if (!map.has(n)) map.set(n, id);
      }
      this.compositeIndex = { structs, unions };
    }
    return this.compositeIndex;
  }

  private readEnum(id: number): BtfEnum {
    const t = this.t;
    const signed = t.kindFlag(id);
    const vlen = t.vlen(id);
    const data = t.dataAt(id);
    const values: BtfEnumerator[] = [];
    if (t.kind(id) === KIND_ENUM) {
      for (let i = 0; i < vlen; i++) {
        const raw = t.u32(data + i * 8 + 4);
        values.push({ name: t.str(t.u32(data + i * 8)), value: signed ? raw | 0 : raw });
      }
    } else {
      for (let i = 0; i < vlen; i++) {
        const p = data + i * 12;
        const lo = t.u32(p + 4);
        const hi = t.u32(p + 8);
        const big = (BigInt(hi) << 32n) | BigInt(lo);
        const value = signed ? BigInt.asIntN(64, big) : big;
        const small = value >= -9007199254740991n && value <= 9007199254740991n;
        values.push({ name: t.str(t.u32(p)), value: small ? Number(value) : value });
      }
    }
    return { name: t.nameOf(id), size: t.sizeOrType(id), signed, values };
  }

  /** Follows typedefs, qualifiers and type tags to the type that determines layout. */
  private resolve(id: number): number {
    const t = this.t;
    for (let hops = 0; hops < MAX_DEPTH; hops++) {
      const k = t.kind(id);
      if (
        k !== KIND_TYPEDEF &&
        k !== KIND_CONST &&
        k !== KIND_VOLATILE &&
        k !== KIND_RESTRICT &&
        k !== KIND_TYPE_TAG
      ) {
        return id;
      }
      id = t.sizeOrType(id);
    }
    throw new BtfError(`type chain through id ${id} is cyclic or deeper than ${MAX_DEPTH}`);
  }

  /** Byte size of an object of type `id`; 0 for void, forward declarations and functions. */
  private sizeOf(id: number, depth = 0): number {
    if (depth > MAX_DEPTH) throw new BtfError(`array nesting through type id ${id} is too deep or cyclic`);
    const r = this.resolve(id);
    const t = this.t;
    switch (t.kind(r)) {
      case KIND_INT:
      case KIND_FLOAT:
      case KIND_ENUM:
      case KIND_ENUM64:
      case KIND_STRUCT:
      case KIND_UNION:
      case KIND_DATASEC:
        return t.sizeOrType(r);
      case KIND_PTR:
        return this.pointerSize;
      case KIND_ARRAY: {
        const data = t.dataAt(r);
        return t.u32(data + 8) * this.sizeOf(t.u32(data), depth + 1);
      }
      case KIND_VAR:
        return this.sizeOf(t.sizeOrType(r), depth + 1);
      default:
        return 0;
    }
  }

  /**
   * Alignment of type `id`, inferred because BTF does not record alignment:
   * - int, float, enum and pointer: their byte size (x86_64 SysV: __int128 and long
   *   double are 16-aligned too). A size that is not a power of two (never produced by
   *   C compilers) falls back to its largest power-of-two divisor.
   * - array: its element's alignment; typedef/const/volatile/restrict: the target's.
   * - struct/union: the largest member alignment, unless the layout proves the type was
   *   packed: the size is not a multiple of that alignment, a member sits at an offset
   *   that is not a multiple of its own alignment, or a bitfield straddles a unit of its
   *   declared type's alignment (which a non-packed x86_64 layout never does). Then 1.
   * - void, forward declarations, functions: 1.
   * Known blind spots, because the attributes leave no trace in BTF: an explicit
   * __attribute__((aligned(N))) above the natural value is not seen (we under-report),
   * and a packed type whose members all happen to be naturally placed is reported with
   * its natural alignment. A single member marked packed, or one whose typedef lowers
   * the alignment (compat_u64 is a u64 aligned to 4), makes the whole struct report 1,
   * though the compiler would still use the other members' alignment.
   */
  private alignOf(id: number, depth = 0): number {
    if (depth > MAX_DEPTH) throw new BtfError(`type nesting through id ${id} is too deep or cyclic`);
    const r = this.resolve(id);
    const t = this.t;
    switch (t.kind(r)) {
      case KIND_INT:
      case KIND_FLOAT:
      case KIND_ENUM:
      case KIND_ENUM64: {
        const size = t.sizeOrType(r);
        return size === 0 ? 1 : size & -size;
      }
      case KIND_PTR:
        return this.pointerSize;
      case KIND_ARRAY:
        return this.alignOf(t.u32(t.dataAt(r)), depth + 1);
      case KIND_STRUCT:
      case KIND_UNION:
        return this.composite(r).align;
      default:
        return 1;
    }
  }

  /** Layout of the struct/union with type id `id`, computed once and cached (frozen). */
  private composite(id: number): BtfComposite {
    const cached = this.composites.get(id);
    if (cached !== undefined) return cached;
    const t = this.t;
    if (this.inProgress.has(id) || this.inProgress.size > MAX_DEPTH) {
      throw new BtfError(`${kindName(t.kind(id))} type id ${id} contains itself or nests too deeply`);
    }
    this.inProgress.add(id);
    try {
      const size = t.sizeOrType(id);
      const hasBitfieldSizes = t.kindFlag(id);
      const vlen = t.vlen(id);
      const data = t.dataAt(id);
      const members: BtfMember[] = [];
      let natural = 1;
      let packed = false;
      for (let i = 0; i < vlen; i++) {
        const p = data + i * 12;
        const name = t.str(t.u32(p));
        const type = t.u32(p + 4);
        const word = t.u32(p + 8);
        // With kind_flag the offset word packs the bitfield width on top; without it the
        // width lives in the INT encoding (older producers), together with an extra offset.
        let bitOffset = hasBitfieldSizes ? word & 0xffffff : word;
        let bitSize = hasBitfieldSizes ? word >>> 24 : 0;
        const resolved = this.resolve(type);
        if (!hasBitfieldSizes && t.kind(resolved) === KIND_INT) {
          const enc = t.u32(t.dataAt(resolved));
          const nrBits = enc & 0xff;
          const intOffset = (enc >>> 16) & 0xff;
          if (intOffset !== 0 || nrBits !== t.sizeOrType(resolved) * 8) {
            bitOffset += intOffset;
            bitSize = nrBits;
          }
        }

        const memberSize = this.sizeOf(type);
        const align = this.alignOf(type);
        if (align > natural) natural = align;
        if (bitSize > 0) {
          const unit = align * 8;
          if (Math.floor(bitOffset / unit) !== Math.floor((bitOffset + bitSize - 1) / unit)) packed = true;
        } else if (bitOffset % (align * 8) !== 0) {
          packed = true;
        }

        const rk = t.kind(resolved);
        const nested = rk === KIND_STRUCT || rk === KIND_UNION ? this.composite(resolved).members : undefined;
        const member: {
          name: string;
          offset: number;
          bitOffset?: number;
          bitSize?: number;
          size: number;
          typeName: string;
          members?: readonly BtfMember[];
        } = { name, offset: Math.floor(bitOffset / 8), size: memberSize, typeName: this.typeName(type) };
        if (bitSize > 0) {
          member.bitOffset = bitOffset;
          member.bitSize = bitSize;
        }
        if (nested !== undefined) member.members = nested;
        members.push(Object.freeze(member));
      }
      if (size % natural !== 0) packed = true;
      const result: BtfComposite = Object.freeze({
        kind: t.kind(id) === KIND_UNION ? "union" : "struct",
        name: t.nameOf(id),
        size,
        align: packed ? 1 : natural,
        members: members.length === 0 ? EMPTY : Object.freeze(members),
      });
      this.composites.set(id, result);
      return result;
    } finally {
      this.inProgress.delete(id);
    }
  }

  /** C spelling of type `id` as an abstract declarator ("char *", "__u32[4]", "int (*)[2]"). */
  private typeName(id: number): string {
    let name = this.typeNames.get(id);
    if (name === undefined) {
      this.spellBudget = MAX_SPELL_STEPS;
      name = this.spell(id, "", 0);
      this.typeNames.set(id, name);
    }
    return name;
  }

  /**
   * Builds a C declarator inside-out: `inner` is what has been applied so far (pointer
   * stars, array bounds), and each step wraps it the way C syntax requires, e.g. an array
   * of pointers "*[4]" versus a pointer to an array "(*)[4]".
   */
  private spell(id: number, inner: string, depth: number): string {
    if (depth > MAX_DEPTH || --this.spellBudget < 0) {
      throw new BtfError(`type spelling through id ${id} is too deep, too large or cyclic`);
    }
    const t = this.t;
    const kind = t.kind(id);
    const name = t.nameOf(id);
    switch (kind) {
      case KIND_PTR:
        return this.spell(t.sizeOrType(id), `*${inner}`, depth + 1);
      case KIND_ARRAY: {
        const data = t.dataAt(id);
        const declarator = inner.startsWith("*") ? `(${inner})` : inner;
        return this.spell(t.u32(data), `${declarator}[${t.u32(data + 8)}]`, depth + 1);
      }
      case KIND_FUNC_PROTO: {
        const data = t.dataAt(id);
        const params: string[] = [];
        for (let i = 0; i < t.vlen(id); i++) {
          const p = data + i * 8;
          const type = t.u32(p + 4);
          // A trailing (name 0, type 0) parameter is how BTF encodes "...".
          params.push(type === 0 && t.u32(p) === 0 ? "..." : this.spell(type, "", depth + 1));
        }
        const declarator = inner.startsWith("*") ? `(${inner})` : inner;
        const list = params.length === 0 ? "void" : params.join(", ");
        return this.spell(t.sizeOrType(id), `${declarator}(${list})`, depth + 1);
      }
      case KIND_CONST:
      case KIND_VOLATILE:
      case KIND_RESTRICT: {
        const qualifier = kind === KIND_CONST ? "const" : kind === KIND_VOLATILE ? "volatile" : "restrict";
        const target = t.sizeOrType(id);
        // A qualified pointer puts the qualifier after the star ("char *const"); anything
        // else takes it in front ("const char", "const int[4]").
        if (t.kind(this.skipTypeTags(target)) === KIND_PTR) {
          return this.spell(target, inner === "" ? qualifier : `${qualifier} ${inner}`, depth + 1);
        }
        return `${qualifier} ${this.spell(target, inner, depth + 1)}`;
      }
      // Type tags (e.g. __user) are attributes, not part of the C type spelling.
      case KIND_TYPE_TAG:
      case KIND_VAR:
        return this.spell(t.sizeOrType(id), inner, depth + 1);
      default:
        return join(this.baseName(id, kind, name), inner);
    }
  }

  private skipTypeTags(id: number): number {
    for (let hops = 0; hops < MAX_DEPTH && this.t.kind(id) === KIND_TYPE_TAG; hops++)
      id = this.t.sizeOrType(id);
    return id;
  }

  private baseName(id: number, kind: number, name: string): string {
    switch (kind) {
      case 0:
        return "void";
      case KIND_STRUCT:
        return name === "" ? "struct {...}" : `struct ${name}`;
      case KIND_UNION:
        return name === "" ? "union {...}" : `union ${name}`;
      case KIND_ENUM:
      case KIND_ENUM64:
        return name === "" ? "enum {...}" : `enum ${name}`;
      case KIND_FWD:
        // kind_flag distinguishes "union foo;" from "struct foo;".
        return `${this.t.kindFlag(id) ? "union" : "struct"} ${name}`;
      default:
        // int, float, typedef, func, datasec: the name is the spelling.
        return name;
    }
  }
}

/** "__u32" + "[4]" has no space; "char" + "*" does, matching how kernel headers are written. */
function join(base: string, inner: string): string {
  if (inner === "") return base;
  return inner.startsWith("[") ? `${base}${inner}` : `${base} ${inner}`;
}
