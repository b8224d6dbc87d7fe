import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Abi, Registry } from "@sysargs/model";
import { compareVersions } from "@sysargs/model";
import { checksOf, display } from "./checks.js";
import { type CompileResult, compileProbes } from "./compile.js";
import { type ConstProbe, constSubjects, type Subject } from "./probes.js";
import type { Check, Entry, Status } from "./report.js";
import { pool, run, type Toolchain } from "./toolchain.js";

// The third source: the Linux source tree of Debian's linux-source-6.12 package. It proves the
// constants that neither the cross compilers' UAPI headers (Linux 6.1) nor the running kernel's
// BTF (which holds no macros) can: flags newer than 6.1, and those of kernel-internal headers
// (MSG_* of include/linux/socket.h). A constant is proved by compiling the #define lines of the
// header that defines it, nothing else of the tree: kernel-internal headers need a configured
// tree to be included.

/**
 * Debian's package of the tree, and where it installs its tarball (SYSARGS_LINUX_SOURCE names
 * another, as for tools/import-tables; a nonexistent one simulates a machine without the package).
 */
export const KERNEL_SOURCE_PACKAGE = "linux-source-6.12";
export const KERNEL_SOURCE_TARBALL =
  process.env.SYSARGS_LINUX_SOURCE || `/usr/src/${KERNEL_SOURCE_PACKAGE}.tar.xz`;
/** Where the headers are extracted once, one subdirectory per tarball (size and mtime). */
export const KERNEL_SOURCE_CACHE = join(tmpdir(), "sysargs-linux-6.12");

/**
 * What is extracted (under the tarball's top directory): every UAPI header, generic and per
 * architecture, and include/linux for the kernel-internal headers named by a set's provenance.
 * A fixed list, so that the cache does not depend on the registry.
 */
const EXTRACTED = ["Makefile", "include/uapi/*", "arch/*/include/uapi/*", "include/linux/*"];
const COMPLETE = ".sysargs-complete";

/** An extracted tree. */
export interface KernelSource {
  /** "linux-source-6.12" (the tarball's name, and its top directory). */
  readonly package: string;
  /** VERSION.PATCHLEVEL.SUBLEVEL of its Makefile: "6.12.117". */
  readonly version: string;
  readonly tarball: string;
  /** The extracted tree (include/, arch/, Makefile). */
  readonly root: string;
  readonly extracted: boolean;
  readonly elapsedMs: number;
}

export type OpenedKernelSource =
  | { readonly kind: "ok"; readonly source: KernelSource }
  | { readonly kind: "missing"; readonly message: string }
  | { readonly kind: "error"; readonly message: string };

const packageOf = (tarball: string): string => basename(tarball).replace(/\.tar\.xz$/, "");

/** The loud message for a missing tarball. */
export function missingKernelSourceMessage(tarball: string = KERNEL_SOURCE_TARBALL): string {
  const pkg = packageOf(tarball);
  return `kernel source ${tarball} not found: install the Debian package ${pkg} (apt-get install ${pkg}); the constants only it proves stay unproven`;
}

/** Whether the tarball is installed (synchronous, for deciding which tests to skip). */
export function kernelSourceInstalled(tarball: string = KERNEL_SOURCE_TARBALL): boolean {
  return existsSync(tarball);
}

const opened = new Map<string, Promise<OpenedKernelSource>>();

/**
 * Extracts the headers of the tarball into the cache (once: a later run, or a concurrent one in
 * this process, takes them from there). Resolves to "missing" when the tarball is not installed.
 */
export function openKernelSource(
  tarball: string = KERNEL_SOURCE_TARBALL,
  cacheRoot: string = KERNEL_SOURCE_CACHE,
): Promise<OpenedKernelSource> {
  const key = `${tarball}\0${cacheRoot}`;
  let p = opened.get(key);
  if (!p) {
    p = extract(tarball, cacheRoot);
    opened.set(key, p);
    // Only a usable tree is remembered: a missing tarball may be installed meanwhile.
    void p.then((r) => r.kind !== "ok" && opened.delete(key));
  }
  return p;
}

