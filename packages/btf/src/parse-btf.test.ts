import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BtfError, loadKernelBtf, parseBtf } from "./index.js";

// Kind numbers, spelled out here rather than imported so the tests check the parser
// against the format itself, not against the parser's own constants.
const INT = 1;
const PTR = 2;
const ARRAY = 3;
const STRUCT = 4;
const UNION = 5;
const ENUM = 6;
const FWD = 7;
const TYPEDEF = 8;
const CONST = 10;
const FUNC_PROTO = 13;
const ENUM64 = 19;

interface HeaderOverrides {
  magic?: number;
  version?: number;
  hdrLen?: number;
  typeOff?: number;
  typeLen?: number;
  strOff?: number;
  strLen?: number;
}

/** Assembles BTF blobs by hand: a string table, a list of u32 words for types, a header. */
class BlobBuilder {
  private readonly strings: number[] = [0];
  private readonly stringOffsets = new Map<string, number>();
  private readonly words: number[] = [];
  private nextId = 1;

  str(s: string): number {
    if (s === "") return 0;
    const known = this.stringOffsets.get(s);
    if (known !== undefined) return known;
    const off = this.strings.length;
    for (const b of new TextEncoder().encode(s)) this.strings.push(b);
    this.strings.push(0);
    this.stringOffsets.set(s, off);
    return off;
  }

  /** Appends one btf_type record plus its trailing words; returns its type id. */
  type(
    name: string,
    kind: number,
    vlen: number,
    sizeOrType: number,
    trailing: number[] = [],
    kindFlag = false,
  ): number {
    const info = ((kindFlag ? 1 : 0) * 2 ** 31 + kind * 2 ** 24 + vlen) >>> 0;
    this.words.push(this.str(name), info, sizeOrType, ...trailing);
    return this.nextId++;
  }

  int(name: string, size: number, signed = false, bits = size * 8, bitOffset = 0): number {
    return this.type(name, INT, 0, size, [((signed ? 1 : 0) << 24) | (bitOffset << 16) | bits]);
  }

  /** Members as [name, typeId, bitOffset, bitfieldSize?]; kind_flag is set when any has a size. */
  composite(kind: number, name: string, size: number, members: [string, number, number, number?][]): number {
    const kindFlag = members.some((m) => m[3] !== undefined);
    const trailing = members.flatMap(([n, type, bitOffset, bits]) => [
      this.str(n),
      type,
      kindFlag ? (((bits ?? 0) << 24) | bitOffset) >>> 0 : bitOffset,
    ]);
    return this.type(name, kind, members.length, size, trailing, kindFlag);
  }

  build(o: HeaderOverrides = {}, littleEndian = true): Uint8Array {
    const typeLen = this.words.length * 4;
    const strLen = this.strings.length;
    const hdrLen = 24;
    const out = new Uint8Array(hdrLen + typeLen + strLen);
    const v = new DataView(out.buffer);
    v.setUint16(0, o.magic ?? 0xeb9f, littleEndian);
    v.setUint8(2, o.version ?? 1);
    v.setUint32(4, o.hdrLen ?? hdrLen, littleEndian);
    v.setUint32(8, o.typeOff ?? 0, littleEndian);
    v.setUint32(12, o.typeLen ?? typeLen, littleEndian);
    v.setUint32(16, o.strOff ?? typeLen, littleEndian);
    v.setUint32(20, o.strLen ?? strLen, littleEndian);
    this.words.forEach((w, i) => {
      v.setUint32(hdrLen + i * 4, w, littleEndian);
    });
    out.set(this.strings, hdrLen + typeLen);
    return out;
  }
}

/**
 * struct demo {                 // size 32, align 8
 *   unsigned int flags;         // 0
 *   unsigned int ready : 1;     // bit 32
 *   unsigned int mode : 3;      // bit 33
 *   union { unsigned int a; __u64 b; };  // 8
 *   const char *name;           // 16
 *   unsigned int tail[2];       // 24
 * };
 * struct packed_pair { unsigned int a; __u64 b; } __packed;   // size 12, b at 4
 * struct old_style { unsigned int x : 3 @ bit 5 }  // width in the INT encoding, no kind_flag
 * enum color { RED = 0, BLUE = -1 } (signed);  enum { SMALL64 = 5, BIG64 = 2^60 } (64-bit)
 */
