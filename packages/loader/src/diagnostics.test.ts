import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CompositeDecl, formatDiagnostic, type VariantDecl } from "@sysargs/model";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchemas, validate } from "./index.js";

/**
 * Every kind of schema mistake the loader must catch, each with its exact `path:line:col: message`.
 * Each case is a tiny tree in a temp directory: three real ABI models copied from schemas/abi
 * (x86_64 and i386 are little-endian with 8- and 4-aligned u64, m68k is big-endian with 2-aligned
 * scalars) with their syscall tables from schemas/tables, a group arch_x86 = x86_64 | i386, and
 * linux/test.ts with the broken schema.
 */
const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const ABI_FILES = ["i386.ts", "m68k.ts", "x86_64.ts"];
const GROUPS = 'import type { i386, x86_64 } from "./index.js";\n\nexport type arch_x86 = x86_64 | i386;\n';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Source text from lines: line 1 is the first argument, so expected line numbers read off directly. */
const src = (...lines: string[]) => `${lines.join("\n")}\n`;

/** The line of `export type <name> =` in a copied ABI model (models gain provenance lines). */
const declLine = (text: string, name: string) =>
  text.split("\n").findIndex((l) => l.startsWith(`export type ${name} =`)) + 1;

/** Names of the syscalls a fixture declares. */
function declaredSyscalls(texts: string[]): Set<string> {
  return new Set(texts.flatMap((t) => [...t.matchAll(/function (\w+)/g)].map((m) => m[1]!)));
}

/**
 * A real table cut down to the fixture's syscalls, plus a made-up row (numbers from 9000) for each
 * declared syscall the real table lacks: tables and signatures must agree, and each test here is
 * about one other mistake.
 */
function tableOf(text: string, keep: Set<string>): string {
  const lines = text
    .split("\n")
    .filter((l) => l !== "" && (l.startsWith("#") || keep.has(l.split("\t")[2]!)));
  const present = new Set(lines.filter((l) => !l.startsWith("#")).map((l) => l.split("\t")[2]!));
  const extra = [...keep].filter((n) => !present.has(n)).sort();
  // Made-up rows take a column the table selects ("i386" in i386.tbl): any other is a mistake.
  const column = /^# abi columns selected: (\w+)/m.exec(text)?.[1] ?? "common";
  for (const [i, n] of extra.entries()) lines.push(`${9000 + i}\t${column}\t${n}\tsys_${n}\t-\t?`);
  return `${lines.join("\n")}\n`;
}

/**
 * A schemas root with the ABI files, the group file and `linux` (path under linux/ -> text);
 * `editTable` may then change a table's text (ABI name -> edit).
 */
function tree(
  linux: Record<string, string>,
  abiFiles: string[] = ABI_FILES,
  editTable: Record<string, (text: string) => string> = {},
): string {
  const root = mkdtempSync(join(tmpdir(), "sysargs-diag-"));
  roots.push(root);
  mkdirSync(join(root, "abi"));
  mkdirSync(join(root, "tables"));
  const declared = declaredSyscalls(Object.values(linux));
  for (const f of abiFiles) {
    copyFileSync(join(SCHEMAS, "abi", f), join(root, "abi", f));
    const tbl = f.replace(/\.ts$/, ".tbl");
    const edit = editTable[f.replace(/\.ts$/, "")] ?? ((t: string) => t);
    writeFileSync(
      join(root, "tables", tbl),
      edit(tableOf(readFileSync(join(SCHEMAS, "tables", tbl), "utf8"), declared)),
    );
  }
  writeFileSync(join(root, "abi", "groups.ts"), GROUPS);
  for (const [rel, text] of Object.entries(linux)) {
    const p = join(root, "linux", rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

function load(linux: Record<string, string>) {
  const root = tree(linux);
  return loadSchemas(root, { displayBase: root });
}

/** Loads linux/test.ts and asserts the exact formatted diagnostics and that no registry came back. */
function expectDiagnostics(text: string, expected: string[]): void {
  const result = load({ "test.ts": text });
  expect(result.diagnostics.map(formatDiagnostic)).toEqual(expected);
  expect(result.registry).toBeUndefined();
}

const EXT = 'sizeIn: "argument"; copy: "in"; belowMin: "EINVAL"; abovePage: "E2BIG"';

describe("the fixture tree", () => {
  it("loads cleanly when the schema is correct (so every diagnostic below comes from the mistake)", () => {
    const result = load({
      "test.ts": src(
        'import type { u32, u64, aligned_u64, Struct, Version, FlagSet, Flags, Variants, On, long, Ptr, In, size_t, SizeOf } from "@sysargs/dsl";',
        "export type F = FlagSet<{ A: 0x1; B: 0x2 }>;",
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">, Version<16, "5.2">]; ${EXT} } }> {`,
        "  flags: aligned_u64 & Flags<F>;",
        "  b: aligned_u64;",
        "}",
        "export interface s64 { a: u64; }",
        "export interface s32 { a: u32; }",
        "export type v = Variants<[On<arch_x86, s64>, On<m68k, s32>]>;",
        'export declare function f(p: Ptr<In<e>>, size: size_t & SizeOf<"p">): long;',
      ),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.registry?.abis.map((a) => a.name)).toEqual(["i386", "m68k", "x86_64"]);
    expect(result.registry?.types.map((t) => t.name)).toEqual(["e", "s32", "s64", "v"]);
    expect(result.registry?.syscalls.map((s) => s.name)).toEqual(["f"]);
  });
});

describe("names", () => {
  it("unknown type name, with a did-you-mean suggestion", () => {
    expectDiagnostics(
      src(
        'import type { u32 } from "@sysargs/dsl";',
        "export interface point { x: u32; y: u32; }",
        "export interface holder {",
        "  at: pont;",
        "}",
      ),
      ['linux/test.ts:4:3: field "at" of struct holder: unknown type "pont" (did you mean "point"?)'],
    );
  });

  it("unknown type name far from every declared name: no suggestion", () => {
    expectDiagnostics(
      src(
        'import type { u32 } from "@sysargs/dsl";',
        "export interface point { x: u32; }",
        "export interface holder { q: zzzzzzzz; }",
      ),
      ['linux/test.ts:3:27: field "q" of struct holder: unknown type "zzzzzzzz"'],
    );
  });

  it("unknown type behind a pointer in a syscall parameter", () => {
    expectDiagnostics(
      src(
        'import type { long, Ptr, In, u32 } from "@sysargs/dsl";',
        "export interface clone_args { a: u32; }",
        "export declare function clone3(args: Ptr<In<clone_arg>>): long;",
      ),
      [
        'linux/test.ts:3:32: parameter "args" of clone3: unknown type "clone_arg" (did you mean "clone_args"?)',
      ],
    );
  });

  it("unknown flag set in Flags<>", () => {
    expectDiagnostics(
      src(
        'import type { u64, Flags, FlagSet } from "@sysargs/dsl";',
        "export type CloneFlags = FlagSet<{ CLONE_VM: 0x100 }>;",
        "export interface s {",
        "  flags: u64 & Flags<CloneFlag>;",
        "}",
      ),
      [
        'linux/test.ts:4:3: field "flags" of struct s: unknown flag set "CloneFlag" (did you mean "CloneFlags"?)',
      ],
    );
  });

  it("Flags<> of an enum and OneOf<> of a flag set", () => {
    expectDiagnostics(
      src(
        'import type { u32, Flags, OneOf, FlagSet, EnumSet } from "@sysargs/dsl";',
        "export type E = EnumSet<{ E_A: 1; E_B: 2 }>;",
        "export type F = FlagSet<{ F_A: 1; F_B: 2 }>;",
        "export interface s {",
        "  a: u32 & Flags<E>;",
        "  b: u32 & OneOf<F>;",
        "}",
      ),
      [
        'linux/test.ts:5:3: field "a" of struct s: E is an enum; use OneOf<E>',
        'linux/test.ts:6:3: field "b" of struct s: F is a flag set; use Flags<F>',
      ],
    );
  });

  it("a flag set used as a field type", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_A: 1 }>;",
        "export interface s { f: F; }",
      ),
      [
        'linux/test.ts:3:22: field "f" of struct s: "F" is a flag set or enum, not a type; write an integer type & Flags<F>',
      ],
    );
  });

  it("duplicate declaration names across files", () => {
    const result = load({
      "a.ts": src('import type { u32 } from "@sysargs/dsl";', "", "export interface thing { a: u32; }"),
      "b.ts": src('import type { FlagSet } from "@sysargs/dsl";', "export type thing = FlagSet<{ T_A: 1 }>;"),
      "c.ts": src('import type { u64 } from "@sysargs/dsl";', "export interface thing { b: u64; }"),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'linux/b.ts:2:1: flag set "thing" is already declared at linux/a.ts:3:1',
      'linux/c.ts:2:1: struct "thing" is already declared at linux/a.ts:3:1',
    ]);
    expect(result.registry).toBeUndefined();
  });

  it("a set member name that is already a member of another set", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet } from "@sysargs/dsl";',
        "export type F = FlagSet<{ X_A: 1 }>;",
        "export type G = FlagSet<{ X_B: 1; X_A: 2 }>;",
      ),
      ["linux/test.ts:3:35: member X_A of G is already a member of F"],
    );
  });

  it("an interface that is not exported", () => {
    expectDiagnostics(src('import type { u32 } from "@sysargs/dsl";', "interface hidden { a: u32; }"), [
      "linux/test.ts:2:1: interface hidden must be exported",
    ]);
  });
});

