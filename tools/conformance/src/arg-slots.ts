import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { argumentSlots, paramSize } from "@sysargs/layout";
import { type Abi, type Param, type Registry, SCALARS, type TypeRef } from "@sysargs/model";
import { run, type Toolchain } from "./toolchain.js";

/**
 * Proves each ABI's argument-slot model (Abi.arg64, arg64First, arg64Boundary) with its cross
 * compiler. The syscall entry of every 32-bit ABI hands its argument registers to the kernel's C
 * function one to one (or, where it does not, through wrappers that mirror the C convention), so
 * GCC's calling convention decides which slot carries which half of a 64-bit argument.
 *
 * For each probe signature the compiler is asked, through its RTL dump after expansion
 * (-fdump-rtl-expand: the insns that copy each parameter from its incoming register or stack
 * slot, annotated with the parameter and byte offset they carry), where every 32-bit word of
 * every parameter arrives. Which half of a register pair is the low one is read from the
 * assembly, where the probe hands `(unsigned)x` and `(unsigned)(x >> 32)` to inline asm. The
 * locations map to slots through the ABI's table below (argument registers in slot order, and how
 * the kernel numbers the C stack). No code runs on the target.
 */

/** How GCC's argument locations map to the kernel's argument slots on one ABI. */
export interface CSlotMap {
  /** Argument registers in slot order, as GCC names them in RTL dumps and assembly. */
  readonly regs: readonly string[];
  /** Bytes per general register. */
  readonly gpr: 4 | 8;
  /** The name of GCC's hard register number `n`, to follow a value held in several registers. */
  readonly regName?: (n: number) => string;
  /**
   * The slot of the word at byte offset `k` from GCC's virtual-incoming-args, where the syscall
   * entry passes stack words as slots (arm, mips o32, sh: the entry pushes or copies them).
   */
  readonly stack?: (k: number) => number | undefined;
  /** Slots that have a C location; a probe parameter placed beyond is not compared. */
  readonly window: number;
}

const words = (from: number) => (k: number) => (k >= 0 && k % 4 === 0 ? from + k / 4 : undefined);
const x86_64: CSlotMap = { regs: ["di", "si", "dx", "cx", "r8", "r9"], gpr: 8, window: 6 };
const numbered = (prefix: string, first: number, count: number, gpr: 4 | 8, offset = 0): CSlotMap => ({
  regs: Array.from({ length: count }, (_, i) => `${prefix}${first + i}`),
  gpr,
  regName: (n) => `${prefix}${n - offset}`,
  window: count,
});

/**
 * Per ABI: GCC's argument registers and, where the kernel maps the C stack to slots, the stack.
 * - i386, m68k: every argument is on the C stack, one 4-byte word per slot (the ia32 wrappers
 *   take their halves in that order; m68k's handler reads its arguments from pt_regs d1-a0).
 * - arm: r0-r3, then the stack words the entry pushes (r4, r5). sh: r4-r7, then r0, r1 (pushed).
 * - mips o32: the argument area (a0-a3 homes, then the words copied from the user stack).
 * - sparc: %i0-%i5 (the callee's view of %o0-%o5), whose homes start the argument area.
 * - hppa: %r26-%r23, then arguments grow downwards from -52(%sp).
 * - s390 -m31: r2-r6; the sixth slot is r7, which no C argument uses.
 */
