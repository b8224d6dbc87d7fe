import type {
  CapAbi,
  CapArg,
  CapabilitiesFile,
  CapField,
  CapStruct,
  CapSyscall,
  LandlockCover,
  LandlockFacts,
} from "@sysargs/capabilities";
import { CAPS_FORMAT } from "@sysargs/capabilities";
import type { GeneratorContext } from "@sysargs/codegen";
import type { ParamSlots } from "@sysargs/layout";
import {
  type Abi,
  type CompositeDecl,
  compareVersions,
  laterVersion,
  type Param,
  SCALARS,
  type Signature,
  type SyscallDecl,
} from "@sysargs/model";
import {
  LANDLOCK_ABIS,
  LANDLOCK_COVER,
  LANDLOCK_PROVENANCE,
  RIGHT_ABI,
  UNRESTRICTED_NOTE,
} from "./landlock-facts.js";
import { CLASSIC_EQUIVALENTS, FALLBACKS } from "./policy-facts.js";

/**
 * Argument names that select a command: what the other arguments mean depends on them (fcntl
 * cmd, prctl option, ptrace request, keyctl option, futex op, bpf cmd, ioctl cmd, ...), whether or
 * not the registry has a set of the commands yet. An argument of kind "multiplexer" (socketcall,
 * ipc) is one whatever its name.
 */
const COMMAND_ARGS = new Set(["cmd", "op", "option", "request", "call", "code"]);

/** The capability list of the registry in `ctx` (the whole capabilities.json but its header). */
export function buildCapabilities(ctx: GeneratorContext): Omit<CapabilitiesFile, "$comment"> {
  const numbers = numbersBySyscall(ctx);
  const structs = extensibleStructs(ctx);
  const syscalls = [...ctx.registry.syscalls]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((s) => syscallCaps(ctx, s, numbers.get(s.name) ?? {}));
  checkCuratedNames(ctx, syscalls);
  const abis: CapAbi[] = ctx.abis.map((a) => ({
    name: a.name,
    auditArch: a.auditArch,
    auditArchName: a.auditArchName,
    syscallBase: a.syscallBase,
    bits: a.bits,
    endian: a.endian,
    deep: syscalls.filter((s) => isDeepOn(s, a.name)).map((s) => s.name),
  }));
  return {
    format: CAPS_FORMAT,
    kernel: ctx.registry.kernel,
    abis,
    landlock: landlockFacts(ctx),
    structs,
    syscalls,
  };
}

/** Whether the syscall exists on the ABI and one of its arguments there is an inspectable extensible struct. */
export function isDeepOn(s: CapSyscall, abi: string): boolean {
  if (!(abi in s.numbers)) return false;
  const v = s.variants.find((x) => x.abis.includes(abi));
  return !!v?.args.some((a) => a.class === "extensible-struct" && a.inspectable);
}

function numbersBySyscall(
  ctx: GeneratorContext,
): Map<string, Record<string, { number: number; since: string | null }>> {
  const out = new Map<string, Record<string, { number: number; since: string | null }>>();
  for (const abi of ctx.abis)
    for (const e of ctx.index.table(abi.name)?.entries ?? []) {
      const byAbi = out.get(e.name) ?? {};
      byAbi[abi.name] = { number: e.number, since: e.since };
      out.set(e.name, byAbi);
    }
  return out;
}

function syscallCaps(
  ctx: GeneratorContext,
  s: SyscallDecl,
  numbers: Record<string, { number: number; since: string | null }>,
): CapSyscall {
  // The registry gains removed syscalls (issue 8) as `until`; until then every syscall is current.
  const until = (s as SyscallDecl & { until?: string | null }).until ?? null;
  const groups = new Map<string, { abis: string[]; args: CapArg[] }>();
  for (const abi of ctx.abis) {
    if (!(abi.name in numbers)) continue;
    const sig = ctx.signature(s, abi.name);
    if (!sig) continue;
    const args = argsOn(ctx, sig, abi);
    const key = JSON.stringify(args);
    const g = groups.get(key);
    if (g) g.abis.push(abi.name);
    else groups.set(key, { abis: [abi.name], args });
  }
  const variants = [...groups.values()];
  const out: CapSyscall = {
    name: s.name,
    since: s.since,
    until,
    doc: s.doc,
    deep: variants.some((v) => v.args.some((a) => a.class === "extensible-struct" && a.inspectable)),
    numbers: Object.fromEntries(Object.entries(numbers).map(([abi, e]) => [abi, e.number])),
    variants,
  };
  const sinceOn = Object.fromEntries(
    Object.entries(numbers).flatMap(([abi, e]) => (e.since && e.since !== s.since ? [[abi, e.since]] : [])),
  );
  if (Object.keys(sinceOn).length > 0) out.sinceOn = sinceOn;
  if (variants.some((v) => v.args.some((a) => a.class === "path"))) out.landlock = landlockCover(s.name);
  const fallback = FALLBACKS[s.name];
  if (fallback && (fallback.to === null || ctx.index.syscall(fallback.to))) out.fallback = fallback;
  const classic = CLASSIC_EQUIVALENTS[s.name];
  if (classic && ctx.index.syscall(classic.syscall)) out.classic = classic;
  return out;
}

