import { UnknownFlagError } from "./errors.js";

/** What `FlagSet.describe` finds in a value: the member names, and the bits no member explains. */
export interface Described {
  readonly names: readonly string[];
  /** Bits left over after every named member was taken out (0n when every bit is known). */
  readonly unknown: bigint;
}

/** One member of a flag set or enum on one ABI. */
export interface Member {
  readonly value: bigint;
  /** A mask or a combination of other members (O_ACCMODE, CSIGNAL), or a value of a multi-bit field. */
  readonly composite?: boolean;
}

/**
 * The members of a flag set (CLONE_*, O_*, RESOLVE_*) with their values on one ABI.
 * `describe` turns a value into names plus an unknown remainder, `parse` goes the other way.
 */
export class FlagSet<const Name extends string = string> {
  readonly name: string;
  readonly members: Readonly<Record<Name, Member>>;
  private readonly singles: [string, bigint][];
  private readonly composites: [string, bigint][];

  constructor(name: string, members: Record<Name, Member>) {
    this.name = name;
    this.members = members;
    const all = Object.entries(members) as [string, Member][];
    this.singles = all.filter(([, m]) => !m.composite && m.value !== 0n).map(([n, m]) => [n, m.value]);
    // Wider composites first: a whole field value (FUTEX_WAKE_OP) before its parts.
    this.composites = all
      .filter(([, m]) => m.composite)
      .map(([n, m]): [string, bigint] => [n, m.value])
      .sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
  }

  /** The value of one member (undefined for an unknown name). */
  value(name: string): bigint | undefined {
    return Object.hasOwn(this.members, name)
      ? (this.members as Record<string, Member>)[name]!.value
      : undefined;
  }

  /**
   * The names of the members set in `value`: every plain flag whose bits are all set, then, for
   * what remains, one combination member equal to it; the rest is `unknown`.
   */
  describe(value: number | bigint): Described {
    let rest = BigInt(value);
    const names: string[] = [];
    for (const [n, v] of this.singles) {
      if ((rest & v) === v) {
        names.push(n);
        rest &= ~v;
      }
    }
    if (rest !== 0n) {
      const exact = this.composites.find(([, v]) => v === rest);
      if (exact) {
        names.push(exact[0]);
        rest = 0n;
      }
    }
    return { names, unknown: rest };
  }

  /** `describe` as text: "CLONE_NEWNS|CLONE_NEWUSER|0x4" ("0" for no bits). */
  format(value: number | bigint): string {
    const { names, unknown } = this.describe(value);
    const parts: string[] = [...names];
    if (unknown !== 0n) parts.push(`0x${unknown.toString(16)}`);
    return parts.length ? parts.join("|") : "0";
  }

  /**
   * Parses "CLONE_NEWUSER|CLONE_NEWNS" (names or numbers joined by `|`, blanks allowed) into the
   * value; an unknown name throws UnknownFlagError.
   */
  parse(text: string): bigint {
    let value = 0n;
    for (const raw of text.split("|")) {
      const part = raw.trim();
      if (part === "") throw new UnknownFlagError(this.name, raw);
      const v = this.value(part);
      if (v !== undefined) value |= v;
      else if (/^(0x[0-9a-f]+|[0-9]+)$/i.test(part)) value |= BigInt(part);
      else throw new UnknownFlagError(this.name, part);
    }
    return value;
  }
}

/** The members of an enum (SCHED_*, a command set) with their values on one ABI. */
export class EnumSet<const Name extends string = string> {
  readonly name: string;
  readonly members: Readonly<Record<Name, Member>>;
  private readonly byValue = new Map<bigint, string>();

  constructor(name: string, members: Record<Name, Member>) {
    this.name = name;
    this.members = members;
    // The first member declared with a value names it (aliases come later in the set).
    for (const [n, m] of Object.entries(members) as [string, Member][])
      if (!this.byValue.has(m.value)) this.byValue.set(m.value, n);
  }

  value(name: string): bigint | undefined {
    return Object.hasOwn(this.members, name)
      ? (this.members as Record<string, Member>)[name]!.value
      : undefined;
  }

  /** The member name for a value, or undefined. */
  nameOf(value: number | bigint): string | undefined {
    return this.byValue.get(BigInt(value));
  }

  /** One name as `FlagSet.describe` gives names: the member, or the whole value as unknown. */
  describe(value: number | bigint): Described {
    const n = this.nameOf(value);
    return n === undefined ? { names: [], unknown: BigInt(value) } : { names: [n], unknown: 0n };
  }

  format(value: number | bigint): string {
    return this.nameOf(value) ?? String(value);
  }

  /** A member name (or a number) to its value; an unknown name throws UnknownFlagError. */
  parse(text: string): bigint {
    const part = text.trim();
    const v = this.value(part);
    if (v !== undefined) return v;
    if (/^-?(0x[0-9a-f]+|[0-9]+)$/i.test(part)) return BigInt(part);
    throw new UnknownFlagError(this.name, text);
  }
}
