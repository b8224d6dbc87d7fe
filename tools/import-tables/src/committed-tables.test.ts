import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  KERNEL_SOURCE_PACKAGE,
  KERNEL_SOURCE_TARBALL,
  missingKernelSourceMessage,
  toolchainsRequired,
} from "@sysargs/conformance";
import { describe, expect, it } from "vitest";
import { gate } from "../../../vitest.skips.js";
import { ABI_SPECS } from "./abi-specs.js";
import { defaultDataPaths, importTables } from "./import-tables.js";
import { numberOf, type ParsedTable, parseGeneratedTable } from "./read-table.js";

const TABLES_DIR = fileURLToPath(new URL("../../../schemas/tables/", import.meta.url));
const X32 = 0x40000000;

function load(abi: string): ParsedTable {
  return parseGeneratedTable(readFileSync(`${TABLES_DIR}${abi}.tbl`, "utf8"), `${abi}.tbl`);
}

const tables = new Map(ABI_SPECS.map((s) => [s.abi, load(s.abi)]));
const table = (abi: string): ParsedTable => {
  const t = tables.get(abi);
  if (!t) throw new Error(abi);
  return t;
};
const nr = (abi: string, name: string): number | undefined => numberOf(table(abi), name);

describe("committed schemas/tables", () => {
  it("has exactly one table per registry ABI", () => {
    const files = readdirSync(TABLES_DIR).filter((f) => f.endsWith(".tbl"));
    expect(files.sort()).toEqual(ABI_SPECS.map((s) => `${s.abi}.tbl`).sort());
  });

  it.each(ABI_SPECS.map((s) => s.abi))(
    "%s: unique numbers and names, 6 columns, provenance header",
    (abi) => {
      const t = table(abi);
      expect(t.present.length).toBeGreaterThan(300);
      // "?", a release, or "<=3.0" (libseccomp's floor: 3.0 already had it)
      expect(new Set(t.present.map((e) => e.number)).size).toBe(t.present.length);
      expect(new Set(t.present.map((e) => e.name)).size).toBe(t.present.length);
      for (const e of t.present) {
        expect(e.since).toMatch(/^(\?|\d+\.\d+|<=3\.0)$/);
        // The entry, or for 32-bit ABIs at least the compat entry, is a real implementation.
        const stub = /^(-|sys_ni_syscall|sys_nis_syscall|sys32_unimplemented)$/;
        expect(stub.test(e.entry) && stub.test(e.compat), `${abi} ${e.name}`).toBe(false);
      }
      expect(t.header.some((h) => /^source tree: linux-source-6\.12 6\.12\.\d+$/.test(h))).toBe(true);
      expect(t.header.some((h) => h.startsWith("abi columns selected: "))).toBe(true);
    },
  );

  it("x86_64", () => {
    expect(nr("x86_64", "clone3")).toBe(435);
    expect(nr("x86_64", "openat2")).toBe(437);
    expect(nr("x86_64", "file_setattr")).toBe(469);
    expect(nr("x86_64", "uretprobe")).toBe(335);
    expect(nr("x86_64", "uprobe")).toBe(336);
    expect(nr("x86_64", "read")).toBe(0);
  });

  it("x32 numbers carry __X32_SYSCALL_BIT and include the x32-only rows", () => {
    expect(nr("x32", "openat2")).toBe(X32 + 437);
    expect(nr("x32", "read")).toBe(X32);
    expect(nr("x32", "rt_sigaction")).toBe(X32 + 512);
    expect(table("x32").present.every((e) => e.number >= X32)).toBe(true);
  });

  it("i386, arm, ppc, s390x, sparc64, alpha, parisc sched_setattr", () => {
    expect(nr("i386", "sched_setattr")).toBe(351);
    expect(nr("arm", "sched_setattr")).toBe(380);
    expect(nr("ppc", "sched_setattr")).toBe(355);
    expect(nr("ppc64", "sched_setattr")).toBe(355);
    expect(nr("ppc64le", "sched_setattr")).toBe(355);
    expect(nr("s390x", "sched_setattr")).toBe(345);
    expect(nr("sparc64", "sched_setattr")).toBe(343);
    expect(nr("alpha", "sched_setattr")).toBe(508);
    expect(nr("parisc", "sched_setattr")).toBe(334);
  });

  it("aarch64: sched_setattr 274 and no open", () => {
    expect(nr("aarch64", "sched_setattr")).toBe(274);
    expect(nr("aarch64", "open")).toBeUndefined();
    expect(nr("aarch64", "openat")).toBe(56);
  });

  it("mips numbers include __NR_Linux", () => {
    expect(nr("mips64", "sched_setattr")).toBe(5309);
    expect(nr("mips64el", "sched_setattr")).toBe(5309);
    expect(nr("mips", "sched_setattr")).toBe(4349);
    expect(nr("mipsel", "sched_setattr")).toBe(4349);
    expect(nr("mips64n32", "clone3")).toBe(6435);
  });

  it("clone3: reserved on sparc, sparc64 and sh in 6.12, implemented on alpha (alpha_clone3)", () => {
    for (const abi of ["sparc", "sparc64", "sh"]) expect(nr(abi, "clone3")).toBeUndefined();
    expect(table("alpha").present.find((e) => e.name === "clone3")).toMatchObject({
      number: 545,
      entry: "alpha_clone3",
    });
  });

  it("post-6.12 additions use each ABI's numbering", () => {
    const expected: Record<string, number> = {
      alpha: 579,
      mips: 4469,
      mipsel: 4469,
      mips64: 5469,
      mips64el: 5469,
      mipsel64n32: 6469,
      mips64n32: 6469,
      x32: X32 + 469,
    };
    for (const { abi } of ABI_SPECS) {
      const e = table(abi).present.find((x) => x.name === "file_setattr");
      expect(e, abi).toMatchObject({ number: expected[abi] ?? 469, since: "6.17" });
    }
    expect(nr("alpha", "setxattrat")).toBe(573);
    expect(nr("i386", "open_tree_attr")).toBe(467);
    expect(nr("arm", "uprobe")).toBeUndefined();
  });

  it("arm: EABI numbers plus the private calls", () => {
    expect(nr("arm", "breakpoint")).toBe(0x0f0001);
    expect(nr("arm", "cacheflush")).toBe(0x0f0002);
    expect(nr("arm", "usr26")).toBe(0x0f0003);
    expect(nr("arm", "usr32")).toBe(0x0f0004);
    expect(nr("arm", "set_tls")).toBe(0x0f0005);
    expect(nr("arm", "get_tls")).toBe(0x0f0006);
    expect(table("arm").present.filter((e) => e.abi === "arm-private")).toHaveLength(6);
    expect(table("arm").present.some((e) => e.abi === "oabi")).toBe(false);
  });

  it("ABIs with shared numbering have identical rows", () => {
    for (const [a, b] of [
      ["ppc64", "ppc64le"],
      ["mips", "mipsel"],
      ["mips64", "mips64el"],
      ["mips64n32", "mipsel64n32"],
    ] as const) {
      const noSince = (abi: string) => table(abi).present.map(({ since: _, ...e }) => e);
      expect(noSince(a), `${a}/${b}`).toEqual(noSince(b));
      const reserved = (abi: string) =>
        table(abi).notImplemented.map(({ since: _, sinceAtMost: __, ...e }) => e);
      expect(reserved(a), `${a}/${b}`).toEqual(reserved(b));
    }
    // Both byte orders of a mips ABI share one kernel table, so one history; ppc64le is younger
    // than ppc64 and has no since values from libseccomp (docs/syscall-tables.md).
    expect(table("mips").present).toEqual(table("mipsel").present);
    expect(table("ppc64le").present.filter((e) => e.since !== "?" && !/^6\.1[3-8]$/.test(e.since))).toEqual(
      [],
    );
  });

  it("removed and never-implemented names keep their numbers, with their history", () => {
    const sysctl = table("x86_64").notImplemented.find((e) => e.name === "_sysctl");
    expect(sysctl).toMatchObject({ number: 156, status: "removed", removedIn: "5.5" });
    expect(sysctl?.source).toMatch(/syscalls\(2\)/);
    expect(table("i386").notImplemented.find((e) => e.name === "_sysctl")).toMatchObject({ number: 149 });
    expect(table("x86_64").notImplemented.find((e) => e.name === "nfsservctl")).toMatchObject({
      number: 180,
      status: "removed",
      removedIn: "3.1",
    });
    expect(table("aarch64").notImplemented.find((e) => e.name === "lookup_dcookie")).toMatchObject({
      number: 18,
      status: "removed",
      removedIn: null,
    });
    expect(table("x86_64").notImplemented.find((e) => e.name === "tuxcall")).toMatchObject({
      number: 184,
      status: "never",
    });
    // A name the ABI never wired up has no history: neither removed nor never-implemented.
    const uselib = table("x86_64").notImplemented.find((e) => e.name === "uselib");
    expect(uselib).toEqual({ number: 134, name: "uselib" });
    for (const spec of ABI_SPECS)
      for (const r of table(spec.abi).notImplemented) {
        if (r.status === "never") expect(r.since, `${spec.abi} ${r.name}`).toBeUndefined();
        if (r.status === undefined) expect(r.since ?? r.sinceAtMost, `${spec.abi} ${r.name}`).toBeUndefined();
      }
  });

  it("reserved numbers are comments, not syscalls", () => {
    expect(nr("x86_64", "_sysctl")).toBeUndefined();
    expect(table("x86_64").notImplemented.find((e) => e.name === "_sysctl")?.number).toBe(156);
    expect(nr("alpha", "set_mempolicy_home_node")).toBeUndefined();
    expect(nr("s390", "readdir")).toBe(89);
    expect(nr("s390x", "readdir")).toBeUndefined();
  });
});

