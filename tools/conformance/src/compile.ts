import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readElf, readInt64s } from "./elf.js";
import type { Probe } from "./probes.js";
import { compileArgs, run, type Toolchain } from "./toolchain.js";

/** What the compiler said about one probe. */
export type ProbeOutcome =
  | { readonly kind: "value"; readonly value: bigint; readonly cSize?: number }
  | {
      readonly kind: "bits";
      readonly bitOffset: number;
      readonly bitSize: number;
      readonly contiguous: boolean;
    }
  /** The headers do not declare the type, member or constant. */
  | { readonly kind: "absent"; readonly message: string }
  /** The compiler rejected the probe for another reason (e.g. offsetof of a bitfield). */
  | { readonly kind: "rejected"; readonly message: string };

export interface CompileResult {
  readonly outcomes: Map<Probe, ProbeOutcome>;
  /** LINUX_VERSION_CODE of the headers as "6.1.4", when <linux/version.h> exists. */
  readonly headerVersion?: string;
  /** Headers that failed to compile on this ABI and were left out. */
  readonly brokenHeaders: readonly { readonly header: string; readonly message: string }[];
  /** Set when the file could not be compiled at all: every remaining probe is unproven. */
  readonly failure?: string;
  readonly compiles: number;
}

/** Compiler messages that mean "the headers do not declare this" rather than "this is wrong". */
const ABSENT =
  /undeclared|has no member named|unknown field|incomplete type|isn't known|unknown type name|undefined type|storage size of|in something not a structure or union/;

const SOURCE = "probe.c";

interface Rendered {
  text: string;
  /** 1-based line -> probe. */
  probeAt: Map<number, Probe>;
  /** 1-based line -> header of an #include. */
  headerAt: Map<number, string>;
  /** Value probes in array order (a const probe takes two slots: value, then sizeof). */
  slots: Probe[];
  bits: Map<Probe, string>;
}

const PRELUDE = [
  "#define SA_CHAR_SIGNED ((char)-1 < 0)",
  "#define SA_SIGNED(x) _Generic((x), char: SA_CHAR_SIGNED, signed char: 1, short: 1, int: 1, long: 1, long long: 1, \\",
  "  unsigned char: 0, unsigned short: 0, unsigned int: 0, unsigned long: 0, unsigned long long: 0, _Bool: 0, default: 2)",
  "#define SA_ALIGN(T) __builtin_offsetof(struct { char c; T x; }, x)",
  "#ifdef LINUX_VERSION_CODE",
  "#define SA_LINUX_VERSION LINUX_VERSION_CODE",
  "#else",
  "#define SA_LINUX_VERSION 0",
  "#endif",
];

function render(
  abi: string,
  defines: readonly string[],
  headers: readonly string[],
  typedefs: readonly string[],
  probes: readonly Probe[],
): Rendered {
  const lines: string[] = [`/* sysargs conformance probes for ABI ${abi}: generated, do not edit */`];
  const probeAt = new Map<number, Probe>();
  const headerAt = new Map<number, string>();
  const slots: Probe[] = [];
  const bits = new Map<Probe, string>();
  const push = (line: string): number => lines.push(line);
  for (const d of defines) push(`#define ${d}`);
  for (const h of headers) {
    push(`#if __has_include(<${h}>)`);
    headerAt.set(push(`#include <${h}>`), h);
    push("#endif");
  }
  for (const l of PRELUDE) push(l);
  for (const t of typedefs) push(t);
  push("const long long sysargs_v[] __attribute__((used)) = {");
  push("  SA_LINUX_VERSION,");
  for (const p of probes) {
    if (p.kind === "value") {
      probeAt.set(push(`  (long long)(${p.c}),`), p);
      slots.push(p);
    } else if (p.kind === "const") {
      probeAt.set(push(`  (long long)(${p.name}),`), p);
      probeAt.set(push(`  (long long)sizeof(${p.name}),`), p);
      slots.push(p, p);
    }
  }
  push("};");
  let n = 0;
  for (const p of probes) {
    if (p.kind !== "bits") continue;
    const sym = `sysargs_b${n++}`;
    bits.set(p, sym);
    probeAt.set(push(`const ${p.typeC} ${sym} __attribute__((used)) = { .${p.designator} = -1 };`), p);
  }
  return { text: `${lines.join("\n")}\n`, probeAt, headerAt, slots, bits };
}

interface Attribution {
  probes: Map<Probe, string>;
  headers: Map<string, string>;
  unattributed: string[];
}

/**
 * Attributes each error to the probe line or #include line of probe.c it comes from: the error's
 * own location when it is in probe.c, else a probe line named by the notes that follow it (macro
 * expansions), else the #include line through which the failing header was reached.
 */
