import {
  type ArgSlots,
  argumentSlots,
  describeArg64,
  type FieldLayout,
  holes,
  SECCOMP_ARGS,
  type TypeLayout,
} from "@sysargs/layout";
import {
  type Abi,
  type Param,
  RegistryIndex,
  SCALARS,
  type Signature,
  type SyscallDecl,
  type TypeRef,
} from "@sysargs/model";
import { usageError } from "./errors.js";
import { formatLayout } from "./format-layout.js";
import { loadRegistry, notFound, requireAbi } from "./query.js";
import { numbersByAbi } from "./tables-commands.js";

export interface Io {
  out: (s: string) => void;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);

export function cmdAbis(opts: { json: boolean; registry?: string }, io: Io): void {
  const { registry } = loadRegistry(opts.registry);
  if (opts.json) {
    io.out(json(registry.abis.map(({ loc: _l, doc: _d, ...a }) => a)));
    return;
  }
  const rows = [
    [
      "abi",
      "family",
      "endian",
      "long/ptr",
      "kernel_long",
      "u64 align",
      "page",
      "AUDIT_ARCH",
      "aliases",
      "arg64",
      "toolchain",
    ],
  ];
  for (const a of registry.abis)
    rows.push([
      a.name,
      a.family,
      a.endian,
      `${a.scalars.long.size * 8}/${a.scalars.pointer.size * 8}`,
      String(a.scalars.kernel_long_t.size * 8),
      String(a.scalars.longlong.align),
      String(a.pageSize),
      `0x${a.auditArch.toString(16).padStart(8, "0")}`,
      a.aliases.join(",") || "-",
      a.arg64 === "register"
        ? "register"
        : `${a.arg64}/${a.arg64First}${a.arg64Boundary !== null ? `/no-split@${a.arg64Boundary}` : ""}`,
      a.toolchain
        ? `${a.toolchain.triplet}${a.toolchain.flags.length ? ` ${a.toolchain.flags.join(" ")}` : ""}`
        : "none",
    ]);
  io.out(table(rows));
}

export function cmdLayout(
  opts: { type: string; abi: string; json: boolean; registry?: string },
  io: Io,
): void {
  const { registry, index } = loadRegistry(opts.registry);
  const abi = requireAbi(index, opts.abi);
  const l = registry.layouts[abi]?.[opts.type];
  if (!l)
    throw notFound(
      "type",
      opts.type,
      registry.types.map((t) => t.name),
    );
  const layout: TypeLayout = { abi, name: opts.type, ...l };
  io.out(opts.json ? json(layoutJson(layout)) : formatLayout(layout));
}

/** The stable machine form of `layout --json`. */
export function layoutJson(l: TypeLayout) {
  const fields = (fs: FieldLayout[]): unknown[] =>
    fs.map((f) => ({
      name: f.name,
      offset: f.offset,
      size: f.size,
      type: f.type,
      ...(f.bitSize !== undefined ? { bitOffset: f.bitOffset, bitSize: f.bitSize } : {}),
      ...(f.fields ? { fields: fields(f.fields) } : {}),
    }));
  return {
    abi: l.abi,
    name: l.name,
    kind: l.kind,
    size: l.size,
    align: l.align,
    holes: holes(l),
    fields: fields(l.fields),
  };
}

