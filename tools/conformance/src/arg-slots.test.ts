import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Abi } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import {
  type ArgProbe,
  C_CONVENTION_DIFFERS,
  C_SLOT_MAPS,
  CORNER_PROBES,
  formatSlotCheck,
  observe,
  parseExpandDump,
  proveArgSlots,
  registryProbes,
} from "./arg-slots.js";
import { REPO_ROOT, repositoryRegistry, toolchainGate } from "./testing/registry.js";
import { locateToolchain, missingToolchainMessage } from "./toolchain.js";

// Every ABI's argument-slot model (arg64, arg64First, arg64Boundary) against its cross compiler:
// every syscall signature of the registry with a 64-bit parameter, plus corner cases. A missing
// toolchain skips its ABI locally (the title names the Debian package) and fails it when CI=true
// or SYSARGS_REQUIRE_TOOLCHAINS=1.
const registry = repositoryRegistry();
const probes: ArgProbe[] = [...registryProbes(registry), ...CORNER_PROBES];
const abiNamed = (name: string) => registry.abis.find((a) => a.name === name)!;

describe("argument slots against the cross compilers", () => {
  it("the probes cover the syscalls with 64-bit arguments", () => {
    const names = probes.map((p) => p.name);
    // A syscall with several signatures gives one probe per signature (name_0, name_1, ...).
    for (const n of ["pread64", "fadvise64_64", "arm_fadvise64_64", "sync_file_range2", "fanotify_mark"])
      expect(names.filter((x) => x === n || x === `${n}_0`)).toHaveLength(1);
  });

  it("every ABI has a map from GCC's argument locations to slots", () => {
    expect(registry.abis.map((a) => a.name).filter((n) => !C_SLOT_MAPS[n] && abiNamed(n).toolchain)).toEqual(
      [],
    );
  });

  for (const abi of registry.abis) {
    const tc = abi.toolchain;
    if (!tc) continue;
    const gate = toolchainGate([abi]);
    const differs = C_CONVENTION_DIFFERS[abi.name];
    const compiler = [`${tc.triplet}-gcc`, ...tc.flags].join(" ");
    const title = gate.skip
      ? `${abi.name} [skipped: ${gate.why}]`
      : differs
        ? `${abi.name}: ${compiler} has its own convention, the kernel's wrappers another (${differs.why})`
        : `${abi.name}: ${compiler} places every argument where the model says (${abi.arg64}${abi.arg64First ? `, ${abi.arg64First} first` : ""})`;
    it.skipIf(gate.skip)(title, async () => {
      const located = await locateToolchain(abi);
      expect(located, missingToolchainMessage(abi)).toBeDefined();
      const r = await proveArgSlots(located!, abi, probes);
      expect(r.problems).toEqual([]);
      expect(r.checks.filter((c) => c.status === "mismatch").map(formatSlotCheck)).toEqual([]);
      // Nothing vacuous: most parameters have a C location (s390 -m31: r2-r6 only).
      const ok = r.checks.filter((c) => c.status === "ok").length;
      expect(ok).toBeGreaterThan(r.checks.length * 0.75);
      if (differs) expect(r.modelMismatches.length).toBeGreaterThan(0);
      else expect(r.modelMismatches.map(formatSlotCheck)).toEqual([]);
    });
  }

  // The check must catch a wrong model: each mutation moves some parameter on some probe.
  const mutations: [string, Partial<Abi>][] = [
    ["arm", { arg64: "pair" }],
    ["arm", { arg64First: "high" }],
    ["ppc", { arg64First: "low" }],
    ["mips", { arg64: "pair" }],
    ["i386", { arg64: "aligned-pair" }],
    ["sh", { arg64Boundary: null }],
    ["m68k", { arg64First: "low" }],
    ["x32", { arg64: "pair", arg64First: "low" }],
  ];
  for (const [name, change] of mutations) {
    const abi = abiNamed(name);
    const gate = toolchainGate([abi]);
    const title = `a wrong model is caught: ${name} with ${JSON.stringify(change)}`;
    it.skipIf(gate.skip)(gate.skip ? `${title} [skipped: ${gate.why}]` : title, async () => {
      const located = await locateToolchain(abi);
      expect(located, missingToolchainMessage(abi)).toBeDefined();
      const r = await proveArgSlots(located!, { ...abi, ...change }, probes);
      expect(r.checks.filter((c) => c.status === "mismatch").length).toBeGreaterThan(0);
    });
  }
});

describe("reading GCC's expand dump (recorded from gcc 12)", () => {
  const fixture = (f: string) => readFileSync(join(REPO_ROOT, "tools", "conformance", "fixtures", f), "utf8");
  const params = [
    { name: "a", size: 4 },
    { name: "b", size: 4 },
    { name: "c", size: 4 },
    { name: "d", size: 8 },
    { name: "e", size: 8 },
    { name: "g", size: 4 },
  ];
  // long sa_t(int a, int b, int c, long long d, long long e, int g)

  it("sparc -m32: a pair split between %i5 and the stack", () => {
    const facts = parseExpandDump(fixture("arg-slots-sparc.expand")).get("sa_t")!;
    const problems: string[] = [];
    const halves = new Map([
      ["d.lo", "%i4"],
      ["d.hi", "%i3"],
    ]);
    const o = observe(C_SLOT_MAPS.sparc!, { endian: "big" }, params, facts, halves, problems);
    expect(problems).toEqual([]);
    expect(o.map(({ slot, low, high }) => ({ slot, low, high }))).toEqual([
      { slot: 0, low: undefined, high: undefined },
      { slot: 1, low: undefined, high: undefined },
      { slot: 2, low: undefined, high: undefined },
      { slot: undefined, low: 4, high: 3 },
      { slot: undefined, low: 6, high: 5 },
      { slot: 7, low: undefined, high: undefined },
    ]);
    expect(o[4]!.where).toBe("low incoming+24, high %i5");
  });

  it("hppa: stack arguments through computed addresses, growing downwards", () => {
    const facts = parseExpandDump(fixture("arg-slots-hppa.expand")).get("sa_t")!;
    const problems: string[] = [];
    const o = observe(C_SLOT_MAPS.parisc!, { endian: "big" }, params, facts, undefined, problems);
    expect(problems).toEqual([]);
    // a, b, c in %r26-%r24; d at -24 (slots 5 high, 4 low); e at -32; g at -36
    expect(o.map((p) => p.slot ?? [p.low, p.high])).toEqual([0, 1, 2, [4, 5], [6, 7], 8]);
  });

  it("a pair in registers needs the assembly to say which half is which", () => {
    const facts = parseExpandDump(fixture("arg-slots-sparc.expand")).get("sa_t")!;
    const problems: string[] = [];
    observe(C_SLOT_MAPS.sparc!, { endian: "big" }, params, facts, new Map(), problems);
    expect(problems).toEqual(["d: the assembly reads the halves from ? and ?, not from %i3 and %i4"]);
  });
});