function landlockCover(name: string): LandlockCover {
  const c = LANDLOCK_COVER[name];
  if (c) return { rights: c.rights, status: c.status, note: c.note };
  return { rights: [], status: "unrestricted", note: UNRESTRICTED_NOTE };
}

/** Every argument of a signature on an ABI, classified. */
function argsOn(ctx: GeneratorContext, sig: Signature, abi: Abi): CapArg[] {
  const placed = ctx.slots(sig, abi.name);
  const slotsOf = (i: number): ParamSlots | undefined => ("params" in placed ? placed.params[i] : undefined);
  return sig.params.map((p, i) => classify(ctx, p, i, sig.params, abi, slotsOf(i)));
}

function classify(
  ctx: GeneratorContext,
  p: Param,
  index: number,
  params: readonly Param[],
  abi: Abi,
  slots: ParamSlots | undefined,
): CapArg {
  const base = {
    name: p.name,
    index,
    kind: p.ann.kind ?? "scalar",
    slots: slots ? pairOrder(slots) : [],
    width: slots?.size ?? 0,
  };
  const t = p.type;
  if (t.kind !== "pointer") {
    const info = t.kind === "scalar" ? SCALARS[t.name] : undefined;
    const signed = t.kind === "scalar" && t.name === "char" ? abi.charSigned : (info?.signed ?? false);
    const compare =
      slots && slots.slots.length === 2
        ? "pair"
        : base.width < 8 && abi.arg64 === "register"
          ? "low32"
          : "full";
    const reg = { ...base, signed, compare } as const;
    const set = p.ann.set;
    const half =
      compare === "low32"
        ? `; compare bits 0-31 only: the kernel ignores the upper half of the 64-bit register`
        : compare === "pair"
          ? "; a 64-bit value in two 32-bit slots: compare both words"
          : "";
    if (p.ann.kind === "fd")
      return {
        ...reg,
        class: "fd",
        inspectable: true,
        why: `a file descriptor number in a register${half}; the object it names is the LSM's to judge`,
      };
    if (p.ann.kind === "multiplexer" || COMMAND_ARGS.has(p.name)) {
      const members =
        (set &&
          ctx.index
            .set(set)
            ?.members.filter((m) => !m.composite)
            .map((m) => m.name)) ||
        [];
      return {
        ...reg,
        class: "multiplexer",
        ...(set ? { set } : {}),
        commands: members,
        inspectable: true,
        why: set
          ? `selects one of ${members.length} commands (${set}); what the other arguments mean depends on it${half}`
          : `selects a command (the registry has no set of them yet); what the other arguments mean depends on it${half}`,
      };
    }
    return {
      ...reg,
      class: "register",
      ...(set ? { set } : {}),
      inspectable: true,
      why: `a ${base.width * 8}-bit ${signed ? "signed" : "unsigned"} value a classic filter compares${half}`,
    };
  }
  const ptr = { ...base, direction: t.direction, type: ctx.cType(t.to) };
  const counter = params.find(
    (q) => q.ann.of === p.name && (q.ann.kind === "length" || q.ann.kind === "size"),
  );
  const count = counter ? { count: { argument: counter.name } } : {};
  if (p.ann.kind === "path")
    return {
      ...ptr,
      class: "path",
      count: { terminator: "NUL" },
      inspectable: false,
      why: "a path in user memory: never safely decidable from user memory (the kernel reads it again); Landlock decides on the file",
    };
  const to = t.to;
  if (to.kind === "scalar" && to.name === "cstring")
    return {
      ...ptr,
      class: "string",
      count: { terminator: "NUL" },
      inspectable: false,
      why: "a string in user memory: never safely decidable from user memory (the kernel reads it again)",
    };
  if (t.direction === "out")
    return {
      ...ptr,
      class: "output",
      ...count,
      inspectable: false,
      why: "the kernel writes it: nothing to inspect on entry",
    };
  if (to.kind === "pointer")
    return {
      ...ptr,
      class: "array",
      count: { terminator: "NULL" },
      inspectable: false,
      why: "a NULL-terminated array of pointers to strings: user memory the kernel reads again",
    };
  if (to.kind === "named") {
    const decl = ctx.index.composite(to.name, abi.name);
    if (decl) return pointee(ctx, ptr, decl, abi, count);
  }
  if (to.kind === "array") {
    const len = to.length;
    const arrCount =
      "fixed" in len
        ? { count: { fixed: len.fixed } }
        : "countedBy" in len
          ? { count: { argument: len.countedBy } }
          : count;
    return {
      ...ptr,
      class: "array",
      ...arrCount,
      inspectable: true,
      why: "an array a parser copies by its count, then inspects element by element",
    };
  }
  if (
    to.kind === "scalar" &&
    (to.name === "void" || to.name === "char" || to.name === "u8" || to.name === "uchar")
  )
    return {
      ...ptr,
      class: "buffer",
      ...count,
      inspectable: false,
      why: "opaque bytes: data, not parameters",
    };
  return {
    ...ptr,
    class: "array",
    ...(counter ? count : { count: { fixed: 1 } }),
    inspectable: true,
    why: counter
      ? "values a parser copies by the count argument"
      : "one value in user memory a parser copies",
  };
}

