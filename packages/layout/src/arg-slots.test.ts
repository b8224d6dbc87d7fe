import type { Abi, Param, TypeRef } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { ArgSlotsError, argumentSlots, describeArg64, paramSize } from "./index.js";

// ABI models with the argument-slot facts of schemas/abi (proved by tools/conformance, arg-slots).
const loc = { file: "t", line: 1, col: 1 };
const sl = (size: number, align: number) => ({ size, align });
const ILP32 = {
  char: sl(1, 1),
  short: sl(2, 2),
  int: sl(4, 4),
  long: sl(4, 4),
  longlong: sl(8, 8),
  pointer: sl(4, 4),
  kernel_long_t: sl(4, 4),
  size_t: sl(4, 4),
};
const LP64 = { ...ILP32, long: sl(8, 8), pointer: sl(8, 8), kernel_long_t: sl(8, 8), size_t: sl(8, 8) };
function abi(
  name: string,
  endian: Abi["endian"],
  arg64: Abi["arg64"],
  arg64First: Abi["arg64First"],
  more: Partial<Abi> = {},
): Abi {
  const bits = arg64 === "register" && name !== "x32" ? 64 : 32;
  return {
    name,
    family: name,
    endian,
    bits,
    auditArch: 0,
    auditArchName: "AUDIT_ARCH_T",
    aliases: [],
    pageSize: 4096,
    charSigned: true,
    scalars: bits === 64 ? LP64 : ILP32,
    bitfieldTypeMatters: true,
    syscallBase: 0,
    arg64,
    arg64First,
    arg64Boundary: null,
    argSlots: 6,
    seccompArgShift: 0,
    toolchain: null,
    doc: "",
    provenance: [],
    loc,
    ...more,
  };
}
const X86_64 = abi("x86_64", "little", "register", null);
const X32 = abi("x32", "little", "register", null, { scalars: { ...ILP32, kernel_long_t: sl(8, 8) } });
const I386 = abi("i386", "little", "pair", "low", { scalars: { ...ILP32, longlong: sl(8, 4) } });
const ARM = abi("arm", "little", "aligned-pair", "low");
const PPC = abi("ppc", "big", "aligned-pair", "high");
const MIPS = abi("mips", "big", "aligned-pair", "high", { argSlots: 8 });
const MIPSEL = abi("mipsel", "little", "aligned-pair", "low", { argSlots: 8 });
const S390 = abi("s390", "big", "pair", "high");
const PARISC = abi("parisc", "big", "pair", "high");
const SPARC = abi("sparc", "big", "pair", "high");
const M68K = abi("m68k", "big", "pair", "high", { seccompArgShift: 1 });
const SH = abi("sh", "little", "pair", "low", { arg64Boundary: 4 });

const t = (name: string): TypeRef => ({ kind: "scalar", name });
const ptr: TypeRef = { kind: "pointer", width: "native", direction: "in", to: t("void") };
const P = (name: string, type: TypeRef): Pick<Param, "name" | "type"> => ({ name, type });
const sig = (...params: Pick<Param, "name" | "type">[]) => ({ params });

// Generic prototypes (include/linux/syscalls.h, 6.12), as the registry declares them.
const fadvise64_64 = sig(
  P("fd", t("int")),
  P("offset", t("loff_t")),
  P("len", t("loff_t")),
  P("advice", t("int")),
);
const arm_fadvise64_64 = sig(
  P("fd", t("int")),
  P("advice", t("int")),
  P("offset", t("loff_t")),
  P("len", t("loff_t")),
);
const sync_file_range = sig(
  P("fd", t("int")),
  P("offset", t("loff_t")),
  P("nbytes", t("loff_t")),
  P("flags", t("uint")),
);
const sync_file_range2 = sig(
  P("fd", t("int")),
  P("flags", t("uint")),
  P("offset", t("loff_t")),
  P("nbytes", t("loff_t")),
);
const pread64 = sig(P("fd", t("uint")), P("buf", ptr), P("count", t("size_t")), P("pos", t("loff_t")));
const truncate64 = sig(P("path", ptr), P("length", t("loff_t")));
const readahead = sig(P("fd", t("int")), P("offset", t("loff_t")), P("count", t("size_t")));
const fadvise64 = sig(
  P("fd", t("int")),
  P("offset", t("loff_t")),
  P("len", t("size_t")),
  P("advice", t("int")),
);
const fallocate = sig(
  P("fd", t("int")),
  P("mode", t("int")),
  P("offset", t("loff_t")),
  P("len", t("loff_t")),
);
const fanotify_mark = sig(
  P("fanotify_fd", t("int")),
  P("flags", t("uint")),
  P("mask", t("u64")),
  P("dfd", t("int")),
  P("pathname", ptr),
);