function demoBlob(): { builder: BlobBuilder; ids: Record<string, number> } {
  const b = new BlobBuilder();
  const u32 = b.int("unsigned int", 4);
  const u64 = b.int("long long unsigned int", 8);
  const typedefU64 = b.type("__u64", TYPEDEF, 0, u64);
  const char = b.int("char", 1, true);
  const constChar = b.type("", CONST, 0, char);
  const charPtr = b.type("", PTR, 0, constChar);
  const anonUnion = b.composite(UNION, "", 8, [
    ["a", u32, 0],
    ["b", typedefU64, 0],
  ]);
  const tail = b.type("", ARRAY, 0, 0, [u32, u32, 2]);
  const demo = b.composite(STRUCT, "demo", 32, [
    ["flags", u32, 0, 0],
    ["ready", u32, 32, 1],
    ["mode", u32, 33, 3],
    ["", anonUnion, 64, 0],
    ["name", charPtr, 128, 0],
    ["tail", tail, 192, 0],
  ]);
  b.type("demo", FWD, 0, 0); // a forward declaration must never be returned
  const packed = b.composite(STRUCT, "packed_pair", 12, [
    ["a", u32, 0],
    ["b", typedefU64, 32],
  ]);
  const bits3 = b.int("unsigned int", 4, false, 3);
  const old = b.composite(STRUCT, "old_style", 4, [["x", bits3, 5]]);
  b.type("color", ENUM, 2, 4, [b.str("RED"), 0, b.str("BLUE"), 0xffffffff], true);
  b.type("", ENUM64, 2, 8, [b.str("SMALL64"), 5, 0, b.str("BIG64"), 0, 0x10000000]);
  b.type("long int", INT, 0, 8, [64]);
  return { builder: b, ids: { u32, demo, packed, old } };
}

function expectBtfError(fn: () => unknown, message: RegExp): BtfError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BtfError);
  expect((caught as BtfError).message).toMatch(message);
  return caught as BtfError;
}

describe("parseBtf on a hand-built blob", () => {
  const btf = parseBtf(demoBlob().builder.build());

  it("lays out a struct with bitfields, an anonymous union, a pointer and an array", () => {
    const demo = btf.findComposite("demo");
    expect(demo).toEqual({
      kind: "struct",
      name: "demo",
      size: 32,
      align: 8,
      members: [
        { name: "flags", offset: 0, size: 4, typeName: "unsigned int" },
        { name: "ready", offset: 4, bitOffset: 32, bitSize: 1, size: 4, typeName: "unsigned int" },
        { name: "mode", offset: 4, bitOffset: 33, bitSize: 3, size: 4, typeName: "unsigned int" },
        {
          name: "",
          offset: 8,
          size: 8,
          typeName: "union {...}",
          members: [
            { name: "a", offset: 0, size: 4, typeName: "unsigned int" },
            { name: "b", offset: 0, size: 8, typeName: "__u64" },
          ],
        },
        { name: "name", offset: 16, size: 8, typeName: "const char *" },
        { name: "tail", offset: 24, size: 8, typeName: "unsigned int[2]" },
      ],
    });
    // Only bitfields carry the bit-level keys at all (not even as undefined).
    expect(Object.keys(demo!.members[0]!)).toEqual(["name", "offset", "size", "typeName"]);
  });

  it("finds by kind, skips forward declarations and misses cleanly", () => {
    expect(btf.findComposite("demo", "struct")?.size).toBe(32);
    expect(btf.findComposite("demo", "union")).toBeUndefined();
    expect(btf.findComposite("nope")).toBeUndefined();
  });

  it("infers packing from a misplaced member and a size that is not a multiple of the alignment", () => {
    expect(btf.findComposite("packed_pair")).toMatchObject({ size: 12, align: 1 });
    expect(btf.findComposite("packed_pair")!.members[1]).toMatchObject({ name: "b", offset: 4, size: 8 });
  });

  it("reads bitfields encoded in the INT type when kind_flag is clear", () => {
    expect(btf.findComposite("old_style")!.members[0]).toEqual({
      name: "x",
      offset: 0,
      bitOffset: 5,
      bitSize: 3,
      size: 4,
      typeName: "unsigned int",
    });
  });

  it("reads signed enums and 64-bit enumerators, named and anonymous", () => {
    expect(btf.findEnum("color")).toEqual({
      name: "color",
      size: 4,
      signed: true,
      values: [
        { name: "RED", value: 0 },
        { name: "BLUE", value: -1 },
      ],
    });
    expect(btf.enumValue("BLUE")).toBe(-1);
    expect(btf.enumValue("SMALL64")).toBe(5);
    expect(btf.enumValue("BIG64")).toBe(2n ** 60n);
    expect(btf.enumValue("GREEN")).toBeUndefined();
    expect(btf.findEnum("nope")).toBeUndefined();
  });

  it("takes the pointer size from the blob's long", () => {
    expect(btf.pointerSize).toBe(8);
    expect(btf.typeCount).toBe(17);
  });

  it("parses big-endian blobs and views into larger buffers", () => {
    const be = parseBtf(demoBlob().builder.build({}, false));
    expect(be.findComposite("demo")).toEqual(btf.findComposite("demo"));
    const le = demoBlob().builder.build();
    const padded = new Uint8Array(le.length + 7);
    padded.set(le, 3);
    expect(parseBtf(padded.subarray(3, 3 + le.length)).findComposite("demo")).toEqual(
      btf.findComposite("demo"),
    );
  });

  it("returns frozen, cached layouts", () => {
    const demo = btf.findComposite("demo")!;
    expect(btf.findComposite("demo")).toBe(demo);
    expect(Object.isFrozen(demo) && Object.isFrozen(demo.members) && Object.isFrozen(demo.members[0])).toBe(
      true,
    );
  });
});

