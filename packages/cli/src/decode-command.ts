import { readFileSync } from "node:fs";
import { type Described, isSysargsError, type TypeCodec } from "@sysargs/runtime";
import { CliError } from "./errors.js";
import { type Io, json } from "./io.js";
import { loadRegistry, notFound, requireAbi } from "./query.js";

/** What `sysargs decode` uses of an ABI module of @sysargs/linux. */
interface AbiModule {
  TYPES: Readonly<Record<string, TypeCodec>>;
  SETS: Readonly<
    Record<string, { describe(v: number | bigint): Described; format(v: number | bigint): string }>
  >;
}

/**
 * Parses --hex: pairs of hex digits, blanks and a leading 0x allowed (what `xxd -p` and a
 * debugger print). Anything else names the first bad character and its position.
 */
export function parseHex(text: string): Uint8Array {
  const digits = text.replace(/^0x/i, "");
  const clean: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const c = digits[i]!;
    if (/\s/.test(c)) continue;
    if (!/[0-9a-f]/i.test(c))
      throw new CliError(
        `--hex: "${c}" at position ${i + (digits.length === text.length ? 0 : 2)} is not a hex digit`,
        1,
      );
    clean.push(c);
  }
  if (clean.length === 0) throw new CliError("--hex: no bytes given", 1);
  if (clean.length % 2 !== 0)
    throw new CliError(`--hex: ${clean.length} hex digits is not a whole number of bytes`, 1);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean[2 * i]! + clean[2 * i + 1]!, 16);
  return out;
}

function readBytes(opts: { hex?: string; file?: string }): Uint8Array {
  if (opts.file !== undefined) {
    try {
      return new Uint8Array(readFileSync(opts.file));
    } catch (e) {
      throw new CliError(
        `cannot read ${opts.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        1,
      );
    }
  }
  return parseHex(opts.hex ?? "");
}

/** Decoded values as JSON: integers as decimal strings (exact for 64-bit), objects and arrays as they are. */
export function jsonValue(v: unknown): unknown {
  if (typeof v === "bigint" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(jsonValue);
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}

const hex = (v: number | bigint) => (BigInt(v) < 0n ? String(v) : `0x${BigInt(v).toString(16)}`);

/** The readable tree: one member a line, nested members indented, flag and enum members by name. */
function tree(mod: AbiModule, codec: TypeCodec, value: unknown): string[] {
  const lines: string[] = [];
  const walk = (v: unknown, path: string, name: string, depth: number) => {
    const pad = "  ".repeat(depth);
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x === "number" || typeof x === "bigint")) {
        lines.push(`${pad}${name} = [${v.map(String).join(", ")}]`);
        return;
      }
      lines.push(`${pad}${name}:`);
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`, `[${i}]`, depth + 1);
      return;
    }
    if (typeof v === "object" && v !== null) {
      if (name !== "") lines.push(`${pad}${name}:`);
      for (const [k, x] of Object.entries(v))
        walk(x, path ? `${path}.${k}` : k, k, name === "" ? depth : depth + 1);
      return;
    }
    const n = v as number | bigint;
    const setName = codec.sets[path];
    const set = setName ? mod.SETS[setName] : undefined;
    const names = set ? `  ${set.format(n)}` : "";
    lines.push(`${pad}${name} = ${String(n)}${BigInt(n) > 9n ? ` (${hex(n)})` : ""}${names}`);
  };
  walk(value, "", "", 1);
  return lines;
}

/** `sysargs decode <type> --abi A (--hex HEX | --file F) [--json]`. */
export async function cmdDecode(
  opts: { type: string; abi: string; hex?: string; file?: string; json: boolean },
  io: Io,
): Promise<void> {
  const abi = requireAbi(loadRegistry(), opts.abi);
  const bytes = readBytes(opts);
  // One ABI's module, loaded on demand: the command never loads the other ABIs.
  const mod = (await import(`@sysargs/linux/${abi}`)) as AbiModule;
  const codec = Object.hasOwn(mod.TYPES, opts.type) ? mod.TYPES[opts.type] : undefined;
  if (!codec) throw notFound(`type on ${abi}`, opts.type, Object.keys(mod.TYPES));
  let value: unknown;
  try {
    value = codec.decode(bytes);
  } catch (e) {
    // The runtime's errors say what the kernel would answer; they are the user's input, not a bug.
    if (isSysargsError(e)) throw new CliError(e.message, 1);
    throw e;
  }
  if (opts.json) {
    io.out(json({ type: codec.name, abi, size: bytes.length, fields: jsonValue(value) }));
    return;
  }
  io.out(
    [
      `${codec.kind} ${codec.name} on ${abi}: ${bytes.length} bytes (${codec.size} known)${codec.omitted.length ? `; not decoded: ${codec.omitted.join(", ")}` : ""}`,
      ...tree(mod, codec, value),
    ].join("\n"),
  );
}
