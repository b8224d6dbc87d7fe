import { type CompositeDecl, type Registry, RegistryIndex } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { type Entry, formatMismatch, type Report } from "./report.js";
import { kernelSourceGate, repositoryRegistry, toolchainGate } from "./testing/registry.js";
import { verify } from "./verify.js";

// One wrong offset rule, one wrong alignment and one wrong constant must each make the run fail,
// with a message naming the ABI, the subject, the expected and the actual value.
const registry = repositoryRegistry();
const index = new RegistryIndex(registry);
const ABIS = ["x86_64", "i386"];
const gate = toolchainGate(ABIS.map((a) => index.abi(a)!));
const title = (what: string) => (gate.skip ? `${what} [skipped: ${gate.why}]` : what);

function mutate(change: (r: Registry) => void): Registry {
  const copy = structuredClone(registry);
  change(copy);
  return copy;
}

function composite(r: Registry, name: string): CompositeDecl {
  const t = r.types.find((x) => x.name === name);
  if (!t || t.kind === "variant") throw new Error(`the registry has no struct ${name} to mutate`);
  return t;
}

function mismatch(report: Report, abi: string, subject: string, source: Entry["source"] = "compiler"): Entry {
  const found = report.entries.find(
    (e) => e.abi === abi && e.subject === subject && e.source === source && e.status === "mismatch",
  );
  if (!found) {
    const bad = report.entries.filter((e) => e.status === "mismatch").map(formatMismatch);
    throw new Error(`no ${source} mismatch for ${abi} ${subject}; mismatches:\n${bad.join("\n")}`);
  }
  return found;
}

describe("mutations of the registry are caught", () => {
  it.skipIf(gate.skip)(
    title("the unmutated registry has no mismatch in the subjects mutated below"),
    async () => {
      const report = await verify(registry, { abis: ABIS, btf: null });
      const subjects = [
        "field open_how.mode",
        "field open_how.resolve",
        "abi scalar longlong",
        "const CLONE_NEWUSER",
      ];
      const bad = report.entries.filter((e) => subjects.includes(e.subject) && e.status !== "proved");
      expect(bad.map(formatMismatch)).toEqual([]);
    },
  );

  it.skipIf(gate.skip)(title("a field of open_how declared u32 instead of u64"), async () => {
    const r = mutate((x) => {
      composite(x, "open_how").fields.find((f) => f.name === "mode")!.type = { kind: "scalar", name: "u32" };
    });
    const report = await verify(r, { abis: ABIS, btf: null });
    expect(report.ok).toBe(false);
    const size = mismatch(report, "x86_64", "field open_how.mode");
    expect(formatMismatch(size)).toBe(
      "x86_64: field open_how.mode: expected size 4, actual size 8 (compiler)",
    );
    // i386 aligns u64 to 4, so the next member moves as well.
    const moved = mismatch(report, "i386", "field open_how.resolve");
    expect(formatMismatch(moved)).toBe(
      "i386: field open_how.resolve: expected offset 12, actual offset 16 (compiler)",
    );
    expect(mismatch(report, "i386", "type open_how").checks).toContainEqual({
      aspect: "size",
      expected: 20,
      actual: 24,
      ok: false,
    });
  });

  it.skipIf(gate.skip)(title("i386 long long aligned to 8 instead of 4"), async () => {
    const r = mutate((x) => {
      x.abis.find((a) => a.name === "i386")!.scalars.longlong.align = 8;
    });
    const report = await verify(r, { abis: ABIS, btf: null });
    expect(report.ok).toBe(false);
    const e = mismatch(report, "i386", "abi scalar longlong");
    expect(formatMismatch(e)).toBe("i386: abi scalar longlong: expected align 8, actual align 4 (compiler)");
    expect(report.entries.filter((x) => x.abi === "x86_64" && x.status === "mismatch")).toEqual([]);
  });

  it.skipIf(gate.skip)(title("CLONE_NEWUSER given the value of CLONE_NEWPID"), async () => {
    const r = mutate((x) => {
      for (const s of x.sets) for (const m of s.members) if (m.name === "CLONE_NEWUSER") m.value = 0x20000000;
    });
    const report = await verify(r, { abis: ABIS, btf: null });
    expect(report.ok).toBe(false);
    for (const abi of ABIS) {
      const e = mismatch(report, abi, "const CLONE_NEWUSER");
      expect(formatMismatch(e)).toMatch(
        new RegExp(
          `^${abi}: const CLONE_NEWUSER: expected value 0x20000000, actual value 0x10000000 \\(compiler\\)`,
        ),
      );
    }
  });
});

