/**
 * The generated early parsers against the running kernel: packages/c/test/differential.c calls
 * each extensible-struct syscall and its parser with the same size matrix (NULL, a struct
 * running into an unmapped guard page, first size - 1, every published size, known size + 8
 * zero bytes, + 8 with a non-zero byte, page size + 1, an in-struct size of 0) and prints both
 * verdicts per cell. The arguments make every call fail after the copy (the program's header
 * says how per syscall), so no process, mount or file is created.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { arch, release, tmpdir } from "node:os";
import { join } from "node:path";
import { compareVersions } from "@sysargs/model";
import { afterAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../../vitest.skips.js";
import { run } from "../toolchain.js";

const C = join(import.meta.dirname, "../../../../packages/c");
const kernel = release().match(/^(\d+\.\d+)/)?.[1] ?? "0.0";
const diffGate = gate(
  [
    ...(arch() === "x64"
      ? []
      : [{ what: "x86_64 host", why: "the differential test runs on x86_64", packages: [] }]),
    ...(process.getuid?.() === 0
      ? []
      : [
          {
            what: "root",
            why: "the differential test needs root (mount_setattr, statmount, perf)",
            packages: [],
          },
        ]),
    // The newest syscalls the program calls are file_setattr and file_getattr (6.17).
    ...(compareVersions(kernel, "6.17") >= 0
      ? []
      : [{ what: "Linux 6.17", why: `the running kernel is ${kernel}, older than 6.17`, packages: [] }]),
  ],
  ciMode(),
);

/** Every syscall the program covers, and the cells each must have. */
const SUBJECTS = [
  "clone3",
  "openat2",
  "sched_setattr",
  "perf_event_open",
  "mount_setattr",
  "open_tree_attr",
  "landlock_create_ruleset",
  "statmount",
  "listmount",
  "setxattrat",
  "getxattrat",
  "file_setattr",
  "file_getattr",
];

const dir = mkdtempSync(join(tmpdir(), "sysargs-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(diffGate.skip)(`the parsers agree with the kernel ${diffGate.why}`, () => {
  it("on every cell of the size matrix for 13 extensible-struct syscalls, and clone3's set_tid copy", async () => {
    requirePresent(diffGate);
    const bin = join(dir, "differential");
    const cc = await run("gcc", [
      "-std=gnu11",
      "-O1",
      "-Wall",
      "-Wextra",
      "-Werror",
      `-I${join(C, "generated/include")}`,
      `-I${join(C, "include")}`,
      join(C, "test/differential.c"),
      "-o",
      bin,
    ]);
    expect(cc.stderr).toBe("");
    const r = await run(bin, [], dir);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map((l) => l.split(" "));
    const cells = rows.filter((row) => row.length >= 4 && SUBJECTS.includes(row[0]!));
    const disagree = cells.filter(([, , k, p]) => k !== p).map((row) => row.join(" "));
    expect(disagree).toEqual([]);
    expect(r.stdout).not.toContain("record-inconsistent");
    expect(r.code).toBe(0);
    expect(new Set(cells.map((c) => c[0]))).toEqual(new Set(SUBJECTS));
    const verdict = (s: string, cell: string) => cells.find((c) => c[0] === s && c[1] === cell)?.[2];
    // The matrix exercises every verdict class, with the quirks the registry records.
    expect(verdict("clone3", "null")).toBe("F");
    expect(verdict("clone3", "guard")).toBe("F");
    expect(verdict("clone3", "first-1")).toBe("I");
    expect(verdict("clone3", "size-80")).toBe("I"); // CLONE_INTO_CGROUP needs 88 bytes
    expect(verdict("clone3", "size-88")).toBe("A");
    expect(verdict("clone3", "known+8-zero")).toBe("A");
    expect(verdict("clone3", "known+8-dirty")).toBe("B");
    expect(verdict("clone3", "page+1")).toBe("B");
    expect(verdict("sched_setattr", "first-1")).toBe("B"); // sched_attr: E2BIG below VER0
    expect(verdict("sched_setattr", "size-0")).toBe("A"); // 0 means VER0
    expect(verdict("perf_event_open", "size-0")).toBe("A");
    expect(verdict("statmount", "size-0")).toBe("I"); // mnt_id_req: no 0 quirk
    // clone_args.set_tid, the bounded nested copy
    expect(verdict("clone3", "set_tid-33")).toBe("I");
    expect(verdict("clone3", "set_tid-guard-2")).toBe("F");
    expect(verdict("clone3", "set_tid-1")).toBe("A");
    // file_attr in both directions. file_setattr copies in (copy_struct_from_user, before the
    // path lookup fails with EBADF): NULL faults, a dirty tail is E2BIG.
    expect(verdict("file_setattr", "null")).toBe("F");
    expect(verdict("file_setattr", "guard")).toBe("F");
    expect(verdict("file_setattr", "first-1")).toBe("I");
    expect(verdict("file_setattr", "size-24")).toBe("A");
    expect(verdict("file_setattr", "known+8-dirty")).toBe("B");
    expect(verdict("file_setattr", "page+1")).toBe("B");
    // file_getattr writes the struct after the lookup: only its size checks come first.
    expect(verdict("file_getattr", "null")).toBe("A");
    expect(verdict("file_getattr", "guard")).toBe("A");
    expect(verdict("file_getattr", "first-1")).toBe("I");
    expect(verdict("file_getattr", "known+8-dirty")).toBe("A");
    expect(verdict("file_getattr", "page+1")).toBe("B");
    // 13 syscalls x 7 cells + their published sizes + 4 in-struct size-0 cells + 5 set_tid cells
    expect(cells.length).toBe(115);
  });
});
