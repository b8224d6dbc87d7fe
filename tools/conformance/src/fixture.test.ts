import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BASE_SCALAR_C,
  compareVersions,
  defaultCFacts,
  type Registry,
  RegistryIndex,
  SCALARS,
} from "@sysargs/model";
import { beforeAll, describe, expect, it } from "vitest";
import { compileProbes } from "./compile.js";
import { mappingOf, type Probe, probedTypes } from "./probes.js";
import { type Entry, formatMismatch, type Report } from "./report.js";
import { fixtureRegistry, repositoryRegistry, toolchainGate } from "./testing/registry.js";
import { locateToolchain } from "./toolchain.js";
import { verify } from "./verify.js";

// The tool's own machinery on a fixed set of types, whatever the schemas hold: bitfields (read
// back from object bytes, also on big-endian ABIs), an anonymous union of an anonymous struct
// and a pointer, a per-ABI variant, a packed struct and a per-ABI constant.
const fixture: Registry = fixtureRegistry();
const withToolchain = fixture.abis.filter((a) => a.toolchain);
const gate = toolchainGate(withToolchain);
const title = (what: string) => (gate.skip ? `${what} [skipped: ${gate.why}]` : what);
const FIXTURE_SUBJECT =
  /^(type|field|version) (bpf_insn|__kernel_sockaddr_storage|landlock_path_beneath_attr|sigaltstack)\b|^const O_DIRECTORY$/;

let report: Report;
beforeAll(async () => {
  if (!gate.skip) report = await verify(fixture, {});
});

const fixtureEntries = (pred: (e: Entry) => boolean) =>
  report.entries.filter((e) => FIXTURE_SUBJECT.test(e.subject) && pred(e));

describe("probing machinery on the conformance fixture", () => {
  it.skipIf(gate.skip)(
    title("every fixture type, member and constant is proved on every ABI with a compiler"),
    () => {
      expect(
        fixtureEntries((e) => e.status !== "proved" && e.source === "compiler").map(formatMismatch),
      ).toEqual([]);
      for (const a of withToolchain) {
        const subjects = new Set(
          fixtureEntries((e) => e.abi === a.name && e.status === "proved").map((e) => e.subject),
        );
        expect([...subjects].sort()).toEqual(
          expect.arrayContaining([
            "const O_DIRECTORY",
            "field __kernel_sockaddr_storage.__align",
            "field __kernel_sockaddr_storage.ss_family",
            "field bpf_insn.dst_reg",
            "field bpf_insn.src_reg",
            "field sigaltstack.ss_size",
            "type landlock_path_beneath_attr",
            "type sigaltstack",
          ]),
        );
      }
    },
  );

  it.skipIf(gate.skip)(title("bitfields are in allocation order on big- and little-endian ABIs"), () => {
    for (const abi of ["x86_64", "s390x", "m68k", "mips", "sparc64"]) {
      const src = report.entries.find((e) => e.abi === abi && e.subject === "field bpf_insn.src_reg");
      expect(src?.checks, abi).toEqual([
        { aspect: "bitOffset", expected: 12, actual: 12, ok: true },
        { aspect: "bitSize", expected: 4, actual: 4, ok: true },
      ]);
    }
  });

  it.skipIf(gate.skip)(title("a variant is compared through the alternative of each ABI"), () => {
    const flags = (abi: string) =>
      report.entries.find(
        (e) => e.abi === abi && e.subject === "field sigaltstack.ss_flags" && e.source === "compiler",
      );
    expect(flags("mips64")?.checks[0]).toMatchObject({ aspect: "offset", actual: 16, ok: true });
    expect(flags("x86_64")?.checks[0]).toMatchObject({ aspect: "offset", actual: 8, ok: true });
    expect(report.unproven.filter((u) => u.includes("sigaltstack"))).toEqual([]);
  });

  it.skipIf(gate.skip)(title("the per-ABI constant is read per ABI"), () => {
    const value = (abi: string) =>
      report.entries.find((e) => e.abi === abi && e.subject === "const O_DIRECTORY")?.checks[0]?.actual;
    expect(value("x86_64")).toBe("0x10000");
    expect(value("alpha")).toBe("0x8000");
    expect(value("arm")).toBe("0x4000");
    expect(value("parisc")).toBe("0x1000");
  });
});