describe("arrays, bitfields and fields", () => {
  it("CountedArray whose count field does not exist", () => {
    expectDiagnostics(
      src(
        'import type { u32, CountedArray } from "@sysargs/dsl";',
        "export interface s {",
        "  nr_items: u32;",
        '  items: CountedArray<u32, "nr_itmes">;',
        "}",
      ),
      [
        'linux/test.ts:4:3: field "items" of struct s counts by "nr_itmes", which does not exist (did you mean "nr_items"?)',
      ],
    );
  });

  it("CountedArray behind a pointer parameter whose count parameter does not exist", () => {
    expectDiagnostics(
      src(
        'import type { long, Ptr, In, u32, CountedArray } from "@sysargs/dsl";',
        'export declare function f(fds: Ptr<In<CountedArray<u32, "nfd">>>, nfds: u32): long;',
      ),
      [
        'linux/test.ts:2:27: parameter "fds" of f counts by "nfd", which does not exist (did you mean "nfds"?)',
      ],
    );
  });

  it("the count-field hint of a CountedArray never suggests the array field itself", () => {
    // validate.ts offers every sibling, including the array, as the "did you mean" candidate: here
    // it says (did you mean "items"?) although an array cannot be its own count.
    const result = load({
      "test.ts": src(
        'import type { u32, CountedArray } from "@sysargs/dsl";',
        'export interface s { nr: u32; items: CountedArray<u32, "nitems">; }',
      ),
    });
    const diags = result.diagnostics.map(formatDiagnostic);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatch(
      /^linux\/test\.ts:2:31: field "items" of struct s counts by "nitems", which does not exist/,
    );
    expect(diags[0]).not.toContain('did you mean "items"');
  });

  it("duplicate field", () => {
    expectDiagnostics(
      src(
        'import type { u32, u64 } from "@sysargs/dsl";',
        "export interface s {",
        "  a: u32;",
        "  b: u64;",
        "  a: u32;",
        "}",
      ),
      ['linux/test.ts:5:3: duplicate field "a" in struct s (first at line 3)'],
    );
  });

  it("a member of an anonymous union that repeats an outer field name (C: duplicate member)", () => {
    expectDiagnostics(
      src(
        'import type { u32, AnonUnion } from "@sysargs/dsl";',
        "export interface s { a: u32; u: AnonUnion<{ a: u32; b: u32 }>; }",
      ),
      ['linux/test.ts:2:45: duplicate field "a" in struct s (first at line 2)'],
    );
  });

  it("two anonymous unions sharing a member name", () => {
    expectDiagnostics(
      src(
        'import type { u32, AnonUnion } from "@sysargs/dsl";',
        "export interface s { u: AnonUnion<{ b: u32; c: u32 }>; v: AnonUnion<{ b: u32; d: u32 }>; }",
      ),
      ['linux/test.ts:2:71: duplicate field "b" in struct s (first at line 2)'],
    );
  });

  it("a member of an anonymous struct nested in an anonymous union that repeats an outer name is reported", () => {
    // gcc: struct s { unsigned a; union { unsigned b; struct { unsigned a; unsigned c; }; }; };
    //   -> error: duplicate member 'a'. validate.ts claims the names of one level of anonymous members only.
    const result = load({
      "test.ts": src(
        'import type { u32, AnonUnion, AnonStruct } from "@sysargs/dsl";',
        "export interface s { a: u32; u: AnonUnion<{ b: u32; t: AnonStruct<{ a: u32; c: u32 }> }>; }",
      ),
    });
    expect(result.registry).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic).some((d) => d.includes('duplicate field "a"'))).toBe(
      true,
    );
  });

  it("bitfield wider than its type, and of width 0", () => {
    expectDiagnostics(
      src(
        'import type { u32, u16, Bits } from "@sysargs/dsl";',
        "export interface s {",
        "  a: Bits<u32, 33>;",
        "  b: Bits<u16, 0>;",
        "}",
      ),
      [
        'linux/test.ts:3:3: field "a" of struct s: bitfield width 33 must be between 1 and 32 bits (u32)',
        'linux/test.ts:4:3: field "b" of struct s: bitfield width 0 must be between 1 and 16 bits (u16)',
      ],
    );
  });

  it("bitfield of long wider than long on a 32-bit ABI (the narrowest ABI decides)", () => {
    expectDiagnostics(
      src('import type { long, Bits } from "@sysargs/dsl";', "export interface s { a: Bits<long, 40>; }"),
      ['linux/test.ts:2:22: field "a" of struct s: bitfield width 40 must be between 1 and 32 bits (long)'],
    );
  });

  it("bitfield whose base is not an integer scalar", () => {
    expectDiagnostics(
      src(
        'import type { u32, Bits } from "@sysargs/dsl";',
        "export interface s { a: u32; b: Bits<point, 3>; }",
        "export interface point { x: u32; }",
      ),
      ["linux/test.ts:2:38: a bitfield's base must be an integer scalar, found point"],
    );
  });

  it("flexible array that is not the last field", () => {
    expectDiagnostics(
      src(
        'import type { u32, FlexArray } from "@sysargs/dsl";',
        "export interface s {",
        "  n: u32;",
        "  data: FlexArray<u32>;",
        "  tail: u32;",
        "}",
      ),
      [
        'linux/test.ts:4:3: field "data" of struct s: a flexible or counted array must be the last field of a struct',
      ],
    );
  });

  it("counted array in a union", () => {
    expectDiagnostics(
      src(
        'import type { u32, CountedArray, Union } from "@sysargs/dsl";',
        'export interface u extends Union { n: u32; a: CountedArray<u32, "n">; }',
      ),
      [
        'linux/test.ts:2:44: field "a" of union u: a flexible or counted array must be the last field of a struct',
      ],
    );
  });

  it("void_t as a field type, a zero-length array, bad Ptr64 storage and an unknown type constructor", () => {
    expectDiagnostics(
      src(
        'import type { u32, void_t, FixedArray, Ptr64 } from "@sysargs/dsl";',
        "export interface s {",
        "  v: void_t;",
        "  arr: FixedArray<u32, 0>;",
        "  p: Ptr64<u32, u32>;",
        "  q: Foo<u32>;",
        "}",
      ),
      [
        'linux/test.ts:3:3: field "v" of struct s: void_t can only be pointed to',
        "linux/test.ts:4:24: array length must be a positive integer, found 0",
        "linux/test.ts:5:17: Ptr64 storage must be u64 or aligned_u64, found u32",
        'linux/test.ts:6:6: unknown type constructor "Foo"',
      ],
    );
  });

  it("LenOf<> naming nothing and a malformed Since<>", () => {
    expectDiagnostics(
      src(
        'import type { u32, u64, LenOf, Since } from "@sysargs/dsl";',
        "export interface s {",
        "  buf: u64;",
        '  len: u32 & LenOf<"bfu">;',
        '  x: u32 & Since<"5">;',
        "}",
      ),
      [
        'linux/test.ts:4:3: field "len" of struct s: LenOf<"bfu"> names nothing that exists (did you mean "buf"?)',
        'linux/test.ts:5:18: Since<...>: "5" is not a kernel version of the form "major.minor" or "major.minor.patch"',
      ],
    );
  });
});

