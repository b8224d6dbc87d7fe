import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, endianness, release, tmpdir } from "node:os";
import { join } from "node:path";
import { type Btf, loadKernelBtf } from "@sysargs/btf";
import { LayoutEngine } from "@sysargs/layout";
import { type Abi, compareVersions, type Field, type Registry, RegistryIndex } from "@sysargs/model";
import { compareBtf } from "./btf-check.js";
import { checksOf } from "./checks.js";
import { type CompileResult, compileProbes, type ProbeOutcome } from "./compile.js";
import { BASE_HEADERS } from "./headers.js";
import {
  KERNEL_SOURCE_TARBALL,
  kernelSourceEntries,
  type OpenedKernelSource,
  openKernelSource,
} from "./kernel-source.js";
import {
  alternativesOnly,
  bitfieldRuleTypedefs,
  compilerSubjects,
  definesFor,
  headersFor,
  probedTypes,
  type Subject,
} from "./probes.js";
import {
  type AbiSummary,
  type Check,
  type Entry,
  type KernelSourceInfo,
  provedBy,
  type Report,
  type Source,
  type Status,
} from "./report.js";
import {
  locateToolchain,
  missingToolchainMessage,
  pool,
  type Toolchain,
  toolchainPackages,
  toolchainPresence,
  toolchainsRequired,
} from "./toolchain.js";

export interface VerifyOptions {
  /** ABI names or aliases to verify (default: every ABI of the registry). */
  readonly abis?: readonly string[];
  /** A declared toolchain that is not installed fails the run (default: CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1). */
  readonly requireToolchains?: boolean;
  /** Kernel BTF to compare with; undefined: the running kernel's (/sys/kernel/btf/vmlinux); null: none. */
  readonly btf?: Btf | null;
  /** The ABI the BTF describes (default: the ABI of this machine, e.g. x86_64 on x64). */
  readonly btfAbi?: string;
  /** Release of the kernel the BTF comes from (default: os.release()). */
  readonly kernelRelease?: string;
  /** Compile with the cross compilers (default true); false compares BTF only. */
  readonly compiler?: boolean;
  /**
   * The Linux source tarball that proves the constants the compilers and BTF did not (default:
   * /usr/src/linux-source-6.12.tar.xz, unless `compiler` is false); null: none. A missing one is
   * skipped loudly, and fails the run when toolchains are required.
   */
  readonly kernelSource?: string | null;
  /** Where its headers are extracted once (default: <tmpdir>/sysargs-linux-6.12). */
  readonly kernelSourceCache?: string;
  /** Concurrent compilers (default: os.availableParallelism()). */
  readonly parallel?: number;
  /** Keep the generated probe files under this directory (default: a temporary directory, removed). */
  readonly workDir?: string;
  /** Receives progress and the loud missing-toolchain messages as they happen. */
  readonly log?: (line: string) => void;
}

/** The registry ABI of the machine we run on, whose kernel BTF we can read. */
export function hostAbi(): string | undefined {
  switch (process.arch) {
    case "x64":
      return "x86_64";
    case "arm64":
      return "aarch64";
    case "riscv64":
      return "riscv64";
    case "s390x":
      return "s390x";
    case "ppc64":
      return endianness() === "LE" ? "ppc64le" : "ppc64";
    case "loong64":
      return "loongarch64";
    default:
      return undefined;
  }
}

const fmt = (checks: readonly Check[], pick: "expected" | "actual"): string =>
  checks.map((c) => `${c.aspect} ${c[pick] ?? "absent"}`).join(", ");

