import { cType, signatureFor } from "@sysargs/codegen";
import {
  type ArgSlots,
  argumentSlots,
  describeArg64,
  type FieldLayout,
  holes,
  SECCOMP_ARGS,
  type TypeLayout,
} from "@sysargs/layout";
import type { Abi, CommandTable, Param, Signature, SyscallDecl, TypeRef } from "@sysargs/model";
import type { SysargsRegistry } from "@sysargs/registry";
import { CliError } from "./errors.js";
import { formatLayout } from "./format-layout.js";
import { type Io, json, table } from "./io.js";
import { loadRegistry, notFound, requireAbi } from "./query.js";
import { reservedStatus, sinceLabel } from "./tables-commands.js";

/** `sysargs abis [--abi A] [--json]`: every ABI, or the one named (by name or alias). */
export function cmdAbis(opts: { json: boolean; abi?: string; registry?: string }, io: Io): void {
  const registry = loadRegistry(opts.registry);
  const only = opts.abi === undefined ? undefined : requireAbi(registry, opts.abi);
  const abis = registry.abis().filter((a) => only === undefined || a.name === only);
  if (opts.json) {
    io.out(json(abis.map(({ loc: _l, doc: _d, ...a }) => a)));
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
  for (const a of abis)
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
  const registry = loadRegistry(opts.registry);
  const abi = requireAbi(registry, opts.abi);
  const layout = registry.layout(opts.type, abi);
  if (!layout) throw notFound("type", opts.type, registry.typeNames());
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
  const registry = loadRegistry(opts.registry);
  const sc = registry.syscall(opts.name);
  if (!sc) {
    const reserved = registry.reserved(opts.name);
    if (reserved) {
      const statuses = [...new Set(Object.values(reserved).map(reservedStatus))].join("; ");
      throw new CliError(
        `${opts.name} has no implementation in Linux ${registry.kernel} (${statuses}); its number stays reserved on ` +
          `${Object.keys(reserved).length} ABIs: sysargs resolve ${opts.name} --abi A`,
        1,
      );
    }
    throw notFound("syscall", opts.name, registry.syscallNames());
  }
  const abis = opts.abi ? [requireAbi(registry, opts.abi)] : [...registry.abiNames()];
  if (opts.json) {
    io.out(json(syscallJson(sc, abis, registry)));
    return;
  }
  const lines = [`${sc.name}${sc.since ? `  (since Linux ${sc.since})` : ""}`];
  if (sc.doc) lines.push(`  ${sc.doc.split("\n")[0]}`);
  lines.push("", "  numbers:", ...numbersByAbi(registry, sc.name, abis));
  const groups = new Map<string, string[]>();
  for (const abi of abis) {
    const sig = signatureFor(sc, abi);
    if (!sig) continue;
    const text = `${cType(sig.returns, registry)} ${sc.name}(${sig.params.map((p) => paramText(p, registry)).join(", ")})`;
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
    const abi = registry.abi(abis[0]!)!;
    const sig = signatureFor(sc, abi.name);
    if (sig) lines.push("", ...slotLines(sig, abi));
  }
  const structs = new Set<string>();
  for (const abi of abis) for (const p of signatureFor(sc, abi)?.params ?? []) collectNamed(p.type, structs);
  for (const s of [...structs].sort()) {
    const decl = registry.composite(s, abis[0]!);
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
      const l = registry.layout(s, abi);
      if (l) sizes.set(`${l.size}/${l.align}`, [...(sizes.get(`${l.size}/${l.align}`) ?? []), abi]);
    }
    lines.push(
      `    size/align: ${[...sizes].map(([k, v]) => `${k} on ${v.length === registry.abiNames().length ? "every ABI" : v.join(",")}`).join("; ")}`,
    );
  }
  if (sc.commands) {
    const c = commandsJson(sc.commands, registry);
    lines.push("", `  per ${c.selector} (${c.set}):`);
    const width = Math.max(...c.cases.map((x) => x.command.length));
    for (const x of c.cases)
      lines.push(
        `    ${x.command.padEnd(width)}  ${x.params.length ? x.params.map((p) => `${p.name}: ${p.type}${p.set ? ` (${p.set})` : ""}`).join(", ") : "(no other argument)"}`,
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

function syscallJson(sc: SyscallDecl, abis: string[], registry: SysargsRegistry) {
  const numbers = registry.numbers(sc.name) ?? {};
  return {
    name: sc.name,
    since: sc.since,
    numbers: Object.fromEntries(
      abis.map((abi) => {
        const e = numbers[abi];
        return [
          abi,
          e
            ? {
                number: e.number,
                since: e.since,
                ...(e.sinceAtMost !== undefined ? { sinceAtMost: e.sinceAtMost } : {}),
              }
            : null,
        ];
      }),
    ),
    doc: sc.doc,
    provenance: sc.provenance,
    ...(sc.commands ? { commands: commandsJson(sc.commands, registry) } : {}),
    abis: Object.fromEntries(
      abis.map((abi) => {
        const sig = signatureFor(sc, abi);
        return [
          abi,
          sig
            ? {
                returns: cType(sig.returns, registry),
                params: sig.params.map((p, i) => ({
                  index: i,
                  name: p.name,
                  type: cType(p.type, registry),
                  kind: p.ann.kind,
                  ...(p.ann.set ? { set: p.ann.set } : {}),
                  ...(p.ann.of ? { of: p.ann.of } : {}),
                  ...(p.type.kind === "pointer"
                    ? { direction: p.type.direction, pointee: cType(p.type.to, registry) }
                    : {}),
                  ...pointeeLayout(p.type, abi, registry),
                })),
                slots: slotsJson(sig, registry.abi(abi)!),
              }
            : null,
        ];
      }),
    ),
  };
}

/** Per command, the arguments it uses and their meaning for it (`Commands<>` in the schemas). */
function commandsJson(t: CommandTable, registry: SysargsRegistry) {
  return {
    selector: t.selector,
    set: t.set,
    cases: t.cases.map((c) => ({
      command: c.command,
      params: c.params.map((p) => ({
        name: p.name,
        type: cType(p.type, registry),
        kind: p.ann.kind,
        ...(p.ann.set ? { set: p.ann.set } : {}),
        ...(p.type.kind === "pointer"
          ? { direction: p.type.direction, pointee: cType(p.type.to, registry) }
          : {}),
      })),
      doc: c.doc,
    })),
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

function pointeeLayout(t: TypeRef, abi: string, registry: SysargsRegistry) {
  if (t.kind === "pointer" && t.to.kind === "named") {
    const l = registry.layout(t.to.name, abi);
    if (l) return { pointeeSize: l.size, pointeeAlign: l.align };
  }
  return {};
}

function paramText(p: Param, registry: SysargsRegistry): string {
  const extra = p.ann.set
    ? ` /* ${p.ann.set} */`
    : p.ann.kind && !["scalar", "pointer"].includes(p.ann.kind)
      ? ` /* ${p.ann.kind} */`
      : "";
  return `${cType(p.type, registry)} ${p.name}${extra}`;
}

/** Number and version of a syscall on each ABI, for display. */
function numbersByAbi(registry: SysargsRegistry, name: string, abis: string[]): string[] {
  const numbers = registry.numbers(name) ?? {};
  const lines: string[] = [];
  const absent: string[] = [];
  for (const abi of abis) {
    const e = numbers[abi];
    if (e) lines.push(`    ${abi.padEnd(12)} ${String(e.number).padStart(10)}  since ${sinceLabel(e)}`);
    else absent.push(abi);
  }
  if (absent.length) lines.push(`    not on: ${absent.join(", ")}`);
  return lines;
}

/** `sysargs export --json`: the whole registry as one document. */
export function cmdExport(opts: { registry?: string }, io: Io): void {
  io.out(JSON.stringify(loadRegistry(opts.registry).document(), null, 1));
}