async function extract(tarball: string, cacheRoot: string): Promise<OpenedKernelSource> {
  try {
    return await extractOrThrow(tarball, cacheRoot);
  } catch (e) {
    return { kind: "error", message: `${tarball} into ${cacheRoot}: ${(e as Error).message}` };
  }
}

async function extractOrThrow(tarball: string, cacheRoot: string): Promise<OpenedKernelSource> {
  const t0 = performance.now();
  let size: number;
  let mtime: number;
  try {
    const st = await stat(tarball);
    size = st.size;
    mtime = Math.trunc(st.mtimeMs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      return { kind: "missing", message: missingKernelSourceMessage(tarball) };
    return { kind: "error", message: `${tarball}: ${(e as Error).message}` };
  }
  const pkg = packageOf(tarball);
  const name = `${pkg}-${size}-${mtime}`;
  const root = join(cacheRoot, name);
  let extracted = false;
  if (!existsSync(join(root, COMPLETE))) {
    await mkdir(cacheRoot, { recursive: true });
    // Into a fresh directory renamed when complete, so that a concurrent or interrupted run
    // never sees half a tree.
    const tmp = await mkdtemp(join(cacheRoot, `.${name}.`));
    try {
      const r = await run("tar", [
        "-x",
        "-I",
        "xz -T0",
        "-f",
        tarball,
        "-C",
        tmp,
        "--strip-components=1",
        "--wildcards",
        ...EXTRACTED.map((p) => `${pkg}/${p}`),
      ]);
      if (r.code !== 0)
        return { kind: "error", message: `tar -x ${tarball} failed: ${r.stderr.trim().slice(0, 1000)}` };
      await buildIndex(tmp);
      await writeFile(join(tmp, COMPLETE), `${tarball} ${size} ${mtime}\n`);
      if (existsSync(root) && !existsSync(join(root, COMPLETE)))
        await rm(root, { recursive: true, force: true });
      try {
        await rename(tmp, root);
        extracted = true;
      } catch (e) {
        // Another process finished first: use its tree.
        if (!existsSync(join(root, COMPLETE))) throw e;
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    // Trees of older tarballs of the package (best effort).
    for (const old of await readdir(cacheRoot).catch(() => [] as string[]))
      if (old.startsWith(`${pkg}-`) && old !== name)
        await rm(join(cacheRoot, old), { recursive: true, force: true }).catch(() => {});
  }
  const makefile = await readFile(join(root, "Makefile"), "utf8").catch(() => "");
  const v = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\d+)\\s*$`, "m").exec(makefile)?.[1];
  const [major, minor, sub] = [v("VERSION"), v("PATCHLEVEL"), v("SUBLEVEL")];
  if (major === undefined || minor === undefined)
    return { kind: "error", message: `${join(root, "Makefile")}: no VERSION/PATCHLEVEL` };
  const version = `${major}.${minor}${sub !== undefined ? `.${sub}` : ""}`;
  return {
    kind: "ok",
    source: { package: pkg, version, tarball, root, extracted, elapsedMs: performance.now() - t0 },
  };
}

// ---------------------------------------------------------------------------------------------
// #define lines

/** One object-like or function-like #define of a header. */
export interface Define {
  readonly name: string;
  /** The body with comments removed and whitespace collapsed. */
  readonly body: string;
  readonly line: number;
  /**
   * The conditions it is defined under, except the harmless ones: an include guard, a default
   * (`#ifndef NAME` / `#define NAME ...`) and `#ifndef __ASSEMBLY__`.
   */
  readonly conditions: readonly string[];
  /** The names the body uses, when it is made of integer literals, operators and names only. */
  readonly refs?: readonly string[];
  /** A literal of the body is a long (not long long): its value may depend on the width of long. */
  readonly longLiteral: boolean;
}

const TOKEN =
  /\s*(?:(0[xX][0-9a-fA-F]+|\d+)([uUlL]*)|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[()|&~+\-*/%^!?:<>]))/y;

/** Names and long literals of a simple expression body; undefined when it is not one. */
function simple(body: string): { refs: string[]; longLiteral: boolean } | undefined {
  if (body === "") return undefined;
  const refs: string[] = [];
  let longLiteral = false;
  let pos = 0;
  while (pos < body.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(body);
    if (!m) return undefined;
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined && /l/i.test(m[2]!) && !/ll/i.test(m[2]!)) longLiteral = true;
    if (m[3] !== undefined) refs.push(m[3]);
  }
  return { refs, longLiteral };
}

