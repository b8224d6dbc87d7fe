import {
  type ArgCapability,
  type Capabilities,
  type CapabilityQuery,
  openCapabilities,
  type SyscallCapability,
} from "@sysargs/capabilities";
import { CliError, usageError } from "./errors.js";
import { type Io, json, table } from "./io.js";
import { loadRegistry, notFound, requireAbi } from "./query.js";

export interface CapsOptions {
  syscall?: string;
  abi?: string;
  kernel?: string;
  inspectable: boolean;
  field?: string;
  compare?: string;
  landlock: boolean;
  json: boolean;
}

const VERSION = /^[0-9]+\.[0-9]+(\.[0-9]+)?$/;

/**
 * `sysargs caps`: the capability list (@sysargs/capabilities) as a table or JSON. Without options,
 * every syscall's argument classes; with a syscall, its arguments, struct fields, fallback,
 * classic equivalent and Landlock rights; --inspectable, --kernel, --field, --landlock filter;
 * --compare A,B lists what differs between two ABIs.
 */
export function cmdCaps(opts: CapsOptions, io: Io): void {
  if (opts.kernel !== undefined && !VERSION.test(opts.kernel))
    throw usageError(`--kernel takes a version such as 5.10, not "${opts.kernel}"`);
  const caps = openCapabilities();
  const registry = loadRegistry();
  if (opts.compare !== undefined) {
    if (
      opts.syscall !== undefined ||
      opts.abi !== undefined ||
      opts.field !== undefined ||
      opts.landlock ||
      opts.inspectable
    )
      throw usageError("--compare A,B takes no syscall and no other filter (but --kernel)");
    const names = opts.compare.split(",");
    if (names.length !== 2 || !names[0] || !names[1])
      throw usageError(`--compare takes two ABIs: --compare x86_64,i386`);
    const [a, b] = names.map((n) => requireAbi(registry, n)) as [string, string];
    const diff = compareAbis(caps, a, b, opts.kernel);
    io.out(opts.json ? json(diff) : formatCompare(diff));
    return;
  }
  const abi = opts.abi === undefined ? undefined : requireAbi(registry, opts.abi);
  if (opts.syscall !== undefined && !caps.syscall(opts.syscall))
    throw notFound("syscall", opts.syscall, caps.syscallNames);
  const q: CapabilityQuery = {};
  if (abi !== undefined) q.abi = abi;
  if (opts.kernel !== undefined) q.kernel = opts.kernel;
  if (opts.inspectable) q.inspectable = true;
  if (opts.field !== undefined) q.field = opts.field;
  if (opts.landlock) q.landlock = true;
  if (opts.syscall !== undefined) q.syscalls = [opts.syscall];
  const results = caps.query(q);
  if (opts.syscall !== undefined && results.length === 0)
    throw new CliError(
      `${opts.syscall} does not exist on ${abi ?? "any ABI"}${opts.kernel ? ` in Linux ${opts.kernel}` : ""}`,
      1,
    );
  if (opts.json) {
    io.out(json({ kernel: caps.kernel, query: q, results }));
    return;
  }
  if (opts.landlock) io.out(formatLandlock(caps, results));
  else if (opts.syscall !== undefined) io.out(results.map(formatDetail).join("\n\n"));
  else if (opts.field !== undefined) io.out(formatField(results, opts.field));
  else io.out(formatList(results, abi === undefined));
}

/** Rows with the ABIs each holds on: "every ABI it has" when that is all of the syscall's ABIs. */
function collapse(
  rows: Map<string, { cells: string[]; abis: string[] }>,
  abisOf: Map<string, number>,
): string[][] {
  return [...rows.values()].map((r) => [
    ...r.cells,
    abisOf.get(r.cells[0]!) === r.abis.length ? `every ABI it has (${r.abis.length})` : r.abis.join(","),
  ]);
}

/** How many ABIs each syscall of the results is on. */
function abiCounts(results: SyscallCapability[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of results) m.set(r.name, (m.get(r.name) ?? 0) + 1);
  return m;
}

function argSummary(a: ArgCapability): string {
  if (a.class === "extensible-struct" || a.class === "struct" || a.class === "union")
    return `${a.name}:${a.class}(${a.struct})`;
  return `${a.name}:${a.class}`;
}

