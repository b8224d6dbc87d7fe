import {
  type Abi,
  type CompositeDecl,
  defaultCFacts,
  type Extensible,
  type Field,
  formatDiagnostic,
  IR_VERSION,
  type Param,
  type Registry,
  type SetMember,
  type Signature,
  type SourceLoc,
  type SyscallDecl,
  type SyscallTable,
  type TypeRef,
  type ValueSet,
  type VariantDecl,
} from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { validate } from "./validate.js";

/**
 * validate() on IR built by hand: the rules whose input the schema language cannot even express
 * (an ABI model with a broken scalar, a negative flag, an empty set) and the exact wording and
 * scope of the others. diagnostics.test.ts covers the same rules end to end from schema text;
 * these cases were the mutants of validate.ts that no test noticed (docs/mutation-testing.md).
 */

const at = (line: number): SourceLoc => ({ file: "linux/t.ts", line, col: 1 });

/** A plausible ABI model: 64-bit like x86_64 (u64 in one register) or 32-bit like i386 (pairs). */
function abi(name: string, bits: 32 | 64, aliases: string[] = []): Abi {
  const w = bits / 8;
  return {
    name,
    family: name,
    endian: "little",
    bits,
    auditArch: bits === 64 ? 0xc000003e : 0x40000003,
    auditArchName: `AUDIT_ARCH_${name.toUpperCase()}`,
    aliases,
    pageSize: 4096,
    charSigned: true,
    scalars: {
      char: { size: 1, align: 1 },
      short: { size: 2, align: 2 },
      int: { size: 4, align: 4 },
      long: { size: w, align: w },
      longlong: { size: 8, align: w },
      pointer: { size: w, align: w },
      kernel_long_t: { size: w, align: w },
      size_t: { size: w, align: w },
    },
    bitfieldTypeMatters: true,
    syscallBase: 0,
    arg64: bits === 64 ? "register" : "pair",
    arg64First: bits === 64 ? null : "low",
    arg64Boundary: null,
    argSlots: 6,
    seccompArgShift: 0,
    toolchain: null,
    doc: "",
    provenance: [],
    loc: { file: `abi/${name}.ts`, line: 1, col: 1 },
  };
}

const scalar = (name: string): TypeRef => ({ kind: "scalar", name });
const ptr = (to: TypeRef): TypeRef => ({ kind: "pointer", width: "native", direction: "in", to });

function field(name: string, type: TypeRef, line = 3, ann: Field["ann"] = {}, anonymous = false): Field {
  return { name, type, ann, doc: "", loc: at(line), ...(anonymous ? { anonymous: true as const } : {}) };
}

function struct(name: string, fields: Field[], more: Partial<CompositeDecl> = {}): CompositeDecl {
  return {
    kind: "struct",
    name,
    fields,
    packedOn: [],
    aligned: null,
    extensible: null,
    c: defaultCFacts({ kind: "struct", name, provenance: [] }),
    doc: "",
    provenance: [],
    loc: at(2),
    ...more,
  };
}

function extensible(versions: [number, string][], more: Partial<Extensible> = {}): Extensible {
  return {
    versions: versions.map(([size, since], i) => ({ size, since, macro: null, loc: at(10 + i) })),
    sizeIn: { kind: "argument" },
    copy: "in",
    belowMin: "EINVAL",
    abovePage: "E2BIG",
    zeroMeansFirst: false,
    writesBackSize: false,
    tailMustBeZero: true,
    zeroesTail: false,
    flagMinSize: [],
    ...more,
  };
}

function member(name: string, value: number, more: Partial<SetMember> = {}): SetMember {
  return { name, value, perAbi: {}, composite: false, since: null, doc: "", loc: at(20), ...more };
}

function set(kind: "flags" | "enum", name: string, members: SetMember[]): ValueSet {
  return { kind, name, members, doc: "", provenance: [], loc: at(19) };
}

const param = (name: string, type: TypeRef, ann: Param["ann"] = {}): Param => ({
  name,
  type,
  ann,
  doc: "",
  loc: at(31),
});

const sig = (params: Param[], abis: string[] = [], line = 30): Signature => ({
  abis,
  params,
  returns: scalar("long"),
  loc: at(line),
});

function syscall(name: string, signatures: Signature[]): SyscallDecl {
  return { name, signatures, since: null, doc: "", provenance: [], loc: at(29) };
}

function table(abiName: string, names: string[]): SyscallTable {
  return {
    abi: abiName,
    entries: names.map((name, i) => ({
      number: i,
      name,
      column: "common",
      entry: `sys_${name}`,
      compat: "-",
      since: null,
    })),
    notImplemented: [],
    provenance: [],
    loc: { file: `tables/${abiName}.tbl`, line: 1, col: 1 },
  };
}

