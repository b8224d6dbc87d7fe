import { beforeAll, describe, expect, it } from "vitest";
import { KERNEL_SOURCE_PACKAGE, missingKernelSourceMessage } from "./kernel-source.js";
import { formatMismatch, type Report } from "./report.js";
import { kernelSourceGate, repositoryRegistry, toolchainGate } from "./testing/registry.js";
import { missingToolchainMessage, toolchainsRequired } from "./toolchain.js";
import { verify } from "./verify.js";

// The repository's registry against every installed cross compiler, the running kernel's BTF and
// the Linux 6.12 source. A missing toolchain (or source package) skips its tests locally (the
// title names the Debian package) and fails them when CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1.
const registry = repositoryRegistry();

/**
 * The only constants no source can prove; each is checked to be absent from both the 6.1 cross
 * headers and the whole 6.12 tree and newer than both, and the list fails as soon as one is proved.
 *
 * Landlock ABI 7, added in Linux 6.15 (the audit-logging flags of landlock_restrict_self): the
 * cross toolchains' UAPI headers are 6.1; linux-source-6.12 6.12.117 does not have them (stable
 * took LANDLOCK_CREATE_RULESET_ERRATA, also 6.15, but not these); and kernel BTF describes types,
 * not macros, so the running 6.18 kernel cannot vouch for a #define either. Only a >= 6.15 tree
 * or UAPI header set could prove them.
 *
 * MADV_GUARD_INSTALL and MADV_GUARD_REMOVE (madvise guard regions, added in Linux 6.13): newer than the
 * 6.1 headers and the 6.12 tree alike.
 */
const UNPROVABLE = new Set([
  "const LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF",
  "const LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON",
  "const LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF",
  "const MADV_GUARD_INSTALL",
  "const MADV_GUARD_REMOVE",
]);
/**
 * Registry types that only ABIs without a Debian cross compiler use, so that neither a compiler (none
 * exists for them) nor the running kernel's BTF (another ABI's) can prove them. Each is checked to be an
 * alternative of per-ABI variants on such ABIs only, never used elsewhere, and the list fails as soon as
 * one is proved.
 *
 * ipc64_perm_parisc64: arch/parisc's asm/ipcbuf.h drops `__pad1` when `__BITS_PER_LONG` is 64, which
 * moves mode and seq; Debian's hppa toolchain compiles only the 32-bit branch.
 */