/** A pair's seccomp indexes, low word first; a single slot as is. */
function pairOrder(s: ParamSlots): (number | null)[] {
  if (s.low === undefined || s.high === undefined) return s.seccomp;
  const at = (slot: number) => s.seccomp[s.slots.indexOf(slot)] ?? null;
  return [at(s.low), at(s.high)];
}

function pointee(
  ctx: GeneratorContext,
  ptr: Omit<CapArg, "class" | "inspectable" | "why">,
  decl: CompositeDecl,
  abi: Abi,
  count: { count?: { argument: string } },
): CapArg {
  const size = ctx.layout(decl.name, abi.name).size;
  const named = { ...ptr, struct: decl.name, size };
  // Output pointers were classified before: this one the kernel copies in (file_setattr copies
  // in the file_attr that file_getattr writes, whatever the struct's usual direction).
  if (decl.extensible)
    return {
      ...named,
      class: "extensible-struct",
      inspectable: true,
      why: `an extensible struct (versions ${decl.extensible.versions.map((v) => v.size).join(", ")} bytes): every field can be inspected once the kernel copies it first`,
    };
  const nested = ctx.members(decl.name, abi.name).some((m) => /\*/.test(m.type));
  const cls = decl.kind === "union" ? "union" : "struct";
  return {
    ...named,
    class: cls,
    ...count,
    inspectable: true,
    why:
      cls === "union"
        ? `a ${size}-byte union: which member applies depends on another argument`
        : `a fixed ${size}-byte struct a parser copies${count.count ? " (an array: count by argument)" : ""}${nested ? "; it points at more user memory" : ""}`,
  };
}