describe("struct attributes", () => {
  it("aligned that is not a power of two, and an unknown struct setting", () => {
    expectDiagnostics(
      src(
        'import type { u32, Struct } from "@sysargs/dsl";',
        "export interface a extends Struct<{ aligned: 12 }> { x: u32; }",
        "export interface b extends Struct<{ pakced: true }> { x: u32; }",
      ),
      [
        "linux/test.ts:2:37: struct a: aligned(12) is not a power of two",
        'linux/test.ts:3:37: struct b: unknown setting "pakced" (expected packed, aligned or extensible)',
      ],
    );
  });

  it("packed on an unknown ABI", () => {
    expectDiagnostics(
      src(
        'import type { u32, Struct } from "@sysargs/dsl";',
        "export interface a extends Struct<{ packed: x86_46 }> { x: u32; }",
      ),
      ['linux/test.ts:2:45: unknown ABI or ABI group "x86_46" (did you mean "x86_64"?)'],
    );
  });
});

describe("extensible structs", () => {
  it("last version size that does not match the computed layout on any ABI", () => {
    expectDiagnostics(
      src(
        'import type { u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">]; ${EXT} } }> {`,
        "  a: u64;",
        "  b: u64;",
        "}",
      ),
      [
        "linux/test.ts:2:62: e: the last version size 8 does not match the computed size 16 on i386",
        "linux/test.ts:2:62: e: the last version size 8 does not match the computed size 16 on m68k",
        "linux/test.ts:2:62: e: the last version size 8 does not match the computed size 16 on x86_64",
      ],
    );
  });

  it("version size right on x86_64 only (u64 instead of aligned_u64 after a u32)", () => {
    // struct { __u32 a; __u64 b; } is 16 bytes on x86_64, 12 on i386 (u64 4-aligned) and m68k (2-aligned).
    expectDiagnostics(
      src(
        'import type { u32, u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<16, "5.1">]; ${EXT} } }> {`,
        "  a: u32;",
        "  b: u64;",
        "}",
      ),
      [
        "linux/test.ts:2:62: e: the last version size 16 does not match the computed size 12 on i386",
        "linux/test.ts:2:62: e: the last version size 16 does not match the computed size 12 on m68k",
        "linux/test.ts:2:62: e: version size 16 (5.1) does not end at a field boundary on i386",
        "linux/test.ts:2:62: e: version size 16 (5.1) does not end at a field boundary on m68k",
      ],
    );
  });

  it("version sizes that do not increase", () => {
    expectDiagnostics(
      src(
        'import type { u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<16, "5.1">, Version<8, "5.2">, Version<16, "5.3">]; ${EXT} } }> {`,
        "  a: u64;",
        "  b: u64;",
        "}",
      ),
      ["linux/test.ts:2:82: e: version sizes must increase, but 8 follows 16"],
    );
  });

  it("equal consecutive version sizes", () => {
    expectDiagnostics(
      src(
        'import type { u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">, Version<8, "5.2">, Version<16, "5.3">]; ${EXT} } }> {`,
        "  a: u64;",
        "  b: u64;",
        "}",
      ),
      ["linux/test.ts:2:81: e: version sizes must increase, but 8 follows 8"],
    );
  });

  it("a version size that does not end at a field boundary", () => {
    expectDiagnostics(
      src(
        'import type { u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<12, "5.1">, Version<16, "5.2">]; ${EXT} } }> {`,
        "  a: u64;",
        "  b: u64;",
        "}",
      ),
      [
        "linux/test.ts:2:62: e: version size 12 (5.1) does not end at a field boundary on i386",
        "linux/test.ts:2:62: e: version size 12 (5.1) does not end at a field boundary on m68k",
        "linux/test.ts:2:62: e: version size 12 (5.1) does not end at a field boundary on x86_64",
      ],
    );
  });

  it("flagMinSize naming a flag that is not in the set, and a size that is not a version", () => {
    expectDiagnostics(
      src(
        'import type { aligned_u64, Flags, FlagSet, FlagMinSize, Struct, Version } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_A: 0x1; F_B: 0x2 }>;",
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">, Version<16, "5.2">]; ${EXT};`,
        '  flagMinSize: [FlagMinSize<F, "flags", "F_C", 16>, FlagMinSize<F, "flags", "F_B", 12>] } }> {',
        "  flags: aligned_u64 & Flags<F>;",
        "  b: aligned_u64;",
        "}",
      ),
      [
        'linux/test.ts:4:17: e: flagMinSize names "F_C", which is not in F',
        "linux/test.ts:4:53: e: flagMinSize size 12 for F_B is not one of the version sizes 8, 16",
      ],
    );
  });

  it("flagMinSize naming an unknown set and a field that does not exist", () => {
    expectDiagnostics(
      src(
        'import type { aligned_u64, FlagSet, FlagMinSize, Struct, Version } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_A: 0x1 }>;",
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">, Version<16, "5.2">]; ${EXT};`,
        '  flagMinSize: [FlagMinSize<G, "flgs", "F_A", 16>] } }> {',
        "  flags: aligned_u64;",
        "  b: aligned_u64;",
        "}",
      ),
      [
        'linux/test.ts:4:17: e: flagMinSize names field "flgs", which does not exist',
        'linux/test.ts:4:17: e: flagMinSize names unknown flag set "G"',
      ],
    );
  });

  it("sizeIn field that does not exist, and one that is not a u32", () => {
    const ext = (field: string) =>
      `extends Struct<{ extensible: { versions: [Version<8, "5.1">]; sizeIn: { field: "${field}" }; copy: "in"; belowMin: "EINVAL"; abovePage: "E2BIG" } }>`;
    expectDiagnostics(
      src(
        'import type { u16, u32, Struct, Version } from "@sysargs/dsl";',
        `export interface e ${ext("size")} {`,
        "  sz: u32;",
        "  b: u32;",
        "}",
        `export interface f ${ext("size")} {`,
        "  size: u16;",
        "  pad: u16;",
        "  b: u32;",
        "}",
      ),
      [
        'linux/test.ts:2:1: e: size field "size" does not exist',
        'linux/test.ts:7:3: f: size field "size" must be a u32',
      ],
    );
  });

  it("malformed extensible settings", () => {
    expectDiagnostics(
      src(
        'import type { u64, Struct, Version } from "@sysargs/dsl";',
        "export interface e extends Struct<{ extensible: {",
        '  versions: [Version<8, "5">];',
        '  sizeIn: "register";',
        '  copy: "sideways";',
        '  belowMin: "EINVAL";',
        '  abovePage: "E2BIG";',
        "  zeroesTail: false;",
        "  speed: 3;",
        "} }> {",
        "  a: u64;",
        "}",
      ),
      [
        'linux/test.ts:3:25: Version since: "5" is not a kernel version of the form "major.minor" or "major.minor.patch"',
        'linux/test.ts:4:11: extensible: sizeIn must be "argument", "ioctl" or { field: "name" }',
        'linux/test.ts:5:9: extensible: copy must be one of "in", "out"',
        "linux/test.ts:8:15: extensible: zeroesTail must be true or absent",
        'linux/test.ts:9:3: extensible: unknown setting "speed"',
      ],
    );
  });
});

