import { readFileSync } from "node:fs";
import { type CopyRules, isSysargsError, type TypeCodec } from "@sysargs/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * Properties of every decoder on every ABI (fast-check): decode(encode(x)) is x, and random
 * bytes of random sizes either decode or throw one of the documented errors, with the numbers the
 * kernel's rules give. Never anything else: no RangeError from a DataView read past the end.
 */
type Module = { TYPES: Record<string, TypeCodec>; ABI: { name: string } };

const ABIS = Object.keys(
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { exports: object })
    .exports,
)
  .filter((k) => k !== "./package.json")
  .map((k) => k.slice(2));

const load = (abi: string): Promise<Module> =>
  import(/* @vite-ignore */ `@sysargs/linux/${abi}`) as Promise<Module>;

/** Bytes that decode to a value: an in-struct size set to the known size (else 0 would mean "first version"). */
function withOwnSize(bytes: Uint8Array, rules: CopyRules): Uint8Array {
  const f = rules.extensible?.sizeField;
  if (!f) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (f.width === 2) view.setUint16(f.offset, rules.size, rules.littleEndian);
  else view.setUint32(f.offset, rules.size, rules.littleEndian);
  return bytes;
}

it("package.json exports one subpath per ABI of the registry, and nothing at the root", () => {
  const registry = JSON.parse(
    readFileSync(new URL("../../registry/data/index.json", import.meta.url), "utf8"),
  ) as { abis: string[] };
  expect([...ABIS].sort()).toEqual([...registry.abis].sort());
});

describe.each(ABIS)("%s", (abi) => {
  it("decode(encode(x)) equals x for every struct and union", async () => {
    const mod = await load(abi);
    expect(mod.ABI.name).toBe(abi);
    for (const codec of Object.values(mod.TYPES)) {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: codec.size, maxLength: codec.size }), (raw) => {
          const x = codec.decode(withOwnSize(raw, codec.rules));
          expect(codec.decode(codec.encode(x))).toEqual(x);
        }),
        { numRuns: 15 },
      );
    }
  });

  it("random bytes and sizes only give the documented errors", async () => {
    const mod = await load(abi);
    for (const codec of Object.values(mod.TYPES)) {
      const ext = codec.rules.extensible;
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: codec.size * 2 + 16 }),
          fc.option(fc.nat({ max: 9000 }), { nil: undefined }),
          (bytes, size) => {
            try {
              codec.decode(bytes, size === undefined ? undefined : { size });
            } catch (e) {
              if (isSysargsError(e, "StructTooSmallError")) expect(e.minimum).toBe(ext?.minimum);
              else if (isSysargsError(e, "StructTooLargeError")) expect(e.maximum).toBe(ext?.maximum);
              else if (isSysargsError(e, "NonZeroTailError"))
                expect(e.offset).toBeGreaterThanOrEqual(codec.size);
              else if (isSysargsError(e, "TruncatedInputError")) expect(e.given).toBeLessThan(e.needed);
              else if (isSysargsError(e, "FlagRequiresSizeError"))
                expect(ext?.flagMinSize?.map((f) => f.name)).toContain(e.flag);
              else throw e;
            }
          },
        ),
        { numRuns: 15 },
      );
    }
  });
});