/** name -> slot, and name.lo / name.hi -> slot for pairs. */
function where(abiModel: Abi, s: ReturnType<typeof sig>): Record<string, number | null> {
  const r = argumentSlots(s, abiModel);
  const out: Record<string, number | null> = {};
  for (const p of r.params) {
    if (p.low === undefined) out[p.name] = p.slots[0]!;
    else {
      out[`${p.name}.lo`] = p.low;
      out[`${p.name}.hi`] = p.high!;
    }
  }
  return out;
}

describe("argumentSlots: the facts", () => {
  it("arm: fadvise64_64 needs 7 slots (fd, pad, offset r2:r3, len stack, advice), hence arm_fadvise64_64", () => {
    const r = argumentSlots(fadvise64_64, ARM);
    expect(r.params.map((p) => p.slots)).toEqual([[0], [2, 3], [4, 5], [6]]);
    expect(r.params[1]).toMatchObject({ low: 2, high: 3, seccomp: [2, 3] });
    expect(r.params[3]!.seccomp).toEqual([null]);
    expect(r.padding).toEqual([1]);
    expect(r.used).toBe(7);
    expect(r.error).toBe("needs 7 argument slots; the arm syscall entry passes 6");
    // arch/arm/kernel/sys_arm.c: sys_arm_fadvise64_64(fd, advice, offset, len) fills six slots
    const a = argumentSlots(arm_fadvise64_64, ARM);
    expect(where(ARM, arm_fadvise64_64)).toEqual({
      fd: 0,
      advice: 1,
      "offset.lo": 2,
      "offset.hi": 3,
      "len.lo": 4,
      "len.hi": 5,
    });
    expect(a.padding).toEqual([]);
    expect(a.error).toBeUndefined();
  });

  it("arm and ppc: sync_file_range2 moves flags forward so the pairs start at even slots", () => {
    expect(argumentSlots(sync_file_range, ARM).error).toMatch(/needs 7/);
    expect(where(ARM, sync_file_range2)).toEqual({
      fd: 0,
      flags: 1,
      "offset.lo": 2,
      "offset.hi": 3,
      "nbytes.lo": 4,
      "nbytes.hi": 5,
    });
    // ppc is big-endian: the high word takes the lower slot (ppc_sync_file_range2: offset1 = high)
    expect(where(PPC, sync_file_range2)).toEqual({
      fd: 0,
      flags: 1,
      "offset.hi": 2,
      "offset.lo": 3,
      "nbytes.hi": 4,
      "nbytes.lo": 5,
    });
  });

  it("aligned pairs leave a padding slot: pread64 on arm, ppc and mips o32", () => {
    for (const a of [ARM, PPC, MIPS, MIPSEL]) {
      const r = argumentSlots(pread64, a);
      expect(r.params.map((p) => p.slots)).toEqual([[0], [1], [2], [4, 5]]);
      expect(r.padding).toEqual([3]);
    }
    expect(argumentSlots(pread64, MIPS).params[3]).toMatchObject({ low: 5, high: 4 });
    expect(argumentSlots(pread64, MIPSEL).params[3]).toMatchObject({ low: 4, high: 5 });
  });

  it("mips o32 passes up to 8 slots but seccomp sees 6: fadvise64's advice is slot 6", () => {
    const r = argumentSlots(fadvise64_64, MIPS);
    expect(r.params.map((p) => p.slots)).toEqual([[0], [2, 3], [4, 5], [6]]);
    expect(r.params[3]!.seccomp).toEqual([null]);
    expect(r.capacity).toBe(8);
    expect(r.error).toBeUndefined();
    expect(argumentSlots(sync_file_range, MIPSEL).params[3]).toMatchObject({ slots: [6], seccomp: [null] });
  });

  it("i386, s390, parisc, sparc, m68k: consecutive pairs, no padding", () => {
    expect(where(I386, fadvise64_64)).toEqual({
      fd: 0,
      "offset.lo": 1,
      "offset.hi": 2,
      "len.lo": 3,
      "len.hi": 4,
      advice: 5,
    });
    for (const a of [S390, PARISC, SPARC, M68K])
      expect(where(a, sync_file_range)).toEqual({
        fd: 0,
        "offset.hi": 1,
        "offset.lo": 2,
        "nbytes.hi": 3,
        "nbytes.lo": 4,
        flags: 5,
      });
    expect(where(PARISC, pread64)).toEqual({ fd: 0, buf: 1, count: 2, "pos.hi": 3, "pos.lo": 4 });
    expect(argumentSlots(pread64, PARISC).padding).toEqual([]);
  });

  it("m68k: seccomp_data.args[0] is the syscall number, so slot s is args[s + 1] and slot 5 is unseen", () => {
    const r = argumentSlots(fadvise64_64, M68K);
    expect(r.params.map((p) => p.seccomp)).toEqual([[1], [2, 3], [4, 5], [null]]);
    expect(r.error).toBeUndefined();
  });

  it("sh: a pair never straddles r7 and the stack, and the next int takes r7", () => {
    expect(where(SH, fallocate)).toEqual({
      fd: 0,
      mode: 1,
      "offset.lo": 2,
      "offset.hi": 3,
      "len.lo": 4,
      "len.hi": 5,
    });
    // sys_pread_wrapper(fd, buf, count, long dummy, loff_t pos): the same slots as the C convention
    expect(argumentSlots(pread64, SH)).toMatchObject({ padding: [3], used: 6 });
    expect(where(SH, pread64)["pos.lo"]).toBe(4);
    // the generic fadvise64_64: len goes to the stack (4:5) and advice back-fills r7 (slot 3)
    expect(where(SH, fadvise64_64)).toEqual({
      fd: 0,
      "offset.lo": 1,
      "offset.hi": 2,
      "len.lo": 4,
      "len.hi": 5,
      advice: 3,
    });
    expect(argumentSlots(fadvise64_64, SH).padding).toEqual([]);
    const ll = t("loff_t");
    const six = sig(
      P("a", t("int")),
      P("b", t("int")),
      P("c", t("int")),
      P("d", ll),
      P("e", ll),
      P("g", t("int")),
    );
    expect(where(SH, six)).toMatchObject({ "d.lo": 4, "e.lo": 6, g: 3 });
    // a skipped slot with nothing after it stays padding
    expect(
      argumentSlots(sig(P("a", t("int")), P("b", t("int")), P("c", t("int")), P("d", ll)), SH).padding,
    ).toEqual([3]);
  });

  it("64-bit registers: one slot per argument on x86_64 and x32", () => {
    for (const a of [X86_64, X32]) {
      const r = argumentSlots(fadvise64_64, a);
      expect(r.params.map((p) => p.slots)).toEqual([[0], [1], [2], [3]]);
      expect(r.params[1]!.low).toBeUndefined();
      expect(r.params[1]!.size).toBe(8);
    }
    // x32: __kernel_long_t is 64-bit, pointers 32-bit, each one slot
    expect(paramSize(t("kernel_long_t"), X32)).toBe(8);
    expect(paramSize(ptr, X32)).toBe(4);
  });

  it("sizes: 64-bit pointers carried in u64, aligned_u64, and small scalars", () => {
    const p64: TypeRef = { kind: "pointer", width: "u64", direction: "in", to: t("void") };
    expect(paramSize(p64, I386)).toBe(8);
    expect(paramSize(t("aligned_u64"), I386)).toBe(8);
    expect(paramSize(t("umode_t"), I386)).toBe(2);
    expect(where(I386, sig(P("mode", t("umode_t")), P("v", p64)))).toEqual({ mode: 0, "v.lo": 1, "v.hi": 2 });
  });

  it("rejects what no syscall takes", () => {
    expect(() => argumentSlots(sig(P("s", { kind: "named", name: "stat" })), I386)).toThrow(ArgSlotsError);
    expect(() => argumentSlots(sig(P("v", t("void"))), I386)).toThrow(/not a value/);
    expect(() => argumentSlots(sig(P("x", t("u64"))), I386, () => 16)).toThrow(/16-byte/);
  });

  it("describes the model", () => {
    expect(describeArg64(X86_64)).toBe("one 64-bit register");
    expect(describeArg64(ARM)).toBe("pair from an even slot, low word in the lower slot");
    expect(describeArg64(SH)).toMatch(
      /^pair of consecutive slots, low word in the lower slot, never split at slot 4/,
    );
  });
});

