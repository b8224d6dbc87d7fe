import {
  SECCOMP_ARGS,
  argumentSlots,
  cType,
  describeArg64,
  holes,
  signatureFor
} from "./chunk-KAOGW6Y4.js";
import {
  loadRegistry,
  notFound,
  requireAbi
} from "./chunk-RCZT3K7K.js";
import "./chunk-XQVPLUMH.js";
import "./chunk-VVNBBFBK.js";
import {
  json,
  table
} from "./chunk-G67NX5UV.js";

// dist/format-layout.js
function formatLayout(l) {
  const lines = [`${l.kind} ${l.name} {	/* ${l.abi}: size ${l.size}, align ${l.align} */`];
  const hs = holes(l);
  const holeAfter = new Map(hs.filter((h) => h.after).map((h) => [h.after, h]));
  const emit = (fields, depth, base) => {
    const ind = "	".repeat(depth);
    for (const f of fields) {
      const abs = base + f.offset;
      if (f.fields) {
        lines.push(`${ind}${f.type}${f.anonymous ? "" : ""} {	/* ${pad(abs, 5)} ${pad(f.size, 5)} */`);
        emit(f.fields, depth + 1, abs);
        lines.push(`${ind}}${f.anonymous ? "" : ` ${f.name}`};`);
      } else if (f.bitSize !== void 0) {
        const bitBase = base * 8 + f.bitOffset;
        const decl = `${f.type} ${f.name}:${f.bitSize};`;
        lines.push(`${ind}${decl.padEnd(40)}/* ${pad(Math.floor(bitBase / 8), 5)}:${pad(bitBase % 8, 2)} ${pad(f.size, 4)} */`);
      } else {
        const decl = `${f.type} ${f.name};`;
        lines.push(`${ind}${decl.padEnd(40)}/* ${pad(abs, 5)} ${pad(f.size, 5)} */`);
      }
      if (depth === 1) {
        const h = holeAfter.get(f.name);
        if (h)
          lines.push(`
${ind}/* XXX ${h.size} byte${h.size === 1 ? "" : "s"} hole, try to pack */
`);
      }
    }
  };
  emit(l.fields, 1, 0);
  const trailing = hs.find((h) => !h.after);
  const holeCount = hs.filter((h) => h.after).length;
  const holeBytes = hs.filter((h) => h.after).reduce((s, h) => s + h.size, 0);
  lines.push(`};	/* size: ${l.size}, align: ${l.align}, members: ${l.fields.length}, holes: ${holeCount} (${holeBytes} byte${holeBytes === 1 ? "" : "s"}), padding: ${trailing?.size ?? 0} */`);
  return lines.join("\n");
}
var pad = (n, w) => String(n).padStart(w);