function compilerEntry(
  abi: string,
  s: Subject,
  status: Status,
  checks: Check[],
  actual?: string,
  note?: string,
): Entry {
  const bad = checks.filter((c) => !c.ok);
  const shown = bad.length > 0 ? bad : checks;
  const e: {
    abi: string;
    subject: string;
    source: "compiler";
    status: Status;
    expected: string;
    actual: string;
    checks: Check[];
    note?: string;
    covers?: readonly string[];
  } = {
    abi,
    subject: s.name,
    source: "compiler",
    status,
    expected: shown.length > 0 ? fmt(shown, "expected") : "present",
    actual: actual ?? fmt(shown, "actual"),
    checks,
  };
  const n = [note, s.note].filter((x) => x !== undefined).join("; ");
  if (n !== "") e.note = n;
  if (s.covers.length > 0) e.covers = s.covers;
  return e;
}

/** Turns one ABI's compile outcomes into entries, subject by subject. */
function evaluate(abi: string, subjects: readonly Subject[], result: CompileResult): Entry[] {
  const out: Entry[] = [];
  const hv = result.headerVersion;
  const headersName = `the headers (Linux ${hv ?? "unknown"})`;
  const newer = (since: string | undefined): boolean =>
    since !== undefined && hv !== undefined && compareVersions(since, hv) > 0;
  const absentWhy = new Map<string, string>();
  // Per type: where compiled top-level members of the headers' declaration end, and its size.
  const boundaries = new Map<string, Set<number>>();
  for (const s of subjects) {
    if (s.preset) {
      out.push(compilerEntry(abi, s, s.preset.status, [], "not probed", s.preset.note));
      continue;
    }
    if (s.parent && absentWhy.has(s.parent)) {
      const why = absentWhy.get(s.parent)!;
      absentWhy.set(s.name, why);
      out.push(compilerEntry(abi, s, "not-in-headers", [], "absent", why));
      continue;
    }
    if (s.version) {
      out.push(
        versionEntry(abi, s, s.version, boundaries.get(s.version.type), newer(s.version.since), headersName),
      );
      continue;
    }
    if (s.probes.length === 0) continue;
    const outcomes = s.probes.map((p) => result.outcomes.get(p));
    if (outcomes.some((o) => o === undefined)) {
      out.push(compilerEntry(abi, s, "error", [], "not compiled", result.failure ?? "no outcome"));
      continue;
    }
    const absent = outcomes.find((o) => o!.kind === "absent");
    if (absent && absent.kind === "absent") {
      const why = newer(s.since) ? `since ${s.since}, newer than ${headersName}` : absent.message;
      absentWhy.set(s.name, why);
      out.push(compilerEntry(abi, s, "not-in-headers", [], "absent", why));
      continue;
    }
    recordBoundaries(s, outcomes as ProbeOutcome[], boundaries);
    let checks = s.probes.flatMap((p, i) => checksOf(p, outcomes[i]!));
    let note: string | undefined;
    // A type whose registry members are newer than the headers: the headers declare an older
    // version, whose size is the published size at the headers' version (when there is one).
    const newerMembers = (s.members ?? []).filter((m) => newer(m.since));
    if (newerMembers.length > 0) {
      const older = (s.versions ?? []).filter((v) => !newer(v.since)).sort((a, b) => b.size - a.size)[0];
      checks = checks.flatMap((c): Check[] => {
        if (c.aspect !== "size") return [c];
        if (!older) return [];
        return [
          { aspect: `size at ${hv}`, expected: older.size, actual: c.actual, ok: c.actual === older.size },
        ];
      });
      const list = newerMembers.map((m) => `${m.path} (${m.since})`).join(", ");
      note = `${headersName} predate members ${list}${older ? "" : "; size not compared"}`;
      if (!checks.every((c) => c.ok)) {
        out.push(compilerEntry(abi, s, "not-in-headers", checks, undefined, note));
        continue;
      }
    } else if (!checks.every((c) => c.ok) && newer(s.since)) {
      // The headers have an older member (or constant) of the same name, e.g. a reserved field
      // that a newer kernel split into bitfields.
      note = `since ${s.since}, newer than ${headersName}: they declare an older ${s.name.split(" ")[0]} of that name`;
      out.push(compilerEntry(abi, s, "not-in-headers", checks, undefined, note));
      continue;
    }
    out.push(
      compilerEntry(abi, s, checks.every((c) => c.ok) ? "proved" : "mismatch", checks, undefined, note),
    );
  }
  return out;
}