export const C_SLOT_MAPS: Readonly<Record<string, CSlotMap>> = {
  i386: { regs: [], gpr: 4, stack: words(0), window: Infinity },
  m68k: { regs: [], gpr: 4, stack: words(0), window: Infinity },
  arm: { ...numbered("r", 0, 4, 4), stack: words(4), window: Infinity },
  sh: { ...numbered("r", 4, 4, 4), stack: words(4), window: Infinity },
  mips: { ...numbered("$", 4, 4, 4), stack: words(0), window: Infinity },
  mipsel: { ...numbered("$", 4, 4, 4), stack: words(0), window: Infinity },
  ppc: numbered("", 3, 8, 4),
  s390: numbered("%r", 2, 5, 4),
  sparc: { ...numbered("%i", 0, 6, 4, 24), stack: words(0), window: Infinity },
  parisc: {
    regs: ["%r26", "%r25", "%r24", "%r23"],
    gpr: 4,
    regName: (n) => `%r${n}`,
    stack: (k) => (k < 0 && k % 4 === 0 ? -k / 4 - 1 : undefined),
    window: Infinity,
  },
  x86_64,
  x32: x86_64,
  mips64n32: numbered("$", 4, 8, 8),
  mipsel64n32: numbered("$", 4, 8, 8),
  mips64: numbered("$", 4, 8, 8),
  mips64el: numbered("$", 4, 8, 8),
  aarch64: numbered("x", 0, 8, 8),
  riscv64: numbered("a", 0, 8, 8),
  ppc64: numbered("", 3, 8, 8),
  ppc64le: numbered("", 3, 8, 8),
  s390x: numbered("%r", 2, 5, 8),
  sparc64: numbered("%i", 0, 6, 8, 24),
  alpha: numbered("$", 16, 6, 8),
};

type SlotModel = Pick<Abi, "arg64" | "arg64First" | "arg64Boundary">;

/**
 * ABIs whose kernel does not give 64-bit arguments the C convention, with GCC's convention (so
 * that the probe still pins it down) and why. On parisc every syscall with a 64-bit argument goes
 * through a parisc_* wrapper (arch/parisc/kernel/sys_parisc.c) taking (high, low) in consecutive
 * slots, while hppa GCC starts a pair at an even slot with the low word in the lower one.
 */
export const C_CONVENTION_DIFFERS: Readonly<
  Record<string, { readonly gcc: SlotModel; readonly why: string }>
> = {
  parisc: {
    gcc: { arg64: "aligned-pair", arg64First: "low", arg64Boundary: null },
    why: "every 64-bit syscall argument goes through a parisc_* wrapper taking (high, low) in consecutive slots",
  },
};

export interface ArgProbe {
  readonly name: string;
  readonly params: readonly Pick<Param, "name" | "type">[];
  /** Where the signature comes from (a syscall of the registry, or a corner case). */
  readonly source: string;
}

const T = (name: string): TypeRef => ({ kind: "scalar", name });
const synth = (name: string, types: string[], why: string): ArgProbe => ({
  name,
  params: types.map((t, i) => ({ name: String.fromCharCode(97 + i), type: T(t) })),
  source: `corner case: ${why}`,
});

/** Corner cases of the conventions: padding, register/stack boundaries, back-filling. */
export const CORNER_PROBES: readonly ArgProbe[] = [
  synth("c_int_ll_int", ["int", "loff_t", "int"], "a pair after one word; what follows a padding slot"),
  synth("c_3int_ll_int", ["int", "int", "int", "loff_t", "int"], "a pair from the fourth slot"),
  synth("c_3int_2ll_int", ["int", "int", "int", "loff_t", "loff_t", "int"], "two pairs from the fourth slot"),
  synth("c_4int_ll_int", ["int", "int", "int", "int", "loff_t", "int"], "a pair from the fifth slot"),
  synth("c_5int_ll", ["int", "int", "int", "int", "int", "loff_t"], "a pair from the sixth slot"),
  synth("c_ll_int_ll", ["loff_t", "int", "loff_t"], "pairs around one word"),
  synth("c_3ll", ["loff_t", "loff_t", "loff_t"], "three pairs"),
];

function is64(t: TypeRef): boolean {
  if (t.kind === "pointer") return t.width === "u64";
  const base = t.kind === "scalar" ? SCALARS[t.name]?.base : undefined;
  return base === "longlong" || base === "aligned_u64";
}

/** Every syscall signature of the registry with a 64-bit parameter, as a probe. */
export function registryProbes(registry: Registry): ArgProbe[] {
  const out: ArgProbe[] = [];
  for (const sc of registry.syscalls)
    sc.signatures.forEach((sig, i) => {
      if (!sig.params.some((p) => is64(p.type))) return;
      out.push({
        name: sc.signatures.length > 1 ? `${sc.name}_${i}` : sc.name,
        params: sig.params,
        source: `syscall ${sc.name}${sig.abis.length ? ` (${sig.abis.join(", ")})` : ""}`,
      });
    });
  return out;
}