/** x86_64-like and i386-like ABIs, nothing else: each case adds its mistake. */
function registry(parts: Partial<Registry> = {}): Registry {
  return {
    irVersion: IR_VERSION,
    kernel: "6.18",
    abis: [abi("i386", 32), abi("x86_64", 64)],
    types: [],
    sets: [],
    syscalls: [],
    tables: [],
    ...parts,
  };
}

const check = (r: Registry, options?: Parameters<typeof validate>[1]) =>
  validate(r, options).map(formatDiagnostic);

describe("ABI models", () => {
  it("no ABI at all names schemas/abi unless the loader names the folder", () => {
    expect(check(registry({ abis: [] }))).toEqual([
      "schemas/abi:1:1: no ABI is declared (expected Abi<{...}> types under schemas/abi/)",
    ]);
  });

  it("an ABI may list its own name as an alias; another ABI's name or alias may not be reused", () => {
    expect(check(registry({ abis: [abi("a64", 64, ["a64"])] }))).toEqual([]);
    expect(check(registry({ abis: [abi("a64", 64, ["x"]), abi("x", 64)] }))).toEqual([
      'abi/x.ts:1:1: ABI name or alias "x" of x is already used by ABI a64',
    ]);
    expect(check(registry({ abis: [abi("a64", 64, ["y"]), abi("b64", 64, ["y"])] }))).toEqual([
      'abi/b64.ts:1:1: ABI name or alias "y" of b64 is already used by ABI a64',
    ]);
  });

  it("each invalid scalar layout is reported: size 0, alignment 0, 3, or larger than the size", () => {
    const broken = (size: number, align: number) => {
      const a = abi("x86_64", 64);
      a.scalars.short = { size, align };
      return check(registry({ abis: [a] }));
    };
    const message = (l: string) =>
      `abi/x86_64.ts:1:1: ABI x86_64: short layout ${l} is invalid (alignment must be a power of two no larger than the size)`;
    expect(broken(0, 1)).toEqual([message("0/1")]);
    expect(broken(4, 0)).toEqual([message("4/0")]);
    expect(broken(6, 3)).toEqual([message("6/3")]);
    expect(broken(2, 4)).toEqual([message("2/4")]);
    expect(broken(8, 8)).toEqual([]);
  });
});

describe("names and value sets", () => {
  it("a repeated name says what the second declaration is: struct, type (a variant), flag set or enum", () => {
    const variant: VariantDecl = {
      kind: "variant",
      name: "s",
      alternatives: [{ abis: ["i386", "x86_64"], type: "s" }],
      c: defaultCFacts({ kind: "variant", name: "s", provenance: [] }),
      doc: "",
      provenance: [],
      loc: at(7),
    };
    const out = check(
      registry({
        types: [
          struct("s", [field("a", scalar("u32"))]),
          struct("s", [field("a", scalar("u32"))], { loc: at(5) }),
          variant,
        ],
        sets: [set("flags", "s", [member("A", 1)]), set("enum", "s", [member("B", 1)])],
      }),
    );
    expect(out.slice(0, 4)).toEqual([
      'linux/t.ts:5:1: struct "s" is already declared at linux/t.ts:2:1',
      'linux/t.ts:7:1: type "s" is already declared at linux/t.ts:2:1',
      'linux/t.ts:19:1: flag set "s" is already declared at linux/t.ts:2:1',
      'linux/t.ts:19:1: enum "s" is already declared at linux/t.ts:2:1',
    ]);
  });

  it("a set without members", () => {
    expect(check(registry({ sets: [set("enum", "E", [])] }))).toEqual(["linux/t.ts:19:1: E has no members"]);
  });

  it("value 0 is a mistake for a flag only: enum members and composite flags may be 0", () => {
    expect(check(registry({ sets: [set("flags", "F", [member("NONE", 0)])] }))).toEqual([
      "linux/t.ts:20:1: flag NONE of F has value 0; declare it Composite<0> (a value, not a bit)",
    ]);
    expect(check(registry({ sets: [set("enum", "E", [member("ZERO", 0)])] }))).toEqual([]);
    expect(check(registry({ sets: [set("flags", "F", [member("NONE", 0, { composite: true })])] }))).toEqual(
      [],
    );
  });

  it("a negative flag is reported once per ABI and not also as a multi-bit value", () => {
    expect(check(registry({ sets: [set("flags", "F", [member("NEG", -3)])] }))).toEqual([
      "linux/t.ts:20:1: flag NEG of F is negative on i386",
      "linux/t.ts:20:1: flag NEG of F is negative on x86_64",
    ]);
  });

  it("multi-bit values: enums may have them; a flag's message names the ABIs only when not all", () => {
    expect(check(registry({ sets: [set("enum", "E", [member("THREE", 3)])] }))).toEqual([]);
    expect(check(registry({ sets: [set("flags", "F", [member("M", 1, { perAbi: { i386: 6 } })])] }))).toEqual(
      [
        "linux/t.ts:20:1: flag M of F (0x6) has more than one bit set on i386; declare it Composite<0x6> (a mask or a multi-bit value)",
      ],
    );
    expect(check(registry({ sets: [set("flags", "F", [member("M", 12)])] }))).toEqual([
      "linux/t.ts:20:1: flag M of F (0xc) has more than one bit set; declare it Composite<0xc> (a mask or a multi-bit value)",
    ]);
  });

  it("without ABIs a multi-bit flag is still reported, on its default value", () => {
    expect(check(registry({ abis: [], sets: [set("flags", "F", [member("M", 3)])] }))).toEqual([
      "schemas/abi:1:1: no ABI is declared (expected Abi<{...}> types under schemas/abi/)",
      "linux/t.ts:20:1: flag M of F (0x3) has more than one bit set; declare it Composite<0x3> (a mask or a multi-bit value)",
    ]);
  });

  it("an unknown set is named as what the annotation asked for: a flag set or an enum", () => {
    const out = check(
      registry({
        types: [
          struct("s", [
            field("a", scalar("u32"), 3, { kind: "flags", set: "NOPE" }),
            field("b", scalar("u32"), 4, { kind: "enum", set: "NADA" }),
          ]),
        ],
      }),
    );
    expect(out).toEqual([
      'linux/t.ts:3:1: field "a" of struct s: unknown flag set "NOPE"',
      'linux/t.ts:4:1: field "b" of struct s: unknown enum "NADA"',
    ]);
  });
});

