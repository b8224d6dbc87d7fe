import { type Abi, type Param, SCALARS, type TypeRef } from "@sysargs/model";

/** seccomp_data.args has six entries on every ABI (include/uapi/linux/seccomp.h). */
export const SECCOMP_ARGS = 6;

/** Where one syscall parameter travels. Slots are the kernel's argument registers, in order. */
export interface ParamSlots {
  name: string;
  /** Position in the signature. */
  index: number;
  /** Size in bytes (4 or less: one slot). */
  size: number;
  /** Argument slots that carry the value, ascending. */
  slots: number[];
  /** A 64-bit value split over two 32-bit slots: the slot of bits 0-31 ... */
  low?: number;
  /** ... and the slot of bits 32-63. */
  high?: number;
  /** The seccomp_data.args index of each slot in `slots`, or null where seccomp does not see it. */
  seccomp: (number | null)[];
}

export interface ArgSlots {
  abi: string;
  params: ParamSlots[];
  /** Slots left unused between arguments (alignment of a 64-bit pair), ascending. */
  padding: number[];
  /** Argument slots the call occupies: the highest used slot + 1. */
  used: number;
  /** Argument slots the ABI's syscall entry passes (Abi.argSlots). */
  capacity: number;
  /** Set when the call needs more slots than the entry passes: the kernel cannot take it so. */
  error?: string;
}

export class ArgSlotsError extends Error {
  override name = "ArgSlotsError";
}

/**
 * Size in bytes of a syscall parameter's type on an ABI: a scalar, a native pointer or a pointer
 * carried in a 64-bit integer. Structs and arrays are never passed by value to a syscall.
 */
export function paramSize(ref: TypeRef, abi: Abi): number {
  if (ref.kind === "scalar") {
    const info = SCALARS[ref.name];
    if (!info) throw new ArgSlotsError(`unknown scalar "${ref.name}"`);
    if (info.base === "void") throw new ArgSlotsError(`"${ref.name}" is not a value`);
    return info.base === "aligned_u64" ? 8 : abi.scalars[info.base].size;
  }
  if (ref.kind === "pointer") return ref.width === "u64" ? 8 : abi.scalars.pointer.size;
  throw new ArgSlotsError(`a ${ref.kind} type cannot be a syscall argument (only scalars and pointers)`);
}

/**
 * Assigns each parameter of a syscall signature its argument slot(s) on an ABI, following the
 * ABI's `arg64` model (docs/decisions/0004-argument-slots.md):
 *
 * - values of 4 bytes or less, and 64-bit values on "register" ABIs, take the next slot;
 * - on "pair" ABIs a 64-bit value takes the next two slots, on "aligned-pair" ABIs the next two
 *   from an even slot (a skipped odd slot stays unused: padding); `arg64First` says which half
 *   the lower slot holds;
 * - with `arg64Boundary` (sh), a pair that would start in the last register slot starts at the
 *   boundary instead, and the next 32-bit value takes the skipped slot.
 *
 * Slot `s` is `seccomp_data.args[s + seccompArgShift]` when that index is below 6; the kernel
 * passes slots up to `argSlots` (6; 8 on mips o32) and `error` is set when a call needs more.
 * Pure: `sizeOf` gives each parameter's size (default: `paramSize` on `abi`).
 */
export function argumentSlots(
  signature: { readonly params: readonly Pick<Param, "name" | "type">[] },
  abi: Abi,
  sizeOf: (ref: TypeRef) => number = (ref) => paramSize(ref, abi),
): ArgSlots {
  const params: ParamSlots[] = [];
  const padding: number[] = [];
  let next = 0;
  let backfill: number | null = null;
  const seccomp = (slot: number): number | null => {
    const i = slot + abi.seccompArgShift;
    return i < SECCOMP_ARGS ? i : null;
  };
  signature.params.forEach((p, index) => {
    const size = sizeOf(p.type);
    if (size <= 4 || (size <= 8 && abi.arg64 === "register")) {
      let slot: number;
      if (backfill !== null) {
        slot = backfill;
        backfill = null;
      } else slot = next++;
      params.push({ name: p.name, index, size, slots: [slot], seccomp: [seccomp(slot)] });
      return;
    }
    if (size !== 8) throw new ArgSlotsError(`${p.name}: a ${size}-byte value does not fit an argument slot`);
    let start = next;
    if (abi.arg64 === "aligned-pair" && start % 2 === 1) padding.push(start++);
    if (abi.arg64Boundary !== null && start === abi.arg64Boundary - 1) {
      if (backfill === null) backfill = start;
      else padding.push(start);
      start++;
    }
    next = start + 2;
    const [low, high] = abi.arg64First === "high" ? [start + 1, start] : [start, start + 1];
    params.push({
      name: p.name,
      index,
      size,
      slots: [start, start + 1],
      low,
      high,
      seccomp: [seccomp(start), seccomp(start + 1)],
    });
  });
  if (backfill !== null) padding.push(backfill);
  padding.sort((a, b) => a - b);
  const used = Math.max(0, ...params.flatMap((p) => p.slots.map((s) => s + 1)));
  const out: ArgSlots = { abi: abi.name, params, padding, used, capacity: abi.argSlots };
  if (used > abi.argSlots)
    out.error = `needs ${used} argument slots; the ${abi.name} syscall entry passes ${abi.argSlots}`;
  return out;
}

/** One line of prose for the ABI's arg64 model, e.g. "aligned register pair, low word first". */
export function describeArg64(abi: Abi): string {
  if (abi.arg64 === "register") return "one 64-bit register";
  const first = `${abi.arg64First ?? "low"} word in the lower slot`;
  const kind = abi.arg64 === "aligned-pair" ? "pair from an even slot" : "pair of consecutive slots";
  const boundary =
    abi.arg64Boundary !== null
      ? `, never split at slot ${abi.arg64Boundary} (the next 32-bit argument takes the skipped slot)`
      : "";
  return `${kind}, ${first}${boundary}`;
}
