import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  coverage,
  GeneratorContext,
  GeneratorError,
  type GeneratorOutput,
  runGenerators,
  selectGenerators,
} from "@sysargs/codegen";
import { GENERATORS } from "@sysargs/generators";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic, type Registry } from "@sysargs/model";
import { CliError, usageError } from "./errors.js";
import { checkPrefix, installC, PKGCONFIG_DIR } from "./install.js";
import { type Io, json, table } from "./io.js";
import { listFiles, publish } from "./publish.js";
import { findCheckout } from "./repo.js";

/** The schemas folder to load: --schemas, else the checkout's schemas/. */
function schemasDir(explicit: string | undefined): { schemas: string; displayBase: string } {
  if (explicit) {
    if (!existsSync(explicit)) throw new CliError(`--schemas ${explicit}: no such folder`, 1);
    return { schemas: explicit, displayBase: findCheckout() ?? process.cwd() };
  }
  const checkout = findCheckout();
  if (!checkout)
    throw new CliError("no schemas to read: run inside a sysargs checkout or pass --schemas DIR", 1);
  return { schemas: join(checkout, "schemas"), displayBase: checkout };
}

/** Loads the schemas or fails with every diagnostic and what did not happen because of them. */
export function loadOrFail(explicit?: string, consequence = "nothing was written"): Registry {
  const { schemas, displayBase } = schemasDir(explicit);
  const result = loadSchemas(schemas, { displayBase });
  if (!result.registry) {
    throw new CliError(
      `${result.diagnostics.map(formatDiagnostic).join("\n")}\n${result.diagnostics.length} error(s); ${consequence}`,
      1,
    );
  }
  return result.registry;
}

/**
 * `sysargs validate [--json]`. With --json the report is one document on stdout whether or not
 * the schemas are valid (the exit code still says which): `{ ok, diagnostics, counts }`.
 */
export function cmdValidate(opts: { schemas?: string; json?: boolean }, io: Io): number {
  if (opts.json) {
    const { schemas, displayBase } = schemasDir(opts.schemas);
    const result = loadSchemas(schemas, { displayBase });
    const r = result.registry;
    io.out(
      json({
        ok: r !== undefined,
        diagnostics: result.diagnostics.map((d) => ({
          file: d.loc.file,
          line: d.loc.line,
          col: d.loc.col,
          message: d.message,
        })),
        counts: r
          ? { abis: r.abis.length, types: r.types.length, sets: r.sets.length, syscalls: r.syscalls.length }
          : null,
      }),
    );
    return r ? 0 : 1;
  }
  const r = loadOrFail(opts.schemas);
  io.out(
    `ok: ${r.abis.length} ABIs, ${r.types.length} types, ${r.sets.length} flag sets and enums, ${r.syscalls.length} syscalls`,
  );
  return 0;
}

/** `sysargs gen --list`: the generators, their folders and what they write. */
export function cmdGenList(io: Io): void {
  io.out(
    table([
      ["generator", "folder", "writes"],
      ...GENERATORS.map((g) => [g.name, `${g.outDir}/`, g.description]),
    ]),
  );
}

export interface GenOptions {
  /** Generator names; none: all of them. */
  names: string[];
  check: boolean;
  /** Write generator NAME into OUT/NAME/ instead of its folder in the checkout. */
  out?: string;
  schemas?: string;
  quiet: boolean;
  /** Write only these ABIs (by name or alias): generators that select ABIs, with `out` or `prefix`. */
  abis?: string[];
  /** Install generator c's headers and pkg-config file under this prefix (installC). */
  prefix?: string;
}

/**
 * Runs the generators over one context and writes each one's folder with `publish` (staged
 * beside the target, swapped in under a lock, never over a foreign or read-only folder). With
 * `check`, writes nothing and fails if any folder on disk differs.
 */
