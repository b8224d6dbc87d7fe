// Generates schemas/linux/syscalls/*.generated.ts: one signature per syscall name of every ABI the registry
// models. Deterministic for the same inputs:
//   - the syscall trace event formats of the running kernel (argument names and C types of every
//     syscall with a sys_enter_* event on x86_64),
//   - an extracted Linux source tree (syscall tables of every architecture, and the prototypes of
//     include/linux/syscalls.h, include/asm-generic/syscalls.h and arch/*/include/asm/syscalls*.h),
//   - the hand-written rules in rules.ts (pointer directions, paths, file descriptors, lengths,
//     flag sets, topics) and the hand-written files listed in HAND_WRITTEN, which are left alone,
//   - the one-line descriptions of descriptions.ts (required: a syscall without one stops the run
//     before anything is written) and the first releases of since.ts.
//
// Usage: npx tsx tools/signatures/src/generate.ts [--linux <tree or tarball>] \
//          [--tracefs /sys/kernel/tracing/events/syscalls] [--kernel-release 6.18.44]
// --linux defaults to Debian's /usr/src/linux-source-6.12.tar.xz (only the files read are extracted).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { KERNEL_SOURCE_TARBALL, openKernelSource } from "@sysargs/kernel-source";
import { checkDocs, docOf } from "./docs.js";
import { ABI_ROWS, type AbiRow, DOC_NOTES, HAND_WRITTEN, HEADER_FILES, TOPICS } from "./rules.js";
import { GENERATED_HEADER, GENERATED_SUFFIX, OUT_DIR, REPO, readSchemaFacts } from "./schemas.js";
import { type CParam, renderSignature, type SigOut } from "./types.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt?: string): string => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? args[i + 1] : dflt;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
};
const linux = openKernelSource(opt("linux", KERNEL_SOURCE_TARBALL), [
  ...HEADER_FILES,
  ...ABI_ROWS.map((r) => r.table),
]);
/** "6.12": the series the prototypes' @source lines name. */
const series = linux.version.split(".").slice(0, 2).join(".");
const tracefs = opt("tracefs", "/sys/kernel/tracing/events/syscalls");
const release = opt("kernel-release", "6.18.44");
const repo = REPO;
const outDir = OUT_DIR;

// ---- what the schemas declare (hand-written files, types to import, ABI groups) -------------
const schemas = readSchemaFacts();
const { handWritten, generatedFiles } = schemas;
for (const f of readdirSync(outDir).sort())
  if (f.endsWith(".ts") && !HAND_WRITTEN.includes(f) && !generatedFiles.includes(f))
    throw new Error(
      `schemas/linux/syscalls/${f} is neither generated nor listed in HAND_WRITTEN (tools/signatures/src/rules.ts)`,
    );

// ---- prototypes from the headers -------------------------------------------------------------
interface Proto {
  params: CParam[];
  file: string;
}
const protos = new Map<string, Proto>();
const TYPE_WORDS = new Set(["int", "long", "short", "char", "unsigned", "signed", "void", "const"]);
function parseParams(text: string): CParam[] {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "" || t === "void") return [];
  return t
    .split(",")
    .map((p, i) => {
      const s = p
        .replace(/__user/g, "")
        .replace(/\s+/g, " ")
        .replace(/\s*\*\s*/g, " * ")
        .trim();
      const m = /^(.*?)([A-Za-z_]\w*)$/.exec(s);
      const idents = s.split(/[\s*]+/).filter((w) => w && !["const", "struct", "union", "enum"].includes(w));
      if (!m || s.endsWith("*") || idents.length < 2 || TYPE_WORDS.has(m[2]!))
        return { type: normType(s), name: `arg${i}` };
      return { type: normType(m[1]!), name: m[2]! };
    })
    .filter((p) => !/struct pt_regs/.test(p.type));
}
export function normType(t: string): string {
  let s = t
    .replace(/__user/g, "")
    .replace(/\s*\*\s*/g, " * ")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/\bunsigned$/, "unsigned int").replace(/\bunsigned \*/, "unsigned int *");
  return s.replace(/ \* \*/g, " **").replace(/\* const/g, "*const");
}
for (const f of HEADER_FILES) {
  const text = linux
    .read(f)
    ?.replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\\\n/g, " ");
  if (text === undefined) continue;
  const re =
    /^(?:asmlinkage\s+)?(?:long|int|void|unsigned long)\s+((?:compat_)?sys_\w+)\s*\(([^;{]*?)\)\s*;/gm;
  for (const m of text.matchAll(re)) {
    if (!protos.has(m[1]!)) protos.set(m[1]!, { params: parseParams(m[2]!), file: f });
  }
}

