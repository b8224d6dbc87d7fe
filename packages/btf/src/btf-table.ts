import { BtfError } from "./btf-error.js";

// Kind numbers as stored in bits 24..28 of btf_type.info.
export const KIND_INT = 1;
export const KIND_PTR = 2;
export const KIND_ARRAY = 3;
export const KIND_STRUCT = 4;
export const KIND_UNION = 5;
export const KIND_ENUM = 6;
export const KIND_FWD = 7;
export const KIND_TYPEDEF = 8;
export const KIND_VOLATILE = 9;
export const KIND_CONST = 10;
export const KIND_RESTRICT = 11;
export const KIND_FUNC = 12;
export const KIND_FUNC_PROTO = 13;
export const KIND_VAR = 14;
export const KIND_DATASEC = 15;
export const KIND_FLOAT = 16;
export const KIND_DECL_TAG = 17;
export const KIND_TYPE_TAG = 18;
export const KIND_ENUM64 = 19;

const KIND_NAMES = [
  "void",
  "int",
  "ptr",
  "array",
  "struct",
  "union",
  "enum",
  "fwd",
  "typedef",
  "volatile",
  "const",
  "restrict",
  "func",
  "func_proto",
  "var",
  "datasec",
  "float",
  "decl_tag",
  "type_tag",
  "enum64",
];

export function kindName(kind: number): string {
  return KIND_NAMES[kind] ?? `kind ${kind}`;
}

const BTF_MAGIC = 0xeb9f;
const BTF_VERSION = 1;
/** magic(2) version(1) flags(1) hdr_len type_off type_len str_off str_len (4 each). */
const HEADER_SIZE = 24;
/** struct btf_type: name_off, info, size_or_type. */
export const TYPE_RECORD_SIZE = 12;

/**
 * Bytes of kind-specific data that follow a btf_type record. Returns -1 for kinds
 * this parser does not know: their trailing length is unknowable, so nothing after
 * them could be located and the whole blob has to be rejected.
 */
function trailingSize(kind: number, vlen: number): number {
  switch (kind) {
    case KIND_INT:
    case KIND_VAR:
    case KIND_DECL_TAG:
      return 4;
    case KIND_PTR:
    case KIND_FWD:
    case KIND_TYPEDEF:
    case KIND_VOLATILE:
    case KIND_CONST:
    case KIND_RESTRICT:
    case KIND_FUNC:
    case KIND_FLOAT:
    case KIND_TYPE_TAG:
      return 0;
    case KIND_ARRAY:
      return 12;
    case KIND_STRUCT:
    case KIND_UNION:
    case KIND_DATASEC:
    case KIND_ENUM64:
      return vlen * 12;
    case KIND_ENUM:
    case KIND_FUNC_PROTO:
      return vlen * 8;
    default:
      return -1;
  }
}

/**
 * Low-level, validated view of a BTF blob: the byte offset of every type record, its
 * kind, and bounds-checked readers. Built by {@link parseBtfTable}; once it exists,
 * every record, trailing entry, referenced type id and name offset is known to be in
 * range, so the readers below need no further checks.
 */
export class BtfTable {
  /** Number of type ids, including the implicit id 0 (void). */
  readonly count: number;
  private readonly view: DataView;
  private readonly le: boolean;
  private readonly bytes: Uint8Array;
  private readonly strStart: number;
  private readonly strEnd: number;
  /** Absolute byte offset of each record, indexed by type id (entry 0 unused). */
  private readonly offsets: Uint32Array;
  /** Kind of each type id (entry 0 is 0, i.e. void). */
  readonly kinds: Uint8Array;
  private readonly strings = new Map<number, string>();
  private readonly decoder = new TextDecoder();

  constructor(
    bytes: Uint8Array,
    view: DataView,
    le: boolean,
    strStart: number,
    strEnd: number,
    offsets: Uint32Array,
    kinds: Uint8Array,
  ) {
    this.bytes = bytes;
    this.view = view;
    this.le = le;
    this.strStart = strStart;
    this.strEnd = strEnd;
    this.offsets = offsets;
    this.kinds = kinds;
    this.count = kinds.length;
  }

  u32(pos: number): number {
    return this.view.getUint32(pos, this.le);
  }

  kind(id: number): number {
    return this.kinds[id] ?? 0;
  }

  /** Absolute offset of the record for `id`; callers must not pass 0 (void has no record). */
  recordAt(id: number): number {
    return this.offsets[id]!;
  }

