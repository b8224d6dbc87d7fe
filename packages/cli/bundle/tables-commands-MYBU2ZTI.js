import {
  loadRegistry,
  notFound,
  requireAbi
} from "./chunk-RCZT3K7K.js";
import "./chunk-XQVPLUMH.js";
import {
  CliError
} from "./chunk-VVNBBFBK.js";
import {
  table
} from "./chunk-G67NX5UV.js";

// dist/tables-commands.js
function cmdSyscalls(opts, io) {
  const registry = loadRegistry(opts.registry);
  const abi = requireAbi(registry, opts.abi);
  const t = registry.table(abi);
  if (!t)
    throw new CliError(`the registry has no syscall table for ${abi}`, 1);
  if (opts.json) {
    io.out(JSON.stringify({ abi, count: t.entries.length, syscalls: t.entries, notImplemented: t.notImplemented }, null, 2));
    return;
  }
  const rows = [["number", "name", "since", "declared"]];
  const declared = new Set(registry.syscallNames());
  for (const e of t.entries)
    rows.push([String(e.number), e.name, e.since ?? "?", declared.has(e.name) ? "yes" : "no signature"]);
  io.out(`${table(rows)}
${t.entries.length} syscalls on ${abi} (${t.notImplemented.length} reserved numbers not implemented)`);
}
function cmdResolve(opts, io) {
  const registry = loadRegistry(opts.registry);
  const abi = requireAbi(registry, opts.abi);
  const t = registry.table(abi);
  if (!t)
    throw new CliError(`the registry has no syscall table for ${abi}`, 1);
  let hit;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(opts.what)) {
    const n = Number(opts.what);
    hit = t.entries.find((e) => e.number === n);
    if (!hit) {
      const ni = t.notImplemented.find((e) => e.number === n);
      throw new CliError(ni ? `${n} is reserved for ${ni.name} on ${abi} but not implemented` : `no syscall has number ${n} on ${abi}`, 1);
    }
  } else {
    hit = t.entries.find((e) => e.name === opts.what);
    if (!hit) {
      const elsewhere = Object.keys(registry.numbers(opts.what) ?? {});
      if (elsewhere.length)
        throw new CliError(`${opts.what} does not exist on ${abi} (it does on ${elsewhere.join(", ")})`, 1);
      throw notFound(`syscall on ${abi}`, opts.what, t.entries.map((e) => e.name));
    }
  }
  if (opts.json)
    io.out(JSON.stringify({ abi, ...hit }, null, 2));
  else
    io.out(/^\d/.test(opts.what) || opts.what.startsWith("0x") ? hit.name : String(hit.number));
}
export {
  cmdResolve,
  cmdSyscalls
};