/** The probe translation unit: one function per probe. */
export function renderProbes(abi: Abi, probes: readonly ArgProbe[]): string {
  const lines = [
    `/* sysargs argument-slot probes for ABI ${abi.name}: generated, do not edit */`,
    '#define SA_USE(v) __asm__ volatile ("" :: "g"(v))',
    '#define SA_HALF(tag, v) __asm__ volatile ("sysargs-half " tag " %0" :: "g"(v))',
  ];
  for (const p of probes) {
    const decl = p.params.map((q) => {
      const size = paramSize(q.type, abi);
      const c = q.type.kind === "pointer" && size !== 8 ? "void *" : size === 8 ? "long long" : "int";
      return `${c} p_${q.name}`;
    });
    const body: string[] = [];
    for (const q of p.params) {
      // A 64-bit value is used only through its halves, so that the compiler reads each half
      // straight from the register it arrives in.
      if (paramSize(q.type, abi) !== 8) body.push(`SA_USE(p_${q.name});`);
      else
        body.push(
          `SA_HALF("sa_${p.name} ${q.name}.lo", (unsigned)(p_${q.name}));`,
          `SA_HALF("sa_${p.name} ${q.name}.hi", (unsigned)((unsigned long long)(p_${q.name}) >> 32));`,
        );
    }
    lines.push(`long sa_${p.name}(${decl.join(", ") || "void"}) { ${body.join(" ")} return 0; }`);
  }
  return `${lines.join("\n")}\n`;
}

// ---- RTL dumps

type Node = { readonly atom: string } | { readonly items: readonly Node[]; readonly bracket: boolean };

function parseSexps(text: string): Node[] {
  const stack: { items: Node[]; bracket: boolean }[] = [{ items: [], bracket: false }];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === "[") {
      stack.push({ items: [], bracket: c === "[" });
      i++;
    } else if (c === ")" || c === "]") {
      const top = stack.pop();
      if (!top || stack.length === 0) throw new Error(`unbalanced RTL at offset ${i}`);
      stack[stack.length - 1]!.items.push(top);
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      stack[stack.length - 1]!.items.push({ atom: text.slice(i, j + 1) });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s()[\]"]/.test(text[j]!)) j++;
      stack[stack.length - 1]!.items.push({ atom: text.slice(i, j) });
      i = j;
    }
  }
  if (stack.length !== 1) throw new Error("unbalanced RTL at the end");
  return stack[0]!.items;
}

const atomOf = (n: Node | undefined): string | undefined => (n && "atom" in n ? n.atom : undefined);
const listOf = (n: Node | undefined) => (n && "items" in n ? n : undefined);
const MODE_BYTES: Record<string, number> = { QI: 1, HI: 2, SI: 4, DI: 8, TI: 16 };

/** A fact of the expand dump: bytes [offset, offset + size) of a parameter arrive at a place. */
export type ArgFact =
  | {
      readonly param: string;
      readonly offset: number;
      readonly size: number;
      readonly reg: number;
      readonly regName: string;
    }
  | {
      readonly param: string;
      readonly offset: number;
      readonly size: number;
      readonly incoming: number;
      readonly weak?: true;
    };

/** `p_name+4` -> { param: "name", offset: 4 }. */
function paramRef(s: string | undefined): { param: string; offset: number } | undefined {
  const m = s ? /^p_(\w+?)(?:\+(-?\d+))?$/.exec(s) : null;
  return m ? { param: m[1]!, offset: Number(m[2] ?? 0) } : undefined;
}

/** `(reg:SI 2 r2 [ p_b ])`: a hard register (it has a name), and the parameter bytes it holds. */
function hardReg(n: Node | undefined) {
  const l = listOf(n);
  const head = atomOf(l?.items[0]);
  const m = head ? /^reg(?:\/\w+)*:([A-Z]+\d*)$/.exec(head) : null;
  if (!l || !m) return undefined;
  const regno = Number(atomOf(l.items[1]));
  const name = atomOf(l.items[2]);
  if (!Number.isInteger(regno) || name === undefined || name.startsWith("virtual-")) return undefined;
  const note = listOf(l.items[3]);
  const ref = note?.bracket ? paramRef(atomOf(note.items[0])) : undefined;
  return { regno, name, size: MODE_BYTES[m[1]!] ?? 0, ref };
}