function formatList(results: SyscallCapability[], acrossAbis: boolean): string {
  if (results.length === 0) return "no syscall matches";
  if (!acrossAbis) {
    const rows = [["nr", "syscall", "since", "deep", "arguments"]];
    for (const r of results)
      rows.push([
        String(r.number),
        r.name,
        r.since ?? "-",
        r.deep ? "yes" : "-",
        r.args.map(argSummary).join(" ") || "-",
      ]);
    return table(rows);
  }
  // One row per syscall and distinct argument summary, with the ABIs it holds on.
  const grouped = new Map<string, { cells: string[]; abis: string[] }>();
  for (const r of results) {
    const cells = [r.name, r.since ?? "-", r.deep ? "yes" : "-", r.args.map(argSummary).join(" ") || "-"];
    const key = cells.join("\0");
    const g = grouped.get(key);
    if (g) g.abis.push(r.abi);
    else grouped.set(key, { cells, abis: [r.abi] });
  }
  return table([["syscall", "since", "deep", "arguments", "abis"], ...collapse(grouped, abiCounts(results))]);
}

function slotText(a: ArgCapability): string {
  if (a.slots.length === 0) return "-";
  return a.slots.map((s) => (s === null ? "none" : `args[${s}]`)).join("+");
}

function formatDetail(r: SyscallCapability): string {
  const lines = [
    `${r.name} on ${r.abi}: number ${r.number}, since ${r.since ?? "?"}${r.until ? `, removed in ${r.until}` : ""}; deep inspection: ${r.deep ? "yes" : "no"}`,
  ];
  if (r.doc) lines.push(r.doc);
  const rows = [["arg", "class", "where", "width", "compare", "inspectable", "why"]];
  for (const a of r.args)
    rows.push([
      a.name,
      a.class + (a.struct ? `(${a.struct})` : ""),
      slotText(a),
      String(a.width),
      a.compare ?? "-",
      a.inspectable ? "yes" : "no",
      a.why,
    ]);
  lines.push("", table(rows));
  for (const a of r.args) {
    if (!a.fields) continue;
    const v = a.structVersion!;
    lines.push(
      "",
      `struct ${a.struct}: known up to ${v.size} bytes (version ${v.version}, Linux ${v.since})`,
    );
    const f = [["field", "offset", "size", "type", "version", "since"]];
    for (const x of a.fields)
      f.push([
        x.path,
        x.bitOffset !== undefined ? `${x.offset} (bit ${x.bitOffset}:${x.bitSize})` : String(x.offset),
        String(x.size),
        x.type,
        String(x.version),
        x.since,
      ]);
    lines.push(table(f));
  }
  if (r.fallback)
    lines.push(
      "",
      `when refused with ${r.fallback.on}: ${r.fallback.to ? `${r.fallback.who} falls back to ${r.fallback.to}` : r.fallback.who}; ${r.fallback.note} [${r.fallback.provenance}]`,
    );
  if (r.classic) {
    const parts = r.classic.slots.map(
      (s) =>
        `${s.field} -> ${r.classic!.syscall}.${s.arg} (${s.slots.map((x) => (x === null ? "none" : `args[${x}]`)).join("+")}${s.compare ? `, ${s.compare}` : ""})`,
    );
    lines.push(
      `a classic filter checks today through ${r.classic.syscall}: ${parts.join(", ")}; ${r.classic.note}`,
    );
  }
  if (r.landlock)
    lines.push(
      `Landlock: ${r.landlock.status}${r.landlock.rights.length ? ` by ${r.landlock.rights.join(", ")} (ABI ${r.landlock.abi})` : ""}; ${r.landlock.note}`,
    );
  return lines.join("\n");
}

function formatField(results: SyscallCapability[], field: string): string {
  if (results.length === 0) return `no argument or struct field is named "${field}"`;
  const grouped = new Map<string, { cells: string[]; abis: string[] }>();
  for (const r of results)
    for (const a of r.args) {
      const rows: string[][] = a.fields
        ? a.fields.map((f) => [
            r.name,
            `${a.name}->${f.path}`,
            `extensible-struct(${a.struct})`,
            `offset ${f.offset}, ${f.size} bytes`,
            `${f.since} (v${f.version})`,
          ])
        : [
            [
              r.name,
              a.name,
              a.class,
              `${slotText(a)}, ${a.width} bytes${a.compare ? `, ${a.compare}` : ""}`,
              r.since ?? "-",
            ],
          ];
      for (const cells of rows) {
        const key = cells.join("\0");
        const g = grouped.get(key);
        if (g) g.abis.push(r.abi);
        else grouped.set(key, { cells, abis: [r.abi] });
      }
    }
  return table([
    ["syscall", "where", "class", "how", "since", "abis"],
    ...collapse(grouped, abiCounts(results)),
  ]);
}