describe("fields", () => {
  it("a struct without fields", () => {
    expect(check(registry({ types: [struct("s", [])] }))).toContain("linux/t.ts:2:1: struct s has no fields");
  });

  it("void is only pointed to: as a field or a parameter it is named void_t; a pointer to it is fine", () => {
    expect(check(registry({ types: [struct("s", [field("v", scalar("void"))])] }))).toContain(
      'linux/t.ts:3:1: field "v" of struct s: void_t can only be pointed to',
    );
    expect(check(registry({ types: [struct("s", [field("c", scalar("cstring"))])] }))).toContain(
      'linux/t.ts:3:1: field "c" of struct s: cstring can only be pointed to',
    );
    expect(check(registry({ types: [struct("s", [field("p", ptr(scalar("void")))])] }))).toEqual([]);
    expect(check(registry({ syscalls: [syscall("f", [sig([param("v", scalar("void"))])])] }))).toEqual([
      'linux/t.ts:31:1: parameter "v" of f: void_t can only be pointed to',
    ]);
  });

  it("an unknown scalar name is reported by the layout, not a crash", () => {
    const out = check(registry({ types: [struct("s", [field("a", scalar("nosuch"))])] }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^linux\/t\.ts:2:1: s cannot be laid out on i386: /);
  });

  it("a bitfield's base must be an integer scalar: not unknown, void or a pointer", () => {
    for (const base of ["nosuch", "void", "cap_user_header_t"])
      expect(
        check(registry({ types: [struct("s", [field("b", { kind: "bits", base, width: 1 })])] })),
      ).toEqual([`linux/t.ts:3:1: field "b" of struct s: bitfield base ${base} is not an integer type`]);
  });

  it("a bitfield's width is a whole number up to the base's width on the narrowest ABI", () => {
    const bits = (base: string, width: number) =>
      check(registry({ types: [struct("s", [field("b", { kind: "bits", base, width })])] }));
    expect(bits("u32", 32)).toEqual([]);
    expect(bits("u32", 1.5)).toEqual([
      'linux/t.ts:3:1: field "b" of struct s: bitfield width 1.5 must be between 1 and 32 bits (u32)',
    ]);
    expect(bits("long", 64)).toEqual([
      'linux/t.ts:3:1: field "b" of struct s: bitfield width 64 must be between 1 and 32 bits (long)',
    ]);
  });

  it("fields of an inline struct or union are checked like a type's", () => {
    const inner = {
      kind: "anon" as const,
      composite: "union" as const,
      fields: [field("x", scalar("u32"), 4), field("x", scalar("u8"), 5)],
    };
    expect(check(registry({ types: [struct("s", [field("u", inner)])] }))).toEqual([
      'linux/t.ts:5:1: duplicate field "x" in field "u" of struct s (first at line 4)',
    ]);
  });

  it("an anonymous member's fields share the outer names; a named inline member's fields do not", () => {
    const union = (fields: Field[]) => ({ kind: "anon" as const, composite: "union" as const, fields });
    const named = struct("s", [field("x", scalar("u32")), field("u", union([field("x", scalar("u32"), 4)]))]);
    expect(check(registry({ types: [named] }))).toEqual([]);
    const anonymous = struct("s", [
      field("x", scalar("u32")),
      field(
        "__anon0",
        union([
          field("y", scalar("u32"), 4),
          field("__anon1", union([field("x", scalar("u8"), 5)]), 4, {}, true),
        ]),
        4,
        {},
        true,
      ),
    ]);
    expect(check(registry({ types: [anonymous] }))).toEqual([
      'linux/t.ts:5:1: duplicate field "x" in struct s (first at line 3)',
    ]);
  });

  it("a count or length may name a member of an anonymous union", () => {
    const anon = {
      kind: "anon" as const,
      composite: "union" as const,
      fields: [field("n", scalar("u32"), 4), field("m", scalar("u32"), 4)],
    };
    const s = struct("s", [
      field("__anon0", anon, 4, {}, true),
      field("len", scalar("u32"), 5, { kind: "length", of: "m" }),
      field("a", { kind: "array", of: scalar("u8"), length: { countedBy: "n" } }, 6),
    ]);
    expect(check(registry({ types: [s] }))).toEqual([]);
    const wrong = struct("s", [
      field("__anon0", anon, 4, {}, true),
      field("a", { kind: "array", of: scalar("u8"), length: { countedBy: "k" } }, 6),
    ]);
    expect(check(registry({ types: [wrong] }))).toEqual([
      'linux/t.ts:6:1: field "a" of struct s counts by "k", which does not exist (did you mean "n"?)',
    ]);
  });

  it("a variant that misses an ABI names it", () => {
    const v: VariantDecl = {
      kind: "variant",
      name: "v",
      alternatives: [{ abis: ["x86_64"], type: "s" }],
      c: defaultCFacts({ kind: "variant", name: "v", provenance: [] }),
      doc: "",
      provenance: [],
      loc: at(8),
    };
    expect(check(registry({ types: [struct("s", [field("a", scalar("u32"))]), v] }))).toEqual([
      "linux/t.ts:8:1: variant v has no alternative for ABI i386",
    ]);
  });
});

describe("object sizes", () => {
  const big = (n: number) => field("a", { kind: "array", of: scalar("u8"), length: { fixed: n } });

  it("the limit is the ABI's own: a size only a 32-bit ABI cannot address is reported there", () => {
    const r = registry({ abis: [abi("aarch64", 64), abi("i386", 32)], types: [struct("s", [big(2 ** 31)])] });
    expect(check(r)).toEqual([
      'linux/t.ts:3:1: field "a" of struct s is 2147483648 bytes on i386; the largest object a 32-bit ABI can address is 2147483647 bytes (PTRDIFF_MAX)',
    ]);
  });

  it("a field of exactly the largest size is fine; the struct it overflows is reported", () => {
    const r = registry({ types: [struct("s", [big(2 ** 31 - 1), field("b", scalar("u8"), 4)])] });
    expect(check(r)).toEqual([
      "linux/t.ts:2:1: struct s is 2147483648 bytes on i386; the largest object a 32-bit ABI can address is 2147483647 bytes (PTRDIFF_MAX)",
    ]);
  });
});

describe("extensible structs", () => {
  const two = (more: Partial<CompositeDecl>) =>
    struct(
      "e",
      [field("size", scalar("u32"), 3), field("a", scalar("u32"), 4), field("b", scalar("u64"), 5)],
      more,
    );

  it("a correct extensible struct gives no diagnostic", () => {
    expect(
      check(
        registry({
          types: [
            two({
              extensible: extensible([
                [8, "5.1"],
                [16, "5.2"],
              ]),
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it("two versions from the same release are in order", () => {
    expect(
      check(
        registry({
          types: [
            two({
              extensible: extensible([
                [8, "5.1"],
                [16, "5.1"],
              ]),
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it("two versions that shrink", () => {
    expect(
      check(
        registry({
          types: [
            two({
              extensible: extensible([
                [16, "5.1"],
                [8, "5.2"],
              ]),
            }),
          ],
        }),
      ),
    ).toContain("linux/t.ts:11:1: e: version sizes must increase, but 8 follows 16");
  });

  it("a field Since<> the last version's release is fine, a later one is not, also inside an anonymous union", () => {
    const s = (since: string, anonymous: boolean) => {
      const b = field("b", scalar("u64"), 5, { since });
      const last = anonymous
        ? field("__anon0", { kind: "anon", composite: "union", fields: [b] }, 5, {}, true)
        : b;
      return struct("e", [field("size", scalar("u32"), 3), field("a", scalar("u32"), 4), last], {
        extensible: extensible([
          [8, "5.1"],
          [16, "5.2"],
        ]),
      });
    };
    expect(check(registry({ types: [s("5.2", false)] }))).toEqual([]);
    expect(check(registry({ types: [s("5.1", false)] }))).toEqual([]);
    expect(check(registry({ types: [s("5.3", true)] }))).toEqual([
      'linux/t.ts:5:1: field "b" of e is Since<"5.3">, later than its last version (16, 5.2); add a Version<> for 5.3',
    ]);
  });

  it("no versions at all is not a crash", () => {
    const s = struct("e", [field("a", scalar("u32"), 3, { since: "5.1" })], { extensible: extensible([]) });
    expect(() => check(registry({ types: [s] }))).not.toThrow();
  });

  it("an in-struct size field is a u32 or a uint, never wider", () => {
    const sizeIn = (type: string) =>
      check(
        registry({
          types: [
            struct("e", [field("size", scalar(type), 3), field("a", scalar("u32"), 4)], {
              extensible: extensible([[8, "5.1"]], { sizeIn: { kind: "field", field: "size" } }),
            }),
          ],
        }),
      );
    expect(sizeIn("u32")).toEqual([]);
    expect(sizeIn("uint")).toEqual([]);
    expect(sizeIn("int")).toEqual(['linux/t.ts:3:1: e: size field "size" must be a u32']);
  });
});

describe("syscalls", () => {
  const u64 = scalar("u64");

  it("a signature for all ABIs is held only to the ABIs no restricted signature claims", () => {
    // Four u64 need eight slots on i386: the default signature does not apply there.
    const four = sig([param("a", u64), param("b", u64), param("c", u64), param("d", u64)]);
    const i386 = sig([param("a", scalar("u32"))], ["i386"], 33);
    expect(check(registry({ syscalls: [syscall("f", [four, i386])] }))).toEqual([]);
    expect(check(registry({ syscalls: [syscall("f", [four])] }))).toEqual([
      "linux/t.ts:30:1: syscall f needs 8 argument slots; the i386 syscall entry passes 6",
    ]);
  });

  it("a parameter passed by value that is not a scalar or a pointer is no crash of the slot check", () => {
    const s = struct("s", [field("a", scalar("u32"))]);
    expect(() =>
      check(
        registry({ types: [s], syscalls: [syscall("f", [sig([param("v", { kind: "named", name: "s" })])])] }),
      ),
    ).not.toThrow();
  });

  it("SizeOf<> names a pointer; LenOf<> of a count is no SizeOf<> mistake", () => {
    const ok = sig([
      param("fd", scalar("int")),
      param("buf", ptr(scalar("void"))),
      param("n", scalar("size_t"), { kind: "size", of: "buf" }),
    ]);
    expect(check(registry({ syscalls: [syscall("f", [ok])] }))).toEqual([]);
    const len = sig([param("fd", scalar("int")), param("n", scalar("size_t"), { kind: "length", of: "fd" })]);
    expect(check(registry({ syscalls: [syscall("f", [len])] }))).toEqual([]);
    const bad = sig([param("fd", scalar("int")), param("n", scalar("size_t"), { kind: "size", of: "fd" })]);
    expect(check(registry({ syscalls: [syscall("f", [bad])] }))).toEqual([
      'linux/t.ts:31:1: parameter "n" of f is SizeOf<"fd">, but fd is not a pointer',
    ]);
  });

  it("tables and signatures agree: unlisted syscalls, unsigned table rows, restricted ABIs without the row", () => {
    const f = syscall("f", [sig([]), sig([], ["i386"], 34)]);
    const r = (tables: SyscallTable[]) => check(registry({ syscalls: [f], tables }));
    expect(r([table("i386", ["f"]), table("x86_64", ["f"])])).toEqual([]);
    expect(r([table("i386", ["f", "g", "h"]), table("x86_64", ["f"])])).toEqual([
      "tables/i386.tbl:1:1: i386: 2 syscall(s) without a signature: g, h",
    ]);
    expect(r([table("x86_64", ["f"])])).toEqual([
      "linux/t.ts:34:1: signature of f names i386, whose table has no f",
    ]);
  });
});
