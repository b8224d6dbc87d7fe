import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LayoutEngine } from "@sysargs/layout";
import {
  type CompositeDecl,
  defaultCFacts,
  type Field,
  formatDiagnostic,
  type Registry,
  type TypeRef,
} from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { loadSchemas } from "./index.js";

/**
 * Layout facts of the real registry (schemas/), checked against the kernel's uapi headers as the
 * cross compilers on the development machine see them:
 *
 *   #include <linux/sched.h> / <linux/openat2.h> / <linux/eventpoll.h> / <asm/stat.h>
 *   char size_T[sizeof(struct T)]; char align_T[_Alignof(struct T)];    then `nm -S`
 *
 *   gcc (x86_64):   clone_args 88/8  open_how 24/8  epoll_event 12/1  stat 144/8
 *   i686:           clone_args 88/8  open_how 24/4  epoll_event 12/4  stat 64/4
 *   m68k:           clone_args 88/8  open_how 24/2  epoll_event 12/2  stat 64/2
 *   powerpc:        clone_args 88/8  open_how 24/8  epoll_event 16/8  stat 72/4
 *   aarch64:        clone_args 88/8  open_how 24/8  epoll_event 16/8  stat 128/8
 */
const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));

// Loaded while collecting. A type these facts name that is missing (renamed, deleted) fails its
// test, naming the type: skipping it instead would let the facts go unchecked while the suite passes.
const loaded = loadSchemas(SCHEMAS);
const registry = loaded.registry as Registry;
const engine = new LayoutEngine(
  registry ?? { irVersion: 1, kernel: "", abis: [], types: [], sets: [], syscalls: [], tables: [] },
);
/** Fails the test when the registry has no type of that name. */
const expectType = (type: string) =>
  expect(
    loaded.registry?.types.some((t) => t.name === type),
    `the real registry has no type "${type}" (renamed or removed?); its layout facts below cannot be checked`,
  ).toBe(true);
const sizeAlign = (type: string, abi: string) => {
  const l = engine.layout(type, abi);
  return [l.size, l.align];
};

describe("the real registry", () => {
  it("loads without diagnostics", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.registry).toBeDefined();
  });

  it("has the 25 ABIs", () => {
    expect(registry.abis).toHaveLength(25);
    expect(registry.abis.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "x86_64",
        "i386",
        "x32",
        "aarch64",
        "arm",
        "m68k",
        "ppc",
        "ppc64le",
        "s390x",
        "mips64n32",
      ]),
    );
  });

  it("clone_args is 88 bytes, 8-aligned, on every ABI", () => {
    for (const abi of registry.abis)
      expect([abi.name, ...sizeAlign("clone_args", abi.name)]).toEqual([abi.name, 88, 8]);
  });

  it("clone_args: the version sizes end at field boundaries on every ABI", () => {
    const l = engine.layout("clone_args", "i386");
    expect(l.fields.map((f) => [f.name, f.offset, f.size])).toEqual([
      ["flags", 0, 8],
      ["pidfd", 8, 8],
      ["child_tid", 16, 8],
      ["parent_tid", 24, 8],
      ["exit_signal", 32, 8],
      ["stack", 40, 8],
      ["stack_size", 48, 8],
      ["tls", 56, 8],
      ["set_tid", 64, 8],
      ["set_tid_size", 72, 8],
      ["cgroup", 80, 8],
    ]);
  });

  it("open_how is 24 bytes: 4-aligned on i386, 8 on x86_64", () => {
    expectType("open_how");
    expect(sizeAlign("open_how", "x86_64")).toEqual([24, 8]);
    expect(sizeAlign("open_how", "i386")).toEqual([24, 4]);
    expect(sizeAlign("open_how", "m68k")).toEqual([24, 2]);
    expect(sizeAlign("open_how", "ppc")).toEqual([24, 8]);
    expect(sizeAlign("open_how", "aarch64")).toEqual([24, 8]);
    for (const abi of registry.abis)
      expect([abi.name, engine.layout("open_how", abi.name).size]).toEqual([abi.name, 24]);
  });

  it("epoll_event is 12 bytes on x86_64 (packed) and 16 on aarch64", () => {
    expectType("epoll_event");
    expect(sizeAlign("epoll_event", "x86_64")).toEqual([12, 1]);
    expect(sizeAlign("epoll_event", "aarch64")).toEqual([16, 8]);
    expect(sizeAlign("epoll_event", "i386")).toEqual([12, 4]);
    expect(sizeAlign("epoll_event", "m68k")).toEqual([12, 2]);
    expect(sizeAlign("epoll_event", "ppc")).toEqual([16, 8]);
  });

  it("struct stat is 64 bytes on i386", () => {
    expectType("stat");
    expect(engine.layout("stat", "i386").size).toBe(64);
    expect(sizeAlign("stat", "x86_64")).toEqual([144, 8]);
    expect(sizeAlign("stat", "aarch64")).toEqual([128, 8]);
    expect(sizeAlign("stat", "ppc")).toEqual([72, 4]);
    expect(sizeAlign("stat", "m68k")).toEqual([64, 2]);
  });
});

