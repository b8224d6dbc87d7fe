#!/usr/bin/env node
import {
  CliError,
  usageError
} from "./chunk-VVNBBFBK.js";

// dist/main.js
import { parseArgs } from "node:util";
var HELP = `sysargs: the registry of Linux system-call argument schemas

Usage: sysargs <command> [options]

Commands:
  validate                       load schemas/ and report every problem as path:line:col: message
  gen [NAME ...] [--check]       run every generator (or those named) into its folder, atomically;
                                 --check fails if any is stale; --list names them; --out DIR
                                 writes generator NAME into DIR/NAME/ instead
  abis [--json]                  the ABIs with their sizes, alignments and AUDIT_ARCH values
  export --json                  the whole registry with layouts for every ABI
  layout <type> --abi A [--json] pahole-style layout of a struct or union on one ABI
  syscall <name> [--abi A] [--json]  numbers, signature, argument slots, kinds and struct sizes per ABI
  syscalls --abi A [--json]      the ABI's syscall table with kernel versions
  resolve <number|name> --abi A  syscall number to name or name to number (like scmp_sys_resolver)
  verify [--abi A] [--json]      prove layouts and constants with cross compilers and the kernel's BTF
  help                           this text

Options:
  --registry DIR    query this registry data folder (written by "gen registry --out") instead of
                    the one @sysargs/registry ships
  --schemas DIR     read schemas from DIR (validate, gen)

Exit codes: 0 success, 1 invalid schemas or unknown name/ABI, 2 usage error.`;
var OPTIONS = {
  abi: { type: "string" },
  json: { type: "boolean", default: false },
  check: { type: "boolean", default: false },
  out: { type: "string" },
  quiet: { type: "boolean", default: false },
  list: { type: "boolean", default: false },
  registry: { type: "string" },
  schemas: { type: "string" },
  help: { type: "boolean", short: "h", default: false }
};
var queries = () => import("./commands-3HDVMMAW.js");
function requireArg(value, what) {
  if (!value)
    throw usageError(`missing ${what}`);
  return value;
}
async function run(argv, io, err) {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw usageError(e.message);
    }
    const { values: v, positionals } = parsed;
    const [command, ...rest] = positionals;
    const registry = v.registry;
    const expectArgs = (n) => {
      if (rest.length > n)
        throw usageError(`unexpected argument "${rest[n]}" for ${command}`);
    };
    const opt = (o, key, value) => value === void 0 ? o : { ...o, [key]: value };
    if (v.help || command === void 0 || command === "help") {
      io.out(HELP);
      return command === void 0 && !v.help ? 2 : 0;
    }
    switch (command) {
      case "validate":
        expectArgs(0);
        (await import("./gen-Z37WQ6XJ.js")).cmdValidate(opt({}, "schemas", v.schemas), io);
        return 0;
      case "gen": {
        const gen = await import("./gen-Z37WQ6XJ.js");
        if (v.list) {
          expectArgs(0);
          gen.cmdGenList(io);
          return 0;
        }
        gen.cmdGen(opt(opt({ names: rest, check: v.check, quiet: v.quiet }, "out", v.out), "schemas", v.schemas), io);
        return 0;
      }
      case "abis":
        expectArgs(0);
        (await queries()).cmdAbis(opt({ json: v.json }, "registry", registry), io);
        return 0;
      case "export": {
        expectArgs(0);
        if (!v.json)
          throw usageError("export writes JSON only: use export --json");
        (await queries()).cmdExport(opt({}, "registry", registry), io);
        return 0;
      }
      case "layout": {
        expectArgs(1);
        const type = requireArg(rest[0], "type name: sysargs layout <type> --abi <abi>");
        const abi = requireArg(v.abi, "--abi: sysargs layout <type> --abi <abi>");
        (await queries()).cmdLayout(opt({ type, abi, json: v.json }, "registry", registry), io);
        return 0;
      }
      case "syscall": {
        expectArgs(1);
        const name = requireArg(rest[0], "syscall name: sysargs syscall <name>");
        (await queries()).cmdSyscall(opt(opt({ name, json: v.json }, "abi", v.abi), "registry", registry), io);
        return 0;
      }
      case "syscalls": {
        expectArgs(0);
        const abi = requireArg(v.abi, "--abi: sysargs syscalls --abi <abi>");
        (await import("./tables-commands-MYBU2ZTI.js")).cmdSyscalls(opt({ abi, json: v.json }, "registry", registry), io);
        return 0;
      }
      case "resolve": {
        expectArgs(1);
        const what = requireArg(rest[0], "syscall number or name: sysargs resolve <number|name> --abi <abi>");
        const abi = requireArg(v.abi, "--abi: sysargs resolve <number|name> --abi <abi>");
        (await import("./tables-commands-MYBU2ZTI.js")).cmdResolve(opt({ what, abi, json: v.json }, "registry", registry), io);
        return 0;
      }
      case "verify":
        expectArgs(0);
        return await (await import("./verify-command-RNTEVCSL.js")).cmdVerify(opt(opt({ json: v.json }, "abi", v.abi), "schemas", v.schemas), io);
      default:
        throw usageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      err(`sysargs: ${e.message}`);
      return e.exitCode;
    }
    if (e?.name === "RegistryDataError") {
      err(`sysargs: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

// dist/bin.js
process.exitCode = await run(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}
`) }, (s) => process.stderr.write(`${s}
`));