export function cmdSyscall(
  opts: { name: string; abi?: string; json: boolean; registry?: string },
  io: Io,
): void {
  const { registry, index } = loadRegistry(opts.registry);
  const sc = index.syscall(opts.name);
  if (!sc)
    throw notFound(
      "syscall",
      opts.name,
      registry.syscalls.map((s) => s.name),
    );
  const abis = opts.abi ? [requireAbi(index, opts.abi)] : index.abiNames();
  if (opts.json) {
    io.out(json(syscallJson(sc, abis, index, registry.layouts)));
    return;
  }
  const lines = [`${sc.name}${sc.since ? `  (since Linux ${sc.since})` : ""}`];
  if (sc.doc) lines.push(`  ${sc.doc.split("\n")[0]}`);
  lines.push("", "  numbers:", ...numbersByAbi(index, sc.name, abis));
  const groups = new Map<string, string[]>();
  for (const abi of abis) {
    const sig = signatureFor(sc, abi);
    if (!sig) continue;
    const text = `${cType(sig.returns, index)} ${sc.name}(${sig.params.map((p) => paramText(p, index)).join(", ")})`;
    groups.set(text, [...(groups.get(text) ?? []), abi]);
  }
  for (const [text, on] of groups) {
    lines.push(
      "",
      `  ${text}`,
      `    on: ${on.length === abis.length && !opts.abi ? "every ABI" : on.join(", ")}`,
    );
  }
  if (opts.abi) {
    const abi = index.abi(abis[0]!)!;
    const sig = signatureFor(sc, abi.name);
    if (sig) lines.push("", ...slotLines(sig, abi));
  }
  const structs = new Set<string>();
  for (const abi of abis) for (const p of signatureFor(sc, abi)?.params ?? []) collectNamed(p.type, structs);
  for (const s of [...structs].sort()) {
    const decl = index.composite(s, abis[0]!);
    if (decl?.extensible) {
      const ext = decl.extensible;
      lines.push(
        "",
        `  struct ${s}: extensible, sizes ${ext.versions.map((v) => `${v.size} (${v.since})`).join(", ")}`,
      );
      lines.push(
        `    size in ${ext.sizeIn.kind === "field" ? `field ${ext.sizeIn.field}` : ext.sizeIn.kind}; below ${ext.versions[0]!.size}: ${ext.zeroMeansFirst ? "0 means first version, otherwise " : ""}${ext.belowMin}; above page: ${ext.abovePage}${ext.tailMustBeZero ? "; larger sizes need a zero tail (E2BIG)" : ""}`,
      );
      for (const fm of ext.flagMinSize)
        lines.push(`    ${fm.flag} in ${fm.field} requires size >= ${fm.size}`);
    }
    const sizes = new Map<string, string[]>();
    for (const abi of abis) {
      const l = registry.layouts[abi]?.[s];
      if (l) sizes.set(`${l.size}/${l.align}`, [...(sizes.get(`${l.size}/${l.align}`) ?? []), abi]);
    }
    lines.push(
      `    size/align: ${[...sizes].map(([k, v]) => `${k} on ${v.length === index.abiNames().length ? "every ABI" : v.join(",")}`).join("; ")}`,
    );
  }
  io.out(lines.join("\n"));
}

function collectNamed(t: TypeRef, out: Set<string>): void {
  if (t.kind === "named") out.add(t.name);
  else if (t.kind === "pointer") collectNamed(t.to, out);
  else if (t.kind === "array") collectNamed(t.of, out);
}

