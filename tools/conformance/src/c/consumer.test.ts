/**
 * The ten-line consumer of packages/c/README.md, taken from the README itself, builds with the
 * flags `pkg-config --cflags sysargs` gives for the package folder (warning-free, C99 and C11,
 * -pedantic) and prints what the README says it prints.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../../vitest.skips.js";
import { run } from "../toolchain.js";

const C = join(import.meta.dirname, "../../../../packages/c");
const readme = readFileSync(join(C, "README.md"), "utf8");
const program = readme.match(/```c\n([\s\S]*?)```/)?.[1] ?? "";
const promised = program.match(/prints "([^"]+)"/)?.[1];
const toolGate = gate(
  ["gcc", "pkg-config"]
    .filter((p) => !(process.env.PATH ?? "").split(":").some((d) => d && existsSync(join(d, p))))
    .map((p) => ({ what: p, why: `${p} not found`, packages: [p] })),
  ciMode(),
);
const dir = mkdtempSync(join(tmpdir(), "sysargs-consumer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(toolGate.skip)(`the README's C consumer ${toolGate.why}`, () => {
  it("is ten lines of main, builds with pkg-config's flags and prints what the README says", async () => {
    requirePresent(toolGate);
    const main = program.slice(program.indexOf("int main"));
    expect(main.trim().split("\n").length - 2).toBeLessThanOrEqual(10); // the body, without its braces
    expect(promised).toBeDefined();
    process.env.PKG_CONFIG_PATH = C; // run() passes the environment on
    const pc = await run("pkg-config", ["--cflags", "sysargs"]);
    expect(pc.code).toBe(0);
    const flags = pc.stdout.trim().split(/\s+/);
    expect(flags).toEqual([`-I${join(C, "generated/include")}`, `-I${join(C, "include")}`]);
    const src = join(dir, "consumer.c");
    writeFileSync(src, program);
    for (const std of ["-std=c99", "-std=c11"]) {
      const bin = join(dir, `consumer${std}`);
      const cc = await run("gcc", [
        std,
        "-Wall",
        "-Wextra",
        "-Werror",
        "-pedantic",
        ...flags,
        src,
        "-o",
        bin,
      ]);
      expect(cc.stderr).toBe("");
      const out = await run(bin, []);
      expect(out.stdout.trim()).toBe(promised);
    }
  });
});
