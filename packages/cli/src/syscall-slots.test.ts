import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GeneratorContext } from "@sysargs/codegen";
import { generateRegistryData } from "@sysargs/gen-registry";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic } from "@sysargs/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./index.js";

/**
 * `sysargs syscall <name> --abi A` shows where each argument travels in seccomp_data.args, from
 * the real ABI models (schemas/abi) and fixed copies of the generic prototypes
 * (include/linux/syscalls.h, 6.12), so that edits to the real signatures do not move these facts.
 * ppc's table lists fadvise64_64, whose generic order needs seven slots there: the loader rejects
 * that, so ppc gets its own order, as in schemas/linux/syscalls/file-offsets.ts.
 */
const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const SYSCALLS = `import type { Fd, In, int, loff_t, long, Ptr, size_t, uint, void_t } from "@sysargs/dsl";
export declare function fadvise64_64(fd: int & Fd, offset: loff_t, len: loff_t, advice: int): long;
export declare function fadvise64_64(this: Only<ppc>, fd: int & Fd, advice: int, offset: loff_t, len: loff_t): long;
export declare function arm_fadvise64_64(fd: int & Fd, advice: int, offset: loff_t, len: loff_t): long;
export declare function sync_file_range2(fd: int & Fd, flags: uint, offset: loff_t, nbytes: loff_t): long;
export declare function pread64(fd: uint & Fd, buf: Ptr<In<void_t>>, count: size_t, pos: loff_t): long;
export declare function fork(): long;
`;

