import type { ReservedNumber, TableEntry } from "@sysargs/model";
import { CliError, usageError } from "./errors.js";
import { type Io, table } from "./io.js";
import { loadRegistry, notFound, requireAbi } from "./query.js";

/** A table row's first release: "5.3", "<=3.0" (3.0 already had it; the floor of the source), or "?". */
export function sinceLabel(e: { since?: string | null; sinceAtMost?: string }): string {
  return e.since ?? (e.sinceAtMost !== undefined ? `<=${e.sinceAtMost}` : "?");
}

/** What a reserved number is: "removed in 5.5", "never implemented", ... (schemas/tables/history.tsv). */
export function reservedStatus(r: ReservedNumber): string {
  if (r.status === "removed")
    return r.removedIn ? `removed in ${r.removedIn}` : "removed, release not established";
  if (r.status === "never") return "never implemented";
  return "reserved, not implemented; no history recorded";
}

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
    rows.push([String(e.number), e.name, sinceLabel(e), declared.has(e.name) ? "yes" : "no signature"]);
  // Removed and never-implemented names stay nameable (a policy for an older kernel names them).
  const reserved = [["number", "name", "since", "status"]];
  for (const r of t.notImplemented)
    reserved.push([String(r.number), r.name, sinceLabel(r), reservedStatus(r)]);
  const removed = t.notImplemented.filter((r) => r.status === "removed").length;
  io.out(
    `${table(rows)}\n${t.entries.length} syscalls on ${abi}\n\n` +
      `reserved numbers without an implementation on ${abi}:\n${table(reserved)}\n` +
      `${t.notImplemented.length} reserved numbers (${removed} removed syscalls, ` +
      `${t.notImplemented.filter((r) => r.status === "never").length} never implemented)`,
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
  let reserved: ReservedNumber | undefined;
  const n = parseNumber(opts.what);
  if (n !== undefined) {
    hit = t.entries.find((e) => BigInt(e.number) === n);
    reserved = hit ? undefined : t.notImplemented.find((e) => BigInt(e.number) === n);
    if (!hit && !reserved) throw new CliError(`no syscall has number ${shortDigits(n)} on ${abi}`, 1);
  } else {
    hit = t.entries.find((e) => e.name === opts.what);
    reserved = hit ? undefined : t.notImplemented.find((e) => e.name === opts.what);
    if (!hit && !reserved) {
      const elsewhere = Object.keys(registry.numbers(opts.what) ?? {});
      if (elsewhere.length)
        throw new CliError(`${opts.what} does not exist on ${abi} (it does on ${elsewhere.join(", ")})`, 1);
      throw notFound(
        `syscall on ${abi}`,
        opts.what,
        [...t.entries, ...t.notImplemented].map((e) => e.name),
      );
    }
  }
  if (reserved) {
    // A reserved number resolves like scmp_sys_resolver does, marked so that nobody takes it for
    // an implemented syscall.
    if (opts.json) io.out(JSON.stringify({ abi, implemented: false, ...reserved }, null, 2));
    else io.out(`${n !== undefined ? reserved.name : String(reserved.number)} (${reservedStatus(reserved)})`);
    return;
  }
  if (!hit) return;
  if (opts.json) io.out(JSON.stringify({ abi, implemented: true, ...hit }, null, 2));
  else io.out(/^\d/.test(opts.what) || opts.what.startsWith("0x") ? hit.name : String(hit.number));
}
