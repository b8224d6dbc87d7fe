import { beforeAll, describe, expect, it } from "vitest";
import { type Entry, formatMismatch, type Report } from "./report.js";
import { repositoryRegistry, toolchainGate } from "./testing/registry.js";
import { missingToolchainMessage, toolchainsRequired } from "./toolchain.js";
import { verify } from "./verify.js";

// The repository's registry against every installed cross compiler and the running kernel's
// BTF. A missing toolchain skips its ABI locally (the title names the Debian package) and fails
// it when CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1.
const registry = repositoryRegistry();
const required = toolchainsRequired();
let report: Report;

beforeAll(async () => {
  report = await verify(registry, { requireToolchains: required, log: (line) => console.info(line) });
  console.info(
    `conformance: ${report.abis.length} ABIs in ${(report.elapsedMs / 1000).toFixed(1)} s; ` +
      `BTF: ${report.btf ? `${report.btf.kernel} (${report.btf.abi})` : "none"}; unproven: ${report.unproven.length}`,
  );
});

const problems = (abi: string): string[] =>
  report.entries
    .filter((e) => e.abi === abi && (e.status === "mismatch" || e.status === "error"))
    .map(formatMismatch);

describe("the registry against the cross compilers' UAPI headers", () => {
  for (const abi of registry.abis) {
    const tc = abi.toolchain;
    if (!tc) continue;
    const gate = toolchainGate([abi]);
    const title = gate.skip
      ? `${abi.name} [skipped: ${tc.triplet}-gcc not installed; apt-get install ${tc.package}]`
      : `${abi.name}: every type, member and constant agrees with ${[`${tc.triplet}-gcc`, ...tc.flags].join(" ")}`;
    it.skipIf(gate.skip)(title, () => {
      const summary = report.abis.find((a) => a.abi === abi.name)!;
      expect(summary.toolchainStatus, missingToolchainMessage(abi)).toBe("ok");
      expect(summary.headers, "LINUX_VERSION_CODE of the toolchain's headers").toMatch(/^\d+\.\d+\.\d+$/);
      expect(problems(abi.name)).toEqual([]);
      expect(summary.provedByCompiler).toBeGreaterThan(0);
    });
  }

  it("ABIs without a Debian cross compiler are reported as such, never as proved by a compiler", () => {
    for (const abi of registry.abis.filter((a) => !a.toolchain)) {
      const summary = report.abis.find((a) => a.abi === abi.name)!;
      expect(summary.toolchainStatus).toBe("none");
      expect(summary.provedByCompiler).toBe(0);
      const proved = report.entries.filter((e) => e.abi === abi.name && e.status === "proved");
      expect(proved.filter((e) => e.source === "compiler")).toEqual([]);
    }
  });

  // Some types exist on one ABI only (stat_sh), so coverage needs every declared toolchain.
  const all = toolchainGate(registry.abis.filter((a) => a.toolchain));
  const coverage = "every type and member is proved on some ABI, and every unproven constant is explained";
  it.skipIf(all.skip)(all.skip ? `${coverage} [skipped: ${all.why}]` : coverage, () => {
    const constSets = new Map<string, typeof registry.sets>();
    for (const s of registry.sets)
      for (const m of s.members) constSets.set(m.name, [...(constSets.get(m.name) ?? []), s]);
    const compiled = report.abis.filter((a) => a.headers !== undefined);
    const unexplained: string[] = [];
    for (const item of report.unproven) {
      if (!item.startsWith("const ")) {
        unexplained.push(`${item}: no ABI proved it`);
        continue;
      }
      const entries: Entry[] = report.entries.filter((e) => e.subject === item && e.source === "compiler");
      // Absent from every compiled set of headers: newer than them, or only in kernel-internal headers.
      const bad = entries.filter((e) => e.status !== "not-in-headers" && e.status !== "no-toolchain");
      if (bad.length > 0 || entries.length < compiled.length) {
        unexplained.push(
          `${item}: ${bad.map((e) => `${e.abi} ${e.status}`).join(", ") || "not probed everywhere"}`,
        );
      }
      const newer = entries.every((e) => e.note?.includes("newer than"));
      const internal = (constSets.get(item.slice(6)) ?? []).every(
        (s) => !s.provenance.some((p) => p.source.includes("/uapi/")),
      );
      if (!newer && !internal)
        unexplained.push(`${item}: absent from the headers although declared in a UAPI header`);
    }
    if (report.unproven.length > 0) console.info(`unproven (explained):\n  ${report.unproven.join("\n  ")}`);
    expect(unexplained).toEqual([]);
  });
});