/** The argument slots of a signature on an ABI, or the reason there are none. */
export function slotsOf(sig: Signature, abi: Abi): ArgSlots | { error: string } {
  try {
    return argumentSlots(sig, abi);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** `syscall --abi A` text: one line per parameter with its seccomp_data.args slot(s). */
function slotLines(sig: Signature, abi: Abi): string[] {
  const head = `  argument slots on ${abi.name} (64-bit arguments: ${describeArg64(abi)}):`;
  const r = slotsOf(sig, abi);
  if (!("params" in r)) return [head, `    cannot place the arguments: ${r.error}`];
  const at = (slot: number): string => {
    const i = slot + abi.seccompArgShift;
    if (i >= SECCOMP_ARGS) return `slot ${slot} (not in seccomp_data.args)`;
    return abi.seccompArgShift === 0 ? `args[${i}]` : `slot ${slot} = args[${i}]`;
  };
  const width = Math.max(0, ...r.params.map((p) => p.name.length));
  const lines = [head];
  if (r.params.length === 0) lines.push("    (no arguments)");
  for (const p of r.params) {
    const where =
      p.low === undefined
        ? p.slots.map(at).join(", ")
        : p.slots.map((s) => `${at(s)} ${s === p.low ? "low" : "high"} 32 bits`).join(", ");
    lines.push(`    ${p.name.padEnd(width)}  ${where}`);
  }
  if (r.padding.length) lines.push(`    padding: ${r.padding.map(at).join(", ")} (unused)`);
  if (r.error) lines.push(`    error: ${r.error}`);
  return lines;
}

export function signatureFor(sc: SyscallDecl, abi: string) {
  return sc.signatures.find((s) => s.abis.includes(abi)) ?? sc.signatures.find((s) => s.abis.length === 0);
}

function syscallJson(
  sc: SyscallDecl,
  abis: string[],
  index: RegistryIndex,
  layouts: Record<string, Record<string, unknown>>,
) {
  return {
    name: sc.name,
    since: sc.since,
    numbers: Object.fromEntries(
      abis.map((abi) => {
        const e = index.table(abi)?.entries.find((x) => x.name === sc.name);
        return [abi, e ? { number: e.number, since: e.since } : null];
      }),
    ),
    doc: sc.doc,
    provenance: sc.provenance,
    abis: Object.fromEntries(
      abis.map((abi) => {
        const sig = signatureFor(sc, abi);
        return [
          abi,
          sig
            ? {
                returns: cType(sig.returns, index),
                params: sig.params.map((p, i) => ({
                  index: i,
                  name: p.name,
                  type: cType(p.type, index),
                  kind: p.ann.kind,
                  ...(p.ann.set ? { set: p.ann.set } : {}),
                  ...(p.ann.of ? { of: p.ann.of } : {}),
                  ...(p.type.kind === "pointer"
                    ? { direction: p.type.direction, pointee: cType(p.type.to, index) }
                    : {}),
                  ...pointeeLayout(p.type, abi, layouts),
                })),
                slots: slotsJson(sig, index.abi(abi)!),
              }
            : null,
        ];
      }),
    ),
  };
}

/** The stable machine form of the argument slots (`syscall --json`, `abis.<abi>.slots`). */
function slotsJson(sig: Signature, abi: Abi) {
  const r = slotsOf(sig, abi);
  const model = { arg64: abi.arg64, arg64First: abi.arg64First, seccompArgShift: abi.seccompArgShift };
  if (!("params" in r)) return { ...model, error: r.error };
  return {
    ...model,
    used: r.used,
    capacity: r.capacity,
    padding: r.padding,
    params: r.params.map(({ name, slots, low, high, seccomp }) => ({
      name,
      slots,
      ...(low !== undefined ? { low, high } : {}),
      seccomp,
    })),
    ...(r.error ? { error: r.error } : {}),
  };
}

function pointeeLayout(t: TypeRef, abi: string, layouts: Record<string, Record<string, unknown>>) {
  if (t.kind === "pointer" && t.to.kind === "named") {
    const l = layouts[abi]?.[t.to.name] as { size: number; align: number } | undefined;
    if (l) return { pointeeSize: l.size, pointeeAlign: l.align };
  }
  return {};
}

function paramText(p: Param, index: RegistryIndex): string {
  const extra = p.ann.set
    ? ` /* ${p.ann.set} */`
    : p.ann.kind && !["scalar", "pointer"].includes(p.ann.kind)
      ? ` /* ${p.ann.kind} */`
      : "";
  return `${cType(p.type, index)} ${p.name}${extra}`;
}

export function cType(t: TypeRef, index: RegistryIndex): string {
  switch (t.kind) {
    case "scalar":
      return SCALARS[t.name]?.c ?? t.name;
    case "named": {
      const d = index.type(t.name);
      return d && d.kind !== "variant" ? `${d.kind} ${t.name}` : `struct ${t.name}`;
    }
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

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "))
    .join("\n");
}

export function requireArg(value: string | undefined, what: string): string {
  if (!value) throw usageError(`missing ${what}`);
  return value;
}

export { RegistryIndex };