/** `(mem/c:DI (plus (reg virtual-incoming-args) (const_int K)) [1 p_d+0 S8 A64])`. */
function incomingMem(n: Node | undefined) {
  const l = listOf(n);
  const head = atomOf(l?.items[0]);
  const m = head ? /^mem(?:\/\w+)*:([A-Z]+\d*)$/.exec(head) : null;
  if (!l || !m) return undefined;
  const attrs = listOf(l.items[2]);
  const ref = attrs?.bracket
    ? attrs.items
        .map(atomOf)
        .map(paramRef)
        .find((x) => x)
    : undefined;
  const size = Number(/^S(\d+)$/.exec(attrs?.items.map(atomOf).find((a) => a?.startsWith("S")) ?? "")?.[1]);
  const addr = listOf(l.items[1]);
  const isIncoming = (x: Node | undefined) => atomOf(listOf(x)?.items[2]) === "virtual-incoming-args";
  let k: number | undefined;
  if (isIncoming(addr)) k = 0;
  else if (/^plus/.test(atomOf(addr?.items[0]) ?? "") && isIncoming(addr!.items[1])) {
    const c = listOf(addr!.items[2]);
    if (atomOf(c?.items[0]) === "const_int") k = Number(atomOf(c!.items[1]));
  }
  if (k === undefined || !ref) return undefined;
  return { ref, incoming: k, size: Number.isFinite(size) ? size : (MODE_BYTES[m[1]!] ?? 0) };
}

/** Looks through an extension of the value: (sign_extend:DI (mem:SI ...)) on 64-bit ABIs. */
function unwrap(n: Node | undefined): Node | undefined {
  let cur = n;
  while (/^(?:sign_extend|zero_extend|truncate):/.test(atomOf(listOf(cur)?.items[0]) ?? ""))
    cur = listOf(cur)!.items[1];
  return cur;
}

function* walk(n: Node): Generator<Node> {
  yield n;
  const l = listOf(n);
  if (l) for (const c of l.items) yield* walk(c);
}

/**
 * The parameter facts of each function of an expand dump: the insns between the start of the
 * function and NOTE_INSN_FUNCTION_BEG copy every parameter from where it arrives.
 */
export function parseExpandDump(text: string): Map<string, ArgFact[]> {
  const out = new Map<string, ArgFact[]>();
  const sections = text.split(/^;; Function /m).slice(1);
  for (const section of sections) {
    const fn = /^(\S+)/.exec(section)![1]!;
    const full = section.indexOf(";; Full RTL generated for this function:");
    if (full < 0) continue;
    const rtl = section.slice(section.indexOf("\n(", full) + 1);
    const end = rtl.indexOf("NOTE_INSN_FUNCTION_BEG");
    const setup = rtl.slice(0, end < 0 ? rtl.length : rtl.lastIndexOf("\n", end));
    const facts: ArgFact[] = [];
    for (const insn of parseSexps(setup)) {
      for (const n of walk(insn)) {
        const l = listOf(n);
        const head = atomOf(l?.items[0]);
        if (head === "set") {
          const dest = l!.items[1];
          const src = unwrap(l!.items[2]);
          const reg = hardReg(src);
          const srcMem = incomingMem(src);
          const destMem = incomingMem(dest);
          if (reg?.ref) facts.push({ ...reg.ref, size: reg.size, reg: reg.regno, regName: reg.name });
          else if (reg && destMem)
            // (set (mem [p_e+0]) (reg:SI 29 %i5)): the register's contents are that part of e.
            facts.push({ ...destMem.ref, size: reg.size, reg: reg.regno, regName: reg.name });
          else if (srcMem) facts.push({ ...srcMem.ref, size: srcMem.size, incoming: srcMem.incoming });
        } else if (head === "expr_list:REG_EQUIV") {
          const mem = incomingMem(unwrap(l!.items[1]));
          if (mem) facts.push({ ...mem.ref, size: mem.size, incoming: mem.incoming, weak: true });
        }
      }
    }
    out.set(fn, facts);
  }
  return out;
}

