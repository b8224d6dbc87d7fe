import type { KernelSource } from "@sysargs/kernel-source";
import { describe, expect, it } from "vitest";
import { abiSpec } from "./abi-specs.js";
import { parseAdditions, parseHistory, parseSinceFacts } from "./facts-files.js";
import { numberOf, parseGeneratedTable } from "./read-table.js";
import { renderTable } from "./render-table.js";
import { type ResolveOptions, resolveAbi } from "./resolve-abi.js";

const t = (...lines: string[]): string => `${lines.join("\n")}\n`;

/** A tiny fake tree: only what the ABIs under test read. */
const FILES: Record<string, string> = {
  "scripts/Makefile.asm-headers": t(
    "syscall_abis_32  += common,32",
    "syscall_abis_64  += common,64",
    "syscalltbl := $(srctree)/scripts/syscall.tbl",
  ),
  "scripts/syscall.tbl": t(
    "# generic",
    "0\tcommon\tio_setup\tsys_io_setup\tcompat_sys_io_setup",
    "79\tstat64\tfstatat64\tsys_fstatat64",
    "79\t64\tnewfstatat\tsys_newfstatat",
    "163\trlimit\tgetrlimit\tsys_getrlimit\tcompat_sys_getrlimit",
    "274\tcommon\tsched_setattr\tsys_sched_setattr",
    "435\tcommon\tclone3\tsys_clone3",
    "447\tmemfd_secret\tmemfd_secret\tsys_memfd_secret",
    "462\tcommon\tmseal\tsys_mseal",
  ),
  "arch/arm64/kernel/Makefile.syscalls": t(
    "syscall_abis_32 +=",
    "syscall_abis_64 += renameat rlimit memfd_secret",
    "syscalltbl = arch/arm64/tools/syscall_%.tbl",
  ),
  "arch/arm64/tools/syscall_64.tbl": "", // filled below: same as the generic table
  "arch/arm64/tools/syscall_32.tbl": t(
    "5\tcommon\topen\tsys_open\tcompat_sys_open",
    "435\tcommon\tclone3\tsys_clone3",
    "462\tcommon\tmseal\tsys_mseal",
  ),
  "arch/x86/entry/syscalls/syscall_64.tbl": t(
    "0\tcommon\tread\t\t\tsys_read",
    "13\t64\trt_sigaction\t\tsys_rt_sigaction",
    "60\tcommon\texit\t\t\tsys_exit\t\t\t-\t\t\tnoreturn",
    "134\t64\tuselib",
    "156\t64\t_sysctl\t\t\tsys_ni_syscall",
    "335\tcommon\turetprobe\t\tsys_uretprobe",
    "435\tcommon\tclone3\t\t\tsys_clone3",
    "462 \tcommon  mseal\t\t\tsys_mseal",
    "512\tx32\trt_sigaction\t\tcompat_sys_rt_sigaction",
  ),
  "arch/x86/include/uapi/asm/unistd.h": t("#define __X32_SYSCALL_BIT\t0x40000000"),
  "arch/alpha/kernel/syscalls/syscall.tbl": t(
    "0\tcommon\tosf_syscall\t\talpha_syscall_zero",
    "545\tcommon\tclone3\t\t\talpha_clone3",
    "# 557 reserved for memfd_secret",
    "560\tcommon\tset_mempolicy_home_node\t\tsys_ni_syscall",
    "572\tcommon  mseal\t\t\t\tsys_mseal",
  ),
  "arch/mips/kernel/syscalls/syscall_o32.tbl": t(
    "0\to32\tsyscall\t\t\t\tsys_syscall\t\t\tsys32_syscall",
    "4\to32\twrite\t\t\t\tsys_write",
    "435\to32\tclone3\t\t\t\t__sys_clone3",
    "462\to32\tmseal\t\t\t\tsys_mseal",
  ),
  "arch/mips/kernel/syscalls/syscall_n64.tbl": t(
    "1\tn64\twrite\t\t\t\tsys_write",
    "435\tn64\tclone3\t\t\t\t__sys_clone3",
    "462\tn64\tmseal\t\t\t\tsys_mseal",
  ),
  "arch/mips/include/uapi/asm/unistd.h": t(
    "#if _MIPS_SIM == _MIPS_SIM_ABI32",
    "#define __NR_Linux\t4000",
    "#endif",
    "#if _MIPS_SIM == _MIPS_SIM_ABI64",
    "#define __NR_Linux\t5000",
    "#endif",
  ),
  "arch/s390/kernel/syscalls/syscall.tbl": t(
    "1   common\texit\t\t\tsys_exit\t\t\tsys_exit",
    "13   32\t\ttime\t\t\t-\t\t\t\tsys_time32",
    "89   common\treaddir\t\t\t-\t\t\t\tcompat_sys_old_readdir",
    "101  32\t\tioperm\t\t\t-\t\t\t\t-",
    "134  common\tbdflush\t\t\tsys_ni_syscall\t\t\tsys_ni_syscall",
    "435  common\tclone3\t\t\tsys_clone3\t\t\tsys_clone3",
    "462  common\tmseal\t\t\tsys_mseal\t\t\tsys_mseal",
  ),
  "arch/arm/tools/syscall.tbl": t(
    "5\tcommon\topen\t\t\tsys_open",
    "102\toabi\tsocketcall\t\tsys_socketcall\t\tsys_oabi_socketcall",
    "169\tcommon\tnfsservctl",
    "435\tcommon\tclone3\t\t\tsys_clone3",
    "462\tcommon\tmseal\t\t\tsys_mseal",
  ),
  "arch/arm/include/uapi/asm/unistd.h": t(
    "#if defined(__thumb__) || defined(__ARM_EABI__)",
    "#define __NR_SYSCALL_BASE\t0",
    "#else",
    "#define __NR_SYSCALL_BASE\t__NR_OABI_SYSCALL_BASE",
    "#endif",
    "#define __ARM_NR_BASE\t\t\t(__NR_SYSCALL_BASE+0x0f0000)",
    "#define __ARM_NR_breakpoint\t\t(__ARM_NR_BASE+1)",
    "#define __ARM_NR_set_tls\t\t(__ARM_NR_BASE+5)",
  ),
  "arch/arm/kernel/traps.c": t(
    "asmlinkage int arm_syscall(int no, struct pt_regs *regs)",
    "{ switch (no & 0xffff) { case NR(breakpoint): break; case NR(set_tls): break; } }",
  ),
  "arch/arm64/include/asm/unistd.h": t("#define __ARM_NR_compat_set_tls\t(__ARM_NR_COMPAT_BASE + 5)"),
};
FILES["arch/arm64/tools/syscall_64.tbl"] = FILES["scripts/syscall.tbl"] ?? "";

