// Checks the documentation tables of the generated syscalls and the documentation the generator wrote
// into schemas/linux/syscalls (read through the loader): every generated syscall has its description
// (never a placeholder) and the @since of since.ts, and hand-written files stay out of the generator's way.
import { readdirSync } from "node:fs";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic, type SyscallDecl } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { DESCRIPTIONS } from "./descriptions.js";
import { checkDocs, docOf } from "./docs.js";
import { DOC_NOTES, HAND_WRITTEN } from "./rules.js";
import { isGenerated, OUT_DIR, REPO, SCHEMAS } from "./schemas.js";
import { SINCE } from "./since.js";

const sorted = (keys: string[]): string[] => [...keys].sort();

describe("descriptions.ts and since.ts", () => {
  it("are sorted by name", () => {
    expect(Object.keys(DESCRIPTIONS)).toEqual(sorted(Object.keys(DESCRIPTIONS)));
    expect(Object.keys(SINCE)).toEqual(sorted(Object.keys(SINCE)));
  });

  it("hold one-line sentences, not placeholders", () => {
    const bad = Object.entries(DESCRIPTIONS).filter(
      ([name, d]) =>
        /[\r\n]|\*\//.test(d) ||
        d !== d.trim() ||
        !/^[A-Z_a-z].*\.$/.test(d) ||
        /^Syscall /.test(d) ||
        d.length > 130 ||
        d === `${name}.`,
    );
    expect(bad).toEqual([]);
  });

  it("add DOC_NOTES only to described syscalls, as comment lines of at most 110 characters", () => {
    const bad = Object.entries(DOC_NOTES).flatMap(([name, lines]) =>
      !(name in DESCRIPTIONS)
        ? [`${name}: not described`]
        : lines
            .filter((l) => l.length > 110 || /[\r\n]|\*\//.test(l) || l !== l.trim() || l === "")
            .map((l) => `${name}: ${l}`),
    );
    expect(bad).toEqual([]);
  });

  it("give @since only to described syscalls, as a kernel version", () => {
    const bad = Object.entries(SINCE).filter(
      ([name, v]) => !(name in DESCRIPTIONS) || !/^\d+\.\d+(\.\d+)?$/.test(v),
    );
    expect(bad).toEqual([]);
  });

  it("make the generator's check fail with the list of undescribed syscalls", () => {
    expect(() => checkDocs(["read", "zz_not_described", "aa_not_described"])).toThrow(
      /2 generated syscall\(s\) without a description.*: aa_not_described, zz_not_described$/m,
    );
    expect(checkDocs(Object.keys(DESCRIPTIONS))).toEqual({ unusedDescriptions: [], unusedSince: [] });
    expect(docOf("read").description).toBe(DESCRIPTIONS.read);
    expect(docOf("toString").description).toBe("");
  });
});

describe("schemas/linux/syscalls", () => {
  const files = readdirSync(OUT_DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const generated = files.filter(isGenerated);
  const loaded = loadSchemas(SCHEMAS, { displayBase: REPO });
  const registry = loaded.registry;
  /** Syscalls with a signature in the given file of schemas/linux/syscalls (read by the loader). */
  const declaredIn = (f: string): SyscallDecl[] =>
    (registry?.syscalls ?? []).filter((s) =>
      s.signatures.some((sig) => sig.loc.file === `schemas/linux/syscalls/${f}`),
    );

  it("loads", () => {
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("holds only generated files and the hand-written ones the generator knows", () => {
    expect(HAND_WRITTEN).toEqual(expect.arrayContaining(["arch-private.ts", "clone.ts", "multiplexers.ts"]));
    expect(files.filter((f) => !generated.includes(f) && !HAND_WRITTEN.includes(f))).toEqual([]);
    expect(generated.filter((f) => HAND_WRITTEN.includes(f))).toEqual([]);
    expect(generated.length).toBeGreaterThan(0);
  });

  it("generates no syscall that a hand-written file declares", () => {
    const hand = new Set(
      HAND_WRITTEN.filter((f) => files.includes(f)).flatMap((f) => declaredIn(f).map((s) => s.name)),
    );
    expect(hand.size).toBeGreaterThan(0);
    expect(generated.flatMap((f) => declaredIn(f).map((s) => s.name)).filter((n) => hand.has(n))).toEqual([]);
  });

  it("documents every generated declaration with its description, @since and @source", () => {
    const problems: string[] = [];
    let n = 0;
    for (const f of generated)
      for (const s of declaredIn(f)) {
        n++;
        const first = s.doc.split("\n")[0];
        if (first !== DESCRIPTIONS[s.name]) problems.push(`${f} ${s.name}: description "${first}"`);
        const want = SINCE[s.name] ?? null;
        if (s.since !== want)
          problems.push(`${f} ${s.name}: @since ${s.since ?? "none"}, expected ${want ?? "none"}`);
        // Every signature (each per-ABI overload too) carries its own doc comment with an @source.
        if (s.provenance.length < s.signatures.length)
          problems.push(
            `${f} ${s.name}: ${s.signatures.length} declarations, ${s.provenance.length} @source`,
          );
      }
    expect(n).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  });
});