  /** Offset of the first byte after the fixed 12-byte record: where kind-specific data starts. */
  dataAt(id: number): number {
    return this.recordAt(id) + TYPE_RECORD_SIZE;
  }

  nameOf(id: number): string {
    return id === 0 ? "" : this.str(this.u32(this.recordAt(id)));
  }

  info(id: number): number {
    return this.u32(this.recordAt(id) + 4);
  }

  vlen(id: number): number {
    return this.info(id) & 0xffff;
  }

  kindFlag(id: number): boolean {
    return this.info(id) >>> 31 === 1;
  }

  /** The third word of btf_type: a byte size for INT/ENUM/STRUCT/..., a type id for PTR/TYPEDEF/... */
  sizeOrType(id: number): number {
    return this.u32(this.recordAt(id) + 8);
  }

  /**
   * The NUL-terminated string at `off` in the string section. Offsets were range-checked
   * during parsing and the section is known to end in NUL, so the scan always stops
   * inside the section. Decoded strings are cached because the same names (e.g. "__u64")
   * are looked up over and over while spelling member types.
   */
  str(off: number): string {
    if (off === 0) return "";
    const cached = this.strings.get(off);
    if (cached !== undefined) return cached;
    const start = this.strStart + off;
    const end = this.bytes.indexOf(0, start);
    const s = this.decoder.decode(
      this.bytes.subarray(start, end < 0 || end > this.strEnd ? this.strEnd : end),
    );
    this.strings.set(off, s);
    return s;
  }
}

/**
 * Parses and validates the header and the type section. Validation is done eagerly, once,
 * so that later lazy lookups can trust every offset: a corrupt blob fails here with a
 * precise message instead of producing garbage layouts later.
 */
export function parseBtfTable(bytes: Uint8Array): BtfTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = bytes.byteLength;
  if (total < 2) throw new BtfError(`truncated header: ${total} bytes, need at least ${HEADER_SIZE}`);

  // BTF is written in the producer's byte order; the magic tells us which one.
  let le: boolean;
  if (view.getUint16(0, true) === BTF_MAGIC) le = true;
  else if (view.getUint16(0, false) === BTF_MAGIC) le = false;
  else {
    const got = view.getUint16(0, true).toString(16).padStart(4, "0");
    throw new BtfError(`bad magic 0x${got}, expected 0xeb9f`, 0);
  }
  if (total < HEADER_SIZE) {
    throw new BtfError(`truncated header: ${total} bytes, need at least ${HEADER_SIZE}`);
  }
  const version = view.getUint8(2);
  if (version !== BTF_VERSION) throw new BtfError(`unsupported BTF version ${version}, expected 1`, 2);

  const hdrLen = view.getUint32(4, le);
  const typeOff = view.getUint32(8, le);
  const typeLen = view.getUint32(12, le);
  const strOff = view.getUint32(16, le);
  const strLen = view.getUint32(20, le);
  // A longer header is a newer producer adding fields we do not need; the section
  // offsets stay relative to the end of whatever header length is declared.
  if (hdrLen < HEADER_SIZE)
    throw new BtfError(`header length ${hdrLen} is below the minimum ${HEADER_SIZE}`, 4);
  if (hdrLen > total)
    throw new BtfError(`truncated header: hdr_len is ${hdrLen} but blob has ${total} bytes`, 4);

  // Plain number arithmetic: u32 + u32 cannot overflow a double, so these checks are exact.
  const typeStart = hdrLen + typeOff;
  const typeEnd = typeStart + typeLen;
  const strStart = hdrLen + strOff;
  const strEnd = strStart + strLen;
  if (typeEnd > total) {
    throw new BtfError(`truncated type section: bytes ${typeStart}..${typeEnd} exceed blob size ${total}`, 8);
  }
  if (strEnd > total) {
    throw new BtfError(
      `truncated string section: bytes ${strStart}..${strEnd} exceed blob size ${total}`,
      16,
    );
  }
  if (typeLen > 0 && strStart < typeEnd && typeStart < strEnd) {
    throw new BtfError(
      `type section ${typeStart}..${typeEnd} overlaps string section ${strStart}..${strEnd}`,
      8,
    );
  }
  // Offset 0 must be the empty name and the last byte a NUL, so that every in-range
  // string offset is guaranteed to hit a terminator before the section ends.
  if (strLen === 0) throw new BtfError("string section is empty (offset 0 must be the empty string)", 20);
  if (bytes[strStart] !== 0) throw new BtfError("string section does not start with NUL", strStart);
  if (bytes[strEnd - 1] !== 0) throw new BtfError("string section does not end with NUL", strEnd - 1);

  // Pass 1: locate every record. The capacity bound comes from the minimum record size.
  const capacity = Math.floor(typeLen / TYPE_RECORD_SIZE) + 1;
  const offsets = new Uint32Array(capacity);
  const kinds = new Uint8Array(capacity);
  let id = 1;
  let pos = typeStart;
  while (pos < typeEnd) {
    if (typeEnd - pos < TYPE_RECORD_SIZE) {
      throw new BtfError(`truncated type record for id ${id}: ${typeEnd - pos} bytes left, need 12`, pos);
    }
    const info = view.getUint32(pos + 4, le);
    const kind = (info >>> 24) & 0x1f;
    const trailing = trailingSize(kind, info & 0xffff);
    if (trailing < 0) throw new BtfError(`unknown kind ${kind} for type id ${id}`, pos + 4);
    const next = pos + TYPE_RECORD_SIZE + trailing;
    if (next > typeEnd) {
      throw new BtfError(
        `truncated ${kindName(kind)} type id ${id}: needs ${TYPE_RECORD_SIZE + trailing} bytes, ${typeEnd - pos} left`,
        pos,
      );
    }
    offsets[id] = pos;
    kinds[id] = kind;
    id++;
    pos = next;
  }

  const table = new BtfTable(bytes, view, le, strStart, strEnd, offsets.slice(0, id), kinds.slice(0, id));
  validateReferences(table, strLen);
  return table;
}