/** Records where a compiled top-level member ends (or the compiled size of its type). */
function recordBoundaries(
  s: Subject,
  outcomes: readonly ProbeOutcome[],
  boundaries: Map<string, Set<number>>,
): void {
  const m = /^(type|field) ([^.\s]+)(?:\.(.+))?$/.exec(s.name);
  if (!m) return;
  const [, what, type, path] = m;
  if (what === "field" && (path === undefined || path.includes("."))) return;
  const ends = boundaries.get(type!) ?? new Set<number>();
  boundaries.set(type!, ends);
  const value = (aspect: string) => {
    const i = s.probes.findIndex((p) => p.kind === "value" && p.aspect === aspect);
    const o = i >= 0 ? outcomes[i] : undefined;
    return o?.kind === "value" ? Number(o.value) : undefined;
  };
  if (what === "type") {
    const size = value("size");
    if (size !== undefined) ends.add(size);
    return;
  }
  const off = value("offset");
  const size = value("size");
  if (off !== undefined && size !== undefined) ends.add(off + size);
  const bits = outcomes.find((o) => o.kind === "bits");
  if (bits?.kind === "bits") ends.add(Math.ceil((bits.bitOffset + bits.bitSize) / 8));
}

/** A published size of an extensible struct must be where a compiled member ends (or its size). */
function versionEntry(
  abi: string,
  s: Subject,
  version: NonNullable<Subject["version"]>,
  ends: Set<number> | undefined,
  newerThanHeaders: boolean,
  headersName: string,
): Entry {
  if (!ends || ends.size === 0)
    return compilerEntry(abi, s, "not-in-headers", [], "absent", "no member of the type compiled");
  const max = Math.max(...ends);
  const ok = ends.has(version.size);
  const check: Check = {
    aspect: "member boundary",
    expected: version.size,
    actual: ok ? version.size : [...ends].sort((a, b) => a - b).join("/"),
    ok,
  };
  if (!ok && (version.size > max || newerThanHeaders)) {
    const why = newerThanHeaders
      ? `since ${version.since}, newer than ${headersName}`
      : "newer than the headers";
    return compilerEntry(abi, s, "not-in-headers", [], `the headers' type ends at ${max}`, why);
  }
  return compilerEntry(abi, s, ok ? "proved" : "mismatch", [check]);
}

/** Every registry item coverage is judged on: types, their members, constants. */
export function registryItems(registry: Registry): string[] {
  const out = new Set<string>();
  const walk = (type: string, fields: readonly Field[], prefix: string) => {
    for (const f of fields) {
      const path = `${prefix}${f.name}`;
      if (f.anonymous && f.type.kind === "anon") walk(type, f.type.fields, `${path}.`);
      else {
        out.add(`field ${type}.${path}`);
        if (f.type.kind === "anon") walk(type, f.type.fields, `${path}.`);
      }
    }
  };
  for (const t of registry.types) {
    out.add(`type ${t.name}`);
    if (t.kind !== "variant") {
      walk(t.name, t.fields, "");
      for (const v of t.extensible?.versions ?? []) if (v.macro) out.add(`const ${v.macro}`);
    }
  }
  for (const s of registry.sets) for (const m of s.members) out.add(`const ${m.name}`);
  for (const a of registry.abis) out.add(`const ${a.auditArchName}`);
  return [...out];
}

interface AbiRun {
  summary: AbiSummary;
  entries: Entry[];
  messages: string[];
  /** The located cross compiler, when the ABI was compiled. */
  tc?: Toolchain;
}

