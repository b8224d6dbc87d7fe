import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { missingKernelSourceMessage, openKernelSource, parseKernelVersion } from "./index.js";

// A tiny tree, as a directory and as a tarball, stands in for linux-source-6.12.
const work = mkdtempSync(join(tmpdir(), "sysargs-kernel-source-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tree = join(work, "linux-test");
const files: Record<string, string> = {
  Makefile: "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 117\nEXTRAVERSION =\n",
  "arch/x86/entry/syscalls/syscall_64.tbl": "0\tcommon\tread\tsys_read\n",
  "arch/x86/include/uapi/asm/unistd.h": "#define __X32_SYSCALL_BIT 0x40000000\n",
};
for (const [p, text] of Object.entries(files)) {
  mkdirSync(dirname(join(tree, p)), { recursive: true });
  writeFileSync(join(tree, p), text);
}
const tarball = join(work, "linux-test.tar.gz");
execFileSync("tar", ["-czf", tarball, "-C", work, "linux-test"]);

describe("@sysargs/kernel-source", () => {
  it("reads the version of the top Makefile, EXTRAVERSION included", () => {
    expect(parseKernelVersion(files.Makefile!)).toBe("6.12.117");
    expect(parseKernelVersion("VERSION = 6\nPATCHLEVEL = 13\nSUBLEVEL = 0\nEXTRAVERSION = -rc1\n")).toBe(
      "6.13.0-rc1",
    );
    expect(() => parseKernelVersion("all:\n")).toThrow(/no VERSION\/PATCHLEVEL/);
  });

  it("opens a directory", () => {
    const src = openKernelSource(tree, []);
    expect([src.label, src.version]).toEqual(["linux-test", "6.12.117"]);
    expect(src.read("arch/x86/entry/syscalls/syscall_64.tbl")).toContain("sys_read");
    expect(src.read("no/such/file")).toBeUndefined();
    src.dispose();
    expect(existsSync(tree)).toBe(true);
  });

  it("extracts only the members asked for from a tarball, and removes them on dispose", () => {
    const src = openKernelSource(tarball, ["arch/*/entry/syscalls/syscall*.tbl", "scripts/absent.tbl"]);
    expect([src.label, src.version]).toEqual(["linux-test", "6.12.117"]);
    expect(src.read("arch/x86/entry/syscalls/syscall_64.tbl")).toContain("sys_read");
    expect(src.read("arch/x86/include/uapi/asm/unistd.h")).toBeUndefined();
    src.dispose();
    expect(existsSync(src.root)).toBe(false);
  });

  it("names a missing tree, and the Debian package of a missing tarball", () => {
    expect(() => openKernelSource(join(work, "nope"), [])).toThrow(/no such file or directory/);
    expect(missingKernelSourceMessage("/usr/src/linux-source-6.12.tar.xz")).toContain(
      "apt-get install linux-source-6.12",
    );
  });
});
