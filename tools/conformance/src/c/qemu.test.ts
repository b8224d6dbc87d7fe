/**
 * The parsers' unit tests (packages/c/test/unit.c, local-memory reader) on big-endian and 32-bit
 * ABIs: cross-compiled static with each ABI's gcc and run under Debian's qemu-user, and natively.
 * In-struct sizes are read in the ABI's byte order and 32-bit ABIs take pointers and sizes from
 * the low half of seccomp_data.args; every record offset is checked at its macro.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../../vitest.skips.js";
import { pool, run } from "../toolchain.js";

const C = join(import.meta.dirname, "../../../../packages/c");
/** ABI, cross triplet (its static C library comes with gcc-<triplet>), qemu-user program. */
const TARGETS = [
  { abi: "s390x", triplet: "s390x-linux-gnu", qemu: "qemu-s390x" },
  { abi: "ppc", triplet: "powerpc-linux-gnu", qemu: "qemu-ppc" },
  { abi: "mips", triplet: "mips-linux-gnu", qemu: "qemu-mips" },
  { abi: "i386", triplet: "i686-linux-gnu", qemu: "qemu-i386" },
  { abi: "arm", triplet: "arm-linux-gnueabihf", qemu: "qemu-arm" },
] as const;
const onPath = (p: string) => (process.env.PATH ?? "").split(":").some((d) => d && existsSync(join(d, p)));
const qemuGate = gate(
  TARGETS.flatMap((t) => [
    ...(onPath(t.qemu) ? [] : [{ what: t.qemu, why: `${t.qemu} not found`, packages: ["qemu-user"] }]),
    ...(existsSync(`/usr/${t.triplet}/lib/libc.a`)
      ? []
      : [
          {
            what: `${t.triplet} libc`,
            why: `no static C library for ${t.triplet} (/usr/${t.triplet}/lib/libc.a)`,
            packages: [`gcc-${t.triplet.replaceAll("_", "-")}`],
          },
        ]),
  ]),
  ciMode(),
);
const dir = mkdtempSync(join(tmpdir(), "sysargs-qemu-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FLAGS = [
  "-std=c99",
  "-Wall",
  "-Wextra",
  "-Werror",
  "-pedantic",
  `-I${join(C, "generated/include")}`,
  `-I${join(C, "include")}`,
];

describe.skipIf(qemuGate.skip)(`the parsers' unit tests ${qemuGate.why}`, () => {
  it("pass natively and under qemu-user on s390x, ppc, mips, i386 and arm", async () => {
    requirePresent(qemuGate);
    const jobs = [
      { abi: "x86_64", cc: "gcc", runner: [] as string[] },
      ...TARGETS.map((t) => ({ abi: t.abi, cc: `${t.triplet}-gcc`, runner: [t.qemu] })),
    ];
    const results = await pool(jobs, 2, async (j) => {
      const bin = join(dir, `unit-${j.abi}`);
      const cc = await run(j.cc, ["-static", ...FLAGS, join(C, "test/unit.c"), "-o", bin]);
      if (cc.code !== 0) return `${j.abi}: ${cc.stderr}`;
      const r = j.runner.length ? await run(j.runner[0]!, [bin]) : await run(bin, []);
      return r.stdout.trim().split("\n").at(-1) ?? r.stderr;
    });
    expect(results).toEqual(jobs.map((j) => `${j.abi} checks 54 failed 0`));
  });
});