/** The text with comments blanked out (their newlines kept, so that line numbers stay). */
const uncomment = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " "));

const ASSEMBLY_GUARD = /^(?:ifndef\s+__ASSEMBLY__|if\s+!\s*defined\s*\(?\s*__ASSEMBLY__\s*\)?)$/;

/** Every #define of a header, by name, in file order. */
export function parseDefines(text: string): Map<string, Define[]> {
  const out = new Map<string, Define[]>();
  // Comments become blanks (their newlines kept, so that line numbers stay).
  const lines = uncomment(text).split("\n");
  const frames: { text: string; benign: boolean }[] = [];
  // An `#ifndef X` whose next line may be `#define X` (an include guard or a default).
  let pending: { frame: { text: string; benign: boolean }; name: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!;
    while (line.endsWith("\\") && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!}`;
    const d = /^\s*#\s*(\w+)\s*(.*?)\s*$/.exec(line);
    if (!d) {
      if (line.trim() !== "") pending = undefined;
      continue;
    }
    const [, kw, rest] = d as unknown as [string, string, string];
    const wasPending = pending;
    pending = undefined;
    const arg = rest.replace(/\s+/g, " ");
    switch (kw) {
      case "if":
      case "ifdef":
      case "ifndef": {
        const frame = { text: `#${kw} ${arg}`, benign: ASSEMBLY_GUARD.test(`${kw} ${arg}`) };
        frames.push(frame);
        if (kw === "ifndef") pending = { frame, name: arg };
        break;
      }
      case "elif":
      case "else": {
        const top = frames[frames.length - 1];
        if (top) {
          top.text = kw === "else" ? `#else of ${top.text}` : `#elif ${arg} after ${top.text}`;
          top.benign = false;
        }
        break;
      }
      case "endif":
        frames.pop();
        break;
      case "define": {
        const m = /^(\w+)(\()?\s*(.*)$/.exec(rest);
        if (!m) break;
        const name = m[1]!;
        if (wasPending && wasPending.name === name) wasPending.frame.benign = true;
        const body = (m[3] ?? "").replace(/\s+/g, " ").trim();
        const s = m[2] === undefined ? simple(body) : undefined; // function-like: never simple
        const def: Define = {
          name,
          body: m[2] === undefined ? body : `(${body}`,
          line: lineNo,
          conditions: frames.filter((f) => !f.benign).map((f) => f.text),
          longLiteral: s?.longLiteral ?? false,
          ...(s ? { refs: s.refs } : {}),
        };
        const list = out.get(name) ?? [];
        list.push(def);
        out.set(name, list);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/**
 * The #define lines `name` needs from one header: its own and, transitively, those of the names
 * its expression uses, each a simple unconditional #define of the same header.
 */
export function defineClosure(
  defines: ReadonlyMap<string, readonly Define[]>,
  name: string,
): { defines: Define[]; longLiteral: boolean } | { why: string } {
  const picked = new Map<string, Define>();
  const visit = (n: string, from?: string): string | undefined => {
    if (picked.has(n)) return undefined;
    const via = from ? ` (used by ${from})` : "";
    const list = defines.get(n);
    if (!list || list.length === 0) return `${n}${via} is not #defined in this header`;
    const first = list[0]!;
    const same = list.every((d) => d.body === first.body && d.conditions.length === 0);
    if (!same) {
      const where = list.map(
        (d) => `line ${d.line}${d.conditions.length ? ` under ${d.conditions.join(", ")}` : ""}`,
      );
      return `${n}${via} is defined ${list.length > 1 ? `${list.length} times: ` : ""}${where.join("; ")}`;
    }
    if (!first.refs) return `${n}${via} is not a simple #define: ${first.body || "(empty)"}`;
    picked.set(n, first);
    for (const r of first.refs) {
      const why = visit(r, n);
      if (why) return why;
    }
    return undefined;
  };
  const why = visit(name);
  if (why) return { why };
  const list = [...picked.values()].sort((a, b) => a.line - b.line);
  return { defines: list, longLiteral: list.some((d) => d.longLiteral) };
}

// ---------------------------------------------------------------------------------------------
// Where a constant is defined

interface Tree {
  readonly source: KernelSource;
  /** The UAPI headers (relative paths) that #define a name. */
  readonly definedIn: (name: string) => readonly string[];
  /** Header -> its text without comments, and its #defines. */
  readonly parsed: Map<string, Promise<{ code: string; defines: Map<string, Define[]> } | undefined>>;
}

/** The C code of a header: no comments, no preprocessor lines (continued ones included). */
function codeOf(text: string): string {
  const out: string[] = [];
  let directive = false;
  for (const line of uncomment(text).split("\n")) {
    if (!directive && !/^\s*#/.test(line)) out.push(line);
    else directive = true;
    if (!line.endsWith("\\")) directive = false;
  }
  return out.join("\n");
}

/** Beside the tree: a line per UAPI header, "path\t NAME NAME ... ", of the names it #defines. */
const INDEX = ".sysargs-defines";
const trees = new Map<string, Promise<Tree>>();

async function headersUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true }).catch(() => [] as string[]);
  return entries.filter((f) => f.endsWith(".h")).map((f) => `${dir}/${f}`);
}

/** Which names each UAPI header #defines: built once per extracted tree (when extracted) and kept in it. */
async function buildIndex(root: string): Promise<string> {
  const arches = await readdir(join(root, "arch")).catch(() => [] as string[]);
  const files = [
    ...(await headersUnder(root, "include/uapi")),
    ...(await Promise.all(arches.map((a) => headersUnder(root, `arch/${a}/include/uapi`)))).flat(),
  ].sort();
  const texts = await pool(files, 16, (f) => readFile(join(root, f), "utf8"));
  const index = files
    .map((f, i) => {
      const names = new Set([...texts[i]!.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)/gm)].map((m) => m[1]!));
      return `${f}\t ${[...names].join(" ")} \n`;
    })
    .join("");
  const tmp = join(root, `${INDEX}.${process.pid}`);
  await writeFile(tmp, index);
  await rename(tmp, join(root, INDEX));
  return index;
}