let root: string;
let registryDir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "sysargs-cli-slots-"));
  const schemas = join(root, "schemas");
  for (const d of ["abi", "tables", "linux/files"]) mkdirSync(join(schemas, d), { recursive: true });
  for (const f of readdirSync(join(SCHEMAS, "abi")))
    copyFileSync(join(SCHEMAS, "abi", f), join(schemas, "abi", f));
  const declared = new Set([...SYSCALLS.matchAll(/declare function (\w+)/g)].map((m) => m[1]!));
  for (const f of readdirSync(join(SCHEMAS, "tables")).filter((x) => x.endsWith(".tbl"))) {
    const lines = readFileSync(join(SCHEMAS, "tables", f), "utf8").split("\n");
    const kept = lines.filter((l) => l === "" || l.startsWith("#") || declared.has(l.split("\t")[2]!));
    writeFileSync(join(schemas, "tables", f), kept.join("\n"));
  }
  writeFileSync(join(schemas, "linux", "files", "files.ts"), SYSCALLS);
  const loaded = loadSchemas(schemas);
  expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  registryDir = join(root, "registry");
  for (const f of generateRegistryData(new GeneratorContext(loaded.registry!))) {
    mkdirSync(dirname(join(registryDir, f.path)), { recursive: true });
    writeFileSync(join(registryDir, f.path), f.content);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function query(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([...argv, "--registry", registryDir], { out: (s) => out.push(s) }, (s) =>
    err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const slotsText = (out: string) => out.slice(out.indexOf("  argument slots on")).split("\n");

describe("syscall --abi: argument slots", () => {
  it("arm: arm_fadvise64_64 fills six slots, low words first", async () => {
    const r = await query("syscall", "arm_fadvise64_64", "--abi", "arm");
    expect(r.code).toBe(0);
    expect(slotsText(r.out)).toEqual([
      "  argument slots on arm (64-bit arguments: pair from an even slot, low word in the lower slot):",
      "    fd      args[0]",
      "    advice  args[1]",
      "    offset  args[2] low 32 bits, args[3] high 32 bits",
      "    len     args[4] low 32 bits, args[5] high 32 bits",
    ]);
  });

  it("the generic fadvise64_64 order would need seven slots on arm: padding, and an error", async () => {
    const lines = slotsText((await query("syscall", "fadvise64_64", "--abi", "arm")).out);
    expect(lines).toContain("    advice  slot 6 (not in seccomp_data.args)");
    expect(lines).toContain("    padding: args[1] (unused)");
    expect(lines).toContain("    error: needs 7 argument slots; the arm syscall entry passes 6");
  });

  it("ppc: sync_file_range2, high words first", async () => {
    const lines = slotsText((await query("syscall", "sync_file_range2", "--abi", "ppc")).out);
    expect(lines.slice(1)).toEqual([
      "    fd      args[0]",
      "    flags   args[1]",
      "    offset  args[2] high 32 bits, args[3] low 32 bits",
      "    nbytes  args[4] high 32 bits, args[5] low 32 bits",
    ]);
  });

  it("i386: consecutive halves; x86_64: one register each", async () => {
    expect(slotsText((await query("syscall", "fadvise64_64", "--abi", "x86")).out).slice(1)).toEqual([
      "    fd      args[0]",
      "    offset  args[1] low 32 bits, args[2] high 32 bits",
      "    len     args[3] low 32 bits, args[4] high 32 bits",
      "    advice  args[5]",
    ]);
    expect(slotsText((await query("syscall", "pread64", "--abi", "x86_64")).out)).toEqual([
      "  argument slots on x86_64 (64-bit arguments: one 64-bit register):",
      "    fd     args[0]",
      "    buf    args[1]",
      "    count  args[2]",
      "    pos    args[3]",
    ]);
  });

  it("m68k: seccomp_data.args[0] is the syscall number", async () => {
    const lines = slotsText((await query("syscall", "fadvise64_64", "--abi", "m68k")).out);
    expect(lines).toContain("    fd      slot 0 = args[1]");
    expect(lines).toContain("    advice  slot 5 (not in seccomp_data.args)");
  });

  it("mips o32 passes the seventh slot, which seccomp does not show", async () => {
    const lines = slotsText((await query("syscall", "fadvise64_64", "--abi", "mips")).out);
    expect(lines).toContain("    offset  args[2] high 32 bits, args[3] low 32 bits");
    expect(lines).toContain("    advice  slot 6 (not in seccomp_data.args)");
    expect(lines.some((l) => l.includes("error"))).toBe(false);
  });

  it("without --abi the text has no slots; --json has them for every ABI", async () => {
    expect((await query("syscall", "pread64")).out).not.toContain("argument slots");
    const sc = JSON.parse((await query("syscall", "pread64", "--json")).out);
    expect(sc.abis.arm.slots).toEqual({
      arg64: "aligned-pair",
      arg64First: "low",
      seccompArgShift: 0,
      used: 6,
      capacity: 6,
      padding: [3],
      params: [
        { name: "fd", slots: [0], seccomp: [0] },
        { name: "buf", slots: [1], seccomp: [1] },
        { name: "count", slots: [2], seccomp: [2] },
        { name: "pos", slots: [4, 5], low: 4, high: 5, seccomp: [4, 5] },
      ],
    });
    expect(sc.abis.parisc.slots.params[3]).toEqual({
      name: "pos",
      slots: [3, 4],
      low: 4,
      high: 3,
      seccomp: [3, 4],
    });
    expect(sc.abis.x32.slots.params[3]).toEqual({ name: "pos", slots: [3], seccomp: [3] });
    const mips = JSON.parse((await query("syscall", "fadvise64_64", "--abi", "mips", "--json")).out).abis.mips
      .slots;
    expect(mips).toMatchObject({ used: 7, capacity: 8, padding: [1] });
    expect(mips.error).toBeUndefined();
    expect(mips.params[3]).toEqual({ name: "advice", slots: [6], seccomp: [null] });
  });

  it("abis lists each ABI's model", async () => {
    const lines = (await query("abis")).out.split("\n");
    expect(lines[0]).toMatch(/\saliases\s+arg64\s+toolchain$/);
    expect(lines.find((l) => l.startsWith("sh "))).toMatch(/\spair\/low\/no-split@4\s/);
    expect(lines.find((l) => l.startsWith("x32 "))).toMatch(/\sregister\s/);
    const json = JSON.parse((await query("abis", "--json")).out);
    expect(json.find((a: { name: string }) => a.name === "m68k")).toMatchObject({
      arg64: "pair",
      arg64First: "high",
      arg64Boundary: null,
      argSlots: 6,
      seccompArgShift: 1,
    });
  });
});