describe("the C facts of the schemas", () => {
  const registry = repositoryRegistry();
  const index = new RegistryIndex(registry);
  const abis = registry.abis.filter((a) => a.toolchain);
  const g = toolchainGate(abis);
  const what = "every type's spelling compiles with its headers on every ABI they apply to, unless newer";
  it.skipIf(g.skip)(g.skip ? `${what} [skipped: ${g.why}]` : what, async () => {
    const wrong: string[] = [];
    for (const abi of abis) {
      const tc = await locateToolchain(abi);
      if (!tc) {
        wrong.push(`${abi.name}: no toolchain`);
        continue;
      }
      const entries = probedTypes(registry).flatMap((name) => {
        const m = mappingOf(index, name, abi.name);
        return m.kind === "header" ? [{ name, m, defines: index.type(name)!.c.defines }] : [];
      });
      const probes = new Map<string, Probe>();
      for (const { name, m } of entries) {
        probes.set(name, { kind: "value", aspect: "size", expected: 0n, c: `sizeof(${m.c})`, show: "dec" });
      }
      const headers = [...new Set(["linux/version.h", ...entries.flatMap((e) => e.m.headers)])];
      const defines = [...new Set(entries.flatMap((e) => e.defines))];
      const dir = await mkdtemp(join(tmpdir(), "sysargs-c-facts-"));
      try {
        const result = await compileProbes(tc, defines, headers, [], [...probes.values()], dir);
        if (result.failure) wrong.push(`${abi.name}: ${result.failure}`);
        for (const h of result.brokenHeaders)
          wrong.push(`${abi.name}: <${h.header}> does not compile: ${h.message}`);
        for (const { name, m } of entries) {
          const o = result.outcomes.get(probes.get(name)!);
          const newer = m.since !== undefined && compareVersions(m.since, result.headerVersion ?? "0") > 0;
          if (newer && o?.kind !== "absent")
            wrong.push(`${abi.name}: ${name} is marked since ${m.since} but present`);
          if (!newer && o?.kind !== "value") {
            wrong.push(`${abi.name}: ${name}: ${m.c}: ${o && "message" in o ? o.message : "absent"}`);
          }
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("the scalar spellings of @sysargs/model", () => {
  const abis = repositoryRegistry().abis.filter((a) => a.toolchain);
  const g = toolchainGate(abis);
  const what =
    "every SCALARS c and BASE_SCALAR_C compiles with only <linux/types.h> and <linux/posix_types.h>";
  it.skipIf(g.skip)(g.skip ? `${what} [skipped: ${g.why}]` : what, async () => {
    // The promise generated C code relies on: no libc and no other UAPI header is needed.
    const spellings = [
      ...Object.values(SCALARS).flatMap((s) => (s.base === "void" ? [] : [s.c])),
      ...Object.values(BASE_SCALAR_C),
    ];
    const wrong: string[] = [];
    for (const abi of abis) {
      const tc = await locateToolchain(abi);
      if (!tc) {
        wrong.push(`${abi.name}: no toolchain`);
        continue;
      }
      const probes = spellings.map(
        (c): Probe => ({ kind: "value", aspect: "size", expected: 0n, c: `sizeof(${c})`, show: "dec" }),
      );
      const dir = await mkdtemp(join(tmpdir(), "sysargs-scalar-c-"));
      try {
        const headers = ["linux/types.h", "linux/posix_types.h"];
        const result = await compileProbes(tc, [], headers, [], probes, dir);
        if (result.failure) wrong.push(`${abi.name}: ${result.failure}`);
        for (const [i, p] of probes.entries()) {
          const kind = result.outcomes.get(p)?.kind;
          // __aligned_s64 is in 6.12's include/uapi/linux/types.h but not in the 6.1 cross headers.
          if (kind !== "value" && !(kind === "absent" && spellings[i] === "__aligned_s64"))
            wrong.push(`${abi.name}: ${spellings[i]}`);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("a type the tool does not know", () => {
  it("is reported as having no header mapping, not a crash", async () => {
    const r = structuredClone(fixture);
    const insn = r.types.find((t) => t.name === "bpf_insn");
    if (!insn || insn.kind === "variant") throw new Error("fixture lost bpf_insn");
    r.types.push({
      ...insn,
      name: "sysargs_unknown_struct",
      c: defaultCFacts({ kind: "struct", name: "sysargs_unknown_struct", provenance: [] }),
      provenance: [],
    });
    const report = await verify(r, { abis: ["x86_64"], btf: null, compiler: !gate.skip });
    expect(report.unmappedTypes).toContain(
      "sysargs_unknown_struct (no header mapping and no UAPI provenance)",
    );
    if (!gate.skip) {
      const e = report.entries.find((x) => x.subject === "type sysargs_unknown_struct");
      expect(e).toMatchObject({ status: "no-header-mapping", source: "compiler" });
      expect(report.unproven).toContain("type sysargs_unknown_struct");
    }
  });
});