/**
 * Pass 2: every type id and string offset referenced by any record must be in range.
 * Doing this after pass 1 is what lets forward references (a struct member whose type
 * is defined later) be checked against the final type count.
 */
function validateReferences(t: BtfTable, strLen: number): void {
  const count = t.count;
  const checkName = (off: number, pos: number, what: string): void => {
    if (off >= strLen)
      throw new BtfError(`${what}: string offset ${off} is outside string section (${strLen} bytes)`, pos);
  };
  const checkType = (ref: number, pos: number, what: string): void => {
    if (ref >= count) throw new BtfError(`${what}: type id ${ref} is out of range (max ${count - 1})`, pos);
  };

  for (let id = 1; id < count; id++) {
    const rec = t.recordAt(id);
    const kind = t.kinds[id]!;
    const what = `${kindName(kind)} type id ${id}`;
    checkName(t.u32(rec), rec, what);
    const vlen = t.u32(rec + 4) & 0xffff;
    const data = rec + TYPE_RECORD_SIZE;
    switch (kind) {
      case KIND_PTR:
      case KIND_TYPEDEF:
      case KIND_VOLATILE:
      case KIND_CONST:
      case KIND_RESTRICT:
      case KIND_FUNC:
      case KIND_VAR:
      case KIND_DECL_TAG:
      case KIND_TYPE_TAG:
        checkType(t.u32(rec + 8), rec + 8, what);
        break;
      case KIND_ARRAY:
        checkType(t.u32(data), data, `${what} element`);
        checkType(t.u32(data + 4), data + 4, `${what} index`);
        break;
      case KIND_STRUCT:
      case KIND_UNION:
        for (let i = 0; i < vlen; i++) {
          const m = data + i * 12;
          checkName(t.u32(m), m, `${what} member ${i}`);
          checkType(t.u32(m + 4), m + 4, `${what} member ${i}`);
        }
        break;
      case KIND_ENUM:
        for (let i = 0; i < vlen; i++) checkName(t.u32(data + i * 8), data + i * 8, `${what} value ${i}`);
        break;
      case KIND_ENUM64:
        for (let i = 0; i < vlen; i++) checkName(t.u32(data + i * 12), data + i * 12, `${what} value ${i}`);
        break;
      case KIND_FUNC_PROTO:
        checkType(t.u32(rec + 8), rec + 8, `${what} return`);
        for (let i = 0; i < vlen; i++) {
          const p = data + i * 8;
          checkName(t.u32(p), p, `${what} param ${i}`);
          checkType(t.u32(p + 4), p + 4, `${what} param ${i}`);
        }
        break;
      case KIND_DATASEC:
        for (let i = 0; i < vlen; i++) checkType(t.u32(data + i * 12), data + i * 12, `${what} var ${i}`);
        break;
      default:
        // INT, FWD, FLOAT carry a size (or nothing) in size_or_type, no references.
        break;
    }
  }
}