/** `sysargs-half sa_fn name.lo OPERAND` lines of the assembly: fn -> "name.lo" -> operand. */
export function parseHalves(asm: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const m of asm.matchAll(/sysargs-half (\S+) (\S+\.(?:lo|hi)) (\S+)/g)) {
    const fn = m[1]!;
    if (!out.has(fn)) out.set(fn, new Map());
    out.get(fn)!.set(m[2]!, m[3]!);
  }
  return out;
}

// ---- observation and comparison

/** Where GCC puts each word of a parameter, as slots (undefined: no slot corresponds). */
export interface ObservedParam {
  readonly name: string;
  /** One slot (values of one register), or the slots of the low and high 32 bits. */
  readonly slot?: number | undefined;
  readonly low?: number | undefined;
  readonly high?: number | undefined;
  /** GCC's locations, for messages: "r2", "incoming+8". */
  readonly where: string;
}

export function observe(
  map: CSlotMap,
  abi: Pick<Abi, "endian">,
  params: readonly { readonly name: string; readonly size: number }[],
  facts: readonly ArgFact[],
  halves: ReadonlyMap<string, string> | undefined,
  problems: string[],
): ObservedParam[] {
  return params.map(({ name, size }) => {
    /** The location of the `len` bytes at byte `at` of the parameter. */
    const locate = (at: number): { slot: number | undefined; where: string; reg?: string } | undefined => {
      const own = facts.filter((f) => f.param === name && f.offset <= at && at < f.offset + f.size);
      const best = own.find((f) => "reg" in f) ?? own.find((f) => !("weak" in f)) ?? own[0];
      if (!best) return undefined;
      if ("reg" in best) {
        const i = Math.floor((at - best.offset) / map.gpr);
        const reg = i === 0 ? best.regName : map.regName?.(best.reg + i);
        if (reg === undefined) return { slot: undefined, where: `${best.regName}+${i}` };
        const slot = map.regs.indexOf(reg);
        return { slot: slot < 0 ? undefined : slot, where: reg, reg };
      }
      const k = best.incoming + (at - best.offset);
      return { slot: map.stack?.(k), where: `incoming${k < 0 ? "" : "+"}${k}` };
    };
    if (size <= map.gpr) {
      const w = locate(0);
      if (!w) problems.push(`${name}: the expand dump does not say where it arrives`);
      return { name, slot: w?.slot, where: w?.where ?? "?" };
    }
    const first = locate(0);
    const second = locate(4);
    if (!first || !second) {
      problems.push(`${name}: the expand dump does not say where both halves arrive`);
      return { name, where: "?" };
    }
    // Bytes 0-3 are the low half on little-endian ABIs (a fact of memory; layout probes prove it).
    let [lo, hi] = abi.endian === "little" ? [first, second] : [second, first];
    // In registers, the compiler itself says which register it reads each half from.
    if (first.reg && second.reg) {
      const l = halves?.get(`${name}.lo`);
      const h = halves?.get(`${name}.hi`);
      const names = [first.reg, second.reg];
      if (!l || !h || !names.includes(l) || !names.includes(h) || l === h)
        problems.push(
          `${name}: the assembly reads the halves from ${l ?? "?"} and ${h ?? "?"}, not from ${names.join(" and ")}`,
        );
      else [lo, hi] = l === first.reg ? [first, second] : [second, first];
    }
    return { name, low: lo.slot, high: hi.slot, where: `low ${lo.where}, high ${hi.where}` };
  });
}

export interface SlotCheck {
  readonly abi: string;
  readonly probe: string;
  readonly param: string;
  readonly status: "ok" | "mismatch" | "beyond-window";
  /** "slot 2" or "low 2, high 3". */
  readonly expected: string;
  readonly observed: string;
}

