import type { CopyRules, DecodeOptions } from "./copy.js";

/** One struct or union of one ABI, for code that picks it by name (the `sysargs decode` command). */
export interface TypeCodec<T = unknown> {
  /** The kernel's name ("clone_args"). */
  readonly name: string;
  readonly kind: "struct" | "union";
  /** Its size on this ABI. */
  readonly size: number;
  /** The copy rules `decode` applies (the minimum and maximum size, where the size travels). */
  readonly rules: CopyRules;
  decode(bytes: Uint8Array, options?: DecodeOptions): T;
  encode(value: T): Uint8Array;
  /** Members (paths in the decoded object) the kernel reads as a flag set or enum, by set name. */
  readonly sets: Readonly<Record<string, string>>;
  /** Trailing flexible or counted arrays the decoder leaves out (they are not part of `size`). */
  readonly omitted: readonly string[];
}

/** One argument of a syscall's signature on an ABI. */
export interface SyscallParam {
  readonly name: string;
  /** Its C type ("struct clone_args *", "size_t"). */
  readonly type: string;
  /** How the kernel reads it (flags, fd, pointer, path, ...), where the registry says. */
  readonly kind?: string;
  /** The flag set or enum of a flags or enum argument. */
  readonly set?: string;
}

/** A syscall on an ABI: its number and, where the registry declares it, its signature. */
export interface SyscallInfo {
  readonly number: number;
  readonly params?: readonly SyscallParam[];
  readonly returns?: string;
}