async function runAbi(
  registry: Registry,
  engine: LayoutEngine,
  abi: Abi,
  headers: readonly string[],
  workRoot: string,
  log: (line: string) => void,
  withCompiler: boolean,
): Promise<AbiRun> {
  const t0 = performance.now();
  const base = {
    abi: abi.name,
    toolchain: abi.toolchain ? [`${abi.toolchain.triplet}-gcc`, ...abi.toolchain.flags].join(" ") : null,
    package: abi.toolchain?.package ?? null,
    btf: false,
    provedByCompiler: 0,
    provedByBtf: 0,
    provedByBoth: 0,
    provedByKernelSource: 0,
    notInHeaders: 0,
    noHeaderMapping: 0,
    mismatches: 0,
    errors: 0,
  };
  const tc: Toolchain | undefined = withCompiler ? await locateToolchain(abi) : undefined;
  if (!tc) {
    const status = !withCompiler ? "none" : abi.toolchain ? "missing" : "none";
    const message = withCompiler ? missingToolchainMessage(abi) : `${abi.name}: compiler not run`;
    if (withCompiler) log(`*** ${message}`);
    const entry: Entry = {
      abi: abi.name,
      subject: abi.toolchain ? `toolchain ${abi.toolchain.triplet}` : "toolchain",
      source: "compiler",
      status: "no-toolchain",
      expected: abi.toolchain
        ? `${abi.toolchain.triplet}-gcc and its UAPI headers (${toolchainPackages(abi).join(", ")})`
        : "none declared",
      actual: !abi.toolchain
        ? "no Debian cross compiler"
        : withCompiler && toolchainPresence(abi).compiler
          ? "compiler installed, UAPI headers not"
          : "not installed",
      checks: [],
      note: message,
    };
    return {
      summary: { ...base, toolchainStatus: status, notes: [message], elapsedMs: performance.now() - t0 },
      entries: withCompiler ? [entry] : [],
      messages: withCompiler ? [message] : [],
    };
  }
  const subjects = compilerSubjects(registry, engine, abi);
  const probes = subjects.flatMap((s) => s.probes);
  const dir = join(workRoot, abi.name);
  await mkdir(dir, { recursive: true });
  const result = await compileProbes(tc, definesFor(registry), headers, bitfieldRuleTypedefs(), probes, dir);
  const entries = evaluate(abi.name, subjects, result);
  const notes = result.brokenHeaders.map(
    (h) => `header <${h.header}> does not compile on ${abi.name}: ${h.message}`,
  );
  if (result.failure) notes.push(`compile failed: ${result.failure}`);
  log(
    `${abi.name}: ${probes.length} probes, ${result.compiles} compile(s), ${Math.round(performance.now() - t0)} ms`,
  );
  const summary: AbiSummary = {
    ...base,
    toolchainStatus: "ok",
    compiler: tc.version,
    ...(result.headerVersion ? { headers: result.headerVersion } : {}),
    notes,
    elapsedMs: performance.now() - t0,
  };
  return { summary, entries, messages: [], tc };
}

/**
 * Proves the registry against the cross compilers' UAPI headers (every ABI with an installed
 * toolchain) and against the running kernel's BTF (the machine's own ABI). Nothing is reported
 * as proved unless it was compiled or compared in this run.
 */
