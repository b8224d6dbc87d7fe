import { isSysargsError } from "@sysargs/runtime";
import { describe, expect, it } from "vitest";
import { readCopyRuleCases, readSyscallVectors, readVectors, type StructVector } from "./index.js";

/**
 * The decoders against bytes that C compilers laid out: fill.c, built with each ABI's own cross
 * compiler and kernel headers and run under qemu-user, set every member of each struct to a
 * distinct value and printed the bytes and the values (tools/test-vectors/vectors/). A decoder
 * that gets an offset, a width, the byte order, a bitfield's position or a sign wrong disagrees.
 */
type Module = { TYPES: Record<string, { decode(b: Uint8Array): unknown }> };

const load = (abi: string): Promise<Module> =>
  import(/* @vite-ignore */ `@sysargs/linux/${abi}`) as Promise<Module>;

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

function check(mod: Module, name: string, v: StructVector) {
  const codec = mod.TYPES[name];
  if (!codec) throw new Error(`no decoder for ${name}`);
  const decoded = codec.decode(bytes(v.hex)) as Record<string, unknown>;
  const got = Object.fromEntries(Object.keys(v.fields).map((k) => [k, String(decoded[k])]));
  expect(got).toEqual(v.fields);
}

const files = readVectors();

describe("decoders against C compilers under qemu-user", () => {
  it("has vectors for big- and little-endian, 32- and 64-bit ABIs", () => {
    expect(files.map((f) => f.abi)).toEqual(
      expect.arrayContaining(["x86_64", "i386", "s390x", "ppc", "mips", "arm", "aarch64", "sparc64"]),
    );
  });
  for (const file of files) {
    it(`${file.abi}: ${Object.keys(file.structs).join(", ")}`, async () => {
      const mod = await load(file.abi);
      for (const [name, v] of Object.entries(file.structs)) check(mod, name, v);
    });
  }
});

describe("decoders against structs that real syscalls accepted (x86_64)", () => {
  const vectors = readSyscallVectors();
  for (const [name, v] of Object.entries(vectors)) {
    it(`${v.syscall}: ${name}`, async () => {
      expect(v.ok).toBe(true);
      check(await load("x86_64"), name, v);
    });
  }
});

describe("decoders refuse exactly what the kernel refuses (x86_64, copy-rules.c)", () => {
  for (const c of readCopyRuleCases()) {
    const head = bytes(c.hex);
    it(`${c.type}, ${c.size} bytes${/[^0]/.test(c.hex.slice(2 * 24)) ? ", non-zero tail" : ""}: ${c.answer}`, async () => {
      const mod = await load("x86_64");
      const input = new Uint8Array(c.size);
      input.set(head);
      let answer = "ok";
      try {
        mod.TYPES[c.type]!.decode(input);
      } catch (e) {
        if (!isSysargsError(e) || e.errno === undefined) throw e;
        answer = e.errno;
      }
      expect(answer).toBe(c.answer);
    });
  }
});