// ---- trace events of the running kernel ----------------------------------------------------
const events = new Map<string, CParam[]>();
for (const d of readdirSync(tracefs).sort()) {
  if (!d.startsWith("sys_enter_")) continue;
  const fmt = readFileSync(join(tracefs, d, "format"), "utf8");
  const params: CParam[] = [];
  for (const m of fmt.matchAll(/field:([^;]*);\s*offset:\d+;\s*size:(\d+);\s*signed:\d;/g)) {
    const decl = m[1]!.trim();
    const dm = /^(.*?)\s*([A-Za-z_]\w*)$/.exec(decl)!;
    if (dm[2]!.startsWith("common_") || dm[2] === "__syscall_nr") continue;
    params.push({ type: normType(dm[1]!), name: dm[2]! });
  }
  events.set(d.slice("sys_enter_".length), params);
}

// ---- syscall tables -----------------------------------------------------------------------
/** name -> abi -> entry point */
const entries = new Map<string, Map<string, string>>();
for (const row of ABI_ROWS) readTable(row);
// Every file of the tree has been read: remove the extraction of a tarball.
linux.dispose();
function readTable(row: AbiRow): void {
  const text = linux.read(row.table);
  if (text === undefined) throw new Error(`${linux.label}: no ${row.table}`);
  for (const line of text.split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    const [, abi, name, native, compat] = line.trim().split(/\s+/);
    if (!abi || !name || !row.abis.includes(abi)) continue;
    let entry = row.compat && compat ? compat : native;
    if (!entry || entry === "-") entry = compat;
    if (!entry || entry === "sys_ni_syscall" || entry === "-") continue;
    const m = entries.get(name) ?? new Map<string, string>();
    entries.set(name, m);
    for (const a of row.registryAbis) if (!m.has(a)) m.set(a, entry);
  }
}
// Syscalls newer than the extracted tables: x86_64 has them because the running kernel traces them.
const EVENT_TO_NAME: Record<string, string> = {
  newstat: "stat",
  newlstat: "lstat",
  newfstat: "fstat",
  newuname: "uname",
  sendfile64: "sendfile",
  umount: "umount2",
};
for (const ev of events.keys()) {
  const name = EVENT_TO_NAME[ev] ?? ev;
  if (!entries.has(name)) entries.set(name, new Map([["x86_64", `sys_${ev}`]]));
}

/** Entry points that only split 64-bit arguments into register pairs: the same syscall. */
function isSplitWrapper(key: string): boolean {
  return (
    /^sys_(ia32|ppc32|ppc|s390|sh|sparc|sparc64|parisc|mips|sys32|x32)_/.test(key) ||
    /^(parisc|xtensa|sys32)_/.test(key) ||
    /_wrapper$/.test(key) ||
    /^sys_sh_sync_file_range6$/.test(key)
  );
}
function protoKey(name: string, entry: string): string {
  let k = entry.replace(/^__/, "").replace(/^compat_/, "");
  if (!k.startsWith("sys_") && !protos.has(k)) k = `sys_${name}`;
  if (k === `sys_${name}`) return k;
  if (isSplitWrapper(k)) {
    // An arch wrapper of a generic entry point (compat_sys_s390_old_mmap wraps sys_old_mmap).
    const inner = k.replace(/^sys_(ia32|ppc32|ppc|s390|sh|sparc|sparc64|parisc|mips|sys32|x32)_/, "sys_");
    if (inner !== k && inner !== `sys_${name}` && protos.has(inner)) return inner;
    if (protos.has(`sys_${name}`)) return `sys_${name}`;
  }
  if (protos.has(k) || events.has(k.slice(4))) return k;
  // 32-bit time64 entry points without a prototype of their own are the generic syscall.
  if (/_time64$/.test(k) && protos.has(k.replace(/_time64$/, ""))) return k.replace(/_time64$/, "");
  return `sys_${name}`;
}

