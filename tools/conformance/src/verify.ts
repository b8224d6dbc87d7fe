import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, endianness, release, tmpdir } from "node:os";
import { join } from "node:path";
import { type Btf, loadKernelBtf } from "@sysargs/btf";
import { LayoutEngine } from "@sysargs/layout";
import { type Abi, type Field, type Registry, RegistryIndex } from "@sysargs/model";
import { compareBtf } from "./btf-check.js";
import { type CompileResult, compileProbes, type ProbeOutcome } from "./compile.js";
import { compareVersions } from "./flatten.js";
import { BASE_HEADERS, HEADER_MAP, isNoHeader, SCALAR_HEADERS } from "./headers.js";
import {
  alternativesOnly,
  bitfieldRuleTypedefs,
  compilerSubjects,
  definesFor,
  headersFor,
  mappingOf,
  type Probe,
  probedTypes,
  type Show,
  type Subject,
} from "./probes.js";
import { type AbiSummary, type Check, type Entry, provedBy, type Report, type Status } from "./report.js";
import { locateToolchain, missingToolchainMessage, type Toolchain, toolchainsRequired } from "./toolchain.js";

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

async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return results;
}

const safe = (v: bigint): number | string =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();

function display(v: bigint, showAs: Show, cSize?: number): number | string {
  switch (showAs) {
    case "hex": {
      const bits = cSize !== undefined && cSize <= 4 && v >= -(1n << 31n) && v < 1n << 32n ? 32 : 64;
      return `0x${BigInt.asUintN(bits, v).toString(16)}`;
    }
    case "signed":
      return v === 1n ? "signed" : v === 0n ? "unsigned" : "not an integer";
    case "endian":
      return v === 1n ? "big" : "little";
    case "bool":
      return v === 0n ? "false" : "true";
    default:
      return safe(v);
  }
}

/** Equal as the C constant: exactly, as 64-bit patterns, or as 32-bit patterns for an int-sized constant. */
function sameConst(expected: bigint, actual: bigint, cSize: number | undefined): boolean {
  if (expected === actual || BigInt.asUintN(64, expected) === BigInt.asUintN(64, actual)) return true;
  const fits32 = expected >= -(1n << 31n) && expected < 1n << 32n;
  return (
    cSize !== undefined && cSize <= 4 && fits32 && BigInt.asUintN(32, expected) === BigInt.asUintN(32, actual)
  );
}