describe("flag sets and enums", () => {
  it("a flag value overlapping another in the same set (on every ABI)", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet } from "@sysargs/dsl";',
        "export type F = FlagSet<{",
        "  F_A: 0x1;",
        "  F_B: 0x4;",
        "  F_C: 0x4;",
        "}>;",
      ),
      [
        "linux/test.ts:5:3: flag F_C (0x4) overlaps F_B in F on i386",
        "linux/test.ts:5:3: flag F_C (0x4) overlaps F_B in F on m68k",
        "linux/test.ts:5:3: flag F_C (0x4) overlaps F_B in F on x86_64",
      ],
    );
  });

  it("a flag overlapping only on the ABI whose per-ABI value collides; composites are exempt", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet, PerAbi, On, Composite } from "@sysargs/dsl";',
        "export type F = FlagSet<{",
        "  F_ALL: Composite<0xff>;",
        "  F_A: 0x1;",
        "  F_B: PerAbi<0x100000000, [On<m68k, 0x1>]>;",
        "}>;",
      ),
      ["linux/test.ts:5:3: flag F_B (0x1) overlaps F_A in F on m68k"],
    );
  });

  it("a flag of value 0 and an enum with two equal values", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet, EnumSet } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_ZERO: 0; F_A: 1 }>;",
        "export type E = EnumSet<{ E_A: 1; E_B: 1 }>;",
      ),
      [
        "linux/test.ts:2:27: flag F_ZERO of F has value 0; declare it Composite<0> (a value, not a bit)",
        "linux/test.ts:3:35: E: E_B has the same value 1 as E_A on i386",
        "linux/test.ts:3:35: E: E_B has the same value 1 as E_A on m68k",
        "linux/test.ts:3:35: E: E_B has the same value 1 as E_A on x86_64",
      ],
    );
  });

  it("per-ABI override for an unknown ABI (On<nosuch, 1>)", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet, PerAbi, On } from "@sysargs/dsl";',
        "export type F = FlagSet<{",
        "  F_A: PerAbi<0x1, [On<nosuch, 0x2>]>;",
        "}>;",
      ),
      ['linux/test.ts:3:24: unknown ABI or ABI group "nosuch"'],
    );
  });

  it("per-ABI override for a misspelt ABI, with a suggestion", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet, PerAbi, On } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_A: PerAbi<0x1, [On<x86_65, 0x2>]> }>;",
      ),
      ['linux/test.ts:2:48: unknown ABI or ABI group "x86_65" (did you mean "x86_64"?)'],
    );
  });

  it("two different per-ABI values for one ABI (through a group and the ABI itself)", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet, PerAbi, On } from "@sysargs/dsl";',
        "export type F = FlagSet<{",
        "  F_B: PerAbi<0x10, [On<arch_x86, 0x20>, On<i386, 0x40>]>;",
        "}>;",
      ),
      ["linux/test.ts:3:42: F.F_B: ABI i386 is given two different values"],
    );
  });

  it("conflicting per-ABI values are reported even when the first equals the default", () => {
    // On<arch_x86, 0x1> (= the default) followed by On<i386, 0x2> once silently made i386 0x2.
    expectDiagnostics(
      src(
        'import type { FlagSet, PerAbi, On } from "@sysargs/dsl";',
        "export type F = FlagSet<{",
        "  F_A: PerAbi<0x1, [On<arch_x86, 0x1>, On<i386, 0x2>]>;",
        "}>;",
      ),
      ["linux/test.ts:3:40: F.F_A: ABI i386 is given two different values"],
    );
  });

  it("the same per-ABI value given twice is fine, and only values that differ from the default are kept", () => {
    const result = load({
      "test.ts": src(
        'import type { FlagSet, PerAbi, On } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_A: PerAbi<0x1, [On<arch_x86, 0x4>, On<i386, 0x4>, On<m68k, 0x1>]> }>;",
      ),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.registry?.sets[0]?.members[0]).toMatchObject({
      name: "F_A",
      value: 1,
      perAbi: { i386: 4, x86_64: 4 },
    });
    expect(Object.keys(result.registry?.sets[0]?.members[0]?.perAbi ?? {})).toEqual(["i386", "x86_64"]);
  });
});

describe("per-ABI variants", () => {
  const structs = ["export interface s64 { a: u64; }", "export interface s32 { a: u32; }"];
  const head = 'import type { u32, u64, Variants, On } from "@sysargs/dsl";';

  it("Variants not covering every ABI", () => {
    expectDiagnostics(
      src(head, ...structs, "export type stat = Variants<[On<x86_64, s64>, On<i386, s32>]>;"),
      ["linux/test.ts:4:1: variant stat has no alternative for ABI m68k"],
    );
  });

  it("Variants covering one ABI twice", () => {
    expectDiagnostics(
      src(head, ...structs, "export type stat = Variants<[On<arch_x86, s64>, On<i386 | m68k, s32>]>;"),
      ["linux/test.ts:4:1: variant stat: ABI i386 is covered by both s64 and s32"],
    );
  });

  it("Variants naming an unknown type and a variant", () => {
    expectDiagnostics(
      src(
        head,
        ...structs,
        "export type v1 = Variants<[On<x86_64 | i386 | m68k, s6>]>;",
        "export type v2 = Variants<[On<x86_64 | i386 | m68k, v1>]>;",
      ),
      [
        'linux/test.ts:4:1: variant v1: unknown type "s6" (did you mean "s64"?)',
        'linux/test.ts:5:1: variant v2: "v1" is itself a variant',
      ],
    );
  });
});

