import { fileURLToPath } from "node:url";
import { loadSchemas } from "@sysargs/loader";
import type { Registry } from "@sysargs/model";
import { beforeAll, describe, expect, it } from "vitest";
import {
  coverage,
  formatJson,
  type GeneratedFile,
  type Generator,
  GeneratorContext,
  GeneratorError,
  generatedHeader,
  jsonWithHeader,
  runGenerators,
  selectGenerators,
  withoutLocations,
} from "./index.js";

const SCHEMAS = fileURLToPath(new URL("../../../schemas", import.meta.url));
let registry: Registry;
let ctx: GeneratorContext;
beforeAll(() => {
  const loaded = loadSchemas(SCHEMAS);
  expect(loaded.diagnostics).toEqual([]);
  registry = loaded.registry!;
  ctx = new GeneratorContext(registry);
});

describe("GeneratorContext on the real registry", () => {
  it("selects each ABI's own signature: clone's argument order differs on s390x", () => {
    const clone = ctx.index.syscall("clone")!;
    const names = (abi: string) => ctx.signature(clone, abi)!.params.map((p) => p.name);
    expect(names("x86_64").slice(0, 2)).toEqual(["clone_flags", "newsp"]);
    expect(names("s390x").slice(0, 2)).toEqual(["newsp", "clone_flags"]);
  });

  it("places arguments in seccomp_data.args per ABI: a 64-bit offset takes an aligned pair on arm", () => {
    const sig = (abi: string) => ctx.signature(ctx.index.syscall("fallocate")!, abi)!;
    const arm = ctx.slots(sig("arm"), "arm");
    const x86 = ctx.slots(sig("x86_64"), "x86_64");
    if (!("params" in arm) || !("params" in x86)) throw new Error("fallocate has no slots");
    const offset = (s: typeof arm) => s.params.find((p) => p.name === "offset")!;
    expect(offset(x86).slots).toEqual([2]);
    expect(offset(arm).slots).toEqual([2, 3]);
    expect(offset(arm)).toMatchObject({ low: 2, high: 3 });
    expect(ctx.slots({ ...sig("x86_64"), params: [] }, "x86_64")).toMatchObject({ params: [], used: 0 });
  });

  it("flattens members with absolute offsets and the kernel version that added them", () => {
    const m = ctx.members("sched_attr", "x86_64");
    expect(m.map((f) => f.path)).toContain("sched_util_min");
    expect(m.find((f) => f.path === "sched_util_min")).toMatchObject({ offset: 48, size: 4, since: "5.3" });
    expect(m.find((f) => f.path === "size")).toMatchObject({
      offset: 0,
      size: 4,
      type: "__u32",
      signed: false,
    });
    expect(ctx.members("sched_attr", "x86_64")).toBe(m); // cached
    expect(ctx.members("clone_args", "i386").find((f) => f.path === "cgroup")).toMatchObject({
      offset: 80,
      since: "5.7",
    });
  });

  it("gives constants their per-ABI values", () => {
    const value = (abi: string, name: string) => ctx.constants(abi).find((c) => c.name === name)!.value;
    expect(value("x86_64", "O_DIRECTORY")).toBe(0x10000);
    expect(value("aarch64", "O_DIRECTORY")).toBe(0x4000);
    expect(value("alpha", "O_DIRECTORY")).toBe(0x8000);
    expect(value("arm64", "O_DIRECTORY")).toBe(0x4000); // by alias
    expect(ctx.constants("x86_64").find((c) => c.name === "CLONE_NEWUSER")).toMatchObject({
      set: "CloneFlags",
      value: 0x10000000,
    });
    const sets = ctx.constants("x86_64").map((c) => c.set);
    expect(sets).toEqual([...sets].sort());
  });

  it("spells types in C and refuses unknown ABIs", () => {
    const clone3 = ctx.signature(ctx.index.syscall("clone3")!, "x86_64")!;
    expect(ctx.cType(clone3.params[0]!.type)).toBe("const struct clone_args *");
    expect(() => ctx.abi("x86_65")).toThrow('unknown ABI "x86_65"');
    expect(ctx.layout("clone_args", "m68k")).toMatchObject({ size: 88, align: 8 });
    expect(ctx.layout("open_how", "m68k")).toMatchObject({ size: 24, align: 2 });
  });

  it("strips every source location and nothing else", () => {
    const bare = withoutLocations(registry);
    expect(JSON.stringify(bare)).not.toContain('"loc"');
    expect(JSON.stringify(registry)).toContain('"loc"');
    expect(bare.types.map((t) => t.name)).toEqual(registry.types.map((t) => t.name));
  });
});