function treeOf(source: KernelSource): Promise<Tree> {
  let t = trees.get(source.root);
  if (!t) {
    t = (async () => {
      const text =
        (await readFile(join(source.root, INDEX), "utf8").catch(() => undefined)) ??
        (await buildIndex(source.root));
      const lines = text
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => {
          const tab = l.indexOf("\t");
          return { file: l.slice(0, tab), names: l.slice(tab + 1) };
        });
      const found = new Map<string, string[]>();
      const definedIn = (name: string): readonly string[] => {
        let files = found.get(name);
        if (!files) {
          files = lines.filter((l) => l.names.includes(` ${name} `)).map((l) => l.file);
          found.set(name, files);
        }
        return files;
      };
      return { source, definedIn, parsed: new Map() };
    })();
    trees.set(source.root, t);
  }
  return t;
}

function parsedOf(tree: Tree, file: string) {
  let p = tree.parsed.get(file);
  if (!p) {
    p = readFile(join(tree.source.root, file), "utf8").then(
      (text) => ({ code: codeOf(text), defines: parseDefines(text) }),
      () => undefined,
    );
    tree.parsed.set(file, p);
  }
  return p;
}

const definesOf = async (tree: Tree, file: string) => (await parsedOf(tree, file))?.defines;

/** Where a constant's value comes from on one ABI. */
export type Resolution =
  | {
      readonly kind: "ok";
      readonly file: string;
      /** Defined by the ABI's architecture (arch/<family> or asm-generic): compile with its compiler. */
      readonly arch: boolean;
      readonly defines: readonly Define[];
      readonly longLiteral: boolean;
    }
  | { readonly kind: "absent"; readonly searched: string }
  | { readonly kind: "unresolved"; readonly file: string; readonly why: string };

