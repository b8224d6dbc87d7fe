import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";

/**
 * `sysargs gen c --prefix P` through the real bin: the headers land in P/include and sysargs.pc in
 * P/share/pkgconfig, a C program builds with nothing but `pkg-config --cflags sysargs`, a second
 * install replaces only sysargs' own files, and a foreign file stops it with nothing written.
 */
const BIN = fileURLToPath(new URL("../bundle/bin.js", import.meta.url));
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm turbo run build --filter sysargs"`);
});
const dir = mkdtempSync(join(tmpdir(), "sysargs-prefix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sysargs = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** Every file below a folder, relative to it, sorted. */
const tree = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
        .sort()
    : [];

const toolGate = gate(
  ["gcc", "pkg-config"]
    .filter((p) => !(process.env.PATH ?? "").split(":").some((d) => d && existsSync(join(d, p))))
    .map((p) => ({ what: p, why: `${p} not found`, packages: [p] })),
  ciMode(),
);

/** A consumer of the installed headers: the parser of file_setattr on a 32-byte struct with a dirty tail. */
const PROGRAM = `#include <stdio.h>
#include <sysargs_parse.h>
int main(void) {
	static unsigned char attr[SYSARGS_FILE_ATTR_SIZEOF + 8];
	struct sysargs_seccomp_data d = {0};
	struct sysargs_record rec;
	struct sysargs_reader self = {sysargs_read_local, NULL};
	attr[SYSARGS_FILE_ATTR_SIZEOF + 1] = 1;
	d.nr = SYSARGS_SYS_FILE_SETATTR_NR, d.args[2] = (unsigned long)attr, d.args[3] = sizeof(attr);
	printf("%s %d %d\\n", SYSARGS_ABI_NAME, sysargs_parse_file_setattr(&self, &d, &rec), SYSARGS_FILE_ATTR_FA_XFLAGS_OFFSET);
	return 0;
}
`;

describe.skipIf(toolGate.skip)(`gen c --prefix ${toolGate.why}`, () => {
  it("installs headers and a pkg-config file that a C program builds against", () => {
    requirePresent(toolGate);
    const prefix = join(dir, "usr");
    const r = sysargs("gen", "c", "--prefix", prefix, "--abi", "x86_64");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`PKG_CONFIG_PATH=${join(prefix, "share/pkgconfig")} pkg-config --cflags sysargs`);
    expect(tree(prefix)).toEqual([
      "include/sysargs.h",
      "include/sysargs/common.h",
      "include/sysargs/x86_64.h",
      "include/sysargs/x86_64/constants.h",
      "include/sysargs/x86_64/layout.h",
      "include/sysargs/x86_64/parse.h",
      "include/sysargs/x86_64/syscalls.h",
      "include/sysargs/x86_64/types.h",
      "include/sysargs_parse.h",
      "include/sysargs_runtime.h",
      "share/pkgconfig/sysargs.pc",
    ]);
    // The runtime header is @sysargs/c's own, byte for byte.
    expect(readFileSync(join(prefix, "include/sysargs_runtime.h"), "utf8")).toBe(
      readFileSync(fileURLToPath(new URL("../../c/include/sysargs_runtime.h", import.meta.url)), "utf8"),
    );
    const env = { ...process.env, PKG_CONFIG_PATH: join(prefix, "share/pkgconfig") };
    const pc = spawnSync("pkg-config", ["--cflags", "sysargs"], { encoding: "utf8", env });
    expect(pc.status).toBe(0);
    expect(pc.stdout.trim()).toBe(`-I${join(prefix, "include")}`);
    writeFileSync(join(dir, "consumer.c"), PROGRAM);
    const bin = join(dir, "consumer");
    const cc = spawnSync(
      "sh",
      [
        "-c",
        `gcc $(pkg-config --cflags sysargs) -std=c11 -Wall -Wextra -Werror -pedantic consumer.c -o ${bin}`,
      ],
      { encoding: "utf8", env, cwd: dir },
    );
    expect(cc.stderr).toBe("");
    expect(cc.status).toBe(0);
    // E2BIG: copy_struct_from_user refuses the non-zero byte past the known 24.
    expect(spawnSync(bin, { encoding: "utf8" }).stdout).toBe("x86_64 -7 0\n");
  });

  it("reinstalls over its own files and removes the ABIs the new install leaves out", () => {
    requirePresent(toolGate);
    const prefix = join(dir, "again");
    expect(sysargs("gen", "c", "--prefix", prefix, "--abi", "x86_64,i386", "--quiet")).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    expect(tree(join(prefix, "include/sysargs")).filter((f) => f.startsWith("i386/"))).toHaveLength(5);
    expect(sysargs("gen", "c", "--prefix", prefix, "--abi", "x86_64", "--quiet").code).toBe(0);
    expect(tree(join(prefix, "include/sysargs")).filter((f) => f.startsWith("i386"))).toEqual([]);
    expect(tree(prefix)).toHaveLength(11);
  });
});

describe("gen c --prefix refuses", () => {
  it("to overwrite a file sysargs did not install, and writes nothing", () => {
    const prefix = join(dir, "foreign");
    mkdirSync(join(prefix, "include"), { recursive: true });
    writeFileSync(join(prefix, "include/sysargs.h"), "/* someone else's */\n");
    expect(sysargs("gen", "c", "--prefix", prefix, "--abi", "x86_64")).toEqual({
      code: 1,
      out: "",
      err: `sysargs: --prefix ${prefix}: include/sysargs.h is not sysargs' own; refusing to overwrite, nothing was installed\n`,
    });
    expect(tree(prefix)).toEqual(["include/sysargs.h"]);
    // A foreign file among an earlier install's headers, which a new install would remove.
    mkdirSync(join(prefix, "include/sysargs"));
    writeFileSync(join(prefix, "include/sysargs/notes.txt"), "mine\n");
    rmSync(join(prefix, "include/sysargs.h"));
    expect(sysargs("gen", "c", "--prefix", prefix, "--abi", "x86_64").err).toBe(
      `sysargs: --prefix ${prefix}: include/sysargs/notes.txt is not sysargs' own; refusing to overwrite, nothing was installed\n`,
    );
    expect(tree(prefix)).toEqual(["include/sysargs/notes.txt"]);
  });

  it("a prefix pkg-config cannot name, a file as prefix, and usage mistakes", () => {
    const spaced = join(dir, "with space");
    expect(sysargs("gen", "c", "--prefix", spaced)).toEqual({
      code: 1,
      out: "",
      err: `sysargs: --prefix ${spaced}: pkg-config cannot name a folder with white space, $, #, quotes or backslashes\n`,
    });
    expect(existsSync(spaced)).toBe(false);
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    expect(sysargs("gen", "c", "--prefix", file).err).toBe(`sysargs: --prefix ${file}: not a folder\n`);
    const usage = (args: string[], message: string) =>
      expect(sysargs("gen", ...args)).toEqual({
        code: 2,
        out: "",
        err: `sysargs: ${message} (see "sysargs help")\n`,
      });
    usage(["--prefix", dir], "--prefix installs the C headers: sysargs gen c --prefix P");
    usage(["registry", "--prefix", dir], "--prefix installs the C headers: sysargs gen c --prefix P");
    usage(["c", "--prefix", dir, "--check"], "--prefix installs: it takes neither --out nor --check");
    usage(["c", "--prefix", "/"], "--prefix /: refusing to install into the root folder");
    usage(["c", "--prefix", ""], "--prefix needs a folder");
  });
});