// dist/commands.js
function cmdAbis(opts, io) {
  const registry = loadRegistry(opts.registry);
  if (opts.json) {
    io.out(json(registry.abis().map(({ loc: _l, doc: _d, ...a }) => a)));
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
      "toolchain"
    ]
  ];
  for (const a of registry.abis())
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
      a.arg64 === "register" ? "register" : `${a.arg64}/${a.arg64First}${a.arg64Boundary !== null ? `/no-split@${a.arg64Boundary}` : ""}`,
      a.toolchain ? `${a.toolchain.triplet}${a.toolchain.flags.length ? ` ${a.toolchain.flags.join(" ")}` : ""}` : "none"
    ]);
  io.out(table(rows));
}
function cmdLayout(opts, io) {
  const registry = loadRegistry(opts.registry);
  const abi = requireAbi(registry, opts.abi);
  const layout = registry.layout(opts.type, abi);
  if (!layout)
    throw notFound("type", opts.type, registry.typeNames());
  io.out(opts.json ? json(layoutJson(layout)) : formatLayout(layout));
}
function layoutJson(l) {
  const fields = (fs) => fs.map((f) => ({
    name: f.name,
    offset: f.offset,
    size: f.size,
    type: f.type,
    ...f.bitSize !== void 0 ? { bitOffset: f.bitOffset, bitSize: f.bitSize } : {},
    ...f.fields ? { fields: fields(f.fields) } : {}
  }));
  return {
    abi: l.abi,
    name: l.name,
    kind: l.kind,
    size: l.size,
    align: l.align,
    holes: holes(l),
    fields: fields(l.fields)
  };
}
function cmdSyscall(opts, io) {
  const registry = loadRegistry(opts.registry);
  const sc = registry.syscall(opts.name);
  if (!sc)
    throw notFound("syscall", opts.name, registry.syscallNames());
  const abis = opts.abi ? [requireAbi(registry, opts.abi)] : [...registry.abiNames()];
  if (opts.json) {
    io.out(json(syscallJson(sc, abis, registry)));
    return;
  }
  const lines = [`${sc.name}${sc.since ? `  (since Linux ${sc.since})` : ""}`];
  if (sc.doc)
    lines.push(`  ${sc.doc.split("\n")[0]}`);
  lines.push("", "  numbers:", ...numbersByAbi(registry, sc.name, abis));
  const groups = /* @__PURE__ */ new Map();
  for (const abi of abis) {
    const sig = signatureFor(sc, abi);
    if (!sig)
      continue;
    const text = `${cType(sig.returns, registry)} ${sc.name}(${sig.params.map((p) => paramText(p, registry)).join(", ")})`;
    groups.set(text, [...groups.get(text) ?? [], abi]);
  }
  for (const [text, on] of groups) {
    lines.push("", `  ${text}`, `    on: ${on.length === abis.length && !opts.abi ? "every ABI" : on.join(", ")}`);
  }
  if (opts.abi) {
    const abi = registry.abi(abis[0]);
    const sig = signatureFor(sc, abi.name);
    if (sig)
      lines.push("", ...slotLines(sig, abi));
  }
  const structs = /* @__PURE__ */ new Set();
  for (const abi of abis)
    for (const p of signatureFor(sc, abi)?.params ?? [])
      collectNamed(p.type, structs);
  for (const s of [...structs].sort()) {
    const decl = registry.composite(s, abis[0]);
    if (decl?.extensible) {
      const ext = decl.extensible;
      lines.push("", `  struct ${s}: extensible, sizes ${ext.versions.map((v) => `${v.size} (${v.since})`).join(", ")}`);
      lines.push(`    size in ${ext.sizeIn.kind === "field" ? `field ${ext.sizeIn.field}` : ext.sizeIn.kind}; below ${ext.versions[0].size}: ${ext.zeroMeansFirst ? "0 means first version, otherwise " : ""}${ext.belowMin}; above page: ${ext.abovePage}${ext.tailMustBeZero ? "; larger sizes need a zero tail (E2BIG)" : ""}`);
      for (const fm of ext.flagMinSize)
        lines.push(`    ${fm.flag} in ${fm.field} requires size >= ${fm.size}`);
    }
    const sizes = /* @__PURE__ */ new Map();
    for (const abi of abis) {
      const l = registry.layout(s, abi);
      if (l)
        sizes.set(`${l.size}/${l.align}`, [...sizes.get(`${l.size}/${l.align}`) ?? [], abi]);
    }
    lines.push(`    size/align: ${[...sizes].map(([k, v]) => `${k} on ${v.length === registry.abiNames().length ? "every ABI" : v.join(",")}`).join("; ")}`);
  }
  io.out(lines.join("\n"));
}
function collectNamed(t, out) {
  if (t.kind === "named")
    out.add(t.name);
  else if (t.kind === "pointer")
    collectNamed(t.to, out);
  else if (t.kind === "array")
    collectNamed(t.of, out);
}
function slotsOf(sig, abi) {
  try {
    return argumentSlots(sig, abi);
  } catch (e) {
    return { error: e.message };
  }
}
function slotLines(sig, abi) {
  const head = `  argument slots on ${abi.name} (64-bit arguments: ${describeArg64(abi)}):`;
  const r = slotsOf(sig, abi);
  if (!("params" in r))
    return [head, `    cannot place the arguments: ${r.error}`];
  const at = (slot) => {
    const i = slot + abi.seccompArgShift;
    if (i >= SECCOMP_ARGS)
      return `slot ${slot} (not in seccomp_data.args)`;
    return abi.seccompArgShift === 0 ? `args[${i}]` : `slot ${slot} = args[${i}]`;
  };
  const width = Math.max(0, ...r.params.map((p) => p.name.length));
  const lines = [head];
  if (r.params.length === 0)
    lines.push("    (no arguments)");
  for (const p of r.params) {
    const where = p.low === void 0 ? p.slots.map(at).join(", ") : p.slots.map((s) => `${at(s)} ${s === p.low ? "low" : "high"} 32 bits`).join(", ");
    lines.push(`    ${p.name.padEnd(width)}  ${where}`);
  }
  if (r.padding.length)
    lines.push(`    padding: ${r.padding.map(at).join(", ")} (unused)`);
  if (r.error)
    lines.push(`    error: ${r.error}`);
  return lines;
}
function syscallJson(sc, abis, registry) {
  const numbers = registry.numbers(sc.name) ?? {};
  return {
    name: sc.name,
    since: sc.since,
    numbers: Object.fromEntries(abis.map((abi) => {
      const e = numbers[abi];
      return [abi, e ? { number: e.number, since: e.since } : null];
    })),
    doc: sc.doc,
    provenance: sc.provenance,
    abis: Object.fromEntries(abis.map((abi) => {
      const sig = signatureFor(sc, abi);
      return [
        abi,
        sig ? {
          returns: cType(sig.returns, registry),
          params: sig.params.map((p, i) => ({
            index: i,
            name: p.name,
            type: cType(p.type, registry),
            kind: p.ann.kind,
            ...p.ann.set ? { set: p.ann.set } : {},
            ...p.ann.of ? { of: p.ann.of } : {},
            ...p.type.kind === "pointer" ? { direction: p.type.direction, pointee: cType(p.type.to, registry) } : {},
            ...pointeeLayout(p.type, abi, registry)
          })),
          slots: slotsJson(sig, registry.abi(abi))
        } : null
      ];
    }))
  };
}
function slotsJson(sig, abi) {
  const r = slotsOf(sig, abi);
  const model = { arg64: abi.arg64, arg64First: abi.arg64First, seccompArgShift: abi.seccompArgShift };
  if (!("params" in r))
    return { ...model, error: r.error };
  return {
    ...model,
    used: r.used,
    capacity: r.capacity,
    padding: r.padding,
    params: r.params.map(({ name, slots, low, high, seccomp }) => ({
      name,
      slots,
      ...low !== void 0 ? { low, high } : {},
      seccomp
    })),
    ...r.error ? { error: r.error } : {}
  };
}
function pointeeLayout(t, abi, registry) {
  if (t.kind === "pointer" && t.to.kind === "named") {
    const l = registry.layout(t.to.name, abi);
    if (l)
      return { pointeeSize: l.size, pointeeAlign: l.align };
  }
  return {};
}
function paramText(p, registry) {
  const extra = p.ann.set ? ` /* ${p.ann.set} */` : p.ann.kind && !["scalar", "pointer"].includes(p.ann.kind) ? ` /* ${p.ann.kind} */` : "";
  return `${cType(p.type, registry)} ${p.name}${extra}`;
}
function numbersByAbi(registry, name, abis) {
  const numbers = registry.numbers(name) ?? {};
  const lines = [];
  const absent = [];
  for (const abi of abis) {
    const e = numbers[abi];
    if (e)
      lines.push(`    ${abi.padEnd(12)} ${String(e.number).padStart(10)}  since ${e.since ?? "?"}`);
    else
      absent.push(abi);
  }
  if (absent.length)
    lines.push(`    not on: ${absent.join(", ")}`);
  return lines;
}
function cmdExport(opts, io) {
  io.out(JSON.stringify(loadRegistry(opts.registry).document(), null, 1));
}
export {
  cmdAbis,
  cmdExport,
  cmdLayout,
  cmdSyscall,
  layoutJson,
  slotsOf
};