function fakeTree(version: string, overrides: Record<string, string> = {}): KernelSource {
  const files = { ...FILES, ...overrides };
  return {
    label: "linux-test",
    version,
    root: "/nonexistent/linux-test",
    read: (p) => files[p],
    symlinkTarget: (p) =>
      p === "arch/arm64/tools/syscall_64.tbl" ? "../../../scripts/syscall.tbl" : undefined,
    dispose: () => {},
  };
}

const ADDITIONS = parseAdditions(
  t(
    "# test additions",
    "name\tnumber\tabis\tsince\tsource",
    "setxattrat\t463\tgeneric\t6.13\tfact A",
    "uprobe\t336\tx86_64,x32\t6.18\tfact B",
  ),
);
const SINCE = parseSinceFacts(t("name\tabis\tsince\tsource", "uretprobe\tx86_64,x32\t6.11\tfact C"));
const OPTIONS: ResolveOptions = { additions: ADDITIONS, sinceFacts: SINCE };

const resolve = (abi: string, version = "6.12.117", overrides: Record<string, string> = {}) =>
  resolveAbi(fakeTree(version, overrides), abiSpec(abi), OPTIONS);

const numbers = (rows: readonly { name: string; number: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.name, r.number]));

describe("resolveAbi: abi filtering and numbering", () => {
  it("x86_64 takes common and 64 rows, not x32 ones", () => {
    const r = resolve("x86_64");
    expect(numbers(r.present)).toEqual({
      read: 0,
      rt_sigaction: 13,
      exit: 60,
      uretprobe: 335,
      uprobe: 336,
      clone3: 435,
      mseal: 462,
      setxattrat: 463,
    });
    expect(r.present.find((x) => x.name === "exit")?.compat).toBe("-");
  });

  it("x32 takes common and x32 rows and adds the x32 bit", () => {
    const r = resolve("x32");
    const n = numbers(r.present);
    expect(n.read).toBe(0x40000000);
    expect(n.rt_sigaction).toBe(0x40000000 + 512);
    expect(n.clone3).toBe(0x40000000 + 435);
    expect(n.uprobe).toBe(0x40000000 + 336);
    expect(r.present.find((x) => x.name === "rt_sigaction")?.entry).toBe("compat_sys_rt_sigaction");
    expect(r.base).toBe(0x40000000);
  });

  it("mips adds __NR_Linux of its _MIPS_SIM", () => {
    expect(numbers(resolve("mips").present)).toMatchObject({ syscall: 4000, write: 4004, clone3: 4435 });
    expect(numbers(resolve("mipsel").present)).toMatchObject({ write: 4004, setxattrat: 4463 });
    expect(numbers(resolve("mips64").present)).toMatchObject({ write: 5001, clone3: 5435, setxattrat: 5463 });
    const o32 = resolve("mips").present.find((x) => x.name === "syscall");
    expect(o32).toMatchObject({ entry: "sys_syscall", compat: "sys32_syscall" });
  });

  it("aarch64 follows Makefile.syscalls (renameat, rlimit, memfd_secret; not stat64)", () => {
    const r = resolve("aarch64");
    const n = numbers(r.present);
    expect(n).toMatchObject({ getrlimit: 163, newfstatat: 79, memfd_secret: 447, sched_setattr: 274 });
    expect(n.fstatat64).toBeUndefined();
    expect(r.sourceFiles[0]).toBe(
      "arch/arm64/tools/syscall_64.tbl (symlink to ../../../scripts/syscall.tbl)",
    );
  });
});