describe("C facts of types", () => {
  it("tags override the defaults, which every type gets", () => {
    const result = load({
      "test.ts": src(
        'import type { u32, u64, Union, Variants, On } from "@sysargs/dsl";',
        "/**",
        " * @source include/uapi/linux/sched.h (6.18)",
        " * @source include/linux/sched.h (6.18)",
        " */",
        "export interface plain { a: u32; }",
        "export interface bag extends Union { a: u32; }",
        "/**",
        " * @c stack_t",
        " * @header asm/signal.h",
        " * @header linux/signal.h - for the reader only",
        " * @btf none - a typedef of an anonymous struct",
        " * @header-differs arch_x86 | m68k",
        " *   - these declare the old one",
        " * @define __WANT_POSIX1B_SIGNALS__ 1",
        " * @since 6.8",
        " */",
        "export interface tagged { a: u64; }",
        "/** @header none - kernel-internal */",
        "export type per = Variants<[On<arch_x86, plain>, On<m68k, tagged>]>;",
      ),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const c = (name: string) =>
      (result.registry!.types.find((t) => t.name === name) as CompositeDecl | VariantDecl).c;
    expect(c("plain")).toEqual({
      spelling: "struct plain",
      headers: ["linux/sched.h"],
      headersFrom: "source",
      noHeader: null,
      differs: null,
      btf: "plain",
      defines: [],
      since: null,
    });
    expect(c("bag").spelling).toBe("union bag");
    expect(c("bag").headers).toEqual([]);
    expect(c("tagged")).toEqual({
      spelling: "stack_t",
      headers: ["asm/signal.h", "linux/signal.h"],
      headersFrom: "header",
      noHeader: null,
      differs: { abis: ["i386", "m68k", "x86_64"], why: "these declare the old one" },
      btf: null,
      defines: ["__WANT_POSIX1B_SIGNALS__ 1"],
      since: "6.8",
    });
    expect(c("per")).toMatchObject({ spelling: "struct per", headers: [], headersFrom: "header" });
    expect(c("per").noHeader).toBe("kernel-internal");
  });

  it("a @c with another tag names the BTF type after it", () => {
    const result = load({
      "test.ts": src(
        'import type { u32 } from "@sysargs/dsl";',
        "/** @c struct __kernel_thing */",
        "export interface thing { a: u32; }",
      ),
    });
    const t = result.registry?.types[0] as CompositeDecl;
    expect([t.c.spelling, t.c.btf]).toEqual(["struct __kernel_thing", "__kernel_thing"]);
  });

  it("an unknown tag, with a did-you-mean suggestion", () => {
    expectDiagnostics(
      src(
        'import type { u32 } from "@sysargs/dsl";',
        "/**",
        " * @heder linux/sched.h",
        " * @todo later",
        " */",
        "export interface s { a: u32; }",
      ),
      [
        'linux/test.ts:3:4: struct s: unknown tag @heder (did you mean "header"?)',
        "linux/test.ts:4:4: struct s: unknown tag @todo",
      ],
    );
  });

  it("malformed values, each at its tag", () => {
    expectDiagnostics(
      src(
        'import type { u32, Variants, On } from "@sysargs/dsl";',
        "export interface a { x: u32; }",
        "/**",
        " * @header linux/sched",
        " * @header none",
        " * @c struct",
        " * @btf not-a-name",
        " * @define 1X",
        " * @header-differs x86_64",
        " * @header-differs x86_64, m68k - why",
        " * @since 6",
        " */",
        "export type v = Variants<[On<arch_x86 | m68k, a>]>;",
      ),
      [
        'linux/test.ts:4:4: variant v: @header "linux/sched" is not a header as written between <> (linux/sched.h)',
        'linux/test.ts:5:4: variant v: @header none needs the reason after " - " (why no UAPI header declares it)',
        'linux/test.ts:6:4: variant v: @c "struct" is not a C type spelling (struct <tag>, union <tag> or a typedef name)',
        'linux/test.ts:7:4: variant v: @btf "not-a-name" is not a BTF type name (or none)',
        'linux/test.ts:8:4: variant v: @define "1X" is not a macro name with an optional value',
        'linux/test.ts:9:4: variant v: @header-differs needs the reason after " - " (what these ABIs\' headers declare)',
        'linux/test.ts:10:4: variant v: @header-differs "x86_64, m68k" is not a list of ABIs or ABI groups joined by |',
        'linux/test.ts:11:4: @since "6" is not a kernel version of the form "major.minor" or "major.minor.patch"',
      ],
    );
  });

  it("a fact given twice, and none with headers", () => {
    expectDiagnostics(
      src(
        'import type { u32 } from "@sysargs/dsl";',
        "/**",
        " * @c stack_t",
        " * @c sigset_t",
        " * @btf a",
        " * @btf none",
        " * @header none - kernel-internal",
        " * @header linux/signal.h",
        " * @header linux/signal.h",
        " */",
        "export interface s { a: u32; }",
      ),
      [
        "linux/test.ts:4:4: struct s: @c is given twice (first at line 3)",
        "linux/test.ts:6:4: struct s: @btf is given twice (first at line 5)",
        "linux/test.ts:7:4: struct s: @header none contradicts @header linux/signal.h",
        "linux/test.ts:9:4: struct s: @header linux/signal.h is given twice",
      ],
    );
  });

  it("an unknown ABI in @header-differs, at the tag", () => {
    expectDiagnostics(
      src(
        'import type { u32 } from "@sysargs/dsl";',
        "/** @header linux/x.h",
        " * @header-differs x86_46 | m68k - why */",
        "export interface s { a: u32; }",
      ),
      ['linux/test.ts:3:4: unknown ABI or ABI group "x86_46" (did you mean "x86_64"?)'],
    );
  });
});

describe("syscalls", () => {
  it("SizeOf naming a non-pointer parameter", () => {
    expectDiagnostics(
      src(
        'import type { long, size_t, int, SizeOf } from "@sysargs/dsl";',
        'export declare function f(fd: int, size: size_t & SizeOf<"fd">): long;',
      ),
      ['linux/test.ts:2:36: parameter "size" of f is SizeOf<"fd">, but fd is not a pointer'],
    );
  });

  it("SizeOf naming a parameter that does not exist", () => {
    expectDiagnostics(
      src(
        'import type { long, size_t, Ptr, In, u32, SizeOf } from "@sysargs/dsl";',
        'export declare function f(uattr: Ptr<In<u32>>, size: size_t & SizeOf<"attr">): long;',
      ),
      [
        'linux/test.ts:2:48: parameter "size" of f: SizeOf<"attr"> names nothing that exists (did you mean "uattr"?)',
      ],
    );
  });

  it("more than 6 syscall parameters", () => {
    expectDiagnostics(
      src(
        'import type { long, int } from "@sysargs/dsl";',
        "export declare function f(a: int, b: int, c: int, d: int, e: int, g: int, h: int): long;",
      ),
      ["linux/test.ts:2:1: syscall f has 7 parameters; syscalls take at most 6"],
    );
  });

  it("duplicate parameter, Only<> of an unknown ABI, missing return type, and a body", () => {
    expectDiagnostics(
      src(
        'import type { long, int, Only } from "@sysargs/dsl";',
        "export declare function f(this: Only<nosuch>, a: int, a: int): long;",
        "export declare function g(a: int);",
        "export function h(a: int): long { return 0; }",
      ),
      [
        'linux/test.ts:2:38: unknown ABI or ABI group "nosuch"',
        'linux/test.ts:2:55: duplicate parameter "a" in f',
        "linux/test.ts:3:1: syscall g needs a return type",
        'linux/test.ts:4:1: syscall h must be "export declare function" without a body',
      ],
    );
  });

  it("two signatures for one ABI, and two for every ABI", () => {
    expectDiagnostics(
      src(
        'import type { long, int, u32, Only } from "@sysargs/dsl";',
        "export declare function f(this: Only<i386>, a: int): long;",
        "export declare function f(this: Only<arch_x86>, a: u32): long;",
        "export declare function g(a: int): long;",
        "export declare function g(a: u32): long;",
      ),
      [
        "linux/test.ts:3:1: syscall f has two signatures for ABI i386",
        "linux/test.ts:5:1: syscall g has more than one signature for all ABIs",
      ],
    );
  });
});

describe("file-level mistakes", () => {
  it("syntax error", () => {
    expectDiagnostics(
      src('import type { u32 } from "@sysargs/dsl";', "export interface s {", "  a: u32;", "", ""),
      ["linux/test.ts:6:1: syntax error: '}' expected."],
    );
  });

  it("a missing type is reported as a syntax error only, without a follow-up unknown type", () => {
    // The loader also reports 'linux/test.ts:4:3: field "b" of struct s: unknown type "" (did you mean "s"?)'
    // for the empty type reference the parser recovered with.
    expectDiagnostics(
      src('import type { u32 } from "@sysargs/dsl";', "export interface s {", "  a: u32;", "  b: ;", "}"),
      ["linux/test.ts:4:6: syntax error: Type expected."],
    );
  });

  it("unsupported statement (a const)", () => {
    expectDiagnostics(
      src(
        'import type { u32 } from "@sysargs/dsl";',
        "export const x = 1;",
        "export interface s { a: u32; }",
      ),
      [
        'linux/test.ts:2:1: unsupported statement: schemas declare interfaces, types and "declare function" only',
      ],
    );
  });

  it("a type alias that is not an ABI, a set, a variant or (under abi/) a group", () => {
    expectDiagnostics(src('import type { u32 } from "@sysargs/dsl";', "export type x = u32 | u32;"), [
      "linux/test.ts:2:17: type x: expected Abi<>, FlagSet<>, EnumSet<>, Variants<> or Commands<> (or an ABI group under schemas/abi/), found union",
    ]);
  });

  it("a type used by value recursively (directly)", () => {
    expectDiagnostics(
      src('import type { u32 } from "@sysargs/dsl";', "export interface node { v: u32; self: node; }"),
      ['linux/test.ts:2:1: node cannot be laid out on i386: type "node" contains itself by value'],
    );
  });

  it("a type used by value recursively (through another), while a pointer to itself is fine", () => {
    expectDiagnostics(
      src(
        'import type { u32, Ptr, In } from "@sysargs/dsl";',
        "export interface list { v: u32; next: Ptr<In<list>>; }",
        "export interface a { b: b; }",
        "export interface b { x: u32; a: a; }",
      ),
      [
        'linux/test.ts:3:1: a cannot be laid out on i386: type "a" contains itself by value',
        'linux/test.ts:4:1: b cannot be laid out on i386: type "b" contains itself by value',
      ],
    );
  });

  it("an ABI group that includes itself (reported once, where the loop closes)", () => {
    const root = tree({
      "test.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
    });
    writeFileSync(join(root, "abi", "loop.ts"), src("export type g1 = g2 | i386;", "export type g2 = g1;"));
    const result = loadSchemas(root, { displayBase: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'abi/loop.ts:1:18: ABI group "g2" includes itself',
    ]);
    expect(result.registry).toBeUndefined();
  });

  it("an ABI declared outside schemas/abi/", () => {
    const m68k = readFileSync(join(SCHEMAS, "abi", "m68k.ts"), "utf8").replace(
      "export type m68k =",
      "export type mine =",
    );
    const root = tree({
      "test.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
      "mine.ts": m68k,
    });
    writeFileSync(
      join(root, "tables", "mine.tbl"),
      tableOf(readFileSync(join(SCHEMAS, "tables", "m68k.tbl"), "utf8"), new Set()),
    );
    const result = loadSchemas(root, { displayBase: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `linux/mine.ts:${declLine(m68k, "mine")}:1: ABI mine must be declared under schemas/abi/`,
    ]);
    expect(result.registry).toBeUndefined();
  });

  it("an ABI with a malformed model", () => {
    const root = tree({
      "test.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
    });
    const x86 = readFileSync(join(SCHEMAS, "abi", "x86_64.ts"), "utf8")
      .replace("export type x86_64 =", "export type bad =")
      .replace('endian: "little";', 'endian: "middle";')
      .replace("pointer: ScalarLayout<8, 8>;", "pointer: ScalarLayout<4, 4>;")
      .replace("int: ScalarLayout<4, 4>;", "int: ScalarLayout<4, 3>;")
      .replace("aliases: [];", 'aliases: ["amd64"];');
    writeFileSync(join(root, "abi", "bad.ts"), x86);
    writeFileSync(
      join(root, "tables", "bad.tbl"),
      tableOf(readFileSync(join(SCHEMAS, "tables", "x86_64.tbl"), "utf8"), new Set()),
    );
    const result = loadSchemas(root, { displayBase: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `abi/bad.ts:${declLine(x86, "bad") + 2}:11: ABI bad: endian must be "little" or "big"`,
    ]);
    expect(result.registry).toBeUndefined();
    writeFileSync(join(root, "abi", "bad.ts"), x86.replace('endian: "middle";', 'endian: "little";'));
    const again = loadSchemas(root, { displayBase: root });
    expect(again.diagnostics.map(formatDiagnostic)).toEqual([
      `abi/bad.ts:${declLine(x86, "bad")}:1: ABI bad: int layout 4/3 is invalid (alignment must be a power of two no larger than the size)`,
      `abi/bad.ts:${declLine(x86, "bad")}:1: ABI bad: pointer size 4 does not match bits 64`,
    ]);
    expect(again.registry).toBeUndefined();
  });

  it("no ABI at all, named relative to a custom displayBase", () => {
    const base = mkdtempSync(join(tmpdir(), "sysargs-diag-"));
    roots.push(base);
    mkdirSync(join(base, "linux"), { recursive: true });
    writeFileSync(
      join(base, "linux", "test.ts"),
      src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
    );
    const result = loadSchemas(base, { displayBase: base });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "abi:1:1: no ABI is declared (expected Abi<{...}> types under schemas/abi/)",
    ]);
    expect(result.registry).toBeUndefined();
  });

  it("no ABI at all (default displayBase: the schemas folder's parent)", () => {
    const base = mkdtempSync(join(tmpdir(), "sysargs-diag-"));
    roots.push(base);
    mkdirSync(join(base, "schemas", "linux"), { recursive: true });
    writeFileSync(
      join(base, "schemas", "linux", "test.ts"),
      src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; b: nope; }"),
    );
    const result = loadSchemas(join(base, "schemas"));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "schemas/abi:1:1: no ABI is declared (expected Abi<{...}> types under schemas/abi/)",
      'schemas/linux/test.ts:2:30: field "b" of struct s: unknown type "nope"',
    ]);
    expect(result.registry).toBeUndefined();
  });

  it("two ABIs claiming the same alias", () => {
    const root = tree({
      "test.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
    });
    const i386 = join(SCHEMAS, "abi", "i386.ts");
    // A copy of i386 under another name keeps the aliases "x86" and "i686".
    const text = readFileSync(i386, "utf8");
    writeFileSync(
      join(root, "abi", "i386copy.ts"),
      text.replace("export type i386 =", "export type i386copy ="),
    );
    writeFileSync(
      join(root, "tables", "i386copy.tbl"),
      tableOf(readFileSync(join(SCHEMAS, "tables", "i386.tbl"), "utf8"), new Set()),
    );
    const result = loadSchemas(root, { displayBase: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `abi/i386copy.ts:${declLine(text, "i386")}:1: ABI name or alias "i686" of i386copy is already used by ABI i386`,
      `abi/i386copy.ts:${declLine(text, "i386")}:1: ABI name or alias "x86" of i386copy is already used by ABI i386`,
    ]);
    expect(result.registry).toBeUndefined();
  });
});