// ---- signatures --------------------------------------------------------------------------
const ALL_ABIS = ABI_ROWS.flatMap((r) => r.registryAbis).filter((a, i, l) => l.indexOf(a) === i);
interface Resolved {
  /** Index of the entry-point group (0: the group that carries x86_64 or the most ABIs). */
  index: number;
  key: string;
  abis: string[];
  params: CParam[];
  source: string[];
}
interface Decl {
  name: string;
  topic: string;
  sigs: SigOut[];
}
const missing: string[] = [];
/** Syscalls that get a declaration, with the parameters of each entry-point group. */
const resolved = new Map<string, Resolved[]>();
for (const name of [...entries.keys()].sort()) {
  if (handWritten.has(name) || schemas.functions.has(name)) continue;
  const byKey = new Map<string, string[]>();
  for (const [abi, entry] of entries.get(name)!) {
    const k = protoKey(name, entry);
    byKey.set(k, [...(byKey.get(k) ?? []), abi]);
  }
  const groups = [...byKey].map(([key, abis]) => ({ key, abis: abis.sort() }));
  groups.sort((a, b) =>
    a.abis.includes("x86_64") ? -1 : b.abis.includes("x86_64") ? 1 : b.abis.length - a.abis.length,
  );
  const rs: Resolved[] = [];
  for (const [index, g] of groups.entries()) {
    const ev = events.get(g.key.slice(4));
    const proto = protos.get(g.key);
    let params: CParam[];
    let source: string[];
    if (ev && g.abis.includes("x86_64")) {
      params = ev;
      source = [`tracefs sys_enter_${g.key.slice(4)} (${release})`];
      if (proto) source.unshift(`${proto.file} (${series})`);
    } else if (proto) {
      params = proto.params;
      source = [`${proto.file} (${series})`];
    } else if (ev) {
      params = ev;
      source = [`tracefs sys_enter_${g.key.slice(4)} (${release})`];
    } else {
      missing.push(`${name} (${g.key} on ${g.abis.join(",")})`);
      continue;
    }
    rs.push({ index, key: g.key, abis: g.abis, params, source });
  }
  if (rs.length) resolved.set(name, rs);
}

// Every generated syscall needs a description: stop before anything is written when one has none.
const { unusedDescriptions, unusedSince } = checkDocs([...resolved.keys()]);

const decls: Decl[] = [];
for (const [name, rs] of resolved) {
  const doc = docOf(name);
  const sigs: SigOut[] = [];
  for (const r of rs) {
    const sig = renderSignature(
      name,
      r.key.slice(4),
      r.params,
      r.index === 0 ? [] : r.abis,
      r.source,
      ALL_ABIS,
      doc,
      schemas,
    );
    if (r.index > 0 && sigs[0] && sig.paramsText === sigs[0].paramsText) continue;
    sigs.push(sig);
  }
  const topic = TOPICS.find(([, re]) => re.test(name))?.[0] ?? "misc";
  decls.push({ name, topic, sigs });
}

// ---- output ----
// Remove the previous generated files (never a hand-written one), then write the new ones.
for (const f of generatedFiles) unlinkSync(join(outDir, f));
const written: string[] = [];
const byTopic = new Map<string, Decl[]>();
for (const d of decls) byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d]);
for (const [topic, ds] of [...byTopic].sort()) {
  const dsl = new Set<string>(["long"]);
  const named = new Map<string, Set<string>>();
  for (const d of ds)
    for (const s of d.sigs) {
      for (const w of s.dslWords) dsl.add(w);
      for (const [t, file] of s.namedTypes) {
        if (!named.has(file)) named.set(file, new Set());
        named.get(file)!.add(t);
      }
    }
  const lines: string[] = [GENERATED_HEADER];
  lines.push(`import type { ${[...dsl].sort(cmp).join(", ")} } from "@sysargs/dsl";`);
  for (const [file, ts] of [...named].sort()) {
    let rel = relative(outDir, file).replace(/\.ts$/, ".js");
    if (!rel.startsWith(".")) rel = `./${rel}`;
    lines.push(`import type { ${[...ts].sort(cmp).join(", ")} } from "${rel}";`);
  }
  for (const d of ds) for (const s of d.sigs) lines.push("", ...s.lines);
  const file = `${topic}${GENERATED_SUFFIX}`;
  writeFileSync(join(outDir, file), `${lines.join("\n")}\n`);
  written.push(join(outDir, file));
}
function cmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
}
// Format and sort imports the way the repository's biome configuration does (generated files only).
execFileSync("npx", ["biome", "check", "--write", ...written], { cwd: repo, stdio: "ignore" });
const nSigs = decls.reduce((n, d) => n + d.sigs.length, 0);
const nSince = decls.filter((d) => docOf(d.name).since).length;
console.log(
  `${decls.length} syscalls (${nSince} with @since), ${nSigs - decls.length} per-ABI overloads, ${byTopic.size} files`,
);
if (missing.length) console.log(`no prototype for: ${missing.join("; ")}`);
if (unusedDescriptions.length)
  console.log(`descriptions of syscalls not generated (prune?): ${unusedDescriptions.join(", ")}`);
if (unusedSince.length) console.log(`@since of syscalls not generated (prune?): ${unusedSince.join(", ")}`);
const unusedNotes = Object.keys(DOC_NOTES).filter((n) => !resolved.has(n));
if (unusedNotes.length)
  console.log(`DOC_NOTES of syscalls not generated (prune?): ${unusedNotes.join(", ")}`);
