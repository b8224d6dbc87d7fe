import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDiagnostic } from "@sysargs/model";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchemas } from "./index.js";

/**
 * The argument-slot facts of an ABI model (arg64, arg64First, arg64Boundary, argSlots,
 * seccompArgShift): read into the IR, and every inconsistent combination reported. Each case is
 * the real i386 model, edited, beside the real x86_64 one, with empty syscall tables.
 */
const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const I386 = readFileSync(join(SCHEMAS, "abi", "i386.ts"), "utf8");
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function loadI386(edit: (text: string) => string) {
  const root = mkdtempSync(join(tmpdir(), "sysargs-arg64-"));
  roots.push(root);
  for (const d of ["abi", "tables", "linux"]) mkdirSync(join(root, d));
  const text = edit(I386);
  writeFileSync(join(root, "abi", "i386.ts"), text);
  writeFileSync(join(root, "abi", "x86_64.ts"), readFileSync(join(SCHEMAS, "abi", "x86_64.ts"), "utf8"));
  for (const a of ["i386", "x86_64"]) writeFileSync(join(root, "tables", `${a}.tbl`), "# empty\n");
  writeFileSync(
    join(root, "linux", "t.ts"),
    'import type { u32 } from "@sysargs/dsl";\nexport interface s { a: u32; }\n',
  );
  const result = loadSchemas(root, { displayBase: root });
  const lineOf = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
  return { result, lineOf, diagnostics: result.diagnostics.map(formatDiagnostic) };
}
const replace = (from: string, to: string) => (t: string) => {
  if (!t.includes(from)) throw new Error(`i386.ts has no "${from}"`);
  return t.replace(from, to);
};

describe("ABI argument-slot model", () => {
  it("reads the real i386 model: consecutive pairs, low word first, defaults for the rest", () => {
    const { result } = loadI386((t) => t);
    expect(result.diagnostics).toEqual([]);
    expect(result.registry!.abis.find((a) => a.name === "i386")).toMatchObject({
      arg64: "pair",
      arg64First: "low",
      arg64Boundary: null,
      argSlots: 6,
      seccompArgShift: 0,
    });
  });

  it("reads the optional facts", () => {
    const { result } = loadI386(
      replace(
        'arg64First: "low";',
        'arg64First: "low";\n  arg64Boundary: 4;\n  argSlots: 8;\n  seccompArgShift: 1;',
      ),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.registry!.abis.find((a) => a.name === "i386")).toMatchObject({
      arg64Boundary: 4,
      argSlots: 8,
      seccompArgShift: 1,
    });
  });

  it("arg64 is required and must be one of the three models", () => {
    const missing = loadI386(replace('  arg64: "pair";\n', ""));
    expect(missing.diagnostics).toEqual([
      expect.stringMatching(
        /^abi\/i386\.ts:\d+:1: ABI i386 arg64: expected a string literal, found nothing$/,
      ),
    ]);
    const wrong = loadI386(replace('arg64: "pair";', 'arg64: "split";'));
    expect(wrong.diagnostics).toEqual([
      `abi/i386.ts:${wrong.lineOf('arg64: "split"')}:10: ABI i386: arg64 must be "register", "pair" or "aligned-pair"`,
    ]);
    expect(wrong.result.registry).toBeUndefined();
  });

  it("pairs need the half order; a register takes none", () => {
    const noFirst = loadI386(replace('  arg64First: "low";\n', ""));
    expect(noFirst.diagnostics).toEqual([
      `abi/i386.ts:${noFirst.lineOf('  arg64: "')}:10: ABI i386: arg64 "pair" needs arg64First ("low" or "high")`,
    ]);
    const reg = loadI386(replace('arg64: "pair";', 'arg64: "register";'));
    expect(reg.diagnostics).toEqual([
      `abi/i386.ts:${reg.lineOf("arg64First")}:15: ABI i386: arg64First is only for pairs (arg64 is "register")`,
    ]);
    const badFirst = loadI386(replace('arg64First: "low";', 'arg64First: "middle";'));
    expect(badFirst.diagnostics).toEqual([
      `abi/i386.ts:${badFirst.lineOf("arg64First")}:15: ABI i386: arg64First must be "low" or "high"`,
    ]);
  });

  it("a 64-bit ABI passes 64-bit values in one register; counts are checked", () => {
    const wide = loadI386((t) =>
      t
        .replace("bits: 32;", "bits: 64;")
        .replace("pointer: ScalarLayout<4, 4>;", "pointer: ScalarLayout<8, 8>;"),
    );
    expect(wide.diagnostics).toEqual([
      `abi/i386.ts:${wide.lineOf('  arg64: "')}:10: ABI i386: a 64-bit ABI passes a 64-bit argument in one register (arg64 "register")`,
    ]);
    const few = loadI386(
      replace('arg64First: "low";', 'arg64First: "low";\n  argSlots: 4;\n  seccompArgShift: 6;'),
    );
    expect(few.diagnostics).toEqual([
      `abi/i386.ts:${few.lineOf("argSlots")}:13: ABI i386: argSlots must be an integer of at least 6`,
      `abi/i386.ts:${few.lineOf("seccompArgShift")}:20: ABI i386: seccompArgShift must be an integer from 0 to 5`,
    ]);
  });
});
