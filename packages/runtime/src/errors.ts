/**
 * Errors of sysargs decoders and encoders. Each class sets `name`, and `isSysargsError` tests that
 * name rather than `instanceof`: an application can hold two copies of @sysargs/runtime (two
 * versions, or a bundled one), and an error from one copy is not an instance of the other's class.
 */

/** Every error name this runtime throws. */
export const SYSARGS_ERROR_NAMES = [
  "StructTooSmallError",
  "StructTooLargeError",
  "NonZeroTailError",
  "TruncatedInputError",
  "FlagRequiresSizeError",
  "EncodeRangeError",
  "UnknownFlagError",
] as const;

export type SysargsErrorName = (typeof SYSARGS_ERROR_NAMES)[number];

/** What the kernel answers for the same bytes, where it refuses them. */
export type Errno = "EINVAL" | "E2BIG";

/** The base of every sysargs error: `type` is the struct (or flag set) it concerns. */
export abstract class SysargsError extends Error {
  abstract override readonly name: SysargsErrorName;
  /** The struct, union or flag set the error concerns ("clone_args"). */
  readonly type: string;
  /** The kernel's answer to the same bytes, when the kernel would refuse them; else undefined. */
  readonly errno: Errno | undefined;
  constructor(type: string, message: string, errno?: Errno) {
    super(`${type}: ${message}`);
    this.type = type;
    this.errno = errno;
  }
}

/** Fewer bytes than the struct's first version: the kernel answers EINVAL (or E2BIG where stated). */
export class StructTooSmallError extends SysargsError {
  readonly name = "StructTooSmallError";
  constructor(
    type: string,
    readonly size: number,
    readonly minimum: number,
    errno: Errno,
  ) {
    super(
      type,
      `${size} bytes is smaller than the minimum of ${minimum} bytes (the kernel answers ${errno})`,
      errno,
    );
  }
}

/** More bytes than the kernel copies at all (a page): the kernel answers E2BIG. */
export class StructTooLargeError extends SysargsError {
  readonly name = "StructTooLargeError";
  constructor(
    type: string,
    readonly size: number,
    readonly maximum: number,
    errno: Errno,
  ) {
    super(
      type,
      `${size} bytes is larger than the maximum of ${maximum} bytes (the kernel answers ${errno})`,
      errno,
    );
  }
}

/** Bytes past the known struct that are not zero: the kernel answers E2BIG. */
export class NonZeroTailError extends SysargsError {
  readonly name = "NonZeroTailError";
  constructor(
    type: string,
    /** Offset of the first non-zero byte from the start of the struct. */
    readonly offset: number,
    /** The size this decoder knows; bytes from here on must be zero. */
    readonly known: number,
  ) {
    super(
      type,
      `byte ${offset} is not zero, but only ${known} bytes are known and a larger struct must end in zeros (the kernel answers E2BIG)`,
      "E2BIG",
    );
  }
}

/** The input ends before the struct does: not the kernel's rule, the caller gave too few bytes. */
export class TruncatedInputError extends SysargsError {
  readonly name = "TruncatedInputError";
  constructor(
    type: string,
    readonly needed: number,
    readonly given: number,
  ) {
    super(type, `needs ${needed} bytes of input, got ${given}`);
  }
}

/** A flag that needs a newer (larger) struct than the one given: the kernel answers EINVAL. */
export class FlagRequiresSizeError extends SysargsError {
  readonly name = "FlagRequiresSizeError";
  constructor(
    type: string,
    readonly flag: string,
    readonly size: number,
    readonly minimum: number,
  ) {
    super(
      type,
      `${flag} needs at least ${minimum} bytes, but the struct has ${size} (the kernel answers EINVAL)`,
      "EINVAL",
    );
  }
}

/** A value that does not fit its field (encode). */
export class EncodeRangeError extends SysargsError {
  readonly name = "EncodeRangeError";
  constructor(
    type: string,
    /** The member path ("flags", "attr.sched_util_min"). */
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(type, `field "${field}": ${message}`);
  }
}

/** A flag or enum name the set does not have (parse). */
export class UnknownFlagError extends SysargsError {
  readonly name = "UnknownFlagError";
  constructor(
    type: string,
    readonly flag: string,
  ) {
    super(type, `unknown name "${flag}"`);
  }
}

const NAMES: ReadonlySet<string> = new Set(SYSARGS_ERROR_NAMES);

type ErrorByName = {
  StructTooSmallError: StructTooSmallError;
  StructTooLargeError: StructTooLargeError;
  NonZeroTailError: NonZeroTailError;
  TruncatedInputError: TruncatedInputError;
  FlagRequiresSizeError: FlagRequiresSizeError;
  EncodeRangeError: EncodeRangeError;
  UnknownFlagError: UnknownFlagError;
};

/**
 * Whether `e` is a sysargs error (of the given name), from this copy of the runtime or any other:
 * it looks at `name` and `type`, not at the prototype chain.
 */
export function isSysargsError(e: unknown): e is SysargsError;
export function isSysargsError<N extends SysargsErrorName>(e: unknown, name: N): e is ErrorByName[N];
export function isSysargsError(e: unknown, name?: SysargsErrorName): boolean {
  if (typeof e !== "object" || e === null) return false;
  const n = (e as { name?: unknown }).name;
  if (typeof n !== "string" || !NAMES.has(n)) return false;
  if (typeof (e as { type?: unknown }).type !== "string") return false;
  return name === undefined || n === name;
}
