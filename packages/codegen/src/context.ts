import { type ArgSlots, argumentSlots, LayoutEngine, type TypeLayout } from "@sysargs/layout";
import {
  type Abi,
  type Registry,
  RegistryIndex,
  SCALARS,
  type Signature,
  type SyscallDecl,
  type TypeDecl,
  type TypeRef,
} from "@sysargs/model";
import { type FlatField, flatten } from "./flatten.js";

/** One flag or enum member's value on one ABI. */
export interface Constant {
  /** The flag set or enum that declares it. */
  readonly set: string;
  readonly name: string;
  readonly value: number;
  /** A mask or combination of other members. */
  readonly composite: boolean;
  readonly since: string | null;
}

/**
 * Everything generators derive from the IR, computed once per run and cached: the index, the
 * layout engine, per-ABI signature selection and argument slots, flattened member paths and
 * per-ABI constants. Generators take their facts from here so that no two of them can disagree
 * about, say, which clone signature s390 uses or where `sched_attr.sched_util_min` lies.
 */
export class GeneratorContext {
  readonly registry: Registry;
  readonly index: RegistryIndex;
  readonly engine: LayoutEngine;
  private readonly membersCache = new Map<string, FlatField[]>();
  private readonly constantsCache = new Map<string, Constant[]>();

  constructor(registry: Registry) {
    this.registry = registry;
    this.index = new RegistryIndex(registry);
    this.engine = new LayoutEngine(this.index);
  }

  /** Every ABI model, in the registry's order. */
  get abis(): readonly Abi[] {
    return this.registry.abis;
  }

  /** The ABI named `name` (or a libseccomp alias); throws on an unknown name. */
  abi(name: string): Abi {
    const abi = this.index.abi(name);
    if (!abi) throw new Error(`unknown ABI "${name}"`);
    return abi;
  }

  /** The layout of a type on an ABI (cached by the engine). */
  layout(type: string, abi: string): TypeLayout {
    return this.engine.layout(type, abi);
  }

  /** The signature a syscall has on an ABI: its ABI-specific one, else its default, else none. */
  signature(syscall: SyscallDecl, abi: string): Signature | undefined {
    return signatureFor(syscall, abi);
  }

  /** Where each argument travels in seccomp_data.args on an ABI, or why it cannot be placed. */
  slots(signature: Signature, abi: string): ArgSlots | { error: string } {
    try {
      return argumentSlots(signature, this.abi(abi));
    } catch (e) {
      return { error: (e as Error).message };
    }
  }

  /**
   * Every member of a type on an ABI, flattened to C designators ("attr.sched_util_min"), with
   * absolute offsets, bit positions, signedness and the kernel version that introduced it.
   */
  members(type: string, abi: string): readonly FlatField[] {
    const key = `${abi}\0${type}`;
    let m = this.membersCache.get(key);
    if (!m) {
      m = flatten(this.engine, this.layout(type, abi), this.abi(abi));
      this.membersCache.set(key, m);
    }
    return m;
  }

  /** Every flag and enum member with its value on an ABI, sorted by set, then declaration order. */
  constants(abi: string): readonly Constant[] {
    const name = this.abi(abi).name;
    let c = this.constantsCache.get(name);
    if (!c) {
      c = [...this.registry.sets]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap((s) =>
          s.members.map((m) => ({
            set: s.name,
            name: m.name,
            value: RegistryIndex.memberValue(m, name),
            composite: m.composite,
            since: m.since,
          })),
        );
      this.constantsCache.set(name, c);
    }
    return c;
  }

  /** The C spelling of a type reference, as a declaration would write it. */
  cType(ref: TypeRef): string {
    return cType(ref, this.index);
  }
}

/** The signature a syscall has on an ABI: its ABI-specific one, else its default, else none. */
export function signatureFor(syscall: SyscallDecl, abi: string): Signature | undefined {
  return (
    syscall.signatures.find((s) => s.abis.includes(abi)) ??
    syscall.signatures.find((s) => s.abis.length === 0)
  );
}

/** Whatever can name a declared type: a RegistryIndex, or @sysargs/registry's reader. */
export interface TypeLookup {
  type(name: string): TypeDecl | undefined;
}

/**
 * The C spelling of a type reference: scalars by the model's one spelling table, named types
 * as their C facts spell them, pointers carried in 64-bit integers as that integer with the
 * pointee in a comment.
 */
export function cType(t: TypeRef, index: TypeLookup): string {
  switch (t.kind) {
    case "scalar":
      return SCALARS[t.name]?.c ?? t.name;
    case "named":
      // The type's own C facts say how C spells it ("struct clone_args", "sigset_t").
      return index.type(t.name)?.c.spelling ?? `struct ${t.name}`;
    case "pointer": {
      const inner = cType(t.to, index);
      const dir = t.direction === "in" ? "const " : "";
      return t.width === "u64"
        ? `${SCALARS[t.storage ?? "aligned_u64"]!.c} /* ${dir}${inner} * */`
        : `${dir}${inner} *`;
    }
    case "array":
      return `${cType(t.of, index)}[${"fixed" in t.length ? t.length.fixed : ""}]`;
    case "bits":
      return `${SCALARS[t.base]?.c ?? t.base}:${t.width}`;
    case "anon":
      return t.composite;
  }
}

/**
 * A deep copy of IR data without source locations (`loc`), for published output: locations
 * change when a schema is reformatted, and what a generated file says must not.
 */
export function withoutLocations<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "loc" ? undefined : v))) as T;
}