describe("a mutation only the kernel source can catch", () => {
  // MSG_* live in the kernel-internal include/linux/socket.h: no UAPI header declares them, so
  // only the kernel source proves (or refutes) them.
  const ks = kernelSourceGate(ABIS.map((a) => index.abi(a)!));
  const what = (w: string) => (ks.skip ? `${w} [skipped: ${ks.why}]` : w);
  const batch = (r: Registry) => {
    for (const s of r.sets) for (const m of s.members) if (m.name === "MSG_BATCH") m.value = 0x80000;
  };

  it.skipIf(ks.skip)(
    what("the unmutated MSG_BATCH is proved by the kernel source on every ABI"),
    async () => {
      const report = await verify(registry, { abis: ABIS, btf: null });
      const e = report.entries.filter((x) => x.subject === "const MSG_BATCH");
      expect(e.map((x) => `${x.abi} ${x.source} ${x.status}`).sort()).toEqual([
        "i386 compiler not-in-headers",
        "i386 kernel-source proved",
        "x86_64 compiler not-in-headers",
        "x86_64 kernel-source proved",
      ]);
    },
  );

  it.skipIf(ks.skip)(what("MSG_BATCH given the value of MSG_NO_SHARED_FRAGS (0x80000)"), async () => {
    const report = await verify(mutate(batch), { abis: ABIS, btf: null });
    expect(report.ok).toBe(false);
    const v = report.kernelSource!.version.replace(/\./g, "\\.");
    for (const abi of ABIS) {
      const e = mismatch(report, abi, "const MSG_BATCH", "kernel-source");
      expect(formatMismatch(e)).toMatch(
        new RegExp(
          `^${abi}: const MSG_BATCH: expected value 0x80000, actual value 0x40000 \\(kernel-source\\) ` +
            `\\[include/linux/socket\\.h of linux-source-6\\.12 ${v} \\(x86_64-linux-gnu-gcc\\); from MsgFlags\\]$`,
        ),
      );
    }
    // The cross headers have no MSG_*: the compiler cannot tell, and says so.
    const compiler = report.entries.filter((e) => e.subject === "const MSG_BATCH" && e.source === "compiler");
    expect(compiler.map((e) => e.status)).toEqual(["not-in-headers", "not-in-headers"]);
    expect(report.entries.filter((e) => e.status === "mismatch").map((e) => e.subject)).toEqual([
      "const MSG_BATCH",
      "const MSG_BATCH",
    ]);
  });
});

describe("a missing kernel source", () => {
  const missing = "/nonexistent/linux-source-6.12.tar.xz";

  it("is skipped loudly, naming the Debian package, when toolchains are not required", async () => {
    const lines: string[] = [];
    const report = await verify(registry, {
      abis: ["x86_64"],
      btf: null,
      compiler: false,
      kernelSource: missing,
      requireToolchains: false,
      log: (l) => lines.push(l),
    });
    expect(report.ok).toBe(true);
    expect(report.kernelSourceStatus).toBe("missing");
    expect(report.kernelSource).toBeNull();
    expect(lines.join("\n")).toContain(
      `*** kernel source ${missing} not found: install the Debian package linux-source-6.12 (apt-get install linux-source-6.12)`,
    );
    expect(report.entries.filter((e) => e.source === "kernel-source")).toEqual([]);
    expect(report.unproven).toContain("const MSG_OOB");
  });

  it("fails the run when toolchains are required (CI)", async () => {
    const report = await verify(registry, {
      abis: ["x86_64"],
      btf: null,
      compiler: false,
      kernelSource: missing,
      requireToolchains: true,
    });
    expect(report.ok).toBe(false);
    expect(report.messages.join("\n")).toContain("apt-get install linux-source-6.12");
  });
});

describe("a missing cross compiler", () => {
  const withMissing = () =>
    mutate((x) => {
      const abi = x.abis.find((a) => a.name === "x86_64")!;
      abi.toolchain = { triplet: "sysargs-missing-linux-gnu", flags: [], package: "gcc-sysargs-missing" };
    });

  it("is skipped loudly, naming the Debian package, when toolchains are not required", async () => {
    const lines: string[] = [];
    const report = await verify(withMissing(), {
      abis: ["x86_64"],
      btf: null,
      kernelSource: null,
      requireToolchains: false,
      log: (l) => lines.push(l),
    });
    expect(report.ok).toBe(true);
    expect(report.abis[0]).toMatchObject({ abi: "x86_64", toolchainStatus: "missing", provedByCompiler: 0 });
    // Both packages of the toolchain: the compiler and its UAPI headers.
    expect(lines.join("\n")).toContain(
      "sysargs-missing-linux-gnu-gcc not found (Debian package gcc-sysargs-missing; its UAPI headers: linux-libc-dev-sysargs-cross): apt-get install gcc-sysargs-missing linux-libc-dev-sysargs-cross",
    );
    expect(report.entries).toEqual([
      expect.objectContaining({ status: "no-toolchain", subject: "toolchain sysargs-missing-linux-gnu" }),
    ]);
  });

  it("fails the run when toolchains are required (CI)", async () => {
    const report = await verify(withMissing(), {
      abis: ["x86_64"],
      btf: null,
      kernelSource: null,
      requireToolchains: true,
    });
    expect(report.ok).toBe(false);
    expect(report.messages.join("\n")).toContain(
      "apt-get install gcc-sysargs-missing linux-libc-dev-sysargs-cross",
    );
  });
});
