import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSchemas, readDeclarations } from "./index.js";

// readDeclarations serves tools that write schema files: they need the hand-written declarations
// and the ABI groups (which the IR resolves away) even while the tree does not validate.
const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));

describe("readDeclarations", () => {
  it("returns the ABI groups in declaration order, nested groups expanded", () => {
    const { groups, diagnostics } = readDeclarations(SCHEMAS);
    expect(diagnostics).toEqual([]);
    expect(groups.slice(0, 2).map((g) => g.name)).toEqual(["arch_x86", "arch_arm64"]);
    const byName = new Map(groups.map((g) => [g.name, g]));
    expect(byName.get("arch_x86")?.abis).toEqual(["i386", "x32", "x86_64"]);
    expect(byName.get("lp64")?.abis).toHaveLength(12);
    expect(byName.get("ilp32")?.abis).toHaveLength(13);
    expect(byName.get("mips_o32")?.loc.file).toBe("schemas/abi/groups.ts");
  });

  it("returns the declarations of a tree that does not validate", () => {
    // A signature no table lists: loadSchemas refuses the tree, readDeclarations still reads it.
    const overlay = {
      "linux/zz-scratch.ts":
        'import type { long } from "@sysargs/dsl";\nexport declare function zz_scratch(): long;\n',
    };
    expect(loadSchemas(SCHEMAS, { overlay }).registry).toBeUndefined();
    const d = readDeclarations(SCHEMAS, { overlay });
    expect(d.diagnostics).toEqual([]);
    expect(d.registry.tables).toEqual([]);
    expect(d.registry.syscalls.find((s) => s.name === "zz_scratch")?.loc.file).toBe(
      "schemas/linux/zz-scratch.ts",
    );
  });
});