/** Compares one probe's observation with a model's prediction. */
export function compareProbe(
  abi: Abi,
  model: SlotModel,
  map: CSlotMap,
  probe: ArgProbe,
  observed: readonly ObservedParam[],
): SlotCheck[] {
  const predicted = argumentSlots(probe, { ...abi, ...model });
  return predicted.params.map((p, i) => {
    const o = observed[i]!;
    const expected = p.low === undefined ? `slot ${p.slots[0]}` : `low ${p.low}, high ${p.high}`;
    const seen =
      o.low === undefined && o.high === undefined && "slot" in o
        ? `slot ${o.slot ?? "-"} (${o.where})`
        : `low ${o.low ?? "-"}, high ${o.high ?? "-"} (${o.where})`;
    const base = { abi: abi.name, probe: probe.name, param: p.name, expected, observed: seen };
    if (p.slots.some((s) => s >= map.window)) return { ...base, status: "beyond-window" };
    const ok = p.low === undefined ? o.slot === p.slots[0] : o.low === p.low && o.high === p.high;
    return { ...base, status: ok ? "ok" : "mismatch" };
  });
}

export interface ArgSlotsReport {
  readonly abi: string;
  readonly compiler: string;
  /** The model the compiler was held to: the ABI's own, or GCC's where the kernel differs. */
  readonly against: "model" | "gcc-convention";
  readonly checks: readonly SlotCheck[];
  /** Where the ABI's own model disagrees with GCC (expected only in C_CONVENTION_DIFFERS). */
  readonly modelMismatches: readonly SlotCheck[];
  /** Dump or assembly that could not be read. */
  readonly problems: readonly string[];
}

/**
 * Compiles the probes with the ABI's cross compiler and checks every parameter's slots against
 * the ABI's model (or, for ABIs in C_CONVENTION_DIFFERS, against GCC's own convention, while
 * still reporting where the model disagrees).
 */
export async function proveArgSlots(
  tc: Toolchain,
  abi: Abi,
  probes: readonly ArgProbe[],
  workDir?: string,
): Promise<ArgSlotsReport> {
  const map = C_SLOT_MAPS[abi.name];
  if (!map) throw new Error(`${abi.name}: no argument-slot map in tools/conformance/src/arg-slots.ts`);
  const dir = workDir ?? (await mkdtemp(join(tmpdir(), `sysargs-arg-slots-${abi.name}-`)));
  try {
    await writeFile(join(dir, "probe.c"), renderProbes(abi, probes));
    const args = [...tc.flags, "-O2", "-w", "-S", "-fdump-rtl-expand", "-o", "probe.s", "probe.c"];
    const r = await run(tc.gcc, args, dir);
    if (r.code !== 0) throw new Error(`${tc.gcc} ${args.join(" ")} failed:\n${r.stderr.slice(0, 2000)}`);
    const dump = (await readdir(dir)).find((f) => f.endsWith("r.expand"));
    if (!dump) throw new Error(`${tc.gcc} wrote no expand dump in ${dir}`);
    const facts = parseExpandDump(await readFile(join(dir, dump), "utf8"));
    const halves = parseHalves(await readFile(join(dir, "probe.s"), "utf8"));
    const problems: string[] = [];
    const checks: SlotCheck[] = [];
    const modelMismatches: SlotCheck[] = [];
    const differs = C_CONVENTION_DIFFERS[abi.name];
    for (const probe of probes) {
      const fn = `sa_${probe.name}`;
      const sizes = probe.params.map((p) => ({ name: p.name, size: paramSize(p.type, abi) }));
      const here: string[] = [];
      const observed = observe(map, abi, sizes, facts.get(fn) ?? [], halves.get(fn), here);
      problems.push(...here.map((m) => `${fn}: ${m}`));
      const own = compareProbe(abi, abi, map, probe, observed);
      if (differs) {
        checks.push(...compareProbe(abi, differs.gcc, map, probe, observed));
        modelMismatches.push(...own.filter((c) => c.status === "mismatch"));
      } else {
        checks.push(...own);
        modelMismatches.push(...own.filter((c) => c.status === "mismatch"));
      }
    }
    return {
      abi: abi.name,
      compiler: [tc.gcc, ...tc.flags].join(" "),
      against: differs ? "gcc-convention" : "model",
      checks,
      modelMismatches,
      problems,
    };
  } finally {
    if (!workDir) await rm(dir, { recursive: true, force: true });
  }
}

export function formatSlotCheck(c: SlotCheck): string {
  return `${c.abi} ${c.probe}(${c.param}): expected ${c.expected}, compiler: ${c.observed}`;
}