/**
 * The header of the tree that defines `name` for an ABI of architecture `family`, searched in
 * the order the kernel's own headers take precedence: arch/<family>/include/uapi, include/uapi,
 * include/uapi/asm-generic (what an architecture without its own <asm/...> header gets), then the
 * kernel-internal headers named by the constant's provenance. Within one of these, a header its
 * provenance names is preferred; several others must agree. A definition taken from a header
 * shared by every architecture must not use a name the architecture overrides (asm-generic's
 * `O_TMPFILE (__O_TMPFILE | O_DIRECTORY)` with its default O_DIRECTORY is wrong on arm).
 */
async function resolve(
  tree: Tree,
  name: string,
  family: string,
  provenance: readonly string[],
): Promise<Resolution> {
  const all = tree.definedIn(name);
  const internal: string[] = [];
  for (const p of provenance) {
    if (!/^include\/linux\/.+\.h$/.test(p)) continue;
    if ((await definesOf(tree, p))?.has(name)) internal.push(p);
  }
  const archDir = `arch/${family}/include/uapi/`;
  const tiers: { arch: boolean; files: string[] }[] = [
    { arch: true, files: all.filter((f) => f.startsWith(archDir)) },
    {
      arch: false,
      files: all.filter((f) => f.startsWith("include/uapi/") && !f.startsWith("include/uapi/asm-generic/")),
    },
    { arch: true, files: all.filter((f) => f.startsWith("include/uapi/asm-generic/")) },
    { arch: false, files: internal },
  ];
  for (const [i, tier] of tiers.entries()) {
    if (tier.files.length === 0) continue;
    const preferred = tier.files.filter((f) => provenance.includes(f));
    const files = preferred.length > 0 ? preferred : tier.files;
    const found = await Promise.all(
      files.map(async (file) => ({
        file,
        c: defineClosure((await definesOf(tree, file)) ?? new Map(), name),
      })),
    );
    const first = found[0]!;
    if ("why" in first.c) return { kind: "unresolved", file: first.file, why: first.c.why };
    const text = (c: ReturnType<typeof defineClosure>) =>
      "why" in c ? c.why : c.defines.map((d) => `${d.name} ${d.body}`).join("\n");
    if (found.some((f) => text(f.c) !== text(first.c))) {
      return {
        kind: "unresolved",
        file: files.join(", "),
        why: `defined differently in ${files.length} headers`,
      };
    }
    if (i > 0) {
      for (const d of first.c.defines) {
        const own = tree.definedIn(d.name).find((f) => f.startsWith(archDir));
        if (own) {
          const why = `${d.name}${d.name === name ? "" : ` (used by ${name})`} is also defined by ${own}`;
          return { kind: "unresolved", file: first.file, why };
        }
      }
    }
    return { kind: "ok", file: first.file, arch: tier.arch, ...first.c };
  }
  // Not a #define, but in the code of a header its provenance names: an enumerator (or a
  // declaration), which a pasted #define line cannot prove.
  const word = new RegExp(`\\b${name}\\b`);
  for (const p of provenance) {
    if (!/^(?:include|arch\/[^/]+\/include)\/.+\.h$/.test(p)) continue;
    if (word.test((await parsedOf(tree, p))?.code ?? ""))
      return { kind: "unresolved", file: p, why: `${name} is not a #define (an enumerator?)` };
  }
  const internalSearched = provenance.filter((p) => /^include\/linux\/.+\.h$/.test(p));
  return {
    kind: "absent",
    searched: ["include/uapi", archDir.slice(0, -1), ...internalSearched].join(", "),
  };
}