describe("the real ABI models lay out compiler probes as the compilers do", () => {
  // The probes of packages/layout/src/layout.test.ts, now with the ABI models of schemas/abi.
  const loc = { file: "probe", line: 1, col: 1 };
  const s = (name: string): TypeRef => ({ kind: "scalar", name });
  const bits = (base: string, width: number): TypeRef => ({ kind: "bits", base, width });
  const f = (name: string, type: TypeRef): Field => ({ name, type, ann: {}, doc: "", loc });
  const struct = (name: string, fields: Field[]): CompositeDecl => ({
    kind: "struct",
    name,
    fields,
    packedOn: [],
    aligned: null,
    extensible: null,
    c: defaultCFacts({ kind: "struct", name, provenance: [] }),
    doc: "",
    provenance: [],
    loc,
  });
  const probes = (): LayoutEngine =>
    new LayoutEngine({
      ...registry,
      types: [
        // struct pad { __u8 a; __u32 b; __u16 c; };
        struct("pad", [f("a", s("u8")), f("b", s("u32")), f("c", s("u16"))]),
        // struct u64at { __u32 a; __u64 b; };
        struct("u64at", [f("a", s("u32")), f("b", s("u64"))]),
        // struct cross { __u32 a; __u64 x:40; };
        struct("cross", [f("a", s("u32")), f("x", bits("u64", 40))]),
        // struct bchar { __u8 a; __u32 b:4; };
        struct("bchar", [f("a", s("u8")), f("b", bits("u32", 4))]),
      ],
    });
  // size/align measured with `nm -S` (see layout.test.ts)
  const measured: Record<string, Record<string, [number, number]>> = {
    x86_64: { pad: [12, 4], u64at: [16, 8], cross: [16, 8], bchar: [4, 4] },
    aarch64: { pad: [12, 4], u64at: [16, 8], cross: [16, 8], bchar: [4, 4] },
    i386: { pad: [12, 4], u64at: [12, 4], cross: [12, 4], bchar: [4, 4] },
    ppc: { pad: [12, 4], u64at: [16, 8], cross: [16, 8], bchar: [4, 4] },
    m68k: { pad: [8, 2], u64at: [12, 2], cross: [10, 2], bchar: [2, 1] },
  };
  for (const [abi, want] of Object.entries(measured)) {
    it(`on ${abi}`, () => {
      const e = probes();
      const got = Object.fromEntries(
        Object.keys(want).map((t) => [t, [e.layout(t, abi).size, e.layout(t, abi).align]]),
      );
      expect(got).toEqual(want);
    });
  }
});

describe("one stray token in a real schema", () => {
  it("gives the parser's own messages only, the first at the token", () => {
    // The audit of issue 13 saw 57 messages for one token, the real one after 50 size errors of
    // the types the parser's recovery had mangled.
    const rel = "linux/sched/clone3.ts";
    const lines = readFileSync(new URL(rel, `file://${SCHEMAS}`), "utf8").split("\n");
    const at = lines.findIndex((l) => l.startsWith("  exit_signal: aligned_u64"));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace("exit_signal: ", "exit_signal: ) ");
    const out = loadSchemas(SCHEMAS, { overlay: { [rel]: lines.join("\n") } }).diagnostics.map(
      formatDiagnostic,
    );
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(5);
    expect(out[0]).toBe(`schemas/${rel}:${at + 1}:16: syntax error: Type expected.`);
    expect(out.filter((d) => !d.startsWith(`schemas/${rel}:`) || !d.includes(": syntax error: "))).toEqual(
      [],
    );
  });
});
