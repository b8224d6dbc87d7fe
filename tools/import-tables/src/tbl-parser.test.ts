import { describe, expect, it } from "vitest";
import { genericTableSelection } from "./kbuild-vars.js";
import { isImplementedEntry, parseTbl, selectAbis, TblSyntaxError } from "./tbl-parser.js";
import {
  parseArm64CompatPrivate,
  parseArmEabiBase,
  parseArmPrivate,
  parseArmTrapsCases,
  parseMipsNrLinux,
  parseX32SyscallBit,
} from "./uapi-constants.js";

const X86_64_SNIPPET = [
  "# SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note",
  "#",
  "# The format is:",
  "# <number> <abi> <name> <entry point> [<compat entry point> [noreturn]]",
  "",
  "0\tcommon\tread\t\t\tsys_read",
  "13\t64\trt_sigaction\t\tsys_rt_sigaction",
  "60\tcommon\texit\t\t\tsys_exit\t\t\t-\t\t\tnoreturn",
  "134\t64\tuselib",
  "   ",
  "156\t64\t_sysctl\t\t\tsys_ni_syscall",
  "462 \tcommon  mseal\t\t\tsys_mseal",
  "# 463 reserved",
  "512\tx32\trt_sigaction\t\tcompat_sys_rt_sigaction",
].join("\n");

describe("parseTbl", () => {
  const rows = parseTbl(X86_64_SNIPPET, "syscall_64.tbl");

  it("skips comments and blank lines and keeps line numbers", () => {
    expect(rows.map((r) => r.number)).toEqual([0, 13, 60, 134, 156, 462, 512]);
    expect(rows[0]?.line).toBe(6);
  });

  it("splits on any run of blanks, including a stray space after the number", () => {
    expect(rows.find((r) => r.number === 462)).toMatchObject({
      abi: "common",
      name: "mseal",
      entry: "sys_mseal",
    });
  });

  it("keeps '-' compat placeholders and trailing flags", () => {
    expect(rows.find((r) => r.name === "exit")).toMatchObject({
      entry: "sys_exit",
      compat: "-",
      flags: ["noreturn"],
    });
  });

  it("reports rows without entry point as null", () => {
    expect(rows.find((r) => r.name === "uselib")).toMatchObject({ entry: null, compat: null });
  });

  it("rejects non-numeric numbers and short rows with file:line", () => {
    expect(() => parseTbl("0x10\tcommon\tfoo\tsys_foo", "t.tbl")).toThrow(TblSyntaxError);
    expect(() => parseTbl("# ok\n7\tcommon", "t.tbl")).toThrow(/t\.tbl:2/);
  });
});

describe("selectAbis", () => {
  const rows = parseTbl(X86_64_SNIPPET);

  it("selects exact abi columns only", () => {
    expect(selectAbis(rows, ["common", "64"]).map((r) => r.number)).toEqual([0, 13, 60, 134, 156, 462]);
    expect(selectAbis(rows, ["common", "x32"]).map((r) => r.number)).toEqual([0, 60, 462, 512]);
    expect(selectAbis(rows, ["6"])).toEqual([]);
  });
});

describe("isImplementedEntry", () => {
  it("treats missing, '-' and -ENOSYS stubs as not implemented", () => {
    for (const e of [null, "-", "sys_ni_syscall", "sys_nis_syscall", "sys32_unimplemented"]) {
      expect(isImplementedEntry(e)).toBe(false);
    }
    expect(isImplementedEntry("sys_read")).toBe(true);
    expect(isImplementedEntry("compat_sys_ioctl")).toBe(true);
  });
});

describe("genericTableSelection", () => {
  const asmHeaders = [
    "syscall_abis_32  += common,32",
    "syscall_abis_64  += common,64",
    "syscalltbl := $(srctree)/scripts/syscall.tbl",
    "$(obj)/unistd_%.h: $(syscalltbl) $(syshdr) FORCE",
  ].join("\n");

  it("appends the arch's ABIs and honours a syscalltbl override with %", () => {
    const arm64 = [
      "# SPDX-License-Identifier: GPL-2.0",
      "syscall_abis_32 +=",
      "syscall_abis_64 += renameat rlimit memfd_secret",
      "syscalltbl = arch/arm64/tools/syscall_%.tbl",
    ].join("\n");
    expect(genericTableSelection(asmHeaders, arm64, 64)).toEqual({
      table: "arch/arm64/tools/syscall_64.tbl",
      abis: ["common", "64", "renameat", "rlimit", "memfd_secret"],
    });
    expect(genericTableSelection(asmHeaders, arm64, 32)).toEqual({
      table: "arch/arm64/tools/syscall_32.tbl",
      abis: ["common", "32"],
    });
  });

  it("defaults to scripts/syscall.tbl", () => {
    const loongarch = "# No special ABIs on loongarch so far\nsyscall_abis_64 +=\n";
    expect(genericTableSelection(asmHeaders, loongarch, 64)).toEqual({
      table: "scripts/syscall.tbl",
      abis: ["common", "64"],
    });
  });
});

describe("uapi constants", () => {
  it("reads __X32_SYSCALL_BIT", () => {
    expect(parseX32SyscallBit("/* x */\n#define __X32_SYSCALL_BIT\t0x40000000\n")).toBe(0x40000000);
  });

  it("reads __NR_Linux per _MIPS_SIM block", () => {
    const h = [
      "#if _MIPS_SIM == _MIPS_SIM_ABI32",
      "#define __NR_Linux\t4000",
      "#endif",
      "#if _MIPS_SIM == _MIPS_SIM_ABI64",
      "#define __NR_Linux\t5000",
      "#endif",
      "#if _MIPS_SIM == _MIPS_SIM_NABI32",
      "#define __NR_Linux\t6000",
      "#endif",
    ].join("\n");
    expect(parseMipsNrLinux(h, "_MIPS_SIM_ABI32")).toBe(4000);
    expect(parseMipsNrLinux(h, "_MIPS_SIM_ABI64")).toBe(5000);
    expect(parseMipsNrLinux(h, "_MIPS_SIM_NABI32")).toBe(6000);
  });

  it("reads the ARM EABI base and private calls", () => {
    const h = [
      "#define __NR_OABI_SYSCALL_BASE\t0x900000",
      "#if defined(__thumb__) || defined(__ARM_EABI__)",
      "#define __NR_SYSCALL_BASE\t0",
      "#else",
      "#define __NR_SYSCALL_BASE\t__NR_OABI_SYSCALL_BASE",
      "#endif",
      "#define __ARM_NR_BASE\t\t\t(__NR_SYSCALL_BASE+0x0f0000)",
      "#define __ARM_NR_breakpoint\t\t(__ARM_NR_BASE+1)",
      "#define __ARM_NR_set_tls\t\t(__ARM_NR_BASE+5)",
    ].join("\n");
    expect(parseArmEabiBase(h)).toBe(0);
    expect(parseArmPrivate(h)).toEqual({
      baseOffset: 0x0f0000,
      calls: [
        { name: "breakpoint", offset: 1 },
        { name: "set_tls", offset: 5 },
      ],
    });
    expect(parseArm64CompatPrivate("#define __ARM_NR_compat_set_tls\t(__ARM_NR_COMPAT_BASE + 5)")).toEqual(
      new Map([["set_tls", 5]]),
    );
    expect(parseArmTrapsCases("int arm_syscall(int no)\n{ switch (no) { case NR(set_tls): ; } }")).toEqual(
      new Set(["set_tls"]),
    );
  });
});
