/**
 * Which source compared a fact:
 * - compiler: a Debian cross compiler and its UAPI headers (Linux 6.1), per ABI
 * - btf: the running kernel's BTF, for the machine's own ABI
 * - kernel-source: the #define lines of a header of the Linux source tree (Debian's linux-source-6.12),
 *   compiled; only for constants the other two sources did not prove
 */
export type Source = "compiler" | "btf" | "kernel-source";

/**
 * Outcome of one subject on one ABI from one source.
 * - proved: compiled (or read from BTF) in this run and equal to the registry in every aspect
 * - mismatch: compiled or compared, and some aspect differs (or the compiler rejected the probe)
 * - not-in-headers: the toolchain's headers do not declare it (newer than them, or absent on the ABI)
 * - not-in-btf: the running kernel's BTF has no such struct
 * - no-header-mapping: the tool does not know which UAPI header declares it (or none does)
 * - no-toolchain: the ABI's cross compiler is not installed, or no Debian one exists
 * - unresolved: the kernel source defines the constant, but not by simple #define lines alone (under a
 *   condition, or with a cast, sizeof or a name from another header): not compiled, hence not proved
 * - error: the probe could not be evaluated (a tool problem, reported with the compiler's message)
 */
export type Status =
  | "proved"
  | "mismatch"
  | "not-in-headers"
  | "not-in-btf"
  | "no-header-mapping"
  | "no-toolchain"
  | "unresolved"
  | "error";

/** One compared aspect of a subject: a size, an alignment, an offset, a value... */
export interface Check {
  readonly aspect: string;
  readonly expected: number | string;
  readonly actual: number | string | null;
  readonly ok: boolean;
}

export interface Entry {
  readonly abi: string;
  /** "type clone_args", "field clone_args.cgroup", "const CLONE_NEWUSER", "abi scalar long". */
  readonly subject: string;
  readonly source: Source;
  readonly status: Status;
  /** The registry's values of the aspects shown ("offset 80, size 8"); for a mismatch, only the differing ones. */
  readonly expected: string;
  /** The source's values of the same aspects, or why there are none. */
  readonly actual: string;
  readonly checks: readonly Check[];
  readonly note?: string;
  /** Registry items this entry proves when proved ("type stat_generic", "field perf_event_attr.a.b"). */
  readonly covers?: readonly string[];
}

export interface AbiSummary {
  readonly abi: string;
  /** "x86_64-linux-gnu-gcc" plus flags, or null when the ABI declares no toolchain. */
  readonly toolchain: string | null;
  readonly package: string | null;
  /** ok: compiled; missing: declared but not installed; none: no Debian cross compiler exists. */
  readonly toolchainStatus: "ok" | "missing" | "none";
  /** "gcc version 12.2.0 ..." when compiled. */
  readonly compiler?: string;
  /** Linux version of the toolchain's UAPI headers (LINUX_VERSION_CODE), e.g. "6.1.4". */
  readonly headers?: string;
  /** Whether this ABI was also compared against the running kernel's BTF. */
  readonly btf: boolean;
  /** Subjects (not aspects) by outcome. */
  readonly provedByCompiler: number;
  readonly provedByBtf: number;
  readonly provedByBoth: number;
  /** Constants proved by the kernel source only (those neither the compiler nor BTF proved). */
  readonly provedByKernelSource: number;
  readonly notInHeaders: number;
  readonly noHeaderMapping: number;
  readonly mismatches: number;
  readonly errors: number;
  /** Headers that did not compile on this ABI, and other remarks. */
  readonly notes: readonly string[];
  readonly elapsedMs: number;
}

/** Per ABI and subject, which source proved it. */
export type ProvedBy = "compiler" | "btf" | "both" | "kernel-source" | "none" | "mismatch";

export interface KernelSourceInfo {
  /** Debian package, e.g. "linux-source-6.12". */
  readonly package: string;
  /** VERSION.PATCHLEVEL.SUBLEVEL of its Makefile, e.g. "6.12.117". */
  readonly version: string;
  readonly tarball: string;
  /** Directory the headers were extracted to (kept as a cache across runs). */
  readonly cache: string;
  /** Whether this run extracted them (false: taken from the cache). */
  readonly extracted: boolean;
  readonly elapsedMs: number;
}

export interface Report {
  readonly ok: boolean;
  readonly requireToolchains: boolean;
  readonly registryKernel: string;
  /** The running kernel whose BTF was compared, with the ABI it runs, or null without BTF. */
  readonly btf: { readonly kernel: string; readonly abi: string } | null;
  readonly abis: readonly AbiSummary[];
  readonly entries: readonly Entry[];
  /** Registry items (types, fields, constants) proved on no ABI by any source in this run. */
  readonly unproven: readonly string[];
  /** Subjects proved only by BTF: newer than the cross toolchains' headers, or absent from them. */
  readonly btfOnly: readonly string[];
  /** The kernel source tree the remaining constants were compiled from, or null when none was read. */
  readonly kernelSource: KernelSourceInfo | null;
  /** ok: read; missing: its tarball is not installed; error: it could not be extracted; unused: not asked for. */
  readonly kernelSourceStatus: "ok" | "missing" | "error" | "unused";
  /** Constants proved only by the kernel source: newer than the cross headers, or kernel-internal. */
  readonly kernelSourceOnly: readonly string[];
  /** Registry types with neither a header mapping nor a UAPI provenance. */
  readonly unmappedTypes: readonly string[];
  readonly messages: readonly string[];
  readonly elapsedMs: number;
}

/** Rolls entries up per ABI and subject: which source proved it, or that one of them disagreed. */
export function provedBy(entries: readonly Entry[]): Map<string, Map<string, ProvedBy>> {
  const acc = new Map<string, Map<string, Partial<Record<Source, Status>>>>();
  for (const e of entries) {
    let perAbi = acc.get(e.abi);
    if (!perAbi) {
      perAbi = new Map();
      acc.set(e.abi, perAbi);
    }
    const cur = perAbi.get(e.subject) ?? {};
    cur[e.source] = worst(cur[e.source], e.status);
    perAbi.set(e.subject, cur);
  }
  const out = new Map<string, Map<string, ProvedBy>>();
  for (const [abi, subjects] of acc) {
    const m = new Map<string, ProvedBy>();
    for (const [subject, s] of subjects) {
      const bad = (x?: Status) => x === "mismatch" || x === "error";
      if (bad(s.compiler) || bad(s.btf) || bad(s["kernel-source"])) m.set(subject, "mismatch");
      else if (s.compiler === "proved" && s.btf === "proved") m.set(subject, "both");
      else if (s.compiler === "proved") m.set(subject, "compiler");
      else if (s.btf === "proved") m.set(subject, "btf");
      // Only asked about what the other two did not prove, so it never shares a subject with them.
      else if (s["kernel-source"] === "proved") m.set(subject, "kernel-source");
      else m.set(subject, "none");
    }
    out.set(abi, m);
  }
  return out;
}

const RANK: Record<Status, number> = {
  error: 6,
  mismatch: 5,
  "no-toolchain": 4,
  "no-header-mapping": 3,
  unresolved: 3,
  "not-in-headers": 2,
  "not-in-btf": 2,
  proved: 1,
};

function worst(a: Status | undefined, b: Status): Status {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/** "ABI: subject: expected X, actual Y (source)". */
export function formatMismatch(e: Entry): string {
  return `${e.abi}: ${e.subject}: expected ${e.expected}, actual ${e.actual} (${e.source})${e.note ? ` [${e.note}]` : ""}`;
}
