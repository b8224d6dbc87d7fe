import { EncodeRangeError } from "./errors.js";

/**
 * Reads a bitfield of `width` bits (at most 32) at bit `bit` in allocation order from byte `at`:
 * from the least significant bit of each byte on little-endian ABIs, from the most significant on
 * big-endian ones (the convention of DWARF and BTF). Generated code reads most bitfields inline
 * from one 32-bit word; this is for the ones that span five bytes.
 */
export function readBits(
  view: DataView,
  at: number,
  bit: number,
  width: number,
  littleEndian: boolean,
): number {
  let value = 0;
  for (let i = 0; i < width; i++) {
    const b = bit + i;
    const byte = view.getUint8(at + (b >>> 3));
    const set = littleEndian ? (byte >>> (b & 7)) & 1 : (byte >>> (7 - (b & 7))) & 1;
    // Little-endian allocation starts with the least significant bit, big-endian with the most.
    value += set * 2 ** (littleEndian ? i : width - 1 - i);
  }
  return value;
}

/** Writes a bitfield (see readBits); other bits of the bytes it touches are kept. */
export function writeBits(
  view: DataView,
  at: number,
  bit: number,
  width: number,
  littleEndian: boolean,
  value: number,
): void {
  for (let i = 0; i < width; i++) {
    const b = bit + i;
    const pos = littleEndian ? i : width - 1 - i;
    const set = Math.floor(value / 2 ** pos) % 2;
    const where = at + (b >>> 3);
    const mask = littleEndian ? 1 << (b & 7) : 1 << (7 - (b & 7));
    const byte = view.getUint8(where);
    view.setUint8(where, set ? byte | mask : byte & ~mask);
  }
}

/** Checks that a number fits an integer field of `bits` bits before an encoder writes it. */
export function checkInt(type: string, field: string, value: number, bits: number, signed: boolean): number {
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw new EncodeRangeError(
      type,
      field,
      value,
      `expected an integer from ${min} to ${max}, got ${String(value)}`,
    );
  return value;
}

/** Checks that a bigint fits a 64-bit field before an encoder writes it. */
export function checkBigInt(type: string, field: string, value: bigint, signed: boolean): bigint {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  if (typeof value !== "bigint" || value < min || value > max)
    throw new EncodeRangeError(
      type,
      field,
      value,
      `expected a bigint from ${min} to ${max}, got ${String(value)}`,
    );
  return value;
}

/** Checks that an array field has its fixed length before an encoder writes it. */
export function checkLength<T>(
  type: string,
  field: string,
  value: readonly T[],
  length: number,
): readonly T[] {
  if (!Array.isArray(value) || value.length !== length)
    throw new EncodeRangeError(type, field, value, `expected an array of ${length} elements`);
  return value;
}

/** A bitfield wider than 32 bits (see readBits), exact as a bigint. */
export function readBitsBig(
  view: DataView,
  at: number,
  bit: number,
  width: number,
  littleEndian: boolean,
): bigint {
  let value = 0n;
  for (let i = 0; i < width; i++) {
    const b = bit + i;
    const byte = view.getUint8(at + (b >>> 3));
    const set = littleEndian ? (byte >>> (b & 7)) & 1 : (byte >>> (7 - (b & 7))) & 1;
    if (set) value |= 1n << BigInt(littleEndian ? i : width - 1 - i);
  }
  return value;
}

/** Writes a bitfield wider than 32 bits (see writeBits). */
export function writeBitsBig(
  view: DataView,
  at: number,
  bit: number,
  width: number,
  littleEndian: boolean,
  value: bigint,
): void {
  for (let i = 0; i < width; i++) {
    const b = bit + i;
    const set = (value >> BigInt(littleEndian ? i : width - 1 - i)) & 1n;
    const where = at + (b >>> 3);
    const mask = littleEndian ? 1 << (b & 7) : 1 << (7 - (b & 7));
    const byte = view.getUint8(where);
    view.setUint8(where, set ? byte | mask : byte & ~mask);
  }
}

/** Checks that a bigint fits an unsigned bitfield of `width` bits before an encoder writes it. */
export function checkBigBits(type: string, field: string, value: bigint, width: number): bigint {
  const max = (1n << BigInt(width)) - 1n;
  if (typeof value !== "bigint" || value < 0n || value > max)
    throw new EncodeRangeError(
      type,
      field,
      value,
      `expected a bigint from 0 to ${max}, got ${String(value)}`,
    );
  return value;
}
