/**
 * Decoding and single-member reads of @sysargs/linux (x86_64) against named baselines, in one
 * process: a hand-written DataView decoder of the same struct with the same choices (bigint for
 * 64-bit members, the same size checks), binary-parser (compiled parsers) and restructure.
 * Figures are ops/s, the median of several timed batches; ratios are generated / baseline.
 */
import {
  decodeCloneArgs,
  decodeOpenHow,
  decodePerfEventAttr,
  getCloneArgsFlags,
  getOpenHowResolve,
  getPerfEventAttrDisabled,
} from "@sysargs/linux/x86_64";
import { Parser } from "binary-parser";
import * as r from "restructure";

let sink = 0;

/** ops/s of `f`: the median of `batches` batches, each run at least `ms` milliseconds. */
function opsPerSecond(f: () => unknown, batches = 7, ms = 150): number {
  for (let i = 0; i < 20_000; i++) f(); // warm up: let the JIT compile it
  const rates: number[] = [];
  for (let b = 0; b < batches; b++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < 1000; i++) if (f() === sink) sink++;
      n += 1000;
      t = performance.now();
    }
    rates.push((n * 1000) / (t - t0));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

// --- hand-written DataView decoders: what a careful person writes for one struct -------------

function tooSmall(name: string, size: number, min: number): never {
  throw new Error(`${name}: ${size} bytes is smaller than the minimum of ${min} bytes`);
}
/** The copy rules by hand: minimum, page, zero tail, zero-fill (as the generated decoders apply them). */
function handCopy(name: string, bytes: Uint8Array, min: number, known: number): DataView {
  if (bytes.length < min) tooSmall(name, bytes.length, min);
  if (bytes.length > 4096) throw new Error(`${name}: too large`);
  for (let i = known; i < bytes.length; i++) if (bytes[i] !== 0) throw new Error(`${name}: non-zero byte ${i}`);
  if (bytes.length < known) {
    const padded = new Uint8Array(known);
    padded.set(bytes);
    return new DataView(padded.buffer);
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function handCloneArgs(bytes: Uint8Array) {
  const v = handCopy("clone_args", bytes, 64, 88);
  const flags = v.getBigUint64(0, true);
  if (bytes.length < 88 && (flags & 0x200000000n) !== 0n) throw new Error("CLONE_INTO_CGROUP needs 88 bytes");
  return {
    flags,
    pidfd: v.getBigUint64(8, true),
    child_tid: v.getBigUint64(16, true),
    parent_tid: v.getBigUint64(24, true),
    exit_signal: v.getBigUint64(32, true),
    stack: v.getBigUint64(40, true),
    stack_size: v.getBigUint64(48, true),
    tls: v.getBigUint64(56, true),
    set_tid: v.getBigUint64(64, true),
    set_tid_size: v.getBigUint64(72, true),
    cgroup: v.getBigUint64(80, true),
  };
}

function handOpenHow(bytes: Uint8Array) {
  const v = handCopy("open_how", bytes, 24, 24);
  return { flags: v.getBigUint64(0, true), mode: v.getBigUint64(8, true), resolve: v.getBigUint64(16, true) };
}

const PERF_BITS = [
  "disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel", "exclude_hv", "exclude_idle",
  "mmap", "comm", "freq", "inherit_stat", "enable_on_exec", "task", "watermark",
] as const;

function handPerfEventAttr(bytes: Uint8Array) {
  if (bytes.length < 4 + 4) tooSmall("perf_event_attr", bytes.length, 8);
  const raw = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = raw.getUint32(4, true) || 64;
  const v = handCopy("perf_event_attr", bytes.subarray(0, size), 64, 136);
  const lo = v.getUint32(40, true);
  const hi = v.getUint32(44, true);
  const out: Record<string, number | bigint> = {
    type: v.getUint32(0, true),
    size: v.getUint32(4, true),
    config: v.getBigUint64(8, true),
    sample_period: v.getBigUint64(16, true),
    sample_freq: v.getBigUint64(16, true),
    sample_type: v.getBigUint64(24, true),
    read_format: v.getBigUint64(32, true),
  };
  // The 64-bit bitfield word: one bit each, precise_ip two bits, the rest from the high half.
  PERF_BITS.forEach((name, i) => {
    out[name] = (lo >>> i) & 1;
  });
  out.precise_ip = (lo >>> 15) & 3;
  for (let i = 17; i < 32; i++) out[`bit${i}`] = (lo >>> i) & 1;
  for (let i = 0; i < 6; i++) out[`bit${32 + i}`] = (hi >>> i) & 1;
  out.__reserved_1 = hi >>> 6;
  Object.assign(out, {
    wakeup_events: v.getUint32(48, true),
    wakeup_watermark: v.getUint32(48, true),
    bp_type: v.getUint32(52, true),
    bp_addr: v.getBigUint64(56, true),
    kprobe_func: v.getBigUint64(56, true),
    uprobe_path: v.getBigUint64(56, true),
    config1: v.getBigUint64(56, true),
    bp_len: v.getBigUint64(64, true),
    kprobe_addr: v.getBigUint64(64, true),
    probe_offset: v.getBigUint64(64, true),
    config2: v.getBigUint64(64, true),
    branch_sample_type: v.getBigUint64(72, true),
    sample_regs_user: v.getBigUint64(80, true),
    sample_stack_user: v.getUint32(88, true),
    clockid: v.getInt32(92, true),
    sample_regs_intr: v.getBigUint64(96, true),
    aux_watermark: v.getUint32(104, true),
    sample_max_stack: v.getUint16(108, true),
    __reserved_2: v.getUint16(110, true),
    aux_sample_size: v.getUint32(112, true),
    aux_action: v.getUint32(116, true),
    sig_data: v.getBigUint64(120, true),
    config3: v.getBigUint64(128, true),
  });
  return out;
}

// --- binary-parser and restructure: the same members (64-bit ones as their library allows) ----

const bpU64 = (p: Parser, names: string[]) => names.reduce((q, n) => q.uint64le(n), p);
const CLONE_NAMES = ["flags", "pidfd", "child_tid", "parent_tid", "exit_signal", "stack", "stack_size", "tls"];
CLONE_NAMES.push("set_tid", "set_tid_size", "cgroup");
const bpClone = bpU64(new Parser(), CLONE_NAMES);
const bpOpenHow = bpU64(new Parser(), ["flags", "mode", "resolve"]);
// binary-parser: the bitfield word as one u64 (not split): less work than the others do.
const bpPerf = new Parser()
  .uint32le("type")
  .uint32le("size")
  .uint64le("config")
  .uint64le("sample_period")
  .uint64le("sample_type")
  .uint64le("read_format")
  .uint64le("bits")
  .uint32le("wakeup_events")
  .uint32le("bp_type")
  .uint64le("config1")
  .uint64le("config2")
  .uint64le("branch_sample_type")
  .uint64le("sample_regs_user")
  .uint32le("sample_stack_user")
  .int32le("clockid")
  .uint64le("sample_regs_intr")
  .uint32le("aux_watermark")
  .uint16le("sample_max_stack")
  .uint16le("__reserved_2")
  .uint32le("aux_sample_size")
  .uint32le("aux_action")
  .uint64le("sig_data")
  .uint64le("config3");

// restructure has no 64-bit integers: each u64 is two uint32le (not combined), again less work.
const rsPairs = (names: string[]) =>
  new r.Struct(Object.fromEntries(names.flatMap((n) => [[`${n}_lo`, r.uint32le], [`${n}_hi`, r.uint32le]])));
const rsClone = rsPairs(CLONE_NAMES);
const rsOpenHow = rsPairs(["flags", "mode", "resolve"]);
const rsPerf = new r.Struct({
  type: r.uint32le,
  size: r.uint32le,
  ...Object.fromEntries(
    ["config", "sample_period", "sample_type", "read_format", "bits"].flatMap((n) => [
      [`${n}_lo`, r.uint32le],
      [`${n}_hi`, r.uint32le],
    ]),
  ),
  wakeup_events: r.uint32le,
  bp_type: r.uint32le,
  ...Object.fromEntries(
    ["config1", "config2", "branch_sample_type", "sample_regs_user"].flatMap((n) => [
      [`${n}_lo`, r.uint32le],
      [`${n}_hi`, r.uint32le],
    ]),
  ),
  sample_stack_user: r.uint32le,
  clockid: r.int32le,
  sample_regs_intr_lo: r.uint32le,
  sample_regs_intr_hi: r.uint32le,
  aux_watermark: r.uint32le,
  sample_max_stack: r.uint16le,
  __reserved_2: r.uint16le,
  aux_sample_size: r.uint32le,
  aux_action: r.uint32le,
  sig_data_lo: r.uint32le,
  sig_data_hi: r.uint32le,
  config3_lo: r.uint32le,
  config3_hi: r.uint32le,
});

function bytesOf(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 37 + seed) & 0xff;
  return b;
}

export interface DecodeFigure {
  struct: string;
  what: string;
  generated: number;
  baselines: { name: string; ops: number }[];
}

export function decodeBench(): { figures: DecodeFigure[]; field: { name: string; ns: number; handNs: number }[] } {
  const clone = bytesOf(88, 1);
  clone.fill(0, 0, 8); // flags without CLONE_INTO_CGROUP problems
  const how = bytesOf(24, 2);
  const perf = bytesOf(136, 3);
  new DataView(perf.buffer).setUint32(4, 136, true);
  const cloneBuf = Buffer.from(clone);
  const howBuf = Buffer.from(how);
  const perfBuf = Buffer.from(perf);
  const figures: DecodeFigure[] = [
    {
      struct: "clone_args",
      what: "decode 88 bytes",
      generated: opsPerSecond(() => decodeCloneArgs(clone)),
      baselines: [
        { name: "hand-written DataView", ops: opsPerSecond(() => handCloneArgs(clone)) },
        { name: "binary-parser", ops: opsPerSecond(() => bpClone.parse(cloneBuf)) },
        { name: "restructure", ops: opsPerSecond(() => rsClone.fromBuffer(cloneBuf)) },
      ],
    },
    {
      struct: "open_how",
      what: "decode 24 bytes",
      generated: opsPerSecond(() => decodeOpenHow(how)),
      baselines: [
        { name: "hand-written DataView", ops: opsPerSecond(() => handOpenHow(how)) },
        { name: "binary-parser", ops: opsPerSecond(() => bpOpenHow.parse(howBuf)) },
        { name: "restructure", ops: opsPerSecond(() => rsOpenHow.fromBuffer(howBuf)) },
      ],
    },
    {
      struct: "perf_event_attr",
      what: "decode 136 bytes (38 bitfields)",
      generated: opsPerSecond(() => decodePerfEventAttr(perf)),
      baselines: [
        { name: "hand-written DataView", ops: opsPerSecond(() => handPerfEventAttr(perf)) },
        { name: "binary-parser", ops: opsPerSecond(() => bpPerf.parse(perfBuf)) },
        { name: "restructure", ops: opsPerSecond(() => rsPerf.fromBuffer(perfBuf)) },
      ],
    },
  ];
  const cv = new DataView(clone.buffer);
  const hv = new DataView(how.buffer);
  const pv = new DataView(perf.buffer);
  const ns = (ops: number) => 1e9 / ops;
  const field = [
    {
      name: "clone_args.flags (u64)",
      ns: ns(opsPerSecond(() => getCloneArgsFlags(cv, 0))),
      handNs: ns(opsPerSecond(() => cv.getBigUint64(0, true))),
    },
    {
      name: "open_how.resolve (u64)",
      ns: ns(opsPerSecond(() => getOpenHowResolve(hv, 0))),
      handNs: ns(opsPerSecond(() => hv.getBigUint64(16, true))),
    },
    {
      name: "perf_event_attr.disabled (bitfield)",
      ns: ns(opsPerSecond(() => getPerfEventAttrDisabled(pv, 0))),
      handNs: ns(opsPerSecond(() => pv.getUint32(40, true) & 1)),
    },
  ];
  return { figures, field };
}

/** The report's rows: figure, ops/s, baseline, its ops/s, ratio. */
export function decodeRows(): string[][] {
  const { figures, field } = decodeBench();
  const fmt = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;
  const rows: string[][] = [["decode (x86_64, in process)", "ops/s", "baseline", "baseline ops/s", "ratio"]];
  for (const f of figures)
    for (const b of f.baselines)
      rows.push([`${f.struct}: ${f.what}`, fmt(f.generated), b.name, fmt(b.ops), `${(f.generated / b.ops).toFixed(2)}x`]);
  rows.push(["single member", "ns/read", "baseline", "baseline ns/read", "ratio"]);
  for (const f of field)
    rows.push([f.name, f.ns.toFixed(1), "DataView getter inline", f.handNs.toFixed(1), `${(f.handNs / f.ns).toFixed(2)}x`]);
  return rows;
}
