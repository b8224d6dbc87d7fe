import { describe, expect, it } from "vitest";
import {
  type CopyRules,
  checkBigBits,
  copyIn,
  EnumSet,
  FlagSet,
  isSysargsError,
  NonZeroTailError,
  readBits,
  readBitsBig,
  writeBits,
  writeBitsBig,
} from "./index.js";

// clone_args' facts (include/uapi/linux/sched.h, kernel/fork.c): versions 64/80/88, page 4096,
// CLONE_INTO_CGROUP (1 << 33) needs 88 bytes.
const CLONE: CopyRules = {
  type: "clone_args",
  size: 88,
  littleEndian: true,
  extensible: {
    minimum: 64,
    belowMin: "EINVAL",
    maximum: 4096,
    abovePage: "E2BIG",
    tailMustBeZero: true,
    flagMinSize: [{ name: "CLONE_INTO_CGROUP", offset: 0, width: 8, flag: 1n << 33n, minimum: 88 }],
  },
};
// sched_attr: the size travels in the struct (u32 at 0), 0 meaning SCHED_ATTR_SIZE_VER0 (48).
const SCHED: CopyRules = {
  type: "sched_attr",
  size: 56,
  littleEndian: false,
  extensible: {
    minimum: 48,
    belowMin: "E2BIG",
    maximum: 4096,
    abovePage: "E2BIG",
    tailMustBeZero: true,
    sizeField: { offset: 0, width: 4, zeroMeansFirst: true },
  },
};

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
};

describe("copyIn: the kernel's rules for extensible structs", () => {
  it("refuses fewer bytes than the first version, naming the minimum and the errno", () => {
    const e = thrown(() => copyIn(CLONE, new Uint8Array(63)));
    expect(isSysargsError(e, "StructTooSmallError")).toBe(true);
    expect(e).toMatchObject({ size: 63, minimum: 64, errno: "EINVAL" });
    expect((e as Error).message).toBe(
      "clone_args: 63 bytes is smaller than the minimum of 64 bytes (the kernel answers EINVAL)",
    );
  });

  it("zero-fills an older, smaller struct", () => {
    const bytes = new Uint8Array(64).fill(0xff, 8); // flags 0: no flag that needs a newer version
    const c = copyIn(CLONE, bytes);
    expect(c.size).toBe(64);
    expect(c.view.byteLength).toBe(88);
    expect(c.view.getUint8(63)).toBe(0xff);
    expect(c.view.getUint8(64)).toBe(0);
  });

  it("accepts a larger struct with a zero tail and names the first non-zero byte otherwise", () => {
    expect(copyIn(CLONE, new Uint8Array(200)).size).toBe(200);
    const bytes = new Uint8Array(200);
    bytes[150] = 1;
    bytes[199] = 1;
    const e = thrown(() => copyIn(CLONE, bytes));
    expect(e).toBeInstanceOf(NonZeroTailError);
    expect(e).toMatchObject({ offset: 150, known: 88, errno: "E2BIG" });
  });

  it("refuses more than a page with E2BIG", () => {
    expect(thrown(() => copyIn(CLONE, new Uint8Array(4097)))).toMatchObject({
      name: "StructTooLargeError",
      maximum: 4096,
      errno: "E2BIG",
    });
  });

  it("takes the size argument from options, and the struct from an offset", () => {
    const bytes = new Uint8Array(8 + 88);
    bytes[8 + 80] = 7; // cgroup, beyond VER1
    expect(copyIn(CLONE, bytes, { offset: 8, size: 80 }).view.getUint8(80)).toBe(0);
    expect(copyIn(CLONE, bytes, { offset: 8 }).view.getUint8(8 + 80)).toBe(7);
    expect(thrown(() => copyIn(CLONE, bytes, { offset: 8, size: 96 }))).toMatchObject({
      name: "TruncatedInputError",
      needed: 96,
      given: 88,
    });
  });

  it("refuses a flag that needs a newer struct than the one given", () => {
    const bytes = new Uint8Array(80);
    bytes[4] = 2; // bit 33, little-endian
    expect(thrown(() => copyIn(CLONE, bytes))).toMatchObject({
      name: "FlagRequiresSizeError",
      flag: "CLONE_INTO_CGROUP",
      minimum: 88,
      size: 80,
    });
    expect(copyIn(CLONE, new Uint8Array([...bytes, ...new Uint8Array(8)])).size).toBe(88);
  });

  it("reads an in-struct size (big-endian here), 0 meaning the first version", () => {
    const bytes = new Uint8Array(100);
    expect(copyIn(SCHED, bytes).size).toBe(48);
    new DataView(bytes.buffer).setUint32(0, 56, false);
    expect(copyIn(SCHED, bytes).size).toBe(56);
    new DataView(bytes.buffer).setUint32(0, 40, false);
    expect(thrown(() => copyIn(SCHED, bytes))).toMatchObject({ name: "StructTooSmallError", errno: "E2BIG" });
    new DataView(bytes.buffer).setUint32(0, 120, false);
    expect(thrown(() => copyIn(SCHED, bytes))).toMatchObject({ name: "TruncatedInputError", needed: 120 });
    expect(thrown(() => copyIn(SCHED, new Uint8Array(3)))).toMatchObject({
      name: "TruncatedInputError",
      needed: 4,
    });
  });

  it("needs exactly the size of a fixed struct", () => {
    const fixed: CopyRules = { type: "timespec", size: 16, littleEndian: true };
    expect(thrown(() => copyIn(fixed, new Uint8Array(15)))).toMatchObject({ needed: 16, given: 15 });
    expect(copyIn(fixed, new Uint8Array(16)).size).toBe(16);
  });
});