describe("resolveAbi: implemented or not", () => {
  it("rows without entry point or with sys_ni_syscall are not present", () => {
    const r = resolve("x86_64");
    expect(r.notImplemented.map((x) => x.name)).toEqual(["uselib", "_sysctl"]);
    expect(r.present.some((x) => x.name === "uselib" || x.name === "_sysctl")).toBe(false);
  });

  it("s390 31-bit presence follows the 31-bit column only", () => {
    const s390 = resolve("s390");
    expect(numbers(s390.present)).toMatchObject({ exit: 1, time: 13, readdir: 89 });
    expect(s390.present.find((x) => x.name === "time")).toMatchObject({ entry: "-", compat: "sys_time32" });
    expect(s390.notImplemented.map((x) => x.name)).toEqual(["ioperm", "bdflush"]);
    expect(s390.present.find((x) => x.name === "setxattrat")).toMatchObject({
      number: 463,
      entry: "sys_setxattrat",
      compat: "sys_setxattrat",
    });
    const s390x = resolve("s390x");
    expect(s390x.present.map((x) => x.name)).not.toContain("readdir");
    expect(s390x.notImplemented.map((x) => x.name)).toContain("readdir");
    expect(s390x.present.find((x) => x.name === "setxattrat")?.compat).toBe("-");
  });

  it("arm: EABI rows only, compat column from arm64's compat table, private calls", () => {
    const r = resolve("arm");
    const n = numbers(r.present);
    expect(n.socketcall).toBeUndefined();
    expect(n.open).toBe(5);
    expect(r.present.find((x) => x.name === "open")?.compat).toBe("compat_sys_open");
    expect(r.notImplemented.map((x) => x.name)).toEqual(["nfsservctl"]);
    expect(r.present.filter((x) => x.abi === "arm-private")).toEqual([
      expect.objectContaining({ name: "breakpoint", number: 0x0f0001, entry: "arm_syscall", compat: "-" }),
      expect.objectContaining({ name: "set_tls", number: 0x0f0005, compat: "compat_arm_syscall" }),
    ]);
  });
});

