import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { IR_SCHEMA } from "@sysargs/model";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchemas } from "./index.js";

/**
 * The loader against mutated real schemas (issue 13): whatever the text, loading ends either in
 * diagnostics that each point into a file of the tree, or in a registry that passes the IR's JSON
 * Schema; never in an exception or a hang. The tree is small so that a run fits `pnpm test`: three
 * real ABI models and their tables cut down to the syscalls of seven real schema files (clone3,
 * sched_attr, landlock and their flag sets), which load cleanly as they are.
 *
 * The seed is fixed, so a failure reproduces; SYSARGS_FUZZ_RUNS and SYSARGS_FUZZ_SEED explore more.
 */
const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const ABIS = ["i386", "m68k", "x86_64"];
const LINUX = [
  "sched/clone-flags.ts",
  "sched/clone3.ts",
  "sched/sched-attr.ts",
  "sched/sched-flags.ts",
  "fs/at-flags.ts",
  "landlock/landlock.ts",
  "landlock/landlock-flags.ts",
];
const RUNS = Number(process.env.SYSARGS_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.SYSARGS_FUZZ_SEED ?? 20261202);

const root = mkdtempSync(join(tmpdir(), "sysargs-fuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Path under the root -> original text: the files a case may mutate. */
const originals = new Map<string, string>();
{
  mkdirSync(join(root, "abi"));
  mkdirSync(join(root, "tables"));
  for (const a of ABIS) copyFileSync(join(SCHEMAS, "abi", `${a}.ts`), join(root, "abi", `${a}.ts`));
  writeFileSync(join(root, "abi", "groups.ts"), "export type arch_x86 = x86_64 | i386;\n");
  const texts = LINUX.map((f) => readFileSync(join(SCHEMAS, "linux", f), "utf8"));
  const declared = new Set(
    texts.flatMap((t) => [...t.matchAll(/declare function (\w+)/g)].map((m) => m[1]!)),
  );
  for (const [i, f] of LINUX.entries()) {
    mkdirSync(dirname(join(root, "linux", f)), { recursive: true });
    writeFileSync(join(root, "linux", f), texts[i]!);
    originals.set(`linux/${f}`, texts[i]!);
  }
  for (const a of ABIS) {
    const rows = readFileSync(join(SCHEMAS, "tables", `${a}.tbl`), "utf8")
      .split("\n")
      .filter((l) => l === "" || l.startsWith("#") || declared.has(l.split("\t")[2]!));
    writeFileSync(join(root, "tables", `${a}.tbl`), rows.join("\n"));
    // Tables are not overlaid (the loader reads them from disk): a case rewrites one, then restores it.
    originals.set(`tables/${a}.tbl`, rows.join("\n"));
  }
}

/** Tokens a careless edit leaves behind: punctuation, words of the language, odd numbers. */
const TOKENS = [
  ";",
  "}",
  "{",
  "<",
  ">",
  "&",
  "|",
  ",",
  '"',
  "@",
  ")",
  "[",
  "]",
  "0",
  "-1",
  "0x3",
  "2147483648",
  "1e400",
  "0xffffffffffffffffff",
  "u64",
  "aligned_u64",
  'Since<"9.9">',
  "Composite<0x6>",
  "FixedArray<u8, 4294967296>",
  'Version<1, "1.0">',
  "Only<m68k>",
  "export interface x extends Struct<{ packed: true }> { a: u8; }",
  "export declare function f(a: loff_t, b: loff_t, c: loff_t, d: loff_t): long;",
  "\t",
  "\n",
  "common",
  "x32",
  "#",
];

type Edit =
  | { kind: "delete"; at: number; len: number }
  | { kind: "insert"; at: number; token: string }
  | { kind: "duplicateLine"; at: number }
  | { kind: "swapLines"; a: number; b: number }
  | { kind: "number"; at: number; value: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant("number" as const),
    at: fc.nat(),
    value: fc.constantFrom(
      "0",
      "1",
      "3",
      "7",
      "-8",
      "65536",
      "2147483648",
      "9007199254740993",
      "0x100000000",
    ),
  }),
);

/** Applies an edit; positions wrap around the text, so every generated edit lands somewhere. */
function apply(text: string, e: Edit): string {
  const lines = text.split("\n");
  switch (e.kind) {
    case "delete": {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + e.len);
    }
    case "insert": {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.token + text.slice(at);
    }
    case "duplicateLine": {
      const i = e.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join("\n");
    }
    case "swapLines": {
      const [a, b] = [e.a % lines.length, e.b % lines.length];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case "number": {
      // The n-th number literal (wrapping) becomes another value.
      const numbers = [...text.matchAll(/\b\d+\b/g)];
      if (numbers.length === 0) return text;
      const m = numbers[e.at % numbers.length]!;
      return text.slice(0, m.index) + e.value + text.slice(m.index + m[0].length);
    }
  }
}

const validateIr = new Ajv2020({ strict: true, allErrors: true }).compile(IR_SCHEMA);
const files = [...originals.keys()];

describe("loader fuzzing", () => {
  it("the unmutated tree loads cleanly (so every diagnostic below comes from a mutation)", () => {
    const r = loadSchemas(root, { displayBase: root });
    expect(r.diagnostics).toEqual([]);
    expect(validateIr(r.registry), JSON.stringify(validateIr.errors)).toBe(true);
  });

  it(`mutated schemas end in located diagnostics or a valid registry (${RUNS} cases, seed ${SEED})`, () => {
    let withDiagnostics = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (file, edits) => {
          const text = edits.reduce(apply, originals.get(file)!);
          const isTable = file.startsWith("tables/");
          if (isTable) writeFileSync(join(root, file), text);
          try {
            const r = loadSchemas(root, { displayBase: root, overlay: isTable ? {} : { [file]: text } });
            if (r.diagnostics.length === 0) {
              expect(validateIr(r.registry), JSON.stringify(validateIr.errors)).toBe(true);
              return;
            }
            withDiagnostics++;
            expect(r.registry).toBeUndefined();
            for (const d of r.diagnostics) {
              // Every location names a file of the tree and a line and column inside it.
              const content = d.loc.file === file ? text : originals.get(d.loc.file);
              const where = `${d.loc.file}:${d.loc.line}:${d.loc.col}: ${d.message}`;
              const known = content !== undefined || /^abi\/[\w]+\.ts$/.test(d.loc.file);
              expect(known, where).toBe(true);
              expect(Number.isInteger(d.loc.line) && d.loc.line >= 1, where).toBe(true);
              expect(Number.isInteger(d.loc.col) && d.loc.col >= 1, where).toBe(true);
              if (content !== undefined)
                expect(d.loc.line, where).toBeLessThanOrEqual(content.split("\n").length + 1);
              expect(d.message.trim(), where).not.toBe("");
            }
          } finally {
            if (isTable) writeFileSync(join(root, file), originals.get(file)!);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The mutations must exercise the error paths, or the property above would hold vacuously.
    expect(withDiagnostics).toBeGreaterThan(RUNS / 3);
  }, 120_000);
});