export async function verify(registry: Registry, options: VerifyOptions = {}): Promise<Report> {
  const t0 = performance.now();
  const index = new RegistryIndex(registry);
  const engine = new LayoutEngine(index);
  const requireToolchains = options.requireToolchains ?? toolchainsRequired();
  const log = options.log ?? (() => {});
  const abis: Abi[] = [];
  for (const name of options.abis ?? registry.abis.map((a) => a.name)) {
    const abi = index.abi(name);
    if (!abi) throw new Error(`unknown ABI "${name}"`);
    if (!abis.includes(abi)) abis.push(abi);
  }

  const messages: string[] = [];
  let btf: Btf | undefined;
  if (options.btf === undefined) {
    try {
      btf = loadKernelBtf();
      if (!btf)
        messages.push(
          "no kernel BTF (/sys/kernel/btf/vmlinux): nothing is compared against the running kernel",
        );
    } catch (e) {
      messages.push(`kernel BTF unreadable: ${(e as Error).message}`);
    }
  } else btf = options.btf ?? undefined;
  const btfAbiName = options.btfAbi ?? hostAbi();
  const btfAbi = btfAbiName === undefined ? undefined : index.abi(btfAbiName);
  const kernelRelease = options.kernelRelease ?? release();

  const headers = headersFor(registry, BASE_HEADERS);
  const parallel = options.parallel ?? availableParallelism();
  const withCompiler = options.compiler ?? true;
  const tarball =
    options.kernelSource === undefined ? (withCompiler ? KERNEL_SOURCE_TARBALL : null) : options.kernelSource;
  // Extracting the tree (only when not cached) overlaps the cross compiles.
  const opening = tarball === null ? undefined : openKernelSource(tarball, options.kernelSourceCache);
  const workRoot = options.workDir ?? (await mkdtemp(join(tmpdir(), "sysargs-conformance-")));
  const entries: Entry[] = [];
  let runs: AbiRun[];
  let btfInfo: Report["btf"] = null;
  let kernelSource: KernelSourceInfo | null = null;
  let kernelSourceMissing = false;
  let kernelSourceFailed = false;
  try {
    runs = await pool(abis, parallel, (abi) =>
      runAbi(registry, engine, abi, headers, workRoot, log, withCompiler),
    );
    entries.push(...runs.flatMap((r) => r.entries));
    if (btf && btfAbi && abis.includes(btfAbi)) {
      entries.push(...compareBtf(registry, engine, btfAbi, btf, kernelRelease));
      btfInfo = { kernel: kernelRelease, abi: btfAbi.name };
    } else if (btf && btfAbi === undefined)
      messages.push(`kernel BTF present, but this machine's ABI (${process.arch}) is not modelled`);
    for (const r of runs) messages.push(...r.messages);

    const opened: OpenedKernelSource | undefined = await opening;
    if (opened?.kind === "missing") {
      kernelSourceMissing = true;
      messages.push(opened.message);
      log(`*** ${opened.message}`);
    } else if (opened?.kind === "error") {
      kernelSourceFailed = true;
      messages.push(`kernel source: ${opened.message}`);
      log(`*** kernel source: ${opened.message}`);
    } else if (opened?.kind === "ok") {
      const t1 = performance.now();
      const src = opened.source;
      // Only what the compilers and BTF left unproven.
      const proved = new Set(entries.filter((e) => e.status === "proved").flatMap(coversOf));
      const names = new Set(
        registryItems(registry)
          .filter((k) => k.startsWith("const ") && !proved.has(k))
          .map((k) => k.slice("const ".length)),
      );
      const located = new Map<string, Promise<Toolchain | undefined>>();
      for (const r of runs) if (r.tc) located.set(r.summary.abi, Promise.resolve(r.tc));
      const toolchain = (abi: Abi): Promise<Toolchain | undefined> => {
        let p = located.get(abi.name);
        if (!p) {
          p = locateToolchain(abi);
          located.set(abi.name, p);
        }
        return p;
      };
      const hostAbiModel = index.abi("x86_64");
      if (!hostAbiModel)
        throw new Error('the registry has no ABI "x86_64" to compile the kernel source with');
      entries.push(
        ...(await kernelSourceEntries({
          registry,
          source: src,
          abis,
          names,
          host: names.size > 0 ? await toolchain(hostAbiModel) : undefined,
          hostMissing: missingToolchainMessage(hostAbiModel),
          toolchain,
          missingToolchain: missingToolchainMessage,
          workDir: workRoot,
          parallel,
        })),
      );
      kernelSource = {
        package: src.package,
        version: src.version,
        tarball: src.tarball,
        cache: src.root,
        extracted: src.extracted,
        elapsedMs: src.elapsedMs + (performance.now() - t1),
      };
      log(
        `kernel source ${src.package} ${src.version}: ${names.size} constant(s), ${
          src.extracted ? `extracted in ${Math.round(src.elapsedMs)} ms` : "from the cache"
        }, ${Math.round(kernelSource.elapsedMs)} ms`,
      );
    }
  } finally {
    if (options.workDir === undefined) await rm(workRoot, { recursive: true, force: true });
  }

  // Per-ABI counts of subjects by outcome.
  const rolled = provedBy(entries);
  const summaries = runs.map((r): AbiSummary => {
    const per = rolled.get(r.summary.abi) ?? new Map();
    const mine = entries.filter((e) => e.abi === r.summary.abi);
    const subjectsWith = (source: Source, status: Status) =>
      new Set(mine.filter((e) => e.source === source && e.status === status).map((e) => e.subject)).size;
    const count = (...v: string[]) => [...per.values()].filter((x) => v.includes(x)).length;
    return {
      ...r.summary,
      btf: btfInfo?.abi === r.summary.abi,
      provedByCompiler: count("compiler", "both"),
      provedByBtf: count("btf", "both"),
      provedByBoth: count("both"),
      provedByKernelSource: count("kernel-source"),
      notInHeaders: subjectsWith("compiler", "not-in-headers"),
      noHeaderMapping: subjectsWith("compiler", "no-header-mapping"),
      mismatches: count("mismatch"),
      errors: new Set(mine.filter((e) => e.status === "error").map((e) => e.subject)).size,
    };
  });

  // Coverage: a registry item is proved when some proved entry covers it (any ABI, any source).
  const covered = new Set<string>();
  const provedBySource: Record<Source, Set<string>> = {
    compiler: new Set(),
    btf: new Set(),
    "kernel-source": new Set(),
  };
  for (const e of entries) {
    if (e.status !== "proved") continue;
    const keys = coversOf(e);
    for (const k of keys) covered.add(k);
    provedBySource[e.source].add(e.subject);
  }
  const unproven = registryItems(registry).filter((k) => !covered.has(k));
  const btfOnly = [...provedBySource.btf].filter((s) => !provedBySource.compiler.has(s)).sort();
  const kernelSourceOnly = [...provedBySource["kernel-source"]]
    .filter((s) => !provedBySource.compiler.has(s) && !provedBySource.btf.has(s))
    .sort();
  const alts = alternativesOnly(registry);
  const unmappedTypes: string[] = [];
  for (const name of probedTypes(registry)) {
    if (alts.has(name)) continue;
    const c = index.type(name)!.c;
    if (c.noHeader !== null) unmappedTypes.push(`${name} (no header: ${c.noHeader})`);
    else if (c.headers.length === 0) unmappedTypes.push(`${name} (no header mapping and no UAPI provenance)`);
  }

  const bad = entries.some((e) => e.status === "mismatch" || e.status === "error");
  const missing = summaries.some((s) => s.toolchainStatus === "missing");
  return {
    ok: !bad && !kernelSourceFailed && !(requireToolchains && (missing || kernelSourceMissing)),
    requireToolchains,
    registryKernel: registry.kernel,
    btf: btfInfo,
    abis: summaries,
    entries,
    unproven,
    btfOnly,
    kernelSource,
    kernelSourceStatus: kernelSourceMissing
      ? "missing"
      : kernelSourceFailed
        ? "error"
        : kernelSource
          ? "ok"
          : "unused",
    kernelSourceOnly,
    unmappedTypes,
    messages,
    elapsedMs: performance.now() - t0,
  };
}

/** Registry items a proved entry covers. */
function coversOf(e: Entry): readonly string[] {
  return e.covers ?? (e.subject.startsWith("const ") ? [e.subject] : []);
}
