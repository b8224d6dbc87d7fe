import { parseArgs } from "node:util";
import { CliError, usageError } from "./errors.js";
import type { Io } from "./io.js";

export const HELP = `sysargs: the registry of Linux system-call argument schemas

Usage: sysargs <command> [options]

Commands:
  validate [--json]              load schemas/ and report every problem as path:line:col: message;
                                 --json: {ok, diagnostics: [{file, line, col, message}], counts}
  gen [NAME ...] [--check]       run every generator (or those named) into its folder, atomically;
                                 --check fails if any is stale; --list names them; --out DIR
                                 writes generator NAME into DIR/NAME/ instead (DIR's parent must
                                 exist); --abi A,B (with --out or --prefix) writes only those
                                 ABIs, for generators that select ABIs (c); --quiet
  gen c --prefix P [--abi A,B]   install the C headers under P/include and a pkg-config file in
                                 P/share/pkgconfig (PKG_CONFIG_PATH=P/share/pkgconfig pkg-config
                                 --cflags sysargs); replaces only files sysargs installed
  abis [--abi A] [--json]        the ABIs (or ABI A) with their sizes, alignments and AUDIT_ARCH values
  export --json                  the whole registry with layouts for every ABI
  layout <type> --abi A [--json] pahole-style layout of a struct or union on one ABI
  syscall <name> [--abi A] [--json]  numbers, signature, argument slots, kinds and struct sizes per ABI
  syscalls --abi A [--json]      the ABI's syscall table with kernel versions
  resolve <number|name> --abi A  syscall number to name or name to number (like scmp_sys_resolver);
                                 a number is decimal digits or 0x and hex digits
  decode <type> --abi A (--hex HEX | --file F) [--json]
                                 decode a struct's bytes as the kernel would copy them: a tree with
                                 flag names, or {type, abi, size, fields} with integers as decimal
                                 strings; bytes the kernel refuses exit 1 naming why
  verify [--abi A] [--json]      prove layouts and constants with cross compilers and the kernel's BTF
  caps [syscall] [--abi A] [--json]  the capability list: how a filter can look at each argument
                                 (register, fd, multiplexer, extensible struct fields with offsets
                                 and versions, path, ...), fallbacks, classic equivalents;
                                 --inspectable only deep-inspectable syscalls; --kernel V as of
                                 Linux V; --field NAME where an argument or struct field is NAME;
                                 --compare A,B what differs between two ABIs; --landlock the path
                                 syscalls and the Landlock rights that cover them
  probe [--json]                 ask the running kernel which syscalls exist and how large a struct
                                 each extensible-struct syscall knows; SAFE: it never creates
                                 processes, mounts, files or sockets (every call is made to fail
                                 after the kernel copied the struct); needs a C compiler (cc)
  help                           this text

Options:
  --registry DIR    query this registry data folder (written by "gen registry --out") instead of
                    the one @sysargs/registry ships (abis, export, layout, syscall, syscalls, resolve)
  --schemas DIR     read schemas from DIR (validate, gen, verify)
  A command accepts only the options shown for it, each at most once (one --abi per run).

Exit codes: 0 success, 1 invalid schemas, unknown name/ABI or a file that cannot be written,
2 usage error, 70 internal error (SYSARGS_DEBUG=1 prints its stack). A closed output pipe
(sysargs export --json | head) ends the run quietly with 0.`;

const OPTIONS = {
  abi: { type: "string" },
  json: { type: "boolean", default: false },
  check: { type: "boolean", default: false },
  out: { type: "string" },
  prefix: { type: "string" },
  quiet: { type: "boolean", default: false },
  list: { type: "boolean", default: false },
  registry: { type: "string" },
  hex: { type: "string" },
  file: { type: "string" },
  schemas: { type: "string" },
  kernel: { type: "string" },
  inspectable: { type: "boolean", default: false },
  field: { type: "string" },
  compare: { type: "string" },
  landlock: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

// Each command loads only the modules it needs: a query never loads ts-morph or the generators.
const queries = () => import("./commands.js");

/** `--abi A,B`: the one option lists its values with commas, since an option given twice is refused. */
function abiList(value: string): string[] {
  const abis = value.split(",").map((a) => a.trim());
  if (abis.some((a) => a === "")) throw usageError(`--abi ${value}: an empty ABI name in the list`);
  return abis;
}

function requireArg(value: string | undefined, what: string): string {
  if (!value) throw usageError(`missing ${what}`);
  return value;
}

/**
 * The options each command takes. Any other option exits 2 naming the option and the command: a
 * flag that is accepted and then ignored (`gen --json`, `verify --registry`) misleads.
 */
const ACCEPTS: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  validate: ["schemas", "json"],
  gen: ["check", "out", "quiet", "list", "schemas", "abi", "prefix"],
  abis: ["abi", "json", "registry"],
  export: ["json", "registry"],
  layout: ["abi", "json", "registry"],
  syscall: ["abi", "json", "registry"],
  syscalls: ["abi", "json", "registry"],
  resolve: ["abi", "json", "registry"],
  decode: ["abi", "hex", "file", "json"],
  verify: ["abi", "json", "schemas"],
  caps: ["abi", "json", "kernel", "inspectable", "field", "compare", "landlock"],
  probe: ["json"],
  help: [],
};

type Parsed = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>
>;