export function cmdGen(opts: GenOptions, io: Io): void {
  const t0 = performance.now();
  let generators: ReturnType<typeof selectGenerators>;
  try {
    generators = selectGenerators(GENERATORS, opts.names);
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  if (opts.out !== undefined) {
    // An empty --out would write into the working directory, and "/" would put generator
    // folders at the root of the file system: both are mistakes, not requests.
    if (opts.out === "") throw usageError("--out needs a folder");
    if (resolve(opts.out) === "/") throw usageError("--out /: refusing to write into the root folder");
  }
  if (opts.prefix !== undefined) {
    if (opts.names.length !== 1 || opts.names[0] !== "c")
      throw usageError("--prefix installs the C headers: sysargs gen c --prefix P");
    if (opts.out !== undefined || opts.check)
      throw usageError("--prefix installs: it takes neither --out nor --check");
    checkPrefix(opts.prefix);
  }
  if (opts.abis !== undefined) {
    // The checkout's folders hold every ABI (gen --check compares them so): a subset goes elsewhere.
    if (opts.out === undefined && opts.prefix === undefined)
      throw usageError("--abi needs --out DIR or --prefix P: the checkout's folders hold every ABI");
    const whole = generators.filter((g) => !g.selectsAbis).map((g) => g.name);
    if (whole.length)
      throw usageError(
        `--abi applies only to generators that select ABIs (${GENERATORS.filter((g) => g.selectsAbis)
          .map((g) => g.name)
          .join(", ")}); ${whole.join(", ")} always write${whole.length > 1 ? "" : "s"} every ABI`,
      );
  }
  const elsewhere = opts.out !== undefined || opts.prefix !== undefined;
  const checkout = elsewhere ? undefined : findCheckout();
  if (!elsewhere && !checkout)
    throw new CliError("no sysargs checkout to write into: run inside one or pass --out DIR", 1);
  const targetOf = (o: GeneratorOutput) =>
    opts.out !== undefined ? join(opts.out, o.generator.name) : join(checkout!, o.generator.outDir);
  const registry = loadOrFail(opts.schemas);
  const ctx = new GeneratorContext(registry);
  let outputs: GeneratorOutput[];
  try {
    outputs = runGenerators(ctx, generators, opts.abis ? { abis: opts.abis } : {});
  } catch (e) {
    // An unknown ABI in --abi; any other broken rule of the interface is a bug, not the user's.
    if (opts.abis !== undefined && e instanceof GeneratorError && /unknown ABI/.test(e.message))
      throw new CliError(`--abi: ${e.message}`, 1);
    throw e;
  }
  // Paths in messages: relative to the working directory when inside it, else absolute.
  const shown = (dir: string) => {
    const r = relative(process.cwd(), dir);
    return r === "" ? "." : r.startsWith("..") ? resolve(dir) : r;
  };

  if (opts.check) {
    const stale: string[] = [];
    for (const o of outputs) {
      const dir = targetOf(o);
      const want = new Map(o.files.map((f) => [f.path, f.content]));
      for (const [p, content] of want) {
        const file = join(dir, p);
        if (!existsSync(file) || readFileSync(file, "utf8") !== content) stale.push(join(shown(dir), p));
      }
      for (const p of listFiles(dir))
        if (!want.has(p)) stale.push(`${join(shown(dir), p)} (not generated any more)`);
    }
    if (stale.length)
      throw new CliError(
        `generated files are stale: ${stale.slice(0, 20).join(", ")}${stale.length > 20 ? ` and ${stale.length - 20} more` : ""}\nrun "pnpm sysargs gen" and commit the result`,
        1,
      );
    const count = outputs.reduce((n, o) => n + o.files.length, 0);
    io.out(`${outputs.map((o) => `${shown(targetOf(o))}/`).join(", ")} up to date (${count} files)`);
    return;
  }

  if (opts.prefix !== undefined) {
    const installed = installC(opts.prefix, outputs[0]!.files);
    if (!opts.quiet) {
      const root = resolve(opts.prefix);
      io.out(
        `Installed ${installed.length} files under ${root}: include/sysargs.h, include/sysargs_parse.h, include/sysargs_runtime.h, include/sysargs/ and ${PKGCONFIG_DIR}/sysargs.pc\nUse: PKG_CONFIG_PATH=${join(root, PKGCONFIG_DIR)} pkg-config --cflags sysargs`,
      );
    }
    return;
  }
  publish(
    outputs.map((o) => ({ dir: targetOf(o), files: o.files })),
    shown,
  );
  const ms = performance.now() - t0;
  if (!opts.quiet)
    io.out(
      summary(
        ctx,
        outputs.map((o) => ({ name: o.generator.name, dir: shown(targetOf(o)), files: o.files.length })),
        ms,
      ),
    );
}

function summary(
  ctx: GeneratorContext,
  written: { name: string; dir: string; files: number }[],
  ms: number,
): string {
  const registry = ctx.registry;
  const lines = [
    `sysargs registry for Linux ${registry.kernel}: ${registry.abis.length} ABIs, ${registry.types.length} types, ${registry.sets.length} flag sets and enums, ${registry.syscalls.length} syscalls`,
    "",
    "Extensible structs (deep-inspection candidates):",
  ];
  const rows = [["struct", "sizes (kernel version)", "size travels in", "x86_64", "i386", "m68k"]];
  for (const t of registry.types) {
    if (t.kind === "variant" || !t.extensible) continue;
    const at = (abi: string) => {
      if (!ctx.index.abi(abi)) return "-";
      const l = ctx.layout(t.name, abi);
      return `${l.size}/${l.align}`;
    };
    rows.push([
      t.name,
      t.extensible.versions.map((v) => `${v.size} (${v.since})`).join(", "),
      t.extensible.sizeIn.kind === "field" ? `field ${t.extensible.sizeIn.field}` : t.extensible.sizeIn.kind,
      at("x86_64"),
      at("i386"),
      at("m68k"),
    ]);
  }
  lines.push(table(rows), "", "Per-ABI types (size on each ABI family):");
  for (const t of registry.types) {
    if (t.kind !== "variant") continue;
    const sizes = new Map<number, string[]>();
    for (const abi of ctx.abis) {
      const s = ctx.layout(t.name, abi.name).size;
      sizes.set(s, [...(sizes.get(s) ?? []), abi.name]);
    }
    lines.push(`  ${t.name}: ${[...sizes].map(([s, a]) => `${s} (${a.join(",")})`).join("; ")}`);
  }
  if (registry.tables.length) {
    lines.push("", "Syscalls per ABI (all with signatures):");
    const counts = registry.tables.map((t) => `${t.abi} ${t.entries.length}`);
    for (let i = 0; i < counts.length; i += 9) lines.push(`  ${counts.slice(i, i + 9).join(", ")}`);
    // How much of each ABI's arguments the registry describes (issue 8 tracks the rest).
    const pct = (n: number, of: number) => `${n}/${of} (${of ? Math.round((100 * n) / of) : 100}%)`;
    const cov = [["abi", "typed pointer arguments", "flag-like arguments with a set"]];
    for (const c of coverage(ctx))
      if (c.syscalls) cov.push([c.abi, pct(c.typedPointers, c.pointers), pct(c.withSet, c.flagLike)]);
    lines.push("", "Coverage per ABI (pointers to something other than void; flags, modes, ops with a set):");
    lines.push(
      ...table(cov)
        .split("\n")
        .map((l) => `  ${l}`),
    );
  }
  lines.push("", 'Prove it: "pnpm sysargs verify" (cross compilers, kernel BTF, Linux source).', "");
  const total = written.reduce((n, w) => n + w.files, 0);
  lines.push(`Wrote ${total} files in ${ms.toFixed(0)} ms:`);
  for (const w of written) lines.push(`  ${w.name.padEnd(12)} ${w.files} files in ${w.dir}/`);
  return lines.join("\n");
}
