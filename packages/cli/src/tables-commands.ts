import type { TableEntry } from "@sysargs/model";
import { CliError, usageError } from "./errors.js";
import { type Io, table } from "./io.js";
import { loadRegistry, notFound, requireAbi } from "./query.js";

/** `sysargs syscalls --abi A`: the ABI's whole table with kernel versions. */
export function cmdSyscalls(opts: { abi: string; json: boolean; registry?: string }, io: Io): void {
  const registry = loadRegistry(opts.registry);
  const abi = requireAbi(registry, opts.abi);
  const t = registry.table(abi);
  if (!t) throw new CliError(`the registry has no syscall table for ${abi}`, 1);
  if (opts.json) {
    io.out(
      JSON.stringify(
        { abi, count: t.entries.length, syscalls: t.entries, notImplemented: t.notImplemented },
        null,
        2,
      ),
    );
    return;
  }
  const rows = [["number", "name", "since", "declared"]];
  const declared = new Set(registry.syscallNames());
  for (const e of t.entries)
    rows.push([String(e.number), e.name, e.since ?? "?", declared.has(e.name) ? "yes" : "no signature"]);
  io.out(
    `${table(rows)}\n${t.entries.length} syscalls on ${abi} (${t.notImplemented.length} reserved numbers not implemented)`,
  );
}

/**
 * A syscall number as `resolve` accepts it: decimal digits or 0x and hex digits, of any length
 * (parsed exactly with BigInt: 2^64-1 is not rounded, 5000 digits are not Infinity). Anything
 * else that is not a syscall name (lower-case letters, digits and _) is a usage error, so that
 * "+435", "0x" or "NaN" are not looked up as names.
 */
export function parseNumber(what: string): bigint | undefined {
  if (/^(\d+|0x[0-9a-f]+)$/i.test(what)) return BigInt(what);
  if (/^[a-z_][a-z0-9_]*$/.test(what)) return undefined;
  throw usageError(
    /^[+\-\d]|^(nan|infinity)$/i.test(what)
      ? `"${what}" is not a syscall number: write it in decimal or as 0x followed by hex digits`
      : `"${what}" is neither a syscall number nor a syscall name`,
  );
}

/** A number for a one-line message: a huge one is shortened, and says how many digits it has. */
const shortDigits = (n: bigint): string => {
  const s = n.toString();
  return s.length <= 40 ? s : `${s.slice(0, 12)}...${s.slice(-12)} (${s.length} digits)`;
};

/** `sysargs resolve <number|name> --abi A`: both directions, like scmp_sys_resolver, with versions. */
export function cmdResolve(
  opts: { what: string; abi: string; json: boolean; registry?: string },
  io: Io,
): void {
  const registry = loadRegistry(opts.registry);
  const abi = requireAbi(registry, opts.abi);
  const t = registry.table(abi);
  if (!t) throw new CliError(`the registry has no syscall table for ${abi}`, 1);
  let hit: TableEntry | undefined;
  const n = parseNumber(opts.what);
  if (n !== undefined) {
    hit = t.entries.find((e) => BigInt(e.number) === n);
    if (!hit) {
      const ni = t.notImplemented.find((e) => BigInt(e.number) === n);
      throw new CliError(
        ni
          ? `${n} is reserved for ${ni.name} on ${abi} but not implemented`
          : `no syscall has number ${shortDigits(n)} on ${abi}`,
        1,
      );
    }
  } else {
    hit = t.entries.find((e) => e.name === opts.what);
    if (!hit) {
      const elsewhere = Object.keys(registry.numbers(opts.what) ?? {});
      if (elsewhere.length)
        throw new CliError(`${opts.what} does not exist on ${abi} (it does on ${elsewhere.join(", ")})`, 1);
      throw notFound(
        `syscall on ${abi}`,
        opts.what,
        t.entries.map((e) => e.name),
      );
    }
  }
  if (opts.json) io.out(JSON.stringify({ abi, ...hit }, null, 2));
  else io.out(/^\d/.test(opts.what) || opts.what.startsWith("0x") ? hit.name : String(hit.number));
}