function extensibleStructs(ctx: GeneratorContext): CapStruct[] {
  const out: CapStruct[] = [];
  const names = ctx.registry.types
    .filter((t): t is CompositeDecl => t.kind !== "variant" && t.extensible !== null)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const decl of names) {
    const ext = decl.extensible!;
    const versions = ext.versions.map((v, i) => ({
      version: i,
      size: v.size,
      since: v.since,
      macro: v.macro,
    }));
    const groups = new Map<string, { abis: string[]; size: number; align: number; fields: CapField[] }>();
    for (const abi of ctx.abis) {
      const layout = ctx.layout(decl.name, abi.name);
      const fields = ctx.members(decl.name, abi.name).map((m): CapField => {
        const end =
          m.bitOffset !== undefined && m.bitSize !== undefined
            ? Math.ceil((m.bitOffset + m.bitSize) / 8)
            : m.offset + m.size;
        const vi = versions.findIndex((v) => v.size >= end);
        const version = vi < 0 ? versions.length - 1 : vi;
        const f: CapField = {
          path: m.path,
          type: m.type,
          offset: m.offset,
          size: m.size,
          version,
          since: laterVersion(versions[version]!.since, m.since)!,
        };
        if (m.bitOffset !== undefined && m.bitSize !== undefined) {
          f.bitOffset = m.bitOffset;
          f.bitSize = m.bitSize;
        }
        if (m.signed !== undefined) f.signed = m.signed;
        return f;
      });
      const value = { size: layout.size, align: layout.align, fields };
      const key = JSON.stringify(value);
      const g = groups.get(key);
      if (g) g.abis.push(abi.name);
      else groups.set(key, { abis: [abi.name], ...value });
    }
    // "in" when some syscall passes it in (file_attr: file_setattr), whatever its usual direction.
    const copiedIn = ctx.registry.syscalls.some((s) =>
      s.signatures.some((g) =>
        g.params.some(
          (p) =>
            p.type.kind === "pointer" &&
            p.type.direction !== "out" &&
            p.type.to.kind === "named" &&
            p.type.to.name === decl.name,
        ),
      ),
    );
    out.push({
      name: decl.name,
      copy: copiedIn ? "in" : ext.copy,
      sizeIn:
        ext.sizeIn.kind === "field"
          ? { field: ext.sizeIn.field }
          : ext.sizeIn.kind === "ioctl"
            ? { ioctl: true }
            : { argument: true },
      zeroMeansFirst: ext.zeroMeansFirst,
      belowMin: ext.belowMin,
      versions,
      layouts: [...groups.values()].sort((a, b) => b.abis.length - a.abis.length),
    });
  }
  return out;
}

function landlockFacts(ctx: GeneratorContext): LandlockFacts {
  // A registry without the set (a test's small schema tree) has no rights to map.
  const set = ctx.index.set("LandlockAccessFs") ?? { members: [] };
  const abiSince = (n: number) => LANDLOCK_ABIS.find((a) => a.abi === n)!.since;
  const rights = set.members
    .filter((m) => !m.composite)
    .map((m) => {
      const abi = RIGHT_ABI[m.name] ?? 1;
      // The registry's own @since of a right must be the kernel of its Landlock ABI.
      if (m.since && compareVersions(m.since, abiSince(abi)) !== 0)
        throw new Error(
          `${m.name}: the registry says since ${m.since}, Landlock ABI ${abi} came with ${abiSince(abi)}`,
        );
      return { name: m.name, value: m.value, abi, since: abiSince(abi) };
    });
  return { rights, abis: [...LANDLOCK_ABIS], provenance: [...LANDLOCK_PROVENANCE] };
}

/**
 * Fails on any curated name the registry does not know where it declares the syscalls involved:
 * a renamed argument or field must not leave a stale fact. A registry without those syscalls (a
 * test's small schema tree) simply gets no curated facts for them.
 */
function checkCuratedNames(ctx: GeneratorContext, syscalls: CapSyscall[]): void {
  const byName = new Map(syscalls.map((s) => [s.name, s]));
  const rights = new Set(ctx.index.set("LandlockAccessFs")?.members.map((m) => m.name) ?? []);
  const argNames = (name: string) =>
    new Set(byName.get(name)?.variants.flatMap((v) => v.args.map((a) => a.name)) ?? []);
  for (const [name, c] of Object.entries(CLASSIC_EQUIVALENTS)) {
    const s = byName.get(name);
    if (!s || !byName.has(c.syscall)) continue;
    const struct = s.variants[0]?.args.find((a) => a.class === "extensible-struct")?.struct;
    const fields = new Set(struct ? ctx.members(struct, ctx.abis[0]!.name).map((m) => m.path) : []);
    const args = argNames(c.syscall);
    for (const f of c.fields) {
      if (!fields.has(f.field))
        throw new Error(`classic equivalent of ${name}: ${struct} has no field "${f.field}"`);
      if (!args.has(f.arg))
        throw new Error(`classic equivalent of ${name}: ${c.syscall} has no argument "${f.arg}"`);
    }
  }
  if (rights.size === 0) return;
  for (const [name, c] of Object.entries(LANDLOCK_COVER)) {
    if (!byName.has(name)) continue; // umount, oldumount, uselib: not every registry declares them
    for (const r of c.rights)
      if (!rights.has(r)) throw new Error(`Landlock cover of ${name}: unknown right ${r}`);
  }
}
