import type { FieldLayout, LayoutEngine, TypeLayout } from "@sysargs/layout";
import { type Abi, type Field, laterVersion, SCALARS, type TypeRef } from "@sysargs/model";

/**
 * One member of a laid-out type, flattened: nested named members are reached through their
 * parent ("a.b"), anonymous struct/union members are transparent (C11 lets their members be
 * named directly), offsets are absolute from the start of the outer type.
 */
export interface FlatField {
  /** C member designator from the outer type: "cgroup", "ts.tv_sec", "sample_period". */
  readonly path: string;
  /** The registry's path, anonymous labels included: "sample_period_or_freq.sample_period". */
  readonly irPath: string;
  /** The composite that declares the member (a nested named type's own name, a variant's alternative). */
  readonly owner: string;
  /** The member's registry path within `owner`. */
  readonly ownerPath: string;
  readonly offset: number;
  readonly size: number;
  /** C spelling of the member's type ("__aligned_u64", "struct __kernel_timespec"). */
  readonly type: string;
  /** False for flexible and counted trailing arrays, whose C size is not a member size. */
  readonly sized: boolean;
  /** Absolute bit offset (allocation order) and width, for bitfields. */
  readonly bitOffset?: number;
  readonly bitSize?: number;
  /** Expected signedness, for integer members (scalars, and u64-carried pointers). */
  readonly signed?: boolean;
  /** Kernel version that added the member (Since<> annotation). */
  readonly since?: string;
}

/** Expected signedness of a member of type `ref` on `abi`, when it is an integer. */
function signedness(ref: TypeRef, abi: Abi): boolean | undefined {
  const word =
    ref.kind === "scalar"
      ? ref.name
      : ref.kind === "pointer" && ref.width === "u64"
        ? (ref.storage ?? "aligned_u64")
        : undefined;
  if (word === undefined) return undefined;
  const info = SCALARS[word];
  if (!info || info.base === "void") return undefined;
  return word === "char" ? abi.charSigned : info.signed;
}

/** Flattens the layout of `typeName` on `abi` (both from the engine and the IR it was computed from). */
export function flatten(engine: LayoutEngine, layout: TypeLayout, abi: Abi): FlatField[] {
  const decl = engine.index.composite(layout.name, abi.name);
  const out: FlatField[] = [];
  if (decl)
    walk(engine, abi, decl.fields, layout.fields, { c: "", ir: "", owner: decl.name, ownerIr: "" }, 0, out);
  return out;
}

function walk(
  engine: LayoutEngine,
  abi: Abi,
  fields: readonly Field[],
  layouts: readonly FieldLayout[],
  prefix: Prefix,
  base: number,
  out: FlatField[],
): void {
  fields.forEach((f, i) => {
    const l = layouts[i];
    if (!l) return;
    const irPath = `${prefix.ir}${f.name}`;
    const ownerPath = `${prefix.ownerIr}${f.name}`;
    const offset = base + l.offset;
    // A member is as new as its newest enclosing member (an anonymous union added in 6.13).
    const since = laterVersion(prefix.since, f.ann.since);
    const nested = nestedFields(engine, abi, f.type);
    if (f.anonymous) {
      if (nested && l.fields) {
        const inner = { c: prefix.c, ir: `${irPath}.`, owner: prefix.owner, ownerIr: `${ownerPath}.`, since };
        walk(engine, abi, nested.fields, l.fields, inner, offset, out);
      }
      return;
    }
    const path = `${prefix.c}${f.name}`;
    const sized = !(f.type.kind === "array" && !("fixed" in f.type.length));
    const signed = signedness(f.type, abi);
    const flat: {
      path: string;
      irPath: string;
      owner: string;
      ownerPath: string;
      offset: number;
      size: number;
      type: string;
      sized: boolean;
      bitOffset?: number;
      bitSize?: number;
      signed?: boolean;
      since?: string;
    } = { path, irPath, owner: prefix.owner, ownerPath, offset, size: l.size, type: l.type, sized };
    if (since !== undefined) flat.since = since;
    if (l.bitSize !== undefined && l.bitOffset !== undefined) {
      flat.bitOffset = base * 8 + l.bitOffset;
      flat.bitSize = l.bitSize;
    } else if (signed !== undefined) flat.signed = signed;
    out.push(flat);
    if (nested && l.fields) {
      // A named member type declares its own members; an inline anonymous one belongs to the owner.
      const inner = nested.owner
        ? { c: `${path}.`, ir: `${irPath}.`, owner: nested.owner, ownerIr: "", since }
        : { c: `${path}.`, ir: `${irPath}.`, owner: prefix.owner, ownerIr: `${ownerPath}.`, since };
      walk(engine, abi, nested.fields, l.fields, inner, offset, out);
    }
  });
}

interface Prefix {
  /** C designator prefix. */
  c: string;
  /** Registry path prefix from the outer type. */
  ir: string;
  owner: string;
  /** Registry path prefix within the owner. */
  ownerIr: string;
  /** The newest Since<> of the enclosing members. */
  since?: string | undefined;
}

function nestedFields(
  engine: LayoutEngine,
  abi: Abi,
  ref: TypeRef,
): { fields: readonly Field[]; owner?: string } | undefined {
  if (ref.kind === "anon") return { fields: ref.fields };
  if (ref.kind === "named") {
    const decl = engine.index.composite(ref.name, abi.name);
    return decl ? { fields: decl.fields, owner: decl.name } : undefined;
  }
  return undefined;
}
