/**
 * Independent check of every committed syscall table against libseccomp's resolver (Debian
 * package "seccomp", scmp_sys_resolver 2.5.4). Every difference is either a failure or one of the
 * explained categories below, which docs/syscall-tables.md lists with reasons.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toolchainsRequired } from "@sysargs/conformance";
import { describe, expect, it } from "vitest";
import { gate } from "../../../vitest.skips.js";
import { parseGeneratedTable } from "./read-table.js";

const TABLES = join(import.meta.dirname, "../../../schemas/tables");
const haveResolver = spawnSync("scmp_sys_resolver", ["-a", "x86_64", "read"]).status === 0;
/** Skipped without the resolver; a failure when CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1. */
const resolverGate = gate(
  haveResolver
    ? []
    : [
        {
          what: "scmp_sys_resolver",
          why: "scmp_sys_resolver (libseccomp) not found: install the Debian package seccomp (apt-get install seccomp)",
          packages: ["seccomp"],
        },
      ],
  toolchainsRequired(),
);

/** Our ABI name -> libseccomp's; libseccomp 2.5.4 has no loongarch64, sparc, sparc64, alpha, m68k or sh. */
const LIBSECCOMP: Record<string, string> = {
  x86_64: "x86_64",
  i386: "x86",
  x32: "x32",
  aarch64: "aarch64",
  arm: "arm",
  riscv64: "riscv64",
  ppc: "ppc",
  ppc64: "ppc64",
  ppc64le: "ppc64le",
  s390: "s390",
  s390x: "s390x",
  mips: "mips",
  mipsel: "mipsel",
  mips64: "mips64",
  mips64el: "mipsel64",
  mips64n32: "mips64n32",
  mipsel64n32: "mipsel64n32",
  parisc: "parisc",
  parisc64: "parisc64",
};

/** Syscalls newer than libseccomp 2.5.4's tables (it answers -1): statmount (6.8) and later, and arch-only additions. */
const UNKNOWN_TO_LIBSECCOMP = new Set([
  "statmount",
  "listmount",
  "lsm_get_self_attr",
  "lsm_set_self_attr",
  "lsm_list_modules",
  "mseal",
  "setxattrat",
  "getxattrat",
  "listxattrat",
  "removexattrat",
  "open_tree_attr",
  "file_getattr",
  "file_setattr",
  "uretprobe",
  "uprobe",
  "riscv_hwprobe",
]);

/** Rows where the kernel table and libseccomp disagree on presence; the kernel's 6.12 table wins. */
const PRESENCE_DIFFERENCES: Record<string, string[]> = {
  // 453 is "common" in arch/x86/entry/syscalls/syscall_64.tbl, so x32 has it; libseccomp omits it.
  x32: ["map_shadow_stack"],
  // o32 4059/4109 are implemented (sys_olduname, sys_uname) under the kernel names unused59 and
  // unused109 in arch/mips/kernel/syscalls/syscall_o32.tbl; libseccomp has no name for them.
  mips: ["unused59", "unused109"],
  mipsel: ["unused59", "unused109"],
};

function resolveAll(abi: string, names: string[]): Map<string, number> {
  // One resolver process per name is ~1 ms; a shell loop keeps it to one spawn per ABI.
  const out = execFileSync(
    "sh",
    ["-c", 'for n in "$@"; do scmp_sys_resolver -a "$0" "$n"; done', abi, ...names],
    {
      encoding: "utf8",
      maxBuffer: 16 << 20,
    },
  );
  const values = out.trim().split("\n").map(Number);
  return new Map(names.map((n, i) => [n, values[i]!]));
}

