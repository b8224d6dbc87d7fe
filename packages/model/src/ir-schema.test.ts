import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { IR_SCHEMA, type Registry } from "./index.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The real registry with layouts, as `sysargs gen` writes it. The loader and the generator are
 * imported by path: they depend on @sysargs/model, so the model cannot depend on them (and the
 * computed specifiers keep tsc from type-checking their sources as part of this package).
 */
async function realRegistryJson(): Promise<string> {
  const load = (pkg: string) => import(pathToFileURL(join(REPO, "packages", pkg, "src", "index.ts")).href);
  const { loadSchemas } = (await load("loader")) as {
    loadSchemas: (root: string) => { registry?: Registry; diagnostics: unknown[] };
  };
  const { generateRegistryJson } = (await load("gen-registry")) as {
    generateRegistryJson: (r: Registry) => { path: string; content: string }[];
  };
  const loaded = loadSchemas(join(REPO, "schemas"));
  expect(loaded.diagnostics).toEqual([]);
  const files = generateRegistryJson(loaded.registry!);
  expect(JSON.parse(files.find((f) => f.path === "ir.schema.json")!.content)).toEqual(
    JSON.parse(JSON.stringify(IR_SCHEMA)),
  );
  return files.find((f) => f.path === "registry.json")!.content;
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON document edited freely by the tests below
type Json = any;

let text: string;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(IR_SCHEMA);
beforeAll(async () => {
  text = await realRegistryJson();
});
/** A fresh copy of the valid document to break in one place. */
const doc = (): Json => JSON.parse(text);
const errorsAt = (d: Json) => {
  expect(validate(d)).toBe(false);
  return (validate.errors ?? []).map((e) => e.instancePath);
};

describe("IR_SCHEMA", () => {
  it("is a valid draft 2020-12 schema that ajv compiles in strict mode", () => {
    expect(IR_SCHEMA.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(typeof validate).toBe("function");
  });

  it("accepts the real registry with its layouts", () => {
    const d = doc();
    const ok = validate(d);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // it really is the full document
    expect(d.abis).toHaveLength(25);
    expect(Object.keys(d.layouts)).toHaveLength(25);
    expect(d.types.length).toBeGreaterThan(0);
    expect(d.layouts.x86_64.clone_args).toMatchObject({ kind: "struct", size: 88, align: 8 });
  });

  it("accepts the registry without layouts (the bare IR)", () => {
    const d = doc();
    delete d.layouts;
    delete d.$comment;
    expect(validate(d)).toBe(true);
  });

  it("rejects a field with an unknown type kind", () => {
    const d = doc();
    const i = d.types.findIndex((t: Json) => t.name === "clone_args");
    d.types[i].fields[0].type = { kind: "enum", name: "CloneFlags" };
    expect(errorsAt(d)).toContain(`/types/${i}/fields/0/type`);
  });

  it("rejects a field type that is missing a property of its kind", () => {
    const d = doc();
    const i = d.types.findIndex((t: Json) => t.name === "clone_args");
    d.types[i].fields[1].type = { kind: "pointer", width: "native", direction: "out" };
    expect(errorsAt(d)).toContain(`/types/${i}/fields/1/type`);
  });

  it("rejects a wrong or missing IR version and missing top-level arrays", () => {
    const v2 = doc();
    v2.irVersion = 2;
    expect(errorsAt(v2)).toContain("/irVersion");
    const none = doc();
    delete none.irVersion;
    expect(validate(none)).toBe(false);
    expect(
      validate.errors?.some((e) => e.keyword === "required" && e.params.missingProperty === "irVersion"),
    ).toBe(true);
    const noTypes = doc();
    delete noTypes.types;
    expect(validate(noTypes)).toBe(false);
  });

  it("rejects unknown properties inside the IR", () => {
    const d = doc();
    d.abis[0].wordSize = 8;
    expect(errorsAt(d)).toContain("/abis/0");
    expect(
      validate.errors?.some(
        (e) => e.keyword === "additionalProperties" && e.params.additionalProperty === "wordSize",
      ),
    ).toBe(true);
  });

  it("rejects ABI facts of the wrong type", () => {
    const endian = doc();
    endian.abis[0].endian = "middle";
    expect(errorsAt(endian)).toContain("/abis/0/endian");
    const bits = doc();
    bits.abis[0].bits = 16;
    expect(errorsAt(bits)).toContain("/abis/0/bits");
    const scalar = doc();
    scalar.abis[0].scalars.int = { size: "4", align: 4 };
    expect(errorsAt(scalar)).toContain("/abis/0/scalars/int/size");
  });

  it("rejects a malformed kernel version", () => {
    const d = doc();
    const i = d.syscalls.findIndex((s: Json) => s.since !== null);
    d.syscalls[i].since = "5";
    expect(errorsAt(d)).toContain(`/syscalls/${i}/since`);
  });

  it("rejects a set member with a non-integer value", () => {
    const d = doc();
    d.sets[0].members[0].value = 1.5;
    expect(errorsAt(d)).toContain("/sets/0/members/0/value");
  });

  it("rejects a layout field without an offset and a layout of an unknown kind", () => {
    const d = doc();
    delete d.layouts.x86_64.clone_args.fields[0].offset;
    expect(errorsAt(d)).toContain("/layouts/x86_64/clone_args/fields/0");
    const k = doc();
    k.layouts.i386.clone_args.kind = "enum";
    expect(errorsAt(k)).toContain("/layouts/i386/clone_args/kind");
  });

  it("rejects an extensible struct without versions", () => {
    const d = doc();
    const i = d.types.findIndex((t: Json) => t.name === "clone_args");
    d.types[i].extensible.versions = [];
    expect(errorsAt(d)).toContain(`/types/${i}`);
  });
});
