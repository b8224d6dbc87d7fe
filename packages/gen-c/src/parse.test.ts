// Which syscall arguments get an early parser and in which direction, decided from the repository's
// registry. The parsers' behaviour is proved against the running kernel and under qemu-user in
// tools/conformance/src/c/; this pins the decisions the generator makes before any C exists.
import { fileURLToPath } from "node:url";
import { GeneratorContext } from "@sysargs/codegen";
import { loadSchemas } from "@sysargs/loader";
import type { Registry } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { parsedArguments, parseHeader } from "./parse.js";

const registry = loadSchemas(fileURLToPath(new URL("../../../schemas", import.meta.url))).registry!;
const x86 = (r: Registry = registry) => {
  const ctx = new GeneratorContext(r);
  return { ctx, abi: ctx.abi("x86_64") };
};

describe("early parsers", () => {
  it("take the copy's direction from the pointer argument, not from the struct's block", () => {
    const { ctx, abi } = x86();
    const byName = new Map(parsedArguments(ctx, abi).map((a) => [a.syscall.name, a]));
    expect(byName.get("file_setattr")?.copy).toBe("in"); // Ptr<In<file_attr>>; the block says "out"
    expect(byName.get("file_getattr")?.copy).toBe("out"); // the block is written for it
    expect(byName.get("sched_setattr")?.copy).toBe("in");
    expect(byName.has("sched_getattr")).toBe(false); // sched_attr's block is the setter's
    expect([...byName.keys()].sort()).toEqual(
      [
        "clone3",
        "file_getattr",
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
      ].sort(),
    );
  });

  it("give file_setattr copy_struct_from_user's tail rule and file_getattr the size checks only", () => {
    const { ctx, abi } = x86();
    const text = parseHeader(ctx, abi).join("\n");
    const rules = (fn: string) => text.slice(text.indexOf(`sysargs_parse_${fn}(`)).split("};")[0]!;
    expect(rules("file_setattr")).toContain("1, /* tail_must_be_zero */");
    expect(rules("file_setattr")).toContain("0, /* copy_out */");
    expect(rules("file_getattr")).toContain("0, /* tail_must_be_zero */");
    expect(rules("file_getattr")).toContain("1, /* copy_out */");
    expect(rules("clone3")).toContain("0, /* copy_out */");
  });

  it("refuse a copy against the block's direction, or a copy out, when the size lives in a member", () => {
    const withCopyOut = (name: string) => {
      const changed = structuredClone(registry);
      const t = changed.types.find((x) => x.name === name);
      if (!t || t.kind === "variant" || !t.extensible) throw new Error(`no ${name}`);
      t.extensible.copy = "out";
      const { ctx, abi } = x86(changed);
      return () => parseHeader(ctx, abi);
    };
    // mnt_id_req's size is its member `size`: were its block written for the copy out, nothing
    // would say what that member means when listmount copies the struct in.
    expect(withCopyOut("mnt_id_req")).toThrow(
      "gen-c: listmount: mnt_id_req is copied in but its extensible block describes the copy out with the size in field: no rule for this direction",
    );
    // sched_getattr copies sched_attr out: its size cannot come from the memory being written.
    expect(withCopyOut("sched_attr")).toThrow(
      "gen-c: sched_getattr: a copied-out sched_attr takes its size from its member size, which the kernel would be about to write: no rule for this",
    );
  });
});