const TOOLCHAINLESS_ONLY = new Set(["ipc64_perm_parisc64"]);
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
      ? `${abi.name} [skipped: ${gate.why}]`
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

  // Some types exist on one ABI only (stat_sh), so coverage needs every declared toolchain; the
  // constants no UAPI header of 6.1 declares need the kernel source.
  const all = kernelSourceGate(registry.abis.filter((a) => a.toolchain));
  const coverage = "every type, member and constant is proved on some ABI by some source";
  it.skipIf(all.skip)(all.skip ? `${coverage} [skipped: ${all.why}]` : coverage, () => {
    expect(report.kernelSourceStatus, missingKernelSourceMessage()).toBe("ok");
    const sources = (item: string): string => {
      const entries = report.entries.filter((x) => x.subject === item);
      const by = new Map<string, number>();
      for (const e of entries)
        by.set(`${e.source} ${e.status}`, (by.get(`${e.source} ${e.status}`) ?? 0) + 1);
      const note = entries.find((e) => e.source === "kernel-source")?.note;
      return `${[...by].map(([k, n]) => `${n}x ${k}`).join(", ") || "never probed"}${note ? ` (${note})` : ""}`;
    };
    const problems: string[] = [];
    const ownerOf = (item: string): string | undefined => /^(?:type|field) ([^.\s]+)/.exec(item)?.[1];
    for (const item of report.unproven) {
      const owner = ownerOf(item);
      if (UNPROVABLE.has(item) || (owner !== undefined && TOOLCHAINLESS_ONLY.has(owner))) continue;
      problems.push(`${item}: proved by no source: ${sources(item)}`);
    }
    const toolchainless = new Set(registry.abis.filter((a) => !a.toolchain).map((a) => a.name));
    for (const type of TOOLCHAINLESS_ONLY) {
      if (!report.unproven.includes(`type ${type}`)) {
        problems.push(`type ${type} is proved now: remove it from TOOLCHAINLESS_ONLY`);
        continue;
      }
      const uses = registry.types.flatMap((t) =>
        t.kind === "variant" ? t.alternatives.filter((a) => a.type === type).map((a) => a.abis) : [],
      );
      const elsewhere = registry.types.some(
        (t) => t.kind !== "variant" && JSON.stringify(t.fields).includes(`"name":"${type}"`),
      );
      if (uses.length === 0 || elsewhere || !uses.flat().every((a) => toolchainless.has(a)))
        problems.push(`type ${type}: not used by ABIs without a toolchain alone`);
    }
    for (const item of UNPROVABLE) {
      if (!report.unproven.includes(item)) {
        problems.push(`${item} is proved now: remove it from UNPROVABLE`);
        continue;
      }
      // Absent from every set of cross headers and from the whole kernel source, and newer than both.
      const entries = report.entries.filter((e) => e.subject === item);
      const compiler = entries.filter((e) => e.source === "compiler");
      const ks = entries.filter((e) => e.source === "kernel-source");
      const justified =
        compiler.length === report.abis.filter((a) => a.headers !== undefined).length &&
        compiler.every((e) => e.status === "not-in-headers" && e.note?.includes("newer than")) &&
        ks.length === registry.abis.length &&
        ks.every(
          (e) => e.status === "not-in-headers" && e.note?.includes(`newer than ${KERNEL_SOURCE_PACKAGE}`),
        );
      if (!justified) problems.push(`${item}: not explained by its age: ${sources(item)}`);
    }
    if (report.unproven.length > 0) console.info(`unproven (explained):\n  ${report.unproven.join("\n  ")}`);
    expect(problems).toEqual([]);
  });

  it.skipIf(all.skip)(
    all.skip
      ? `the kernel source proves the constants the cross headers lack [skipped: ${all.why}]`
      : "the kernel source proves the constants the cross headers lack, each from the header that defines it",
    () => {
      const ks = report.kernelSource!;
      expect(ks.package).toBe(KERNEL_SOURCE_PACKAGE);
      expect(ks.version).toMatch(/^6\.12\.\d+$/);
      const entries = report.entries.filter((e) => e.source === "kernel-source");
      // Only what neither the compilers nor BTF proved, on every ABI: never anything they cover.
      const others = new Set(
        report.entries
          .filter((e) => e.source !== "kernel-source" && e.status === "proved")
          .map((e) => e.subject),
      );
      expect(entries.filter((e) => others.has(e.subject)).map(formatMismatch)).toEqual([]);
      const odd = entries.filter((e) => e.status !== "proved" && !UNPROVABLE.has(e.subject));
      expect(odd.map(formatMismatch)).toEqual([]);
      const where = (subject: string) =>
        entries.find((e) => e.abi === "mips" && e.subject === subject && e.status === "proved")?.note;
      const label = `of ${ks.package} ${ks.version} (x86_64-linux-gnu-gcc)`;
      expect(where("const MSG_CMSG_CLOEXEC")).toBe(`include/linux/socket.h ${label}; from MsgFlags`);
      expect(where("const SCHED_EXT")).toBe(`include/uapi/linux/sched.h ${label}; from SchedPolicy`);
      expect(report.kernelSourceOnly).toEqual(
        expect.arrayContaining(["const MSG_OOB", "const LISTMOUNT_REVERSE", "const LANDLOCK_SCOPE_SIGNAL"]),
      );
      expect(report.abis.filter((a) => a.provedByKernelSource === 0).map((a) => a.abi)).toEqual([]);
    },
  );
});