function formatLandlock(caps: Capabilities, results: SyscallCapability[]): string {
  const rights = [["right", "value", "landlock abi", "since"]];
  for (const r of caps.landlock.rights)
    rights.push([r.name, `0x${r.value.toString(16)}`, String(r.abi), r.since]);
  const seen = new Set<string>();
  const rows = [["syscall", "path args", "landlock", "rights", "abi"]];
  for (const r of results) {
    if (seen.has(r.name) || !r.landlock) continue;
    seen.add(r.name);
    rows.push([
      r.name,
      r.args
        .filter((a) => a.class === "path")
        .map((a) => a.name)
        .join(","),
      r.landlock.status,
      r.landlock.rights.map((x) => x.replace("LANDLOCK_ACCESS_FS_", "")).join(",") || "-",
      r.landlock.rights.length ? String(r.landlock.abi) : "-",
    ]);
  }
  rows.sort((a, b) => (a === rows[0] ? -1 : b === rows[0] ? 1 : a[0]! < b[0]! ? -1 : 1));
  return `${table(rights)}\n\n${table(rows)}\n\npaths are never safely decidable from user memory: the kernel reads them again after a filter ran; Landlock decides on the file.`;
}

/** What differs between two ABIs: syscalls only one has, and arguments or struct fields that differ. */
export interface CapsComparison {
  a: string;
  b: string;
  onlyA: string[];
  onlyB: string[];
  differ: { syscall: string; what: string; a: string; b: string }[];
}

function compareAbis(caps: Capabilities, a: string, b: string, kernel: string | undefined): CapsComparison {
  const byName = (abi: string) =>
    new Map(caps.query({ abi, ...(kernel ? { kernel } : {}) }).map((r) => [r.name, r] as const));
  const A = byName(a);
  const B = byName(b);
  const out: CapsComparison = {
    a,
    b,
    onlyA: [...A.keys()].filter((n) => !B.has(n)).sort(),
    onlyB: [...B.keys()].filter((n) => !A.has(n)).sort(),
    differ: [],
  };
  // A pointer's own width follows the ABI and says nothing about the argument: left out.
  const describe = (x: ArgCapability | undefined) =>
    x
      ? `${x.name} ${x.class} ${slotText(x)}${x.compare ? ` ${x.width}B ${x.compare}` : ""}${x.signed ? " signed" : ""}`
      : "-";
  for (const [name, ra] of [...A.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const rb = B.get(name);
    if (!rb) continue;
    const n = Math.max(ra.args.length, rb.args.length);
    for (let i = 0; i < n; i++) {
      const x = ra.args[i];
      const y = rb.args[i];
      const dx = describe(x);
      const dy = describe(y);
      if (dx !== dy) out.differ.push({ syscall: name, what: `argument ${i}`, a: dx, b: dy });
      const fx = new Map((x?.fields ?? []).map((f) => [f.path, f]));
      for (const fy of y?.fields ?? []) {
        const f = fx.get(fy.path);
        if (f && (f.offset !== fy.offset || f.size !== fy.size))
          out.differ.push({
            syscall: name,
            what: `${x!.struct}.${fy.path}`,
            a: `offset ${f.offset}`,
            b: `offset ${fy.offset}`,
          });
      }
    }
  }
  return out;
}

function formatCompare(d: CapsComparison): string {
  const lines = [
    `only on ${d.a} (${d.onlyA.length}): ${d.onlyA.join(" ") || "-"}`,
    `only on ${d.b} (${d.onlyB.length}): ${d.onlyB.join(" ") || "-"}`,
  ];
  if (d.differ.length === 0) lines.push("", "every syscall both have takes its arguments the same way");
  else
    lines.push(
      "",
      table([["syscall", "what", d.a, d.b], ...d.differ.map((x) => [x.syscall, x.what, x.a, x.b])]),
    );
  return lines.join("\n");
}
