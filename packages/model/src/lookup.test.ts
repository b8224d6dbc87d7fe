import { describe, expect, it } from "vitest";
import {
  type Abi,
  type CompositeDecl,
  closest,
  defaultCFacts,
  isScalarName,
  type Registry,
  RegistryIndex,
  SCALARS,
  type SyscallTable,
  type ValueSet,
  type VariantDecl,
} from "./index.js";

describe("closest", () => {
  it("suggests the nearest candidate by edit distance", () => {
    expect(closest("x86_65", ["i386", "x86_64", "x32"])).toBe("x86_64");
    expect(closest("clone_arg", ["open_how", "clone_args", "sched_attr"])).toBe("clone_args");
    expect(closest("CloneFlag", ["CloneFlags", "OpenFlags"])).toBe("CloneFlags");
  });

  it("ignores case but returns the candidate's own spelling", () => {
    expect(closest("X86_64", ["x86_64"])).toBe("x86_64");
    expect(closest("clone_flags", ["CloneFlags", "CLONE_FLAGS"])).toBe("CLONE_FLAGS");
  });

  it("returns an exact match", () => {
    expect(closest("arm", ["arm64", "arm", "armhf"])).toBe("arm");
  });

  it("takes the first of equally close candidates", () => {
    expect(closest("clone4", ["clone", "clone3"])).toBe("clone");
    expect(closest("clone4", ["clone3", "clone"])).toBe("clone3");
  });

  it("suggests nothing beyond max(2, half the name's length) edits", () => {
    // "abcdefgh": 8 letters, up to 4 edits
    expect(closest("abcdefgh", ["abcdwxyz"])).toBe("abcdwxyz");
    expect(closest("abcdefgh", ["abcvwxyz"])).toBeUndefined();
    // short names still get up to 2 edits
    expect(closest("ab", ["xy"])).toBe("xy");
    expect(closest("ab", ["xyz"])).toBeUndefined();
    expect(closest("nosuch", ["x86_64", "i386", "m68k"])).toBeUndefined();
  });

  it("accepts any iterable and returns undefined for none", () => {
    expect(closest("i368", new Set(["i386", "x32"]))).toBe("i386");
    function* names() {
      yield "mips";
      yield "mipsel";
    }
    expect(closest("mipsell", names())).toBe("mipsel");
    expect(closest("x", [])).toBeUndefined();
  });
});

const loc = { file: "t", line: 1, col: 1 };
const sl = (size: number, align: number) => ({ size, align });
const abi = (name: string, aliases: string[] = []): Abi => ({
  name,
  family: name,
  endian: "little",
  bits: 64,
  auditArch: 1,
  auditArchName: "AUDIT_ARCH_T",
  aliases,
  pageSize: 4096,
  charSigned: true,
  scalars: {
    char: sl(1, 1),
    short: sl(2, 2),
    int: sl(4, 4),
    long: sl(8, 8),
    longlong: sl(8, 8),
    pointer: sl(8, 8),
    kernel_long_t: sl(8, 8),
    size_t: sl(8, 8),
  },
  bitfieldTypeMatters: true,
  syscallBase: 0,
  arg64: "register",
  arg64First: null,
  arg64Boundary: null,
  argSlots: 6,
  seccompArgShift: 0,
  toolchain: null,
  doc: "",
  provenance: [],
  loc,
});
const comp = (name: string): CompositeDecl => ({
  kind: "struct",
  name,
  fields: [{ name: "a", type: { kind: "scalar", name: "u32" }, ann: {}, doc: "", loc }],
  packedOn: [],
  aligned: null,
  extensible: null,
  c: defaultCFacts({ kind: "struct", name, provenance: [] }),
  doc: "",
  provenance: [],
  loc,
});
const variant = (name: string, alternatives: VariantDecl["alternatives"]): VariantDecl => ({
  kind: "variant",
  name,
  alternatives,
  c: defaultCFacts({ kind: "variant", name, provenance: [] }),
  doc: "",
  provenance: [],
  loc,
});
const flags: ValueSet = {
  kind: "flags",
  name: "F",
  members: [
    { name: "F_A", value: 1, perAbi: { alpha: 0x200 }, composite: false, since: null, doc: "", loc },
    { name: "F_B", value: 2, perAbi: {}, composite: false, since: null, doc: "", loc },
  ],
  doc: "",
  provenance: [],
  loc,
};
const table = (a: string): SyscallTable => ({ abi: a, entries: [], notImplemented: [], provenance: [], loc });

