import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";
import {
  fillVectors,
  missingFor,
  RUNNERS,
  readCopyRuleCases,
  runCopyRules,
  runSyscalls,
  VECTORS_DIR,
} from "./index.js";

/**
 * The committed vectors are what the C programs print: rebuilt with each ABI's cross compiler and
 * run under qemu-user, fill.c gives the committed file byte for byte, and syscalls.c's three real
 * calls still succeed on this kernel.
 */
describe("committed vectors are the C programs' output", () => {
  for (const abi of Object.keys(RUNNERS)) {
    const missing = missingFor(abi).map((m) => ({
      what: `${abi} test vectors: ${m.what}`,
      why: `fill.c for ${abi} needs ${m.what} (Debian package ${m.packages.join(", ")})`,
      packages: m.packages,
    }));
    const g = gate(missing, ciMode());
    it.skipIf(g.skip)(`${abi}${g.why ? ` (${g.why})` : ""}`, () => {
      requirePresent(g);
      expect(fillVectors(abi)).toBe(readFileSync(join(VECTORS_DIR, `fill-${abi}.json`), "utf8"));
    });
  }

  const native = gate(
    process.arch === "x64"
      ? []
      : [{ what: "x86_64 host", why: "syscalls.c runs on x86_64 only", packages: [] }],
    false,
  );
  it.skipIf(native.skip)("copy-rules.c: the running kernel still answers as the committed cases say", () => {
    expect(runCopyRules()).toEqual(readCopyRuleCases());
  });

  it.skipIf(native.skip)("syscalls.c: clone3, openat2 and sched_setattr accept the structs", () => {
    const live = runSyscalls();
    for (const v of Object.values(live)) expect(v, v.syscall).toMatchObject({ ok: true });
    // Pointers differ from run to run (ASLR); everything else is the committed bytes.
    expect(live.open_how?.hex).toBe(
      JSON.parse(readFileSync(join(VECTORS_DIR, "syscalls-x86_64.json"), "utf8")).structs.open_how.hex,
    );
  });
});
