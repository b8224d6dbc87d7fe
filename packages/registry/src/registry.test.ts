import { fileURLToPath } from "node:url";
import { GeneratorContext, withoutLocations } from "@sysargs/codegen";
import { loadSchemas } from "@sysargs/loader";
import type { Registry } from "@sysargs/model";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, openRegistry, type SysargsRegistry } from "./index.js";

// The data this package ships (packages/registry/data, kept current by `gen --check` in the test
// command), read back and compared with what the loader and the layout engine compute now.
const SCHEMAS = fileURLToPath(new URL("../../../schemas", import.meta.url));
let ir: Registry;
let ctx: GeneratorContext;
let reg: SysargsRegistry;
beforeAll(() => {
  const loaded = loadSchemas(SCHEMAS);
  expect(loaded.diagnostics).toEqual([]);
  ir = loaded.registry!;
  ctx = new GeneratorContext(ir);
  reg = openRegistry();
});

describe("the shipped registry data", () => {
  it("is this package's data folder", () => {
    expect(reg.dir).toBe(DEFAULT_DATA_DIR);
    expect(DEFAULT_DATA_DIR).toBe(fileURLToPath(new URL("../data", import.meta.url)));
    expect(reg.kernel).toBe(ir.kernel);
  });

  it("gives every type's layout on every ABI exactly as the engine computes it", () => {
    let n = 0;
    for (const abi of ir.abis)
      for (const t of ir.types) {
        expect(reg.layout(t.name, abi.name)).toEqual(ctx.layout(t.name, abi.name));
        n++;
      }
    expect(n).toBe(ir.abis.length * ir.types.length);
  });

  it("stores each distinct layout once", () => {
    const stored = JSON.parse(
      JSON.stringify((reg as unknown as { typeFile(n: string): unknown }).typeFile("clone_args")),
    );
    // clone_args is the same on every ABI: one common layout, no differences
    expect(stored.layouts.common.abis).toHaveLength(ir.abis.length);
    expect(stored.layouts.differences).toEqual([]);
  });

  it("resolves ABI aliases and per-ABI variants", () => {
    expect(reg.abi("x86")?.name).toBe("i386");
    expect(reg.abi("arm64")?.name).toBe("aarch64");
    expect(reg.abi("vax")).toBeUndefined();
    expect(reg.layout("stat", "x86")).toMatchObject({ abi: "i386", size: 64 });
    expect(reg.layout("stat", "x86_64")).toMatchObject({ abi: "x86_64", size: 144 });
    const variant = reg.type("stat");
    expect(variant?.kind).toBe("variant");
    expect(reg.composite("stat", "i386")?.kind).toBe("struct");
    expect(reg.layout("nope", "x86_64")).toBeUndefined();
    expect(reg.layout("stat", "vax")).toBeUndefined();
  });

  it("has each syscall's number on every ABI, as the tables say", () => {
    expect(reg.numbers("clone3")?.x86_64?.number).toBe(435);
    expect(reg.numbers("clone3")?.mips?.number).toBe(4435);
    expect(reg.numbers("open")?.aarch64).toBeUndefined();
    for (const t of ir.tables)
      for (const e of t.entries) expect(reg.numbers(e.name)?.[t.abi], `${e.name} on ${t.abi}`).toEqual(e);
    expect(reg.table("x32")?.entries.find((e) => e.name === "read")?.number).toBe(0x40000000);
  });

  it("names removed and never-implemented syscalls where their numbers stay reserved", () => {
    // arch/x86/entry/syscalls/syscall_64.tbl 156, syscall_32.tbl 149; removed in 5.5 (syscalls(2))
    const sysctl = reg.reserved("_sysctl");
    expect(sysctl?.x86_64).toMatchObject({ number: 156, status: "removed", removedIn: "5.5" });
    expect(sysctl?.i386).toMatchObject({ number: 149, status: "removed" });
    expect(sysctl?.aarch64).toBeUndefined(); // the asm-generic table never had it
    expect(reg.reserved("tuxcall")?.x86_64).toMatchObject({ number: 184, status: "never" });
    expect(reg.reserved("read")).toBeUndefined();
    // exactly what the IR's tables reserve, on every ABI
    for (const t of ir.tables)
      for (const r of t.notImplemented)
        expect(reg.reserved(r.name)?.[t.abi], `${r.name} on ${t.abi}`).toEqual(r);
  });

  it("reassembles the whole IR, without source locations", () => {
    const { layouts, ...doc } = reg.document();
    expect(doc).toEqual(withoutLocations(ir));
    expect(layouts.m68k?.open_how).toMatchObject({ size: 24, align: 2 });
  });
});