function checksOf(p: Probe, o: ProbeOutcome): Check[] {
  if (o.kind === "absent") return [];
  if (p.kind === "bits") {
    const label = p.label ?? "";
    if (o.kind === "rejected") {
      return [
        {
          aspect: `${label}bitOffset`,
          expected: p.bitOffset,
          actual: `compile error: ${o.message}`,
          ok: false,
        },
      ];
    }
    if (o.kind !== "bits")
      return [{ aspect: `${label}bitOffset`, expected: p.bitOffset, actual: "no bits read", ok: false }];
    const checks: Check[] = [
      {
        aspect: `${label}bitOffset`,
        expected: p.bitOffset,
        actual: o.bitOffset,
        ok: o.bitOffset === p.bitOffset,
      },
      { aspect: `${label}bitSize`, expected: p.bitSize, actual: o.bitSize, ok: o.bitSize === p.bitSize },
    ];
    if (!o.contiguous)
      checks.push({ aspect: `${label}contiguous`, expected: "true", actual: "false", ok: false });
    return checks;
  }
  const expected = display(p.expected, p.show);
  if (o.kind === "rejected")
    return [{ aspect: p.aspect, expected, actual: `compile error: ${o.message}`, ok: false }];
  if (o.kind !== "value") return [{ aspect: p.aspect, expected, actual: "no value read", ok: false }];
  if (p.kind === "const") {
    const ok = sameConst(p.expected, o.value, o.cSize);
    return [
      {
        aspect: p.aspect,
        expected: display(p.expected, p.show, o.cSize),
        actual: display(o.value, p.show, o.cSize),
        ok,
      },
    ];
  }
  return [{ aspect: p.aspect, expected, actual: display(o.value, p.show), ok: o.value === p.expected }];
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
      expected: abi.toolchain ? `${abi.toolchain.triplet}-gcc (${abi.toolchain.package})` : "none declared",
      actual: abi.toolchain ? "not installed" : "no Debian cross compiler",
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
  return { summary, entries, messages: [] };
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

  const headers = headersFor(registry, [...BASE_HEADERS, ...SCALAR_HEADERS]);
  const workRoot = options.workDir ?? (await mkdtemp(join(tmpdir(), "sysargs-conformance-")));
  let runs: AbiRun[];
  try {
    runs = await pool(abis, options.parallel ?? availableParallelism(), (abi) =>
      runAbi(registry, engine, abi, headers, workRoot, log, options.compiler ?? true),
    );
  } finally {
    if (options.workDir === undefined) await rm(workRoot, { recursive: true, force: true });
  }

  const entries: Entry[] = runs.flatMap((r) => r.entries);
  let btfInfo: Report["btf"] = null;
  if (btf && btfAbi && abis.includes(btfAbi)) {
    entries.push(...compareBtf(registry, engine, btfAbi, btf, kernelRelease));
    btfInfo = { kernel: kernelRelease, abi: btfAbi.name };
  } else if (btf && btfAbi === undefined)
    messages.push(`kernel BTF present, but this machine's ABI (${process.arch}) is not modelled`);
  for (const r of runs) messages.push(...r.messages);

  // Per-ABI counts of subjects by outcome.
  const rolled = provedBy(entries);
  const summaries = runs.map((r): AbiSummary => {
    const per = rolled.get(r.summary.abi) ?? new Map();
    const mine = entries.filter((e) => e.abi === r.summary.abi);
    const subjectsWith = (source: "compiler" | "btf", status: Status) =>
      new Set(mine.filter((e) => e.source === source && e.status === status).map((e) => e.subject)).size;
    const count = (...v: string[]) => [...per.values()].filter((x) => v.includes(x)).length;
    return {
      ...r.summary,
      btf: btfInfo?.abi === r.summary.abi,
      provedByCompiler: count("compiler", "both"),
      provedByBtf: count("btf", "both"),
      provedByBoth: count("both"),
      notInHeaders: subjectsWith("compiler", "not-in-headers"),
      noHeaderMapping: subjectsWith("compiler", "no-header-mapping"),
      mismatches: count("mismatch"),
      errors: new Set(mine.filter((e) => e.status === "error").map((e) => e.subject)).size,
    };
  });

  // Coverage: a registry item is proved when some proved entry covers it (any ABI, any source).
  const covered = new Set<string>();
  const compilerProved = new Set<string>();
  const btfProved = new Set<string>();
  for (const e of entries) {
    if (e.status !== "proved") continue;
    const keys = coversOf(e);
    for (const k of keys) covered.add(k);
    (e.source === "compiler" ? compilerProved : btfProved).add(e.subject);
  }
  const unproven = registryItems(registry).filter((k) => !covered.has(k));
  const btfOnly = [...btfProved].filter((s) => !compilerProved.has(s)).sort();
  const alts = alternativesOnly(registry);
  const unmappedTypes: string[] = [];
  for (const name of probedTypes(registry)) {
    if (alts.has(name)) continue;
    const m = HEADER_MAP[name];
    if (m && isNoHeader(m)) unmappedTypes.push(`${name} (no header: ${m.none})`);
    else if (!m && mappingOf(index, name, registry.abis[0]?.name ?? "").kind === "none") {
      unmappedTypes.push(`${name} (no header mapping and no UAPI provenance)`);
    }
  }

  const bad = entries.some((e) => e.status === "mismatch" || e.status === "error");
  const missing = summaries.some((s) => s.toolchainStatus === "missing");
  return {
    ok: !bad && !(requireToolchains && missing),
    requireToolchains,
    registryKernel: registry.kernel,
    btf: btfInfo,
    abis: summaries,
    entries,
    unproven,
    btfOnly,
    unmappedTypes,
    messages,
    elapsedMs: performance.now() - t0,
  };
}

/** Registry items a proved entry covers. */
function coversOf(e: Entry): readonly string[] {
  return e.covers ?? (e.subject.startsWith("const ") ? [e.subject] : []);
}