/** Parses argv strictly: unknown, repeated and (for the command) inapplicable options are usage errors. */
function parse(argv: string[]): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw usageError((e as Error).message);
  }
  const command = parsed.positionals[0];
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== "option") continue;
    // Every option takes one value: a second one would silently win over the first.
    if (seen.has(t.name)) throw usageError(`--${t.name} given more than once`);
    seen.add(t.name);
    const accepted = command !== undefined ? ACCEPTS[command] : undefined;
    if (t.name !== "help" && accepted && !accepted.includes(t.name as keyof typeof OPTIONS))
      throw usageError(`${command} does not take --${t.name}`);
  }
  return parsed;
}

/** The one line (and with SYSARGS_DEBUG=1 the stack) for an error no command anticipated. */
function internalError(e: unknown, err: (s: string) => void): number {
  const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  err(`sysargs: internal error: ${message} (rerun with SYSARGS_DEBUG=1 for the stack)`);
  if (process.env.SYSARGS_DEBUG === "1" && e instanceof Error && e.stack) err(e.stack);
  return 70;
}

/**
 * Runs one CLI invocation; resolves to the exit code and never rejects: 0 success, 1 a domain
 * error (one line, or every schema diagnostic), 2 a usage error, 70 an internal error. Output
 * goes through `io` (tests capture it).
 */
export async function run(argv: string[], io: Io, err: (s: string) => void): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      err(`sysargs: ${e.message}`);
      return e.exitCode;
    }
    // Damaged registry data is the user's to repair (the message names the file): not internal.
    if ((e as Error)?.name === "RegistryDataError") {
      err(`sysargs: ${(e as Error).message}`);
      return 1;
    }
    return internalError(e, err);
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  const registry = v.registry;
  const expectArgs = (n: number) => {
    if (rest.length > n) throw usageError(`unexpected argument "${rest[n]}" for ${command}`);
  };
  const opt = <T extends object>(o: T, key: string, value: string | undefined): T =>
    value === undefined ? o : { ...o, [key]: value };
  if (command !== undefined && !Object.hasOwn(ACCEPTS, command))
    throw usageError(`unknown command "${command}"`);
  if (v.help || command === undefined || command === "help") {
    io.out(HELP);
    return command === undefined && !v.help ? 2 : 0;
  }
  switch (command) {
    case "validate":
      expectArgs(0);
      // The loader pulls in ts-morph: load it only for the commands that read schemas/.
      return (await import("./gen.js")).cmdValidate(opt({ json: v.json }, "schemas", v.schemas), io);
    case "gen": {
      const gen = await import("./gen.js");
      if (v.list) {
        expectArgs(0);
        gen.cmdGenList(io);
        return 0;
      }
      const base = opt(
        opt(opt({ names: rest, check: v.check, quiet: v.quiet }, "out", v.out), "prefix", v.prefix),
        "schemas",
        v.schemas,
      );
      gen.cmdGen(v.abi === undefined ? base : { ...base, abis: abiList(v.abi) }, io);
      // A SIGINT or SIGTERM that arrived during the (synchronous) write is still queued in the event
      // loop; its handler runs in the next poll phase. Let one turn of the loop happen before the
      // run ends, or the process could exit 0 without ever handling it.
      await new Promise((settled) => setImmediate(settled));
      return 0;
    }
    case "abis":
      expectArgs(0);
      (await queries()).cmdAbis(opt(opt({ json: v.json }, "abi", v.abi), "registry", registry), io);
      return 0;
    case "export": {
      expectArgs(0);
      if (!v.json) throw usageError("export writes JSON only: use export --json");
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
      (await import("./tables-commands.js")).cmdSyscalls(
        opt({ abi, json: v.json }, "registry", registry),
        io,
      );
      return 0;
    }
    case "resolve": {
      expectArgs(1);
      const what = requireArg(rest[0], "syscall number or name: sysargs resolve <number|name> --abi <abi>");
      const abi = requireArg(v.abi, "--abi: sysargs resolve <number|name> --abi <abi>");
      (await import("./tables-commands.js")).cmdResolve(
        opt({ what, abi, json: v.json }, "registry", registry),
        io,
      );
      return 0;
    }
    case "decode": {
      expectArgs(1);
      const usage = "sysargs decode <type> --abi <abi> (--hex HEX | --file FILE)";
      const type = requireArg(rest[0], `type name: ${usage}`);
      const abi = requireArg(v.abi, `--abi: ${usage}`);
      if ((v.hex === undefined) === (v.file === undefined))
        throw usageError(`give one of --hex and --file: ${usage}`);
      await (await import("./decode-command.js")).cmdDecode(
        opt(opt({ type, abi, json: v.json }, "hex", v.hex), "file", v.file),
        io,
      );
      return 0;
    }
    case "verify":
      expectArgs(0);
      // Compilers and BTF are only needed here: load the conformance tool lazily.
      return await (await import("./verify-command.js")).cmdVerify(
        opt(opt({ json: v.json }, "abi", v.abi), "schemas", v.schemas),
        io,
      );
    case "caps": {
      expectArgs(1);
      const caps = await import("./caps-command.js");
      const o = opt(
        opt(
          opt(
            opt(
              opt({ inspectable: v.inspectable, landlock: v.landlock, json: v.json }, "syscall", rest[0]),
              "abi",
              v.abi,
            ),
            "kernel",
            v.kernel,
          ),
          "field",
          v.field,
        ),
        "compare",
        v.compare,
      );
      caps.cmdCaps(o, io);
      return 0;
    }
    case "probe":
      expectArgs(0);
      // Compiles and runs a C helper: loaded only here.
      return (await import("./probe-command.js")).cmdProbe({ json: v.json }, io);
    default:
      throw usageError(`unknown command "${command}"`);
  }
}