describe("resolveAbi: additions and since", () => {
  it("derives alpha's offset from the unified range", () => {
    const r = resolve("alpha");
    expect(r.unifiedOffset).toBe(110);
    expect(numbers(r.present)).toMatchObject({ clone3: 545, mseal: 572, setxattrat: 573 });
    expect(r.present.find((x) => x.name === "setxattrat")).toMatchObject({ abi: "common", since: "6.13" });
  });

  it("applies ABI-scoped additions only to their ABIs", () => {
    expect(numbers(resolve("mips").present).uprobe).toBeUndefined();
    expect(resolve("x86_64").additions.map((a) => a.row.name)).toEqual(["setxattrat", "uprobe"]);
  });

  it("fills since from the since facts, else '?'", () => {
    const r = resolve("x86_64");
    expect(r.present.find((x) => x.name === "uretprobe")?.since).toBe("6.11");
    expect(r.present.find((x) => x.name === "clone3")?.since).toBe("?");
  });

  it("skips additions the tree is new enough to have, keeping their since", () => {
    const tbl = `${FILES["arch/x86/entry/syscalls/syscall_64.tbl"]}463\tcommon\tsetxattrat\t\tsys_setxattrat\n`;
    const r = resolve("x86_64", "6.13.0", { "arch/x86/entry/syscalls/syscall_64.tbl": tbl });
    expect(r.additions.map((a) => a.row.name)).toEqual(["uprobe"]);
    expect(r.skippedAdditions.map((s) => s.addition.name)).toEqual(["setxattrat"]);
    expect(r.present.find((x) => x.name === "setxattrat")).toMatchObject({ number: 463, since: "6.13" });
  });

  it("refuses an addition whose number is taken", () => {
    const tbl = `${FILES["arch/x86/entry/syscalls/syscall_64.tbl"]}463\tcommon\tsomething_else\tsys_x\n`;
    expect(() => resolve("x86_64", "6.12.117", { "arch/x86/entry/syscalls/syscall_64.tbl": tbl })).toThrow(
      /would take number 463, used by something_else/,
    );
  });

  it("refuses a table whose unified range is not a constant offset", () => {
    const bad = t("545\tcommon\tclone3\t\talpha_clone3", "573\tcommon\tmseal\t\tsys_mseal");
    expect(() => resolve("alpha", "6.12.117", { "arch/alpha/kernel/syscalls/syscall.tbl": bad })).toThrow(
      /offset 111 differs from 110/,
    );
  });
});

describe("renderTable", () => {
  const ctx = { additionsFile: "additions.tsv", sinceFile: "since.tsv" };

  it("is deterministic and round-trips through parseGeneratedTable", () => {
    const a = renderTable(resolve("x86_64"), ctx);
    const b = renderTable(resolve("x86_64"), ctx);
    expect(a).toBe(b);
    const parsed = parseGeneratedTable(a);
    expect(numberOf(parsed, "clone3")).toBe(435);
    expect(numberOf(parseGeneratedTable(renderTable(resolve("x32"), ctx)), "clone3")).toBe(0x40000000 + 435);
    expect(parsed.notImplemented.map((e) => e.name)).toEqual(["uselib", "_sysctl"]);
    expect(parsed.header).toContain("source tree: linux-test 6.12.117");
    expect(a.endsWith("\n")).toBe(true);
    for (const line of a.split("\n")) {
      if (line !== "" && !line.startsWith("#")) expect(line.split("\t")).toHaveLength(6);
    }
  });
});