// Re-import from the kernel tarball when this machine has it and compare byte for byte; skipped
// without it, a failure when CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1.
const SOURCE = KERNEL_SOURCE_TARBALL;
const sourceGate = gate(
  existsSync(SOURCE)
    ? []
    : [
        {
          what: KERNEL_SOURCE_PACKAGE,
          why: missingKernelSourceMessage(SOURCE),
          packages: [KERNEL_SOURCE_PACKAGE],
        },
      ],
  toolchainsRequired(),
);

describe.skipIf(sourceGate.skip)("importer reproduces the committed tables", () => {
  it(sourceGate.skip ? `is byte-identical [skipped: ${sourceGate.why}]` : "is byte-identical", () => {
    expect(existsSync(SOURCE), missingKernelSourceMessage(SOURCE)).toBe(true);
    const result = importTables({ source: SOURCE, ...defaultDataPaths(TABLES_DIR) });
    expect(result.tables).toHaveLength(ABI_SPECS.length);
    // Debian moves linux-source-6.12 along the 6.12 stable series (6.12.117, 6.12.118, ...), and the
    // tables record which release they came from. The stable series never renumbers syscalls, so
    // every byte must match except that release in the provenance line, which must still be 6.12.
    const release = /^# source tree: linux-source-6\.12 6\.12\.\d+$/m;
    for (const t of result.tables) {
      const committed = readFileSync(`${TABLES_DIR}${t.fileName}`, "utf8");
      expect(t.text, t.fileName).toMatch(release);
      expect(committed, t.fileName).toMatch(release);
      const same = (text: string) => text.replace(release, "# source tree: linux-source-6.12 6.12.x");
      expect(same(t.text), t.fileName).toBe(same(committed));
    }
  });
});