function registry(): Registry {
  return {
    irVersion: 1,
    kernel: "6.18",
    // "alpha" carries the alias "x86" before ABI "x86" itself appears, and "i386" claims it again
    abis: [abi("alpha", ["x86", "axp"]), abi("i386", ["x86", "i686"]), abi("x86")],
    types: [
      comp("st64"),
      comp("st32"),
      variant("st", [
        { abis: ["alpha", "x86"], type: "st64" },
        { abis: ["i386"], type: "st32" },
      ]),
      variant("partial", [{ abis: ["alpha"], type: "st64" }]),
      variant("nested", [{ abis: ["alpha", "i386", "x86"], type: "st" }]),
    ],
    sets: [flags],
    syscalls: [{ name: "clone3", signatures: [], since: "5.3", doc: "", provenance: [], loc }],
    tables: [table("alpha"), table("i386")],
  };
}

describe("RegistryIndex", () => {
  it("finds ABIs by name and by alias; names win over aliases, the first alias claim wins", () => {
    const index = new RegistryIndex(registry());
    expect(index.abi("alpha")?.name).toBe("alpha");
    expect(index.abi("axp")?.name).toBe("alpha");
    expect(index.abi("i686")?.name).toBe("i386");
    expect(index.abi("x86")?.name).toBe("x86");
    expect(index.abi("nosuch")).toBeUndefined();
    expect(index.abiNames()).toEqual(["alpha", "i386", "x86"]);
    const noX86 = new RegistryIndex({ ...registry(), abis: [abi("alpha", ["x86"]), abi("i386", ["x86"])] });
    expect(noX86.abi("x86")?.name).toBe("alpha");
  });

  it("finds types, sets, syscalls and tables by name", () => {
    const index = new RegistryIndex(registry());
    expect(index.type("st32")?.kind).toBe("struct");
    expect(index.type("st")?.kind).toBe("variant");
    expect(index.type("nope")).toBeUndefined();
    expect(index.set("F")?.members).toHaveLength(2);
    expect(index.set("G")).toBeUndefined();
    expect(index.syscall("clone3")?.since).toBe("5.3");
    expect(index.syscall("clone4")).toBeUndefined();
    expect(index.table("i686")?.abi).toBe("i386");
    expect(index.table("x86")).toBeUndefined();
    expect(index.table("nosuch")).toBeUndefined();
    // a registry of an older IR without tables
    const { tables: _t, ...old } = registry();
    expect(new RegistryIndex(old as Registry).table("alpha")).toBeUndefined();
  });

  it("resolves per-ABI variants to the composite of each ABI", () => {
    const index = new RegistryIndex(registry());
    expect(index.composite("st32", "alpha")?.name).toBe("st32");
    expect(index.composite("st", "alpha")?.name).toBe("st64");
    expect(index.composite("st", "x86")?.name).toBe("st64");
    expect(index.composite("st", "i386")?.name).toBe("st32");
    expect(index.composite("partial", "i386")).toBeUndefined();
    expect(index.composite("nested", "alpha")).toBeUndefined();
    expect(index.composite("nope", "alpha")).toBeUndefined();
  });

  it("memberValue takes the per-ABI override, else the default", () => {
    expect(RegistryIndex.memberValue(flags.members[0]!, "alpha")).toBe(0x200);
    expect(RegistryIndex.memberValue(flags.members[0]!, "i386")).toBe(1);
    expect(RegistryIndex.memberValue(flags.members[1]!, "alpha")).toBe(2);
  });
});

describe("scalars", () => {
  it("knows every word of the schema language and nothing inherited from Object", () => {
    for (const w of [
      "u8",
      "u64",
      "aligned_u64",
      "long",
      "kernel_ulong_t",
      "size_t",
      "pid_t",
      "void",
      "cstring",
    ])
      expect(isScalarName(w)).toBe(true);
    for (const w of ["u128", "toString", "constructor", "__proto__", "void_t"])
      expect(isScalarName(w)).toBe(false);
  });

  it("lays out fixed-width kernel types as the C base types of the same width", () => {
    expect(SCALARS.u64).toEqual({ base: "longlong", signed: false, c: "__u64" });
    expect(SCALARS.aligned_u64?.base).toBe("aligned_u64");
    expect(SCALARS.umode_t?.base).toBe("short");
    expect(SCALARS.off_t?.base).toBe("kernel_long_t");
    expect(SCALARS.loff_t?.base).toBe("longlong");
  });
});
