import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_MARKER, GeneratorContext } from "@sysargs/codegen";
import { loadSchemas } from "@sysargs/loader";
import { afterAll, describe, expect, it } from "vitest";
import { abiModule, pascal, tsProject } from "./emit.js";

/**
 * The generator's own promises: a header in every module, the same bytes on every run, and none
 * changed by a whitespace-only edit of a schema. What the modules decode is tested against C in
 * packages/linux (tools/test-vectors), not here.
 */
const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SCHEMAS = join(REPO, "schemas");
const scratch = mkdtempSync(join(tmpdir(), "sysargs-gen-ts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const contextOf = (dir: string): GeneratorContext => {
  const loaded = loadSchemas(dir);
  if (!loaded.registry) throw new Error(`schemas in ${dir} have diagnostics`);
  return new GeneratorContext(loaded.registry);
};
const project = tsProject;

describe("generator ts", () => {
  const ctx = contextOf(SCHEMAS);
  const s390x = abiModule(ctx, project(), ctx.abi("s390x"));

  it("starts every module with the generated-file header and the ABI", () => {
    expect(s390x.slice(0, 300)).toContain(GENERATED_MARKER);
    expect(s390x.slice(0, 300)).toContain('(generator "ts")');
    expect(s390x).toContain('name: "s390x"');
    expect(s390x).toContain('endian: "big"');
  });

  it("prints the same bytes on every run", () => {
    expect(abiModule(ctx, project(), ctx.abi("s390x"))).toBe(s390x);
  });

  it("names types and accessors after the kernel's names", () => {
    expect(pascal("clone_args")).toBe("CloneArgs");
    expect(pascal("__kernel_timespec")).toBe("KernelTimespec");
    // arm's struct stat64 has both __st_ino and st_ino: two accessors, not a clash.
    const arm = abiModule(ctx, project(), ctx.abi("arm"));
    expect(arm).toMatch(/export function getStat64__StIno\(/);
    expect(arm).toMatch(/export function getStat64StIno\(/);
  });

  it("changes no byte when a schema is only reformatted", () => {
    const copy = join(scratch, "schemas");
    cpSync(SCHEMAS, copy, { recursive: true });
    const file = join(copy, "linux/sched/clone3.ts");
    writeFileSync(file, `\n\n\n${readFileSync(file, "utf8").replaceAll("\nexport ", "\n\n\n  export ")}`);
    const reformatted = contextOf(copy);
    const again = abiModule(reformatted, project(), reformatted.abi("s390x"));
    // Only the schema folder's name may differ (in the header's file list).
    expect(again.replaceAll(relative(REPO, copy), "schemas")).toBe(s390x);
  });
});