describe("formatJson", () => {
  it("keeps short values on one line and puts long ones one member per line", () => {
    expect(formatJson({ a: 1, b: [1, 2] })).toBe('{"a":1,"b":[1,2]}\n');
    const long = {
      name: "x".repeat(60),
      fields: [
        { name: "a", offset: 0 },
        { name: "b".repeat(70), offset: 8 },
      ],
    };
    expect(formatJson(long)).toBe(
      [
        "{",
        `  "name": "${"x".repeat(60)}",`,
        '  "fields": [',
        '    {"name":"a","offset":0},',
        `    {"name":"${"b".repeat(70)}","offset":8}`,
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
    expect(formatJson([])).toBe("[]\n");
    expect(formatJson({ a: [], b: {}, c: "y".repeat(100) })).toContain('  "a": [],\n  "b": {},\n');
  });

  it("round-trips the whole registry exactly", () => {
    const bare = withoutLocations(registry);
    expect(JSON.parse(formatJson(bare))).toEqual(bare);
    expect(() => formatJson(undefined)).toThrow("not representable");
  });

  it("puts the header first", () => {
    const text = jsonWithHeader(generatedHeader("demo", ["schemas/b.ts", "schemas/a.ts", "schemas/a.ts"]), {
      x: 1,
    });
    expect(text).toBe(
      [
        "{",
        '  "$comment": "Code generated by sysargs (generator \\"demo\\") from schemas/a.ts, schemas/b.ts. DO NOT EDIT. Regenerate with: pnpm sysargs gen demo",',
        '  "x": 1',
        "}",
        "",
      ].join("\n"),
    );
    expect(generatedHeader("demo", ["a", "b", "c", "d", "e"])).toContain("from a, b, c and 2 more.");
  });
});

describe("runGenerators and selectGenerators", () => {
  const file = (path: string, header = true): GeneratedFile => ({
    path,
    content: header ? `// ${generatedHeader("demo")}\nx\n` : "x\n",
  });
  const gen = (over: Partial<Generator> & { files?: GeneratedFile[] }): Generator => ({
    name: over.name ?? "demo",
    description: "a test generator",
    outDir: over.outDir ?? "out/demo",
    generate: () => over.files ?? [file("b.txt"), file("a/c.txt")],
  });

  it("returns each generator's files sorted by path", () => {
    const [out] = runGenerators(ctx, [gen({})]);
    expect(out!.files.map((f) => f.path)).toEqual(["a/c.txt", "b.txt"]);
  });

  it.each([
    ["../x.txt", "not a plain relative path"],
    ["/abs.txt", "not a plain relative path"],
    ["a//b.txt", "not a plain relative path"],
  ])("rejects the path %s", (path, message) => {
    expect(() => runGenerators(ctx, [gen({ files: [file(path)] })])).toThrow(
      new GeneratorError(`generator "demo", file ${path}: ${message}`),
    );
  });

  it("rejects a file written twice and a file without the header", () => {
    expect(() => runGenerators(ctx, [gen({ files: [file("a"), file("a")] })])).toThrow(
      "file a: written twice",
    );
    expect(() => runGenerators(ctx, [gen({ files: [file("a", false)] })])).toThrow(
      'file a: does not start with the generated-file header ("Code generated by sysargs ...")',
    );
  });

  it("rejects bad names, shared and nested folders", () => {
    expect(() => runGenerators(ctx, [gen({ name: "Demo" })])).toThrow("must be lower-case words");
    expect(() => runGenerators(ctx, [gen({}), gen({ name: "other" })])).toThrow(
      'generators "demo" and "other" share the folder out/demo',
    );
    expect(() => runGenerators(ctx, [gen({}), gen({ name: "inner", outDir: "out/demo/inner" })])).toThrow(
      "share the folder",
    );
    expect(() => runGenerators(ctx, [gen({ outDir: "../elsewhere" })])).toThrow(
      "must be a plain relative folder",
    );
    expect(() => runGenerators(ctx, [gen({}), gen({})])).toThrow('two generators are named "demo"');
  });

  it("passes an ABI selection, canonical and in registry order, only to generators that select ABIs", () => {
    const seen: (readonly string[] | undefined)[] = [];
    const selecting: Generator = {
      ...gen({ name: "selecting", outDir: "out/selecting" }),
      selectsAbis: true,
      generate: (_ctx, options) => {
        seen.push(options?.abis);
        return [file("a")];
      },
    };
    runGenerators(ctx, [selecting], { abis: ["x86_64", "x86", "i386"] }); // "x86" is libseccomp's i386
    runGenerators(ctx, [selecting]);
    expect(seen).toEqual([["i386", "x86_64"], undefined]);
    expect(() => runGenerators(ctx, [selecting], { abis: ["x86_65"] })).toThrow(
      'unknown ABI "x86_65"; did you mean "x86_64"?',
    );
    expect(() => runGenerators(ctx, [selecting], { abis: [] })).toThrow("the ABI selection is empty");
    expect(() => runGenerators(ctx, [selecting, gen({})], { abis: ["i386"] })).toThrow(
      'generator "demo" always writes every ABI; an ABI selection applies only to "selecting"',
    );
  });

  it("selects by name with a suggestion for a typo", () => {
    const all = [gen({}), gen({ name: "registry", outDir: "packages/registry/data" })];
    expect(selectGenerators(all, []).map((g) => g.name)).toEqual(["demo", "registry"]);
    expect(selectGenerators(all, ["registry"]).map((g) => g.name)).toEqual(["registry"]);
    expect(() => selectGenerators(all, ["regstry"])).toThrow(
      'unknown generator "regstry"; did you mean "registry"? (known: demo, registry)',
    );
  });
});

describe("coverage", () => {
  it("counts typed pointers and flag-like arguments with a set, per ABI", () => {
    const all = coverage(ctx);
    expect(all.map((c) => c.abi)).toEqual(registry.abis.map((a) => a.name));
    const x86 = all.find((c) => c.abi === "x86_64")!;
    expect(x86.syscalls).toBe(ctx.index.table("x86_64")!.entries.length);
    // some pointers are still void * (issue 8); mmap's prot and flags carry sets
    expect(x86.typedPointers).toBeLessThan(x86.pointers);
    expect(x86.typedPointers).toBeGreaterThan(0);
    expect(x86.withSet).toBeLessThanOrEqual(x86.flagLike);
    expect(x86.withSet).toBeGreaterThanOrEqual(2);
  });

  it("counts exactly, on a registry of two syscalls", () => {
    const mini = new GeneratorContext({
      ...registry,
      syscalls: registry.syscalls.filter((s) => s.name === "mmap" || s.name === "read"),
      tables: registry.tables.map((t) => ({
        ...t,
        entries: t.entries.filter((e) => e.name === "mmap" || e.name === "read"),
      })),
    });
    const x86 = coverage(mini).find((c) => c.abi === "x86_64")!;
    // read(fd, char *buf, count): one pointer, typed (bytes); mmap: prot and flags with sets
    expect(x86).toEqual({
      abi: "x86_64",
      syscalls: 2,
      pointers: 1,
      typedPointers: 1,
      flagLike: 2,
      withSet: 2,
    });
  });
});