describe("isSysargsError: by name, across copies of the runtime", () => {
  it("recognises an error of another copy by its name and type", () => {
    const foreign = Object.assign(new Error("x"), { name: "NonZeroTailError", type: "open_how" });
    expect(isSysargsError(foreign)).toBe(true);
    expect(isSysargsError(foreign, "NonZeroTailError")).toBe(true);
    expect(isSysargsError(foreign, "StructTooSmallError")).toBe(false);
    expect(isSysargsError(new RangeError("x"))).toBe(false);
    expect(isSysargsError(Object.assign(new Error("x"), { name: "NonZeroTailError" }))).toBe(false);
    expect(isSysargsError(null)).toBe(false);
  });
});

describe("bitfields", () => {
  it("reads and writes in allocation order for both byte orders", () => {
    const view = new DataView(new ArrayBuffer(8));
    writeBits(view, 0, 3, 7, true, 0x55);
    expect(readBits(view, 0, 3, 7, true)).toBe(0x55);
    expect(view.getUint16(0, true)).toBe(0x55 << 3);
    const be = new DataView(new ArrayBuffer(8));
    writeBits(be, 0, 3, 7, false, 0x55);
    expect(readBits(be, 0, 3, 7, false)).toBe(0x55);
    // Big-endian allocation starts at the most significant bit: bits 3..9 of the 16-bit word from the top.
    expect(be.getUint16(0, false)).toBe(0x55 << (16 - 3 - 7));
  });
});

describe("bitfields wider than 32 bits", () => {
  it("are exact bigints in both byte orders", () => {
    for (const le of [true, false]) {
      const view = new DataView(new ArrayBuffer(16));
      writeBitsBig(view, 0, 5, 50, le, (1n << 49n) | 0x123n);
      expect(readBitsBig(view, 0, 5, 50, le)).toBe((1n << 49n) | 0x123n);
      expect(readBits(view, 0, 5, 9, le)).toBe(le ? 0x123 : 0x100);
    }
    expect(() => checkBigBits("t", "x", 1n << 50n, 50)).toThrow('t: field "x": expected a bigint from 0 to');
  });
});

describe("flag sets and enums", () => {
  const clone = new FlagSet("CloneFlags", {
    CSIGNAL: { value: 0xffn, composite: true },
    CLONE_NEWNS: { value: 0x20000n },
    CLONE_NEWUSER: { value: 0x10000000n },
    CLONE_INTO_CGROUP: { value: 0x200000000n },
  });

  it("describes a value as names plus the unknown remainder", () => {
    expect(clone.describe(0x10020000n)).toEqual({ names: ["CLONE_NEWNS", "CLONE_NEWUSER"], unknown: 0n });
    expect(clone.describe(0x200000004n | 0x40000000n)).toEqual({
      names: ["CLONE_INTO_CGROUP"],
      unknown: 0x40000004n,
    });
    expect(clone.describe(0xff)).toEqual({ names: ["CSIGNAL"], unknown: 0n });
    expect(clone.format(0x20000 | 0x1000)).toBe("CLONE_NEWNS|0x1000");
    expect(clone.format(0)).toBe("0");
  });

  it("parses names and numbers joined by |", () => {
    expect(clone.parse("CLONE_NEWUSER|CLONE_NEWNS")).toBe(0x10020000n);
    expect(clone.parse(" CLONE_NEWNS | 0x4 ")).toBe(0x20004n);
    expect(thrown(() => clone.parse("CLONE_NEWUSR"))).toMatchObject({
      name: "UnknownFlagError",
      flag: "CLONE_NEWUSR",
    });
    expect(thrown(() => clone.parse("CLONE_NEWNS||"))).toMatchObject({ name: "UnknownFlagError" });
  });

  it("names enum values, first declared name first", () => {
    const policy = new EnumSet("SchedPolicy", {
      SCHED_NORMAL: { value: 0n },
      SCHED_OTHER: { value: 0n },
      SCHED_FIFO: { value: 1n },
    });
    expect(policy.nameOf(0)).toBe("SCHED_NORMAL");
    expect(policy.describe(7)).toEqual({ names: [], unknown: 7n });
    expect(policy.parse("SCHED_FIFO")).toBe(1n);
    expect(thrown(() => policy.parse("SCHED_FOO"))).toMatchObject({ name: "UnknownFlagError" });
  });
});