function attribute(stderr: string, r: Rendered): Attribution {
  const out: Attribution = { probes: new Map(), headers: new Map(), unattributed: [] };
  const lines = stderr.split("\n");
  const loc =
    /^(?:In file included from |\s+from )?([^:\s][^:]*):(\d+)(?::(\d+))?[:,]?\s*(?:(fatal error|error|note|warning): (.*))?$/;
  let includeChain: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = loc.exec(line);
    if (!m) continue;
    const [, file, lineNo, , severity, message] = m;
    const ours = file === SOURCE || file?.endsWith(`/${SOURCE}`);
    if (!severity) {
      if (ours) includeChain.push(Number(lineNo));
      continue;
    }
    if (severity !== "error" && severity !== "fatal error") continue;
    const text = `${file}:${lineNo}: ${message}`;
    const chain = includeChain;
    includeChain = [];
    const probeLines: number[] = [];
    if (ours && r.probeAt.has(Number(lineNo))) probeLines.push(Number(lineNo));
    // Notes until the next error (in expansion of macro ..., included from ...).
    for (let j = i + 1; j < lines.length; j++) {
      const n = loc.exec(lines[j]!);
      if (n?.[4] === "error" || n?.[4] === "fatal error") break;
      if (n?.[4] !== "note") continue;
      const nf = n[1];
      if ((nf === SOURCE || nf?.endsWith(`/${SOURCE}`)) && r.probeAt.has(Number(n[2])))
        probeLines.push(Number(n[2]));
    }
    if (probeLines.length > 0) {
      for (const l of probeLines) {
        const p = r.probeAt.get(l)!;
        if (!out.probes.has(p)) out.probes.set(p, message ?? text);
      }
      continue;
    }
    if (ours && r.headerAt.has(Number(lineNo))) {
      out.headers.set(r.headerAt.get(Number(lineNo))!, message ?? text);
      continue;
    }
    const via = chain.find((l) => r.headerAt.has(l));
    if (!ours && via !== undefined) {
      const h = r.headerAt.get(via)!;
      if (!out.headers.has(h)) out.headers.set(h, text);
      continue;
    }
    out.unattributed.push(text);
  }
  return out;
}

function bitsOf(
  bytes: Uint8Array,
  endian: "little" | "big",
): { bitOffset: number; bitSize: number; contiguous: boolean } {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let b = 0; b < bytes.length; b++) {
    const v = bytes[b]!;
    for (let k = 0; k < 8; k++) {
      if (!(v & (1 << k))) continue;
      // Allocation order: from the least significant bit of byte 0 on little-endian ABIs, from
      // the most significant one on big-endian ABIs (DWARF data_bit_offset, BTF).
      const at = b * 8 + (endian === "little" ? k : 7 - k);
      if (first < 0 || at < first) first = at;
      if (at > last) last = at;
      count++;
    }
  }
  return { bitOffset: first, bitSize: count, contiguous: count > 0 && last - first + 1 === count };
}

/**
 * Compiles the probes for one ABI in one translation unit and reads their values back from the
 * object file. Probes (or headers) the compiler rejects are attributed, set aside with the
 * compiler's message and the rest compiled again, so one type newer than the headers never hides
 * the others.
 */
export async function compileProbes(
  tc: Toolchain,
  defines: readonly string[],
  headers: readonly string[],
  typedefs: readonly string[],
  probes: readonly Probe[],
  dir: string,
): Promise<CompileResult> {
  const outcomes = new Map<Probe, ProbeOutcome>();
  const brokenHeaders: { header: string; message: string }[] = [];
  let active = [...probes];
  let hdrs = [...headers];
  const source = join(dir, SOURCE);
  const object = join(dir, "probe.o");
  for (let compiles = 1; compiles <= 8; compiles++) {
    const r = render(tc.abi, defines, hdrs, typedefs, active);
    await writeFile(source, r.text);
    const res = await run(tc.gcc, compileArgs(tc, SOURCE, "probe.o"), dir);
    if (res.code === 0) {
      const elf = readElf(await readFile(object));
      const v = elf.symbols.get("sysargs_v");
      if (!v?.bytes) return { outcomes, brokenHeaders, failure: "probe.o has no sysargs_v", compiles };
      const values = readInt64s(v.bytes, elf.endian);
      values.slice(1).forEach((value, i) => {
        const p = r.slots[i]!;
        const prev = outcomes.get(p);
        if (p.kind === "const" && prev?.kind === "value")
          outcomes.set(p, { kind: "value", value: prev.value, cSize: Number(value) });
        else outcomes.set(p, { kind: "value", value });
      });
      for (const [p, sym] of r.bits) {
        const s = elf.symbols.get(sym);
        if (!s?.bytes) outcomes.set(p, { kind: "rejected", message: `probe.o has no ${sym}` });
        else outcomes.set(p, { kind: "bits", ...bitsOf(s.bytes, elf.endian) });
      }
      const code = Number(values[0] ?? 0n);
      const headerVersion = code > 0 ? `${code >> 16}.${(code >> 8) & 0xff}.${code & 0xff}` : undefined;
      return headerVersion === undefined
        ? { outcomes, brokenHeaders, compiles }
        : { outcomes, brokenHeaders, compiles, headerVersion };
    }
    const a = attribute(res.stderr, r);
    if (a.probes.size === 0 && a.headers.size === 0) {
      const failure = a.unattributed.slice(0, 5).join("\n") || res.stderr.slice(0, 2000);
      return { outcomes, brokenHeaders, failure, compiles };
    }
    for (const [p, message] of a.probes)
      outcomes.set(p, { kind: ABSENT.test(message) ? "absent" : "rejected", message });
    for (const [header, message] of a.headers) brokenHeaders.push({ header, message });
    active = active.filter((p) => !a.probes.has(p));
    hdrs = hdrs.filter((h) => !a.headers.has(h));
  }
  return { outcomes, brokenHeaders, failure: "still failing after 8 compiles", compiles: 8 };
}