describe.skipIf(resolverGate.skip)(
  `syscall numbers against libseccomp's scmp_sys_resolver${resolverGate.skip ? ` [skipped: ${resolverGate.why}]` : ""}`,
  () => {
    it("is installed when required", () => {
      expect(haveResolver, "scmp_sys_resolver is missing: apt-get install seccomp").toBe(true);
    });
    for (const [abi, lsName] of Object.entries(LIBSECCOMP)) {
      it(`${abi}: every number agrees or its difference is explained`, () => {
        const table = parseGeneratedTable(readFileSync(join(TABLES, `${abi}.tbl`), "utf8"), `${abi}.tbl`);
        const names = table.present.map((e) => e.name);
        const got = resolveAll(lsName, names);
        const mismatches: string[] = [];
        const unexplained: string[] = [];
        let agree = 0;
        for (const e of table.present) {
          const n = got.get(e.name)!;
          if (n === e.number) agree++;
          else if (n === -1 && UNKNOWN_TO_LIBSECCOMP.has(e.name)) continue;
          // -1: unknown name; <= -10000: libseccomp's "not on this ABI" pseudo-number (__PNR_*).
          else if ((n === -1 || n <= -10000) && PRESENCE_DIFFERENCES[abi]?.includes(e.name)) continue;
          // Negative pseudo-numbers: libseccomp routes these through socketcall/ipc on this ABI.
          else if (n < -100 && n > -300) continue;
          else if (n === -1 || n <= -10000) unexplained.push(e.name);
          else
            mismatches.push(`${abi}: ${e.name}: expected ${e.number} (schemas/tables), libseccomp says ${n}`);
        }
        expect(mismatches).toEqual([]);
        expect(unexplained, `${abi}: unknown to libseccomp without an explanation`).toEqual([]);
        // The bulk must agree: a broken resolver call must not pass as "all explained".
        expect(agree).toBeGreaterThan(table.present.length * 0.8);
      });
    }

    // The removed and never-implemented names (docs/decisions/0010-syscall-history.md): every name
    // any of our tables knows, implemented or reserved, that libseccomp resolves on an ABI where our
    // table does not implement it must be one of that ABI's reserved numbers, with the same number.
    const ALL_NAMES = [
      ...new Set(
        Object.keys(LIBSECCOMP).flatMap((abi) => {
          const t = parseGeneratedTable(readFileSync(join(TABLES, `${abi}.tbl`), "utf8"), `${abi}.tbl`);
          return [...t.present, ...t.notImplemented].map((e) => e.name);
        }),
      ),
    ].sort();
    /** libseccomp names that our table neither implements nor reserves, with the reason. */
    const NOT_RESERVED: Record<string, string[]> = {
      // the kernel row is "140 32" (32-bit only); parisc64's table does not reserve it
      parisc64: ["_llseek"],
    };
    let reservedAgree = 0;
    for (const [abi, lsName] of Object.entries(LIBSECCOMP)) {
      it(`${abi}: the names libseccomp knows beyond our implemented syscalls are our reserved numbers`, () => {
        const table = parseGeneratedTable(readFileSync(join(TABLES, `${abi}.tbl`), "utf8"), `${abi}.tbl`);
        const implemented = new Set(table.present.map((e) => e.name));
        const reserved = new Map(table.notImplemented.map((e) => [e.name, e]));
        const got = resolveAll(lsName, ALL_NAMES);
        const failures: string[] = [];
        for (const [name, n] of got) {
          if (n < 0 || implemented.has(name)) continue;
          const r = reserved.get(name);
          if (r?.number === n) reservedAgree++;
          else if (!NOT_RESERVED[abi]?.includes(name))
            failures.push(`${name}: libseccomp ${n}, ours ${r ? `reserved ${r.number}` : "absent"}`);
        }
        expect(failures).toEqual([]);
        // And the history rows say what libseccomp's names are: removed ones keep their numbers.
        for (const name of ["_sysctl", "nfsservctl", "lookup_dcookie"]) {
          const r = reserved.get(name);
          if (r) expect([name, got.get(name)]).toEqual([name, r.number]);
        }
      });
    }
    it("resolves 297 (ABI, name) pairs to reserved numbers of ours", () => {
      // Issue 8 counted 276 such entries by another method; every pair libseccomp 2.5.4 resolves to
      // a non-negative number that our table does not implement is counted here (19 ABIs).
      expect(reservedAgree).toBe(297);
    });
  },
);
