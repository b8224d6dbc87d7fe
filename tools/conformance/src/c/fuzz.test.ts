/**
 * Fuzzes every early parser for a bounded time (libFuzzer with AddressSanitizer and UBSan,
 * packages/c/test/fuzz.c): any size, argument or content; the reader serves exactly the input's
 * bytes from a heap block, so an out-of-bounds access by a parser stops the run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../../vitest.skips.js";
import { run } from "../toolchain.js";

const C = join(import.meta.dirname, "../../../../packages/c");
const SECONDS = 20;
const dir = mkdtempSync(join(tmpdir(), "sysargs-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// clang's -print-file-name names the libFuzzer runtime; it is a path only when it is installed.
const runtime = await run("clang", ["-print-file-name=libclang_rt.fuzzer-x86_64.a"]);
const fuzzGate = gate(
  runtime.code === 0 && existsSync(runtime.stdout.trim())
    ? []
    : [
        {
          what: "libFuzzer",
          why: "clang's libFuzzer runtime is not installed",
          packages: ["clang", "libclang-rt-14-dev"],
        },
      ],
  ciMode(),
);

describe.skipIf(fuzzGate.skip)(`fuzzing the parsers ${fuzzGate.why}`, () => {
  it(`finds nothing in ${SECONDS} s (ASan, UBSan)`, async () => {
    requirePresent(fuzzGate);
    const bin = join(dir, "fuzz");
    const cc = await run("clang", [
      "-std=gnu11",
      "-g",
      "-O1",
      "-fsanitize=fuzzer,address,undefined",
      "-fno-sanitize-recover=all",
      "-Wall",
      "-Wextra",
      "-Werror",
      `-I${join(C, "generated/include")}`,
      `-I${join(C, "include")}`,
      join(C, "test/fuzz.c"),
      "-o",
      bin,
    ]);
    expect(cc.stderr).toBe("");
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    const r = await run(bin, [`-max_total_time=${SECONDS}`, "-seed=1", corpus], dir);
    expect(r.stderr).not.toMatch(/ERROR: (AddressSanitizer|libFuzzer)|runtime error/);
    expect(r.code).toBe(0);
    const runs = Number(r.stderr.match(/Done (\d+) runs/)?.[1] ?? 0);
    expect(runs).toBeGreaterThan(10_000);
  });
});