/**
 * Every 64-bit argument on these ABIs reaches the kernel through an architecture wrapper whose C
 * prototype spells out the 32-bit halves (and padding): the model applied to the generic
 * prototype must put each half where the wrapper reads it. `halves` maps each generic name or
 * half to the wrapper's parameter. Sources: Linux 6.12.
 */
const u32 = t("u32");
const wrappers: {
  abi: Abi;
  source: string;
  generic: ReturnType<typeof sig>;
  wrapper: string[];
  halves: Record<string, string>;
}[] = [
  {
    abi: I386,
    source: "arch/x86/kernel/sys_ia32.c ia32_fadvise64_64",
    generic: fadvise64_64,
    wrapper: ["fd", "offset_low", "offset_high", "len_low", "len_high", "advice"],
    halves: {
      "offset.lo": "offset_low",
      "offset.hi": "offset_high",
      "len.lo": "len_low",
      "len.hi": "len_high",
    },
  },
  {
    abi: I386,
    source: "arch/x86/kernel/sys_ia32.c ia32_pread64",
    generic: pread64,
    wrapper: ["fd", "ubuf", "count", "poslo", "poshi"],
    halves: { buf: "ubuf", "pos.lo": "poslo", "pos.hi": "poshi" },
  },
  {
    abi: I386,
    source: "fs/notify/fanotify/fanotify_user.c SC_ARG64 (ARCH_SPLIT_ARG64, little-endian)",
    generic: fanotify_mark,
    wrapper: ["fanotify_fd", "flags", "mask_lo", "mask_hi", "dfd", "pathname"],
    halves: { "mask.lo": "mask_lo", "mask.hi": "mask_hi" },
  },
  {
    abi: ARM,
    source: "arch/arm64/kernel/sys32.c aarch32_pread64 (compat, little-endian arg_u32p)",
    generic: pread64,
    wrapper: ["fd", "buf", "count", "__pad", "pos_lo", "pos_hi"],
    halves: { "pos.lo": "pos_lo", "pos.hi": "pos_hi" },
  },
  {
    abi: ARM,
    source: "arch/arm64/kernel/sys32.c aarch32_truncate64",
    generic: truncate64,
    wrapper: ["pathname", "__pad", "length_lo", "length_hi"],
    halves: { path: "pathname", "length.lo": "length_lo", "length.hi": "length_hi" },
  },
  {
    abi: ARM,
    source: "arch/arm64/kernel/sys32.c aarch32_readahead",
    generic: readahead,
    wrapper: ["fd", "__pad", "offset_lo", "offset_hi", "count"],
    halves: { "offset.lo": "offset_lo", "offset.hi": "offset_hi" },
  },
  {
    abi: PPC,
    source: "arch/powerpc/kernel/sys_ppc32.c ppc_pread64",
    generic: pread64,
    wrapper: ["fd", "ubuf", "count", "reg6", "pos1", "pos2"],
    halves: { buf: "ubuf", "pos.hi": "pos1", "pos.lo": "pos2" },
  },
  {
    abi: PPC,
    source: "arch/powerpc/kernel/sys_ppc32.c ppc32_fadvise64",
    generic: fadvise64,
    wrapper: ["fd", "unused", "offset1", "offset2", "len", "advice"],
    halves: { "offset.hi": "offset1", "offset.lo": "offset2" },
  },
  {
    abi: PPC,
    source: "arch/powerpc/kernel/sys_ppc32.c ppc_fallocate",
    generic: fallocate,
    wrapper: ["fd", "mode", "offset1", "offset2", "len1", "len2"],
    halves: { "offset.hi": "offset1", "offset.lo": "offset2", "len.hi": "len1", "len.lo": "len2" },
  },
  {
    abi: MIPS,
    source: "arch/mips/kernel/linux32.c sys32_sync_file_range (merge_64(a2, a3): a2 high on big-endian)",
    generic: sync_file_range,
    wrapper: ["fd", "__pad", "a2", "a3", "a4", "a5", "flags"],
    halves: { "offset.hi": "a2", "offset.lo": "a3", "nbytes.hi": "a4", "nbytes.lo": "a5" },
  },
  {
    abi: MIPSEL,
    source: "arch/mips/kernel/linux32.c sys32_readahead (merge_64(a2, a3): a2 low on little-endian)",
    generic: readahead,
    wrapper: ["fd", "pad0", "a2", "a3", "count"],
    halves: { "offset.lo": "a2", "offset.hi": "a3" },
  },
  {
    abi: S390,
    source: "arch/s390/kernel/compat_linux.c s390_sync_file_range",
    generic: sync_file_range,
    wrapper: ["fd", "offhigh", "offlow", "nhigh", "nlow", "flags"],
    halves: { "offset.hi": "offhigh", "offset.lo": "offlow", "nbytes.hi": "nhigh", "nbytes.lo": "nlow" },
  },
  {
    abi: S390,
    source: "arch/s390/kernel/compat_linux.c s390_pread64",
    generic: pread64,
    wrapper: ["fd", "ubuf", "count", "high", "low"],
    halves: { buf: "ubuf", "pos.hi": "high", "pos.lo": "low" },
  },
  {
    abi: PARISC,
    source: "arch/parisc/kernel/sys_parisc.c parisc_fadvise64_64",
    generic: fadvise64_64,
    wrapper: ["fd", "high_off", "low_off", "high_len", "low_len", "advice"],
    halves: { "offset.hi": "high_off", "offset.lo": "low_off", "len.hi": "high_len", "len.lo": "low_len" },
  },
  {
    abi: PARISC,
    source: "arch/parisc/kernel/sys_parisc.c parisc_readahead",
    generic: readahead,
    wrapper: ["fd", "high", "low", "count"],
    halves: { "offset.hi": "high", "offset.lo": "low" },
  },
  {
    abi: SPARC,
    source: "arch/sparc/kernel/sys_sparc32.c compat pread64",
    generic: pread64,
    wrapper: ["fd", "ubuf", "count", "poshi", "poslo"],
    halves: { buf: "ubuf", "pos.hi": "poshi", "pos.lo": "poslo" },
  },
  {
    abi: SH,
    source: "arch/sh/kernel/sys_sh32.c sys_pread_wrapper (long dummy, then loff_t pos on the stack)",
    generic: pread64,
    wrapper: ["fd", "buf", "count", "dummy", "pos_lo", "pos_hi"],
    halves: { "pos.lo": "pos_lo", "pos.hi": "pos_hi" },
  },
];