// ---------------------------------------------------------------------------------------------
// Proving constants

export interface KernelSourceInput {
  readonly registry: Registry;
  readonly source: KernelSource;
  /** The ABIs of the run: each gets one entry per constant. */
  readonly abis: readonly Abi[];
  /** The constants to prove (those no other source proved). */
  readonly names: ReadonlySet<string>;
  /** The compiler of headers no architecture owns (x86_64's), or undefined when not installed. */
  readonly host: Toolchain | undefined;
  /** The message when `host` is missing. */
  readonly hostMissing: string;
  /** An ABI's own compiler, for headers of its architecture. */
  readonly toolchain: (abi: Abi) => Promise<Toolchain | undefined>;
  readonly missingToolchain: (abi: Abi) => string;
  readonly workDir: string;
  readonly parallel: number;
}

/** Where each constant's provenance says it is declared (sets, ABIs, extensible types). */
function provenanceOf(registry: Registry): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, sources: readonly { source: string }[]) =>
    out.set(name, [...new Set([...(out.get(name) ?? []), ...sources.map((p) => p.source)])]);
  for (const s of registry.sets) for (const m of s.members) add(m.name, s.provenance);
  for (const a of registry.abis) add(a.auditArchName, a.provenance);
  for (const t of registry.types)
    if (t.kind !== "variant")
      for (const v of t.extensible?.versions ?? []) if (v.macro) add(v.macro, t.provenance);
  return out;
}

interface Pending {
  readonly abi: Abi;
  readonly subject: Subject;
  readonly resolution: Resolution;
  group?: Group;
}

interface Group {
  readonly tc: Toolchain;
  readonly defines: Map<string, Define>;
  readonly probes: Map<string, ConstProbe>;
  result?: CompileResult;
}

/**
 * Proves constants from the tree: for each ABI and constant, the header that defines it, whose
 * needed #define lines are compiled (one file per header and compiler) and read back with the
 * probes the cross compilers use. A header of an architecture is compiled with that ABI's
 * compiler, any other once with x86_64's.
 */
