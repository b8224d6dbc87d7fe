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

/** ops/s of `f` over one batch of at least `ms` milliseconds. */
function batch(f: () => unknown, ms: number): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 1000; i++) if (f() === sink) sink++;
    n += 1000;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * `f` against `baseline`, batch by batch in turn, so that a busy 2-core machine whose speed drifts
 * moves both sides of each pair together: the medians of each side's ops/s and of the pairs' ratios.
 */
function paired(f: () => unknown, baseline: () => unknown, pairs = 9, ms = 100) {
  for (let i = 0; i < 20_000; i++) {
    f();
    baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const x = batch(f, ms);
    const y = batch(baseline, ms);
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { ops: median(a), baseline: median(b), ratio: median(ratios) };
}

// --- hand-written DataView decoders: what a careful person writes for one struct -------------

function tooSmall(name: string, size: number, min: number): never {
  throw new Error(`${name}: ${size} bytes is smaller than the minimum of ${min} bytes`);
}
/** The copy rules by hand: minimum, page, zero tail, zero-fill (as the generated decoders apply them). */
function handCopy(name: string, bytes: Uint8Array, min: number, known: number): DataView {
  if (bytes.length < min) tooSmall(name, bytes.length, min);
  if (bytes.length > 4096) throw new Error(`${name}: too large`);
  for (let i = known; i < bytes.length; i++)
    if (bytes[i] !== 0) throw new Error(`${name}: non-zero byte ${i}`);
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

function handPerfEventAttr(bytes: Uint8Array) {
  if (bytes.length < 8) tooSmall("perf_event_attr", bytes.length, 8);
  const raw = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = raw.getUint32(4, true) || 64;
  const v = handCopy("perf_event_attr", bytes.subarray(0, size), 64, 136);
  // The 64-bit bitfield word, read as two 32-bit halves once.
  const lo = v.getUint32(40, true);
  const hi = v.getUint32(44, true);
  return {
    type: v.getUint32(0, true),
    size: v.getUint32(4, true),
    config: v.getBigUint64(8, true),
    sample_period: v.getBigUint64(16, true),
    sample_freq: v.getBigUint64(16, true),
    sample_type: v.getBigUint64(24, true),
    read_format: v.getBigUint64(32, true),
    disabled: (lo >>> 0) & 1,
    inherit: (lo >>> 1) & 1,
    pinned: (lo >>> 2) & 1,
    exclusive: (lo >>> 3) & 1,
    exclude_user: (lo >>> 4) & 1,
    exclude_kernel: (lo >>> 5) & 1,
    exclude_hv: (lo >>> 6) & 1,
    exclude_idle: (lo >>> 7) & 1,
    mmap: (lo >>> 8) & 1,
    comm: (lo >>> 9) & 1,
    freq: (lo >>> 10) & 1,
    inherit_stat: (lo >>> 11) & 1,
    enable_on_exec: (lo >>> 12) & 1,
    task: (lo >>> 13) & 1,
    watermark: (lo >>> 14) & 1,
    precise_ip: (lo >>> 15) & 3,
    mmap_data: (lo >>> 17) & 1,
    sample_id_all: (lo >>> 18) & 1,
    exclude_host: (lo >>> 19) & 1,
    exclude_guest: (lo >>> 20) & 1,
    exclude_callchain_kernel: (lo >>> 21) & 1,
    exclude_callchain_user: (lo >>> 22) & 1,
    mmap2: (lo >>> 23) & 1,
    comm_exec: (lo >>> 24) & 1,
    use_clockid: (lo >>> 25) & 1,
    context_switch: (lo >>> 26) & 1,
    write_backward: (lo >>> 27) & 1,
    namespaces: (lo >>> 28) & 1,
    ksymbol: (lo >>> 29) & 1,
    bpf_event: (lo >>> 30) & 1,
    aux_output: (lo >>> 31) & 1,
    cgroup: (hi >>> 0) & 1,
    text_poke: (hi >>> 1) & 1,
    build_id: (hi >>> 2) & 1,
    inherit_thread: (hi >>> 3) & 1,
    remove_on_exec: (hi >>> 4) & 1,
    sigtrap: (hi >>> 5) & 1,
    __reserved_1: hi >>> 6,
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
    aux_start_paused: v.getUint32(116, true) & 1,
    aux_pause: (v.getUint32(116, true) >>> 1) & 1,
    aux_resume: (v.getUint32(116, true) >>> 2) & 1,
    __reserved_3: v.getUint32(116, true) >>> 3,
    sig_data: v.getBigUint64(120, true),
    config3: v.getBigUint64(128, true),
  };
}

// --- binary-parser and restructure: the same members (64-bit ones as their library allows) ----

const bpU64 = (p: Parser, names: string[]) => names.reduce((q, n) => q.uint64le(n), p);
const CLONE_NAMES = [
  "flags",
  "pidfd",
  "child_tid",
  "parent_tid",
  "exit_signal",
  "stack",
  "stack_size",
  "tls",
];
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
  new r.Struct(
    Object.fromEntries(
      names.flatMap((n) => [
        [`${n}_lo`, r.uint32le],
        [`${n}_hi`, r.uint32le],
      ]),
    ),
  );
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

export interface Figure {
  what: string;
  baseline: string;
  ops: number;
  baselineOps: number;
  ratio: number;
}

export function decodeBench(): { decode: Figure[]; member: Figure[] } {
  const clone = bytesOf(88, 1);
  clone.fill(0, 0, 8); // flags 0: nothing that needs a newer version
  const how = bytesOf(24, 2);
  const perf = bytesOf(136, 3);
  new DataView(perf.buffer).setUint32(4, 136, true);
  const cloneBuf = Buffer.from(clone);
  const howBuf = Buffer.from(how);
  const perfBuf = Buffer.from(perf);
  const cases: [string, () => unknown, [string, () => unknown][]][] = [
    [
      "clone_args: decode 88 bytes",
      () => decodeCloneArgs(clone),
      [
        ["hand-written DataView", () => handCloneArgs(clone)],
        ["binary-parser", () => bpClone.parse(cloneBuf)],
        ["restructure", () => rsClone.fromBuffer(cloneBuf)],
      ],
    ],
    [
      "open_how: decode 24 bytes",
      () => decodeOpenHow(how),
      [
        ["hand-written DataView", () => handOpenHow(how)],
        ["binary-parser", () => bpOpenHow.parse(howBuf)],
        ["restructure", () => rsOpenHow.fromBuffer(howBuf)],
      ],
    ],
    [
      "perf_event_attr: decode 136 bytes (38 bitfields)",
      () => decodePerfEventAttr(perf),
      [
        ["hand-written DataView", () => handPerfEventAttr(perf)],
        ["binary-parser", () => bpPerf.parse(perfBuf)],
        ["restructure", () => rsPerf.fromBuffer(perfBuf)],
      ],
    ],
  ];
  const decode = cases.flatMap(([what, f, baselines]) =>
    baselines.map(([baseline, g]) => {
      const r = paired(f, g);
      return { what, baseline, ops: r.ops, baselineOps: r.baseline, ratio: r.ratio };
    }),
  );
  const cv = new DataView(clone.buffer);
  const hv = new DataView(how.buffer);
  const pv = new DataView(perf.buffer);
  const members: [string, () => unknown, () => unknown][] = [
    ["clone_args.flags (u64, bigint)", () => getCloneArgsFlags(cv, 0), () => cv.getBigUint64(0, true)],
    ["open_how.resolve (u64, bigint)", () => getOpenHowResolve(hv, 0), () => hv.getBigUint64(16, true)],
    [
      "perf_event_attr.disabled (bitfield)",
      () => getPerfEventAttrDisabled(pv, 0),
      () => pv.getUint32(40, true) & 1,
    ],
  ];
  const member = members.map(([what, f, g]) => {
    const r = paired(f, g);
    return {
      what,
      baseline: "DataView call written inline",
      ops: r.ops,
      baselineOps: r.baseline,
      ratio: r.ratio,
    };
  });
  return { decode, member };
}

/** The report's rows: figure, ops/s (ns per read for members), baseline, its figure, ratio. */
export function decodeRows(): string[][] {
  const { decode, member } = decodeBench();
  const fmt = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;
  const ns = (ops: number) => `${(1e9 / ops).toFixed(1)} ns`;
  const rows: string[][] = [
    ["@sysargs/linux (x86_64, in process, 9 pairs)", "ops/s", "baseline", "baseline", "ratio"],
  ];
  for (const f of decode)
    rows.push([f.what, fmt(f.ops), f.baseline, fmt(f.baselineOps), `${f.ratio.toFixed(2)}x`]);
  for (const f of member)
    rows.push([
      `read one member: ${f.what}`,
      ns(f.ops),
      f.baseline,
      ns(f.baselineOps),
      `${f.ratio.toFixed(2)}x`,
    ]);
  return rows;
}