describe("history of reserved numbers (history.tsv)", () => {
  const HISTORY = parseHistory(
    t(
      "name\tabis\tstatus\tremoved\tsource",
      "_sysctl\t*\tremoved\t5.5\tfact D",
      "uselib\tx86_64\tnever\t-\tfact E",
    ),
  );
  const SINCE_REMOVED = parseSinceFacts(
    t("name\tabis\tsince\tsource", "_sysctl\tx86_64\t<=3.0\tfact F", "uselib\tx86_64\t<=3.0\tfact G"),
  );
  const withHistory = (abi: string, history = HISTORY) =>
    resolveAbi(fakeTree("6.12.117"), abiSpec(abi), {
      additions: ADDITIONS,
      sinceFacts: [...SINCE, ...SINCE_REMOVED],
      history,
    });

  it("annotates the reserved rows it names, and only with a since when the syscall was removed", () => {
    const r = withHistory("x86_64");
    expect(r.notImplemented.find((x) => x.name === "_sysctl")).toMatchObject({
      since: "<=3.0",
      history: { status: "removed", removed: "5.5", source: "fact D" },
    });
    // A never-implemented name has no first release, whatever a since file says.
    expect(r.notImplemented.find((x) => x.name === "uselib")).toMatchObject({
      since: "?",
      history: { status: "never" },
    });
    expect(r.historyApplied.map((h) => h.name)).toEqual(["_sysctl", "uselib"]);
  });

  it("renders status, removed and source after since, and the loader reads them back", () => {
    const text = renderTable(withHistory("x86_64"), {
      additionsFile: "additions.tsv",
      sinceFile: "since.tsv",
      historyFile: "history.tsv",
    });
    expect(text).toContain("#ni\t156\t64\t_sysctl\tsys_ni_syscall\t-\t<=3.0\tremoved\t5.5\tfact D\n");
    expect(text).toContain("# history of reserved numbers (history.tsv): 2 names;");
    expect(parseGeneratedTable(text).notImplemented).toEqual([
      { number: 134, name: "uselib", status: "never", source: "fact E" },
      {
        number: 156,
        name: "_sysctl",
        sinceAtMost: "3.0",
        status: "removed",
        removedIn: "5.5",
        source: "fact D",
      },
    ]);
  });

  it("refuses a row that contradicts the tree", () => {
    const implemented = parseHistory(
      t("name\tabis\tstatus\tremoved\tsource", "read\tx86_64\tremoved\t5.5\tx"),
    );
    expect(() => withHistory("x86_64", implemented)).toThrow(
      /history line 2 says read is removed, but the table implements it/,
    );
    const absent = parseHistory(t("name\tabis\tstatus\tremoved\tsource", "tuxcall\tx86_64\tnever\t-\tx"));
    expect(() => withHistory("x86_64", absent)).toThrow(/names tuxcall, which this ABI does not reserve/);
  });

  it("parseHistory checks every field", () => {
    const head = "name\tabis\tstatus\tremoved\tsource";
    expect(() => parseHistory(t(head, "x\t*\tgone\t5.5\ts"), "h.tsv")).toThrow(/h.tsv:2: status "gone"/);
    expect(() => parseHistory(t(head, "x\t*\tremoved\tlater\ts"), "h.tsv")).toThrow(/removed "later"/);
    expect(() => parseHistory(t(head, "x\t*\tnever\t5.5\ts"), "h.tsv")).toThrow(/has "-" as removed/);
    expect(() => parseHistory(t(head, "x\t*\tnever\t-\t "), "h.tsv")).toThrow(/empty source/);
    expect(() => parseHistory(t(head, "x\t*\tnever\t-\ts", "x\ti386\tnever\t-\ts"), "h.tsv")).toThrow(
      /h.tsv:3: x has more than one history row/,
    );
    expect(parseHistory(t(head, "x\t*\tremoved\t?\ts"))[0]).toMatchObject({ removed: "?" });
  });
});