export async function kernelSourceEntries(input: KernelSourceInput): Promise<Entry[]> {
  const { source } = input;
  const tree = await treeOf(source);
  const provenance = provenanceOf(input.registry);
  const label = `${source.package} ${source.version}`;
  const pending: Pending[] = [];
  const resolutions = new Map<string, Promise<Resolution>>();
  for (const abi of input.abis) {
    for (const subject of constSubjects(input.registry, abi)) {
      const name = subject.name.slice("const ".length);
      if (!input.names.has(name)) continue;
      const key = `${name}\0${abi.family}`;
      let r = resolutions.get(key);
      if (!r) {
        r = resolve(tree, name, abi.family, provenance.get(name) ?? []);
        resolutions.set(key, r);
      }
      pending.push({ abi, subject, resolution: await r });
    }
  }

  // One compile per compiler, holding the lines of every header it proves constants from; a
  // header that defines a name of another one differently gets a compile of its own.
  const groups = new Map<string, Group[]>();
  const missing = new Map<Pending, string>();
  for (const p of pending) {
    const r = p.resolution;
    if (r.kind !== "ok") continue;
    const tc = r.arch ? await input.toolchain(p.abi) : input.host;
    if (!tc) {
      missing.set(p, r.arch ? input.missingToolchain(p.abi) : input.hostMissing);
      continue;
    }
    const key = r.arch ? p.abi.name : "host";
    const mine = groups.get(key) ?? [];
    groups.set(key, mine);
    let g = mine.find((x) => r.defines.every((d) => (x.defines.get(d.name)?.body ?? d.body) === d.body));
    if (!g) {
      g = { tc, defines: new Map(), probes: new Map() };
      mine.push(g);
    }
    for (const d of r.defines) g.defines.set(d.name, d);
    const name = p.subject.name.slice("const ".length);
    if (!g.probes.has(name))
      g.probes.set(name, { kind: "const", aspect: "value", expected: 0n, name, show: "hex" });
    p.group = g;
  }
  const list = [...groups.values()].flat();
  await pool(list, input.parallel, async (g) => {
    const dir = join(input.workDir, `kernel-source-${list.indexOf(g)}`);
    await mkdir(dir, { recursive: true });
    const defines = [...g.defines.values()].map((d) => `${d.name} ${d.body}`);
    g.result = await compileProbes(g.tc, defines, [], [], [...g.probes.values()], dir);
  });

  return pending.map((p) => {
    const r = p.resolution;
    const name = p.subject.name.slice("const ".length);
    const probe = p.subject.probes[0] as ConstProbe;
    const expected = `value ${display(probe.expected, probe.show)}`;
    const from = p.subject.note ? `; ${p.subject.note}` : "";
    const make = (status: Status, checks: Check[], actual: string, note: string): Entry =>
      entry(p.abi.name, p.subject, status, checks, expected, actual, `${note}${from}`);
    if (r.kind === "absent") {
      const since = p.subject.since;
      const newer =
        since !== undefined && compareVersions(since, source.version) > 0
          ? `; since ${since}, newer than ${label}`
          : "";
      return make("not-in-headers", [], "absent", `not defined in ${label} (${r.searched})${newer}`);
    }
    if (r.kind === "unresolved")
      return make("unresolved", [], "not compiled", `${r.file} of ${label}: ${r.why}`);
    const where = `${r.file} of ${label}`;
    if (!p.group) return make("no-toolchain", [], "not compiled", `${where}: ${missing.get(p)}`);
    const g = p.group;
    const note = `${where} (${[g.tc.gcc, ...g.tc.flags].join(" ")})`;
    const o = g.result?.outcomes.get(g.probes.get(name)!);
    if (!o) return make("error", [], "not compiled", `${note}: ${g.result?.failure ?? "no outcome"}`);
    if (o.kind === "rejected" || o.kind === "absent")
      return make("error", [], `compile error: ${o.message}`, note);
    // A long literal compiled for x86_64 is 64 bits wide: on an ABI with a 32-bit long only a
    // value both widths agree on is proved.
    if (
      !r.arch &&
      r.longLiteral &&
      p.abi.scalars.long.size !== 8 &&
      o.kind === "value" &&
      (o.value < 0n || o.value >= 1n << 31n)
    ) {
      const v = display(o.value, probe.show, o.cSize);
      return make(
        "unresolved",
        [],
        `${v} for a 64-bit long`,
        `${note}: its value depends on the width of long`,
      );
    }
    const checks = checksOf(probe, o);
    const ok = checks.length > 0 && checks.every((c) => c.ok);
    return make(
      ok ? "proved" : "mismatch",
      checks,
      checks.map((c) => `${c.aspect} ${c.actual}`).join(", "),
      note,
    );
  });
}

function entry(
  abi: string,
  s: Subject,
  status: Status,
  checks: Check[],
  expectedDefault: string,
  actual: string,
  note: string,
): Entry {
  const bad = checks.filter((c) => !c.ok);
  const shown = bad.length > 0 ? bad : checks;
  return {
    abi,
    subject: s.name,
    source: "kernel-source",
    status,
    expected: shown.length > 0 ? shown.map((c) => `${c.aspect} ${c.expected}`).join(", ") : expectedDefault,
    actual,
    checks,
    note,
    ...(s.covers.length > 0 ? { covers: s.covers } : {}),
  };
}
