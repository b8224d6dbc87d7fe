// capabilities.json against its JSON Schema, the generator's curated facts against the registry,
// and the published data against a fresh run of the generator. The Landlock rights are proved
// against the Linux 6.12 source in tools/conformance/src/capabilities-landlock.test.ts.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CAPABILITIES_SCHEMA, type CapabilitiesFile, openCapabilities } from "@sysargs/capabilities";
import { GeneratorContext } from "@sysargs/codegen";
import { loadSchemas } from "@sysargs/loader";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { generateCapabilities } from "./index.js";
import { CLASSIC_EQUIVALENTS, FALLBACKS } from "./policy-facts.js";

const DATA = resolve(fileURLToPath(new URL("../../capabilities/data", import.meta.url)));
const text = readFileSync(join(DATA, "capabilities.json"), "utf8");
const caps = JSON.parse(text) as CapabilitiesFile;
const registry = loadSchemas(fileURLToPath(new URL("../../../schemas", import.meta.url))).registry!;

describe("capabilities.json", () => {
  it("is valid against its JSON Schema, which rejects a wrong class or a missing field", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(CAPABILITIES_SCHEMA);
    expect(validate(caps), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const broken = JSON.parse(text) as CapabilitiesFile;
    broken.syscalls[0]!.variants[0]!.args[0]!.class = "pointer" as never;
    expect(validate(broken)).toBe(false);
    const missing = JSON.parse(text) as CapabilitiesFile;
    delete (missing.structs[0]!.layouts[0]!.fields[0] as { offset?: number }).offset;
    expect(validate(missing)).toBe(false);
    // The published schema file is the one in the package source.
    const { $comment: _c, ...published } = JSON.parse(
      readFileSync(join(DATA, "capabilities.schema.json"), "utf8"),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(CAPABILITIES_SCHEMA)));
  });

  it("is what the generator makes of the repository's registry", () => {
    const files = generateCapabilities(new GeneratorContext(registry));
    const json = files.find((f) => f.path === "capabilities.json")!;
    expect(json.content).toBe(text);
  });

  it("carries every curated fallback and classic equivalent (none dropped as unknown)", () => {
    const byName = new Map(caps.syscalls.map((s) => [s.name, s]));
    for (const name of Object.keys(FALLBACKS)) expect(byName.get(name)?.fallback, name).toBeDefined();
    for (const name of Object.keys(CLASSIC_EQUIVALENTS))
      expect(byName.get(name)?.classic, name).toBeDefined();
  });

  it("marks exactly the syscalls that copy an extensible struct in as deep, on each ABI that has them", () => {
    const x86 = caps.abis.find((a) => a.name === "x86_64")!;
    expect(x86.deep).toEqual([
      "clone3",
      "file_setattr",
      "getxattrat",
      "landlock_create_ruleset",
      "listmount",
      "mount_setattr",
      "open_tree_attr",
      "openat2",
      "perf_event_open",
      "sched_setattr",
      "setxattrat",
      "statmount",
    ]);
    // file_getattr and sched_getattr only write their struct.
    const api = openCapabilities(DATA);
    expect(api.get("file_getattr", "x86_64")?.deep).toBe(false);
    expect(api.get("sched_getattr", "x86_64")?.args.find((a) => a.name === "uattr")?.class).toBe("output");
    // clone3 is not implemented on sparc (reserved in its table): not deep there, not in its table.
    expect(api.get("clone3", "sparc64")).toBeUndefined();
  });

  it("gives each struct field its version and kernel: perf_event_attr's sig_data came with version 7 (5.13)", () => {
    const api = openCapabilities(DATA);
    const f = api.fields("perf_event_attr", "x86_64")!;
    expect(f.find((x) => x.path === "sig_data")).toMatchObject({ offset: 120, version: 7, since: "5.13" });
    expect(f.find((x) => x.path === "config3")).toMatchObject({ offset: 128, version: 8, since: "6.3" });
    // A field added in reserved space carries its own kernel, not its version's.
    expect(api.fields("mnt_id_req", "x86_64")!.find((x) => x.path === "mnt_ns_fd")).toMatchObject({
      offset: 4,
      version: 0,
      since: "6.18",
    });
    expect(api.fields("mnt_id_req", "x86_64", "6.12")!.map((x) => x.path)).not.toContain("mnt_ns_fd");
  });
});

describe("Landlock facts", () => {
  it("name a right and its ABI for every path syscall Landlock restricts, and say so where it cannot", () => {
    const api = openCapabilities(DATA);
    const paths = api.query({ abi: "x86_64", landlock: true });
    expect(paths.length).toBeGreaterThan(60);
    for (const c of paths) {
      expect(c.landlock, c.name).toBeDefined();
      if (c.landlock!.status === "restricted") expect(c.landlock!.rights.length, c.name).toBeGreaterThan(0);
      else expect(c.landlock!.rights, c.name).toEqual([]);
    }
    expect(api.get("renameat2", "x86_64")?.landlock).toMatchObject({ status: "restricted", abi: 2 });
    expect(api.get("openat2", "x86_64")?.landlock?.abi).toBe(5);
  });
});
