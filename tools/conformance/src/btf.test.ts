import { existsSync } from "node:fs";
import { KERNEL_BTF_PATH } from "@sysargs/btf";
import type { CompositeDecl } from "@sysargs/model";
import { beforeEach, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";
import { formatMismatch } from "./report.js";
import { repositoryRegistry } from "./testing/registry.js";
import { hostAbi, verify } from "./verify.js";

// The running kernel as the second source: every registry struct its BTF has, member by member,
// on this machine's ABI. Skipped (with the reason in the title) without BTF or on an ABI the
// registry does not model.
const host = hostAbi();
const skipReason = !existsSync(KERNEL_BTF_PATH)
  ? `${KERNEL_BTF_PATH} not present`
  : host === undefined
    ? `this machine's ABI (${process.arch}) is not modelled`
    : undefined;
// Skipped (and listed at the end of the run) without it; in CI mode (ciMode) a failure naming it.
const btfGate = gate(
  skipReason === undefined ? [] : [{ what: "kernel BTF (x86_64)", why: skipReason, packages: [] }],
  ciMode(),
);
const skip = btfGate.skip;
const title = (what: string) => (skip ? `${what} [skipped: ${skipReason}]` : what);
const registry = repositoryRegistry();

describe("the registry against the running kernel's BTF", () => {
  beforeEach(() => requirePresent(btfGate));
  it.skipIf(skip)(title("every struct the kernel's BTF has agrees, member by member"), async () => {
    const report = await verify(registry, { abis: [host!], compiler: false });
    expect(report.btf?.abi).toBe(host);
    const btf = report.entries.filter((e) => e.source === "btf");
    expect(btf.filter((e) => e.status === "mismatch").map(formatMismatch)).toEqual([]);
    const provedTypes = btf.filter((e) => e.status === "proved" && e.subject.startsWith("type "));
    expect(provedTypes.length).toBeGreaterThan(0);
    // Nothing here was compiled, so nothing may claim the compiler.
    expect(report.entries.filter((e) => e.source === "compiler")).toEqual([]);
    console.info(
      `BTF proved ${provedTypes.length} types: ${provedTypes.map((e) => e.subject.slice(5)).join(", ")}`,
    );
  });

  it.skipIf(skip)(title("a wrong member size is reported as a BTF mismatch"), async () => {
    const r = structuredClone(registry);
    const how = r.types.find((t) => t.name === "open_how") as CompositeDecl | undefined;
    if (!how) throw new Error("the registry has no open_how to mutate");
    how.fields.find((f) => f.name === "mode")!.type = { kind: "scalar", name: "u32" };
    const report = await verify(r, { abis: [host!], compiler: false });
    expect(report.ok).toBe(false);
    const e = report.entries.find((x) => x.subject === "field open_how.mode" && x.status === "mismatch");
    expect(e && formatMismatch(e)).toBe(`${host}: field open_how.mode: expected size 4, actual size 8 (btf)`);
  });
});