describe("reporting", () => {
  it("sorts diagnostics by file, then line, then column, whatever order they were found in", () => {
    const result = load({
      // b.ts sorts after a.ts although its problems are found in a different pass
      "b.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface q { a: u32; a: u32; }"),
      "a.ts": src(
        'import type { u32, FlagSet } from "@sysargs/dsl";',
        "export const x = 1;",
        "export type F = FlagSet<{ F_A: 1; F_B: 3 }>;",
        "export interface p { z: nothere; y: alsonot; }",
      ),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'linux/a.ts:2:1: unsupported statement: schemas declare interfaces, types and "declare function" only',
      "linux/a.ts:3:35: flag F_B (0x3) overlaps F_A in F on i386",
      "linux/a.ts:3:35: flag F_B (0x3) overlaps F_A in F on m68k",
      "linux/a.ts:3:35: flag F_B (0x3) overlaps F_A in F on x86_64",
      "linux/a.ts:3:35: flag F_B of F (0x3) has more than one bit set; declare it Composite<0x3> (a mask or a multi-bit value)",
      'linux/a.ts:4:22: field "z" of struct p: unknown type "nothere"',
      'linux/a.ts:4:34: field "y" of struct p: unknown type "alsonot"',
      'linux/b.ts:2:30: duplicate field "a" in struct q (first at line 2)',
    ]);
    expect(result.registry).toBeUndefined();
  });

  it("reports every mistake of one run, from the parser's pass and the validator's", () => {
    expectDiagnostics(
      src(
        'import type { u32, u64, long, int, FlexArray, Flags, FlagSet, PerAbi, On } from "@sysargs/dsl";',
        "export type F = FlagSet<{ F_A: PerAbi<1, [On<nosuch, 2>]> }>;",
        "export interface s {",
        "  a: u32;",
        "  a: u64;",
        "  data: FlexArray<u32>;",
        "  f: u32 & Flags<G>;",
        "  t: pont;",
        "}",
        "export interface point { x: u32; }",
        "export declare function f(a: int, b: int, c: int, d: int, e: int, g: int, h: int): long;",
        "export let y: number;",
      ),
      [
        'linux/test.ts:2:46: unknown ABI or ABI group "nosuch"',
        'linux/test.ts:5:3: duplicate field "a" in struct s (first at line 4)',
        'linux/test.ts:6:3: field "data" of struct s: a flexible or counted array must be the last field of a struct',
        'linux/test.ts:7:3: field "f" of struct s: unknown flag set "G" (did you mean "F"?)',
        'linux/test.ts:8:3: field "t" of struct s: unknown type "pont" (did you mean "point"?)',
        "linux/test.ts:11:1: syscall f has 7 parameters; syscalls take at most 6",
        'linux/test.ts:12:1: unsupported statement: schemas declare interfaces, types and "declare function" only',
      ],
    );
  });

  it("reports paths relative to displayBase", () => {
    const root = tree({
      "sub/dir/test.ts": src(
        'import type { u32 } from "@sysargs/dsl";',
        "export interface s { a: u32; a: u32; }",
      ),
    });
    const fromParent = loadSchemas(root, { displayBase: dirname(root) });
    const prefix = root.slice(dirname(root).length + 1);
    expect(fromParent.diagnostics.map(formatDiagnostic)).toEqual([
      `${prefix}/linux/sub/dir/test.ts:2:30: duplicate field "a" in struct s (first at line 2)`,
    ]);
  });

  it("the overlay option replaces a file in memory", () => {
    const root = tree({
      "test.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
    });
    const ok = loadSchemas(root, { displayBase: root });
    expect(ok.diagnostics).toEqual([]);
    const bad = loadSchemas(root, {
      displayBase: root,
      overlay: {
        "linux/test.ts": src(
          'import type { u32 } from "@sysargs/dsl";',
          "export interface s { a: u32; b: nope; }",
        ),
      },
    });
    expect(bad.diagnostics.map(formatDiagnostic)).toEqual([
      'linux/test.ts:2:30: field "b" of struct s: unknown type "nope"',
    ]);
    expect(bad.registry).toBeUndefined();
  });
});

