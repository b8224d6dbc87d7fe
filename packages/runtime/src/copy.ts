import {
  type Errno,
  FlagRequiresSizeError,
  NonZeroTailError,
  StructTooLargeError,
  StructTooSmallError,
  TruncatedInputError,
} from "./errors.js";

/** A flag that needs at least `minimum` bytes of struct (CLONE_INTO_CGROUP needs clone_args VER2, 88). */
export interface FlagMinSize {
  /** The flag's name, for the error. */
  readonly name: string;
  /** Byte offset and width of the field that holds it. */
  readonly offset: number;
  readonly width: 4 | 8;
  readonly flag: bigint;
  readonly minimum: number;
}

/** How the kernel copies an extensible struct in (`copy_struct_from_user()` and its in-struct-size cousins). */
export interface ExtensibleRules {
  /** The first version's size: fewer bytes are refused with `belowMin`. */
  readonly minimum: number;
  readonly belowMin: Errno;
  /** The most the kernel copies at all (the ABI's page size): more is refused with `abovePage`. */
  readonly maximum: number;
  readonly abovePage: Errno;
  /** Bytes past the known size must be zero (else E2BIG). */
  readonly tailMustBeZero: boolean;
  /**
   * Where the size travels inside the struct (sched_attr.size, perf_event_attr.size); undefined when
   * it is a syscall argument or an ioctl number (then it is the number of bytes given).
   */
  readonly sizeField?: { readonly offset: number; readonly width: 2 | 4; readonly zeroMeansFirst: boolean };
  readonly flagMinSize?: readonly FlagMinSize[];
}

/** The facts one struct's decoder needs on one ABI. */
export interface CopyRules {
  /** The kernel's name of the struct ("clone_args"), for errors. */
  readonly type: string;
  /** Its size on this ABI: what the decoder reads. */
  readonly size: number;
  readonly littleEndian: boolean;
  /** Set for extensible structs; fixed-size structs need exactly `size` bytes. */
  readonly extensible?: ExtensibleRules;
}

export interface DecodeOptions {
  /** Where the struct starts in the bytes (default 0). */
  readonly offset?: number;
  /**
   * How many bytes of struct there are, as the syscall's size argument says (default: every byte
   * from `offset` on). Ignored where the size travels inside the struct: that size decides.
   */
  readonly size?: number;
}

/** Where to read the struct from after the copy rules: the caller's bytes, or a zero-filled copy. */
export interface Copied {
  readonly view: DataView;
  readonly offset: number;
  /** The struct size the caller gave (or the in-struct size said). */
  readonly size: number;
}

function checkedOffset(type: string, bytes: Uint8Array, options: DecodeOptions | undefined): number {
  const offset = options?.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new RangeError(`${type}: offset must be a non-negative integer, got ${offset}`);
  if (offset > bytes.length) throw new TruncatedInputError(type, offset, bytes.length);
  return offset;
}

function readUnsigned(view: DataView, at: number, width: 2 | 4 | 8, le: boolean): bigint {
  if (width === 2) return BigInt(view.getUint16(at, le));
  if (width === 4) return BigInt(view.getUint32(at, le));
  return view.getBigUint64(at, le);
}

/**
 * Applies the kernel's copy rules to `bytes` and says where the decoder reads `rules.size` bytes
 * from. Throws the error the kernel's answer corresponds to, naming the minimum, the maximum or
 * the first non-zero byte of the tail; never reads outside `bytes`.
 */
export function copyIn(rules: CopyRules, bytes: Uint8Array, options?: DecodeOptions): Copied {
  const { type, size: known, extensible: ext } = rules;
  const offset = checkedOffset(type, bytes, options);
  const available = bytes.length - offset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!ext) {
    const given = options?.size ?? available;
    if (given < known || available < known)
      throw new TruncatedInputError(type, known, Math.min(given, available));
    return { view, offset, size: known };
  }
  let size: number;
  if (ext.sizeField) {
    const { offset: at, width, zeroMeansFirst } = ext.sizeField;
    if (available < at + width) throw new TruncatedInputError(type, at + width, available);
    size = Number(readUnsigned(view, offset + at, width, rules.littleEndian));
    if (size === 0 && zeroMeansFirst) size = ext.minimum;
  } else {
    size = options?.size ?? available;
    if (!Number.isSafeInteger(size) || size < 0)
      throw new RangeError(`${type}: size must be a non-negative integer, got ${size}`);
  }
  if (size < ext.minimum) throw new StructTooSmallError(type, size, ext.minimum, ext.belowMin);
  if (size > ext.maximum) throw new StructTooLargeError(type, size, ext.maximum, ext.abovePage);
  if (available < size) throw new TruncatedInputError(type, size, available);
  if (size > known && ext.tailMustBeZero) {
    for (let i = known; i < size; i++)
      if (bytes[offset + i] !== 0) throw new NonZeroTailError(type, i, known);
  }
  let copied: Copied = { view, offset, size };
  if (size < known) {
    // The kernel zero-fills what an older (smaller) struct does not have.
    const padded = new Uint8Array(known);
    padded.set(bytes.subarray(offset, offset + size));
    copied = { view: new DataView(padded.buffer), offset: 0, size };
  }
  for (const f of ext.flagMinSize ?? []) {
    if (size >= f.minimum) continue;
    const value = readUnsigned(copied.view, copied.offset + f.offset, f.width, rules.littleEndian);
    if ((value & f.flag) !== 0n) throw new FlagRequiresSizeError(type, f.name, size, f.minimum);
  }
  return copied;
}
