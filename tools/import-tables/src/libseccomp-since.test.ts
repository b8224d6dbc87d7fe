import { describe, expect, it } from "vitest";
import {
  deriveSince,
  kverVersion,
  LIBSECCOMP_COLUMNS,
  parseSyscallsCsv,
  renderSinceFile,
} from "./libseccomp-since.js";
import type { ParsedTable } from "./read-table.js";

// A miniature of libseccomp's syscalls.csv: every column of LIBSECCOMP_COLUMNS, x86_64 filled.
const COLUMNS = Object.keys(LIBSECCOMP_COLUMNS);
const header = (kernel: string, withKver: boolean) =>
  `#syscall (${kernel} 2025-01-01),${COLUMNS.map((c) => (withKver ? `${c},${c}_kver` : c)).join(",")}`;
const row = (name: string, x86_64: string, kver?: string) =>
  [
    name,
    ...COLUMNS.flatMap((c) => {
      const n = c === "x86_64" ? x86_64 : "PNR";
      return kver === undefined ? [n] : [n, c === "x86_64" ? kver : "SCMP_KV_UNDEF"];
    }),
  ].join(",");

const KVER = [
  header("v6.16.0", true),
  row("read", "0", "SCMP_KV_3_0"),
  row("clone3", "435", "SCMP_KV_5_3"),
  row("pidfd_open", "434", "SCMP_KV_5_9"), // wrong: libseccomp v2.5.0 (5.8-rc5) already has it
  row("fcntl64", "25", "SCMP_KV_3_10"), // no such syscall on x86_64
  row("setxattrat", "463", "SCMP_KV_6_13"), // from the additions, which agree
  row("close", "4", "SCMP_KV_4_1"), // wrong number: ours is 3
  row("_sysctl", "156", "SCMP_KV_3_0"),
].join("\n");
const V250 = [
  header("v5.8.0-rc5", false),
  row("read", "0"),
  row("clone3", "435"),
  row("pidfd_open", "434"),
].join("\n");

const entry = (number: number, name: string, since = "?") => ({
  number,
  abi: "common",
  name,
  entry: `sys_${name}`,
  compat: "-",
  since,
});
const X86_64: ParsedTable = {
  present: [
    entry(0, "read"),
    entry(3, "close"),
    entry(434, "pidfd_open"),
    entry(435, "clone3"),
    entry(463, "setxattrat", "6.13"),
  ],
  notImplemented: [{ number: 156, name: "_sysctl" }],
  header: [],
};
const empty: ParsedTable = { present: [], notImplemented: [], header: [] };
const TABLES = new Map(
  Object.values(LIBSECCOMP_COLUMNS).flatMap((abis) => abis.map((a) => [a, empty] as const)),
);
TABLES.set("x86_64", X86_64);

describe("deriveSince", () => {
  const { derived, rejected } = deriveSince(KVER, [{ label: "v2.5.0", text: V250 }], TABLES, "6.12");

  it("keeps values whose number, tree and release tables agree; 3.0 is a floor", () => {
    expect(derived).toEqual([
      { abi: "x86_64", name: "read", since: "<=3.0" },
      { abi: "x86_64", name: "clone3", since: "5.3" },
      { abi: "x86_64", name: "_sysctl", since: "<=3.0" },
    ]);
  });

  it("rejects the rest with a reason, and whole columns that date something else", () => {
    const x86 = rejected.filter((r) => r.abi === "x86_64");
    expect(x86).toEqual([
      expect.objectContaining({
        name: "pidfd_open",
        reason: "5.9, but libseccomp v2.5.0 (kernel 5.8) already has it",
      }),
      expect.objectContaining({ name: "fcntl64", reason: "our table has no fcntl64" }),
      expect.objectContaining({ name: "close", reason: "number 4, ours is 3" }),
    ]);
    expect(
      rejected
        .filter((r) => r.name === "*")
        .map((r) => r.abi)
        .sort(),
    ).toEqual(["aarch64", "loongarch64", "riscv64", "x32"]);
  });

  it("renders one row per name and since, with the ABIs it holds for", () => {
    const text = renderSinceFile(derived, rejected, { kver: "commit X", snapshots: ["v2.5.0"] });
    expect(text).toContain("\nclone3\tx86_64\t5.3\tlibseccomp commit X syscalls.csv <arch>_kver;");
    expect(text).toContain("#   x86_64 close SCMP_KV_4_1: number 4, ours is 3\n");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("reads kver cells and refuses malformed files", () => {
    expect(kverVersion("SCMP_KV_4_3")).toBe("4.3");
    expect(kverVersion("KV_6_1")).toBe("6.1");
    expect(kverVersion("SCMP_KV_UNDEF")).toBeUndefined();
    expect(() => parseSyscallsCsv("read,0", "x.csv")).toThrow(/x.csv: no "#syscall" header line/);
    expect(() => parseSyscallsCsv("#syscall (v6.1.0),x86\nread,1,2", "x.csv")).toThrow(/x.csv:2: 3 cells/);
  });
});