/** Loads linux/test.ts with edited tables; returns the root too, to read line numbers back. */
function loadEdited(text: string, editTable: Record<string, (t: string) => string>) {
  const root = tree({ "test.ts": text }, ABI_FILES, editTable);
  return { root, result: loadSchemas(root, { displayBase: root }) };
}

/** The 1-based line of a syscall's row in a written table. */
const rowLine = (root: string, abi: string, name: string) =>
  readFileSync(join(root, "tables", `${abi}.tbl`), "utf8")
    .split("\n")
    .findIndex((l) => !l.startsWith("#") && l.split("\t")[2] === name) + 1;

/** Replaces the ABI column of a syscall's row. */
const setColumn = (name: string, column: string) => (t: string) =>
  t
    .split("\n")
    .map((l) => {
      const c = l.split("\t");
      return !l.startsWith("#") && c[2] === name ? [c[0], column, ...c.slice(2)].join("\t") : l;
    })
    .join("\n");

const GETTERS = src(
  'import type { long } from "@sysargs/dsl";',
  "export declare function getpid(): long;",
  "export declare function getppid(): long;",
  "export declare function gettid(): long;",
);

describe("syscall tables", () => {
  it("a row of an ABI column the table does not select (bogus, another ABI's, empty), at the column", () => {
    const { root, result } = loadEdited(GETTERS, {
      x86_64: (t) => setColumn("gettid", "")(setColumn("getppid", "x32")(setColumn("getpid", "bogus")(t))),
    });
    const at = (name: string) => rowLine(root, "x86_64", name);
    // The number column is 2 digits for getpid (39), 3 for getppid (110) and gettid (186).
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(
      [
        `tables/x86_64.tbl:${at("getpid")}:4: unknown ABI column "bogus" (this table selects common, 64)`,
        `tables/x86_64.tbl:${at("getppid")}:5: unknown ABI column "x32" (this table selects common, 64)`,
        `tables/x86_64.tbl:${at("gettid")}:5: unknown ABI column "" (this table selects common, 64)`,
      ].sort((a, b) => Number(a.split(":")[1]) - Number(b.split(":")[1])),
    );
    expect(at("getpid")).toBeGreaterThan(1);
    expect(result.registry).toBeUndefined();
  });

  it("a table's own selected columns and declared extra rows (arm-private) are accepted", () => {
    const { result } = loadEdited(GETTERS, {
      i386: (t) => t, // rows of column i386
      x86_64: (t) =>
        setColumn(
          "gettid",
          "arm-private",
        )(setColumn("getppid", "64")(t.replace("# columns:", "# arm-private rows: test\n# columns:"))),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it("a table without the header that selects its columns names that, not the row", () => {
    const { root, result } = loadEdited(GETTERS, {
      m68k: (t) => t.replace(/^# abi columns selected:.*\n/m, ""),
    });
    // m68k numbers: getpid 20, getppid 64, gettid 221; the column starts after the number and a tab.
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(
      [
        ["getpid", 4],
        ["getppid", 4],
        ["gettid", 5],
      ].map(
        ([n, col]) =>
          `tables/m68k.tbl:${rowLine(root, "m68k", n as string)}:${col}: ABI column "common" is not declared: the table has no "# abi columns selected:" line`,
      ),
    );
  });

  it("two rows with one number: the second is reported (the duplicate-number check)", () => {
    const { root, result } = loadEdited(GETTERS, {
      i386: (t) => t.replace(/^64\ti386\tgetppid/m, "20\ti386\tgetppid"),
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `tables/i386.tbl:${rowLine(root, "i386", "getppid")}:1: number 20 (getppid) is already used on line ${rowLine(root, "i386", "getpid")}`,
    ]);
  });

  it("tables and signatures agree: a row without a signature, a signature no table lists, Only<> of an ABI without it", () => {
    const { root, result } = loadEdited(
      src(
        'import type { long, int } from "@sysargs/dsl";',
        "export declare function getpid(): long;",
        "export declare function getppid(this: Only<m68k>, a: int): long;",
        "export declare function getppid(): long;",
        "export declare function nowhere(): long;",
      ),
      {
        x86_64: (t) => `${t}99\tcommon\tgettid\tsys_gettid\t-\t?\n`,
        m68k: (t) => t.replace(/^.*\tgetppid\t.*\n/m, "").replace(/^.*\tnowhere\t.*\n/m, ""),
        i386: (t) => t.replace(/^.*\tnowhere\t.*\n/m, ""),
      },
    );
    expect(rowLine(root, "x86_64", "nowhere")).toBeGreaterThan(0);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "linux/test.ts:3:1: signature of getppid names m68k, whose table has no getppid",
      "tables/x86_64.tbl:1:1: x86_64: 1 syscall(s) without a signature: gettid",
    ]);
    const none = loadEdited(
      src(
        'import type { long } from "@sysargs/dsl";',
        "export declare function getpid(): long;",
        "export declare function nowhere(): long;",
      ),
      {
        x86_64: (t) => t.replace(/^.*\tnowhere\t.*\n/m, ""),
        i386: (t) => t.replace(/^.*\tnowhere\t.*\n/m, ""),
        m68k: (t) => t.replace(/^.*\tnowhere\t.*\n/m, ""),
      },
    );
    expect(none.result.diagnostics.map(formatDiagnostic)).toEqual([
      "linux/test.ts:3:1: syscall nowhere is declared but no ABI's table (schemas/tables) lists it",
    ]);
  });

  it("an emptied table is named itself, without a follow-on for each signature of its ABI", () => {
    const { result } = loadEdited(
      src(
        'import type { long, int } from "@sysargs/dsl";',
        "export declare function getpid(): long;",
        "export declare function getppid(this: Only<m68k>, a: int): long;",
        "export declare function getppid(): long;",
        "export declare function m68k_only(this: Only<m68k>): long;",
      ),
      {
        m68k: () => "",
        // Only m68k has m68k_only.
        i386: (t) => t.replace(/^.*\tm68k_only\t.*\n/m, ""),
        x86_64: (t) => t.replace(/^.*\tm68k_only\t.*\n/m, ""),
      },
    );
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "tables/m68k.tbl:1:1: no syscalls: the m68k table lists none, but 3 syscall(s) are declared",
    ]);
  });
});

describe("signatures against argument slots", () => {
  it("six parameters with a loff_t need 7 slots on the pair ABIs (i386, m68k): reported at the signature, per ABI", () => {
    expectDiagnostics(
      src(
        'import type { long, int, loff_t } from "@sysargs/dsl";',
        "/** A call that fits x86_64's six registers only. */",
        "export declare function f(a: int, b: int, c: int, d: int, e: loff_t, g: int): long;",
      ),
      [
        "linux/test.ts:3:1: syscall f needs 7 argument slots; the i386 syscall entry passes 6",
        "linux/test.ts:3:1: syscall f needs 7 argument slots; the m68k syscall entry passes 6",
      ],
    );
  });

  it("a signature is held to the ABIs it applies to: its Only<>, else those no Only<> claims and whose table lists it", () => {
    const restricted = load({
      "test.ts": src(
        'import type { long, int, loff_t } from "@sysargs/dsl";',
        "export declare function f(this: Only<x86_64>, a: int, b: int, c: int, d: int, e: loff_t, g: int): long;",
        "export declare function f(a: int, b: int, c: int, d: int, e: loff_t): long;",
      ),
    });
    expect(restricted.diagnostics).toEqual([]);
    // Listed in x86_64.tbl only: i386 and m68k never take the call, so their slots do not matter.
    const { result } = loadEdited(
      src(
        'import type { long, int, loff_t } from "@sysargs/dsl";',
        "export declare function getpid(): long;",
        "export declare function f(a: int, b: int, c: int, d: int, e: loff_t, g: int): long;",
      ),
      { i386: (t) => t.replace(/^.*\tf\t.*\n/m, ""), m68k: (t) => t.replace(/^.*\tf\t.*\n/m, "") },
    );
    expect(result.diagnostics).toEqual([]);
  });
});

describe("extensible-struct versions and Since", () => {
  it("kernel versions that go backwards, at the later version", () => {
    expectDiagnostics(
      src(
        'import type { aligned_u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.2">, Version<16, "5.1">]; ${EXT} } }> {`,
        "  a: aligned_u64;",
        "  b: aligned_u64;",
        "}",
      ),
      [
        "linux/test.ts:2:81: e: version 16 is from kernel 5.1, older than the version before it (8, 5.2); versions must be listed oldest first",
      ],
    );
  });

  it("a field whose Since is later than the last version, at the field (also inside an anonymous union)", () => {
    expectDiagnostics(
      src(
        'import type { u32, aligned_u64, Struct, Version, Since, AnonUnion } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">, Version<16, "5.2">]; ${EXT} } }> {`,
        "  a: aligned_u64;",
        '  b: aligned_u64 & Since<"5.3">;',
        "}",
        `export interface g extends Struct<{ extensible: { versions: [Version<8, "5.1">]; ${EXT} } }> {`,
        '  u: AnonUnion<{ x: aligned_u64; y: u32 & Since<"5.10"> }>;',
        "}",
      ),
      [
        'linux/test.ts:4:3: field "b" of e is Since<"5.3">, later than its last version (16, 5.2); add a Version<> for 5.3',
        'linux/test.ts:7:34: field "y" of g is Since<"5.10">, later than its last version (8, 5.1); add a Version<> for 5.10',
      ],
    );
  });

  it("a later field that took reserved space (Was<>) does not grow the struct and is accepted", () => {
    const result = load({
      "test.ts": src(
        'import type { u32, Struct, Version, Since, Was } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<8, "5.1">]; ${EXT} } }> {`,
        "  a: u32;",
        '  b: u32 & Since<"6.18"> & Was<"spare">;',
        "}",
      ),
    });
    expect(result.diagnostics).toEqual([]);
  });
});

describe("multi-bit flags", () => {
  it("a flag with more than one bit that is not Composite, on every ABI or on one", () => {
    expectDiagnostics(
      src(
        'import type { FlagSet, PerAbi, On, Composite } from "@sysargs/dsl";',
        "export type F = FlagSet<{",
        "  F_MASK: Composite<0x6>;",
        "  F_TWO: 0x30;",
        "  F_ONE: PerAbi<0x100, [On<m68k, 0x300>]>;",
        "}>;",
      ),
      [
        "linux/test.ts:4:3: flag F_TWO of F (0x30) has more than one bit set; declare it Composite<0x30> (a mask or a multi-bit value)",
        "linux/test.ts:5:3: flag F_ONE of F (0x300) has more than one bit set on m68k; declare it Composite<0x300> (a mask or a multi-bit value)",
      ],
    );
  });
});

describe("object sizes", () => {
  it("a FixedArray of 2^31 bytes is too large on the 32-bit ABIs (PTRDIFF_MAX), at the field", () => {
    expectDiagnostics(
      src(
        'import type { u8, u32, FixedArray } from "@sysargs/dsl";',
        "export interface big {",
        "  a: u32;",
        "  data: FixedArray<u8, 2147483648>;",
        "}",
        "export interface holder { b: big; }",
      ),
      [
        'linux/test.ts:4:3: field "data" of struct big is 2147483648 bytes on i386; the largest object a 32-bit ABI can address is 2147483647 bytes (PTRDIFF_MAX)',
      ],
    );
  });

  it("fields that each fit but together do not, at the type; PTRDIFF_MAX itself fits", () => {
    expectDiagnostics(
      src(
        'import type { u8, FixedArray } from "@sysargs/dsl";',
        "export interface two { a: FixedArray<u8, 1073741824>; b: FixedArray<u8, 1073741824>; }",
        "export interface max { a: FixedArray<u8, 2147483647>; }",
      ),
      [
        "linux/test.ts:2:1: struct two is 2147483648 bytes on i386; the largest object a 32-bit ABI can address is 2147483647 bytes (PTRDIFF_MAX)",
      ],
    );
  });

  it("on 64-bit ABIs the bound is 2^53 - 1, above which sizes would round", () => {
    // validate() on an x86_64-only registry: the fixture's 32-bit ABIs would report first.
    const fixture = load({
      "test.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface s { a: u32; }"),
    });
    const loc = { file: "linux/test.ts", line: 2, col: 1 };
    const huge = (n: number): CompositeDecl => ({
      ...(fixture.registry!.types[0] as CompositeDecl),
      name: "huge",
      fields: [
        {
          name: "a",
          type: { kind: "array", of: { kind: "scalar", name: "u8" }, length: { fixed: n } },
          ann: {},
          doc: "",
          loc,
        },
      ],
      loc,
    });
    const only64 = (n: number) =>
      validate({
        ...fixture.registry!,
        abis: fixture.registry!.abis.filter((a) => a.name === "x86_64"),
        types: [huge(n)],
        syscalls: [],
        tables: [],
      }).map(formatDiagnostic);
    expect(only64(2 ** 53 - 1)).toEqual([]);
    expect(only64(2 ** 53)).toEqual([
      'linux/test.ts:2:1: field "a" of struct huge is 9007199254740992 bytes on x86_64; the largest object a 64-bit ABI can address is 9007199254740991 bytes (PTRDIFF_MAX, capped at 2^53 - 1)',
    ]);
  });
});

describe("follow-on noise", () => {
  it("a file with a syntax error is reported alone: no follow-on from its recovered declarations or other files", () => {
    const result = load({
      "test.ts": src(
        'import type { u32, u64, Struct, Version } from "@sysargs/dsl";',
        `export interface e extends Struct<{ extensible: { versions: [Version<16, "5.1">]; ${EXT} } }> {`,
        "  a: u32 @;",
        "  b: u64;",
        "}",
      ),
      "other.ts": src('import type { u32 } from "@sysargs/dsl";', "export interface q { a: u32; a: u32; }"),
    });
    const out = result.diagnostics.map(formatDiagnostic);
    // Only the parser's own messages: without the rule, the recovered half of struct e, the
    // statements after the token and other.ts's duplicate field were reported with them.
    expect(out).toEqual([
      "linux/test.ts:3:10: syntax error: ';' expected.",
      "linux/test.ts:3:11: syntax error: Expression expected.",
      "linux/test.ts:5:1: syntax error: Declaration or statement expected.",
    ]);
    expect(result.registry).toBeUndefined();
  });
});