describe("parseBtf on malformed input", () => {
  const good = (): BlobBuilder => demoBlob().builder;

  it("rejects a bad magic number", () => {
    const e = expectBtfError(() => parseBtf(good().build({ magic: 0x1234 })), /bad magic 0x1234/);
    expect(e.offset).toBe(0);
    expectBtfError(() => parseBtf(new TextEncoder().encode("not btf at all, just text")), /bad magic/);
  });

  it("rejects truncated headers", () => {
    expectBtfError(() => parseBtf(new Uint8Array(0)), /truncated header: 0 bytes/);
    expectBtfError(() => parseBtf(good().build().subarray(0, 10)), /truncated header: 10 bytes/);
    expectBtfError(() => parseBtf(good().build({ hdrLen: 1 << 20 })), /truncated header: hdr_len/);
    expectBtfError(() => parseBtf(good().build({ hdrLen: 16 })), /header length 16 is below/);
  });

  it("rejects an unsupported version", () => {
    expectBtfError(() => parseBtf(good().build({ version: 2 })), /unsupported BTF version 2/);
  });

  it("rejects sections that run past the end of the blob", () => {
    expectBtfError(() => parseBtf(good().build({ typeLen: 0xffffffff })), /truncated type section/);
    expectBtfError(() => parseBtf(good().build({ strOff: 0xfffffff0 })), /truncated string section/);
    const full = good().build();
    expectBtfError(() => parseBtf(full.subarray(0, full.length - 1)), /truncated string section/);
  });

  it("rejects overlapping sections and a string section without NUL bounds", () => {
    expectBtfError(() => parseBtf(good().build({ strOff: 8 })), /overlaps string section/);
    expectBtfError(() => parseBtf(good().build({ strLen: 0 })), /string section is empty/);
    const b = good();
    const blob = b.build();
    blob[blob.length - 1] = 0x41;
    expectBtfError(() => parseBtf(blob), /does not end with NUL/);
  });

  it("rejects a type record cut short", () => {
    const b = good();
    const typeLen = demoTypeLen(b);
    // The last record is the INT "long int" (id 16): 12 bytes plus 4 of encoding.
    expectBtfError(
      () => parseBtf(b.build({ typeLen: typeLen - 4 })),
      /truncated int type id 16: needs 16 bytes, 12 left/,
    );
    expectBtfError(
      () => parseBtf(b.build({ typeLen: typeLen - 8 })),
      /truncated type record for id 16: 8 bytes left/,
    );
    // A huge vlen makes the trailing member array run past the section.
    const v = good();
    v.type("huge", STRUCT, 0xffff, 4);
    expectBtfError(() => parseBtf(v.build()), /truncated struct type id 17: needs 786432 bytes, 12 left/);
  });

  it("rejects unknown kinds", () => {
    const b = good();
    b.type("mystery", 25, 0, 0);
    expectBtfError(() => parseBtf(b.build()), /unknown kind 25 for type id 17/);
    const zero = new BlobBuilder();
    zero.type("", 0, 0, 0);
    expectBtfError(() => parseBtf(zero.build()), /unknown kind 0 for type id 1/);
  });

  it("rejects out-of-range type ids", () => {
    const b = good();
    b.composite(STRUCT, "dangling", 4, [["x", 99, 0]]);
    expectBtfError(
      () => parseBtf(b.build()),
      /struct type id 17 member 0: type id 99 is out of range \(max 17\)/,
    );
    const p = good();
    p.type("", PTR, 0, 1000);
    expectBtfError(() => parseBtf(p.build()), /ptr type id 17: type id 1000 is out of range/);
    const a = good();
    a.type("", ARRAY, 0, 0, [1, 77, 4]);
    expectBtfError(() => parseBtf(a.build()), /array type id 17 index: type id 77 is out of range/);
  });

  it("rejects out-of-range string offsets", () => {
    const b = good();
    b.type("", TYPEDEF, 0, 1);
    const blob = b.build();
    // Point the new typedef's name_off far past the string section.
    new DataView(blob.buffer).setUint32(24 + demoTypeLen(b) - 12, 100_000, true);
    expectBtfError(
      () => parseBtf(blob),
      /typedef type id 17: string offset 100000 is outside string section/,
    );
    const m = good();
    m.composite(STRUCT, "s", 4, [["x", 1, 0]]);
    const blob2 = m.build();
    new DataView(blob2.buffer).setUint32(24 + demoTypeLen(m) - 12, 0xfffffff0, true);
    expectBtfError(() => parseBtf(blob2), /struct type id 17 member 0: string offset 4294967280/);
  });

  it("reports cyclic type chains as BtfError when layouts are computed", () => {
    const b = new BlobBuilder();
    b.type("a", TYPEDEF, 0, 2);
    b.type("b", TYPEDEF, 0, 1);
    b.composite(STRUCT, "loop", 4, [["x", 1, 0]]);
    const selfish = b.composite(STRUCT, "selfish", 4, [["me", 5, 0]]);
    expect(selfish).toBe(4);
    b.type("", CONST, 0, 4);
    const btf = parseBtf(b.build());
    expectBtfError(() => btf.findComposite("loop"), /cyclic/);
    expectBtfError(() => btf.findComposite("selfish"), /contains itself/);
  });

  it("bounds the work of spelling exponentially fanning function prototypes", () => {
    const b = new BlobBuilder();
    const depth = 60;
    // Prototype i (id i + 1) takes two parameters of pointer-to-prototype i + 1 (id depth + i + 2).
    for (let i = 0; i < depth; i++) b.type("", FUNC_PROTO, 2, 0, [0, depth + i + 2, 0, depth + i + 2]);
    b.type("", FUNC_PROTO, 0, 0);
    for (let i = 0; i < depth; i++) b.type("", PTR, 0, i + 2);
    b.composite(STRUCT, "bomb", 8, [["f", depth + 1 + 1, 0]]);
    const btf = parseBtf(b.build());
    const started = performance.now();
    expectBtfError(() => btf.findComposite("bomb"), /too large/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("never throws anything but BtfError on truncated or corrupted bytes", () => {
    const blob = good().build();
    const exercise = (bytes: Uint8Array): void => {
      try {
        const btf = parseBtf(bytes);
        for (const n of ["demo", "packed_pair", "old_style"]) btf.findComposite(n);
        btf.findEnum("color");
        btf.enumValue("BIG64");
        void btf.pointerSize;
      } catch (error) {
        if (!(error instanceof BtfError)) throw error;
      }
    };
    for (let len = 0; len < blob.length; len++) exercise(blob.slice(0, len));
    // Deterministic xorshift so a failure is reproducible.
    let seed = 0x2545f491;
    const rand = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let round = 0; round < 3000; round++) {
      const copy = blob.slice();
      for (let k = 0; k < 1 + rand(4); k++) copy[rand(copy.length)] = rand(256);
      exercise(copy);
    }
  });
});

describe("loadKernelBtf", () => {
  it("returns undefined when the file does not exist", () => {
    expect(loadKernelBtf("/nonexistent/sysargs/vmlinux")).toBeUndefined();
    // A path through a regular file fails with ENOTDIR, which is "missing" too.
    expect(loadKernelBtf(join(fileURLToPath(import.meta.url), "vmlinux"))).toBeUndefined();
  });

  it("throws BtfError for a file that is not BTF", () => {
    const dir = mkdtempSync(join(tmpdir(), "sysargs-btf-"));
    try {
      const path = join(dir, "vmlinux");
      writeFileSync(path, "hello");
      expectBtfError(() => loadKernelBtf(path), /bad magic/);
      writeFileSync(path, demoBlob().builder.build());
      expect(loadKernelBtf(path)?.findComposite("demo")?.size).toBe(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Length of the type section the builder currently holds. */
function demoTypeLen(b: BlobBuilder): number {
  const blob = b.build();
  return new DataView(blob.buffer).getUint32(12, true);
}
