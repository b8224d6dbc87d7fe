import { describe, expect, it } from "vitest";
import { type Diagnostic, DiagnosticsError, formatDiagnostic, sortDiagnostics } from "./index.js";

const d = (file: string, line: number, col: number, message: string): Diagnostic => ({
  loc: { file, line, col },
  message,
});

describe("formatDiagnostic", () => {
  it("formats path:line:col: message", () => {
    expect(formatDiagnostic(d("schemas/linux/fs/openat2.ts", 45, 3, 'unknown flag set "OpenFlag"'))).toBe(
      'schemas/linux/fs/openat2.ts:45:3: unknown flag set "OpenFlag"',
    );
  });

  it("keeps the message verbatim, colons and newlines included", () => {
    expect(formatDiagnostic(d("a.ts", 1, 1, "x: y\nz"))).toBe("a.ts:1:1: x: y\nz");
  });
});

describe("sortDiagnostics", () => {
  it("sorts by file, then line and column numerically, then message", () => {
    const list = [
      d("schemas/linux/b.ts", 1, 1, "b"),
      d("schemas/linux/a.ts", 10, 2, "late line"),
      d("schemas/linux/a.ts", 9, 30, "earlier line, later column"),
      d("schemas/linux/a.ts", 10, 1, "same line, earlier column"),
      d("schemas/abi/x.ts", 100, 100, "abi sorts before linux"),
      d("schemas/linux/a.ts", 10, 2, "a message sorting first"),
    ];
    expect(sortDiagnostics(list).map(formatDiagnostic)).toEqual([
      "schemas/abi/x.ts:100:100: abi sorts before linux",
      "schemas/linux/a.ts:9:30: earlier line, later column",
      "schemas/linux/a.ts:10:1: same line, earlier column",
      "schemas/linux/a.ts:10:2: a message sorting first",
      "schemas/linux/a.ts:10:2: late line",
      "schemas/linux/b.ts:1:1: b",
    ]);
  });

  it("drops exact duplicates but keeps different messages at one place", () => {
    const list = [d("a.ts", 1, 1, "x"), d("a.ts", 1, 1, "y"), d("a.ts", 1, 1, "x"), d("a.ts", 1, 2, "x")];
    expect(sortDiagnostics(list).map(formatDiagnostic)).toEqual([
      "a.ts:1:1: x",
      "a.ts:1:1: y",
      "a.ts:1:2: x",
    ]);
  });

  it("does not modify its input and returns an empty list for none", () => {
    const list = [d("b.ts", 1, 1, "b"), d("a.ts", 1, 1, "a")];
    const copy = structuredClone(list);
    const sorted = sortDiagnostics(list);
    expect(list).toEqual(copy);
    expect(sorted).not.toBe(list);
    expect(sorted.map((x) => x.loc.file)).toEqual(["a.ts", "b.ts"]);
    expect(sortDiagnostics([])).toEqual([]);
  });

  it("is idempotent", () => {
    const list = [d("b.ts", 2, 1, "q"), d("a.ts", 3, 1, "p"), d("a.ts", 3, 1, "p")];
    const once = sortDiagnostics(list);
    expect(sortDiagnostics(once)).toEqual(once);
  });
});

describe("DiagnosticsError", () => {
  it("carries the sorted, deduplicated diagnostics and lists them in its message", () => {
    const e = new DiagnosticsError([
      d("b.ts", 1, 1, "second"),
      d("a.ts", 2, 5, "first"),
      d("b.ts", 1, 1, "second"),
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("DiagnosticsError");
    expect(e.diagnostics.map(formatDiagnostic)).toEqual(["a.ts:2:5: first", "b.ts:1:1: second"]);
    expect(e.message).toBe("2 error(s):\na.ts:2:5: first\nb.ts:1:1: second");
  });
});