describe("argumentSlots agrees with the kernel's 32-bit wrappers", () => {
  for (const w of wrappers) {
    it(`${w.abi.name}: ${w.source}`, () => {
      const generic = where(w.abi, w.generic);
      const wrapper = where(w.abi, sig(...w.wrapper.map((n) => P(n, u32))));
      for (const [key, slot] of Object.entries(generic))
        expect([key, slot]).toEqual([key, wrapper[w.halves[key] ?? key]]);
    });
  }

  // Wrappers that reorder or repack arguments: the schemas need a per-ABI signature for these.
  it("ppc fadvise64_64 is (fd, advice, offset, len) like arm's, not the generic order", () => {
    // arch/powerpc/kernel/syscalls.c: ppc_fadvise64_64(fd, advice, offset_high, offset_low, len_high, len_low)
    expect(where(PPC, fadvise64_64)).not.toEqual(where(PPC, arm_fadvise64_64));
    expect(where(PPC, arm_fadvise64_64)).toEqual({
      fd: 0,
      advice: 1,
      "offset.hi": 2,
      "offset.lo": 3,
      "len.hi": 4,
      "len.lo": 5,
    });
  });

  it("sh fadvise64_64 and sync_file_range wrappers take consecutive halves, unlike the C convention", () => {
    // arch/sh/kernel/sys_sh32.c: sys_fadvise64_64_wrapper(fd, offset0, offset1, len0, len1, advice)
    const wrapper = where(SH, sig(...["fd", "o0", "o1", "l0", "l1", "advice"].map((n) => P(n, u32))));
    expect(wrapper.advice).toBe(5);
    expect(where(SH, fadvise64_64).advice).toBe(3);
  });
});
