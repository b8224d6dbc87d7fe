/**
 * pnpm bench: figures with ratios against named baselines. Medians of repeated runs; the
 * machine is small (2 cores), so each figure says how many runs it took.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LayoutEngine } from "@sysargs/layout";
import { loadSchemas } from "@sysargs/loader";
import { decodeRows } from "./decode-bench.js";

const print = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join("  "));
};

// `pnpm bench decode`: only the decoders of @sysargs/linux (docs/benchmarks.md).
if (process.argv[2] === "decode") {
  print(decodeRows());
  process.exit(0);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const schemas = join(root, "schemas");
const cli = join(root, "packages/cli/bundle/bin.js");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeIt(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function proc(cmd: string, args: string[], cwd = root): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
}

function loadAndLayout(): { types: number; abis: number; layouts: number } {
  const r = loadSchemas(schemas);
  if (!r.registry) throw new Error("schemas have diagnostics; run pnpm sysargs validate");
  const engine = new LayoutEngine(r.registry);
  let layouts = 0;
  for (const abi of r.registry.abis)
    for (const t of r.registry.types) {
      engine.layout(t.name, abi.name);
      layouts++;
    }
  return { types: r.registry.types.length, abis: r.registry.abis.length, layouts };
}

const rows: string[][] = [["figure", "median", "baseline", "baseline value", "ratio"]];
const add = (figure: string, ms: number, baseline: string, base: number) =>
  rows.push([figure, `${ms.toFixed(1)} ms`, baseline, `${base.toFixed(1)} ms`, `${(ms / base).toFixed(2)}x`]);

const shape = loadAndLayout(); // warm-up, and the registry's shape for the report
const load = timeIt(10, loadAndLayout);
add(
  `load schemas + lay out ${shape.layouts} layouts (${shape.types} types x ${shape.abis} ABIs), in process, 10 runs`,
  load,
  "budget (issue #2)",
  2000,
);
const tsc = timeIt(3, () =>
  proc(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "schemas/tsconfig.json"]),
);
add(
  "same, whole process (node + ts-morph start-up), 5 runs",
  timeIt(5, () => proc(process.execPath, [cli, "validate"])),
  "tsc type check of schemas/, 3 runs",
  tsc,
);
// Query latency: each query run is paired with a `node -e 0` run right before it, and the ratio is
// the median of the pairs' ratios, so that a machine whose speed drifts during the run (a busy
// 2-core box) moves both sides of each pair together.
function paired(runs: number, argv: string[]): { query: number; floor: number; ratio: number } {
  const q: number[] = [];
  const f: number[] = [];
  const ratios: number[] = [];
  proc(process.execPath, [cli, ...argv]); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const floor = timeIt(1, () => proc(process.execPath, ["-e", "0"]));
    const query = timeIt(1, () => proc(process.execPath, [cli, ...argv]));
    f.push(floor);
    q.push(query);
    ratios.push(query / floor);
  }
  return { query: median(q), floor: median(f), ratio: median(ratios) };
}
const QUERY_BUDGET = 1.25; // issue #7: a whole-process query costs at most 1.25x node -e 0
for (const argv of [
  ["layout", "clone_args", "--abi", "x86_64", "--json"],
  ["syscall", "clone3", "--abi", "aarch64", "--json"],
  ["resolve", "435", "--abi", "x86_64"],
]) {
  const r = paired(15, argv);
  rows.push([
    `query: sysargs ${argv.join(" ")}, whole process, 15 pairs`,
    `${r.query.toFixed(1)} ms`,
    "node -e 0 (start-up floor), paired",
    `${r.floor.toFixed(1)} ms`,
    `${r.ratio.toFixed(2)}x (budget ${QUERY_BUDGET}x: ${r.ratio <= QUERY_BUDGET ? "within" : "OVER"})`,
  ]);
}

// Early parsing (@sysargs/c): each extensible struct parsed with the local reader against a plain
// memcpy of the same bytes into the record, both in one C process (packages/c/test/bench.c).
const PARSE_BUDGET = 2; // issue #9: parsing costs at most 2x a memcpy of the same bytes
{
  const c = join(root, "packages/c");
  const bin = join(mkdtempSync(join(tmpdir(), "sysargs-bench-")), "parse-bench");
  proc("gcc", [
    "-O2",
    "-std=gnu11",
    `-I${join(c, "generated/include")}`,
    `-I${join(c, "include")}`,
    join(c, "test/bench.c"),
    "-o",
    bin,
  ]);
  const out = spawnSync(bin, [], { encoding: "utf8" }).stdout;
  for (const line of out.trim().split("\n")) {
    const [name, bytes, parse, copy, ratio] = line.split(" ");
    rows.push([
      `parse ${name} (${bytes} bytes, local reader), median of 15 x 100000 calls`,
      `${parse} ns`,
      "memcpy of the same bytes into the record, paired",
      `${copy} ns`,
      `${ratio}x (budget ${PARSE_BUDGET}x: ${Number(ratio) <= PARSE_BUDGET ? "within" : "OVER"})`,
    ]);
  }
}

print(rows);
console.log("");
print(decodeRows());
