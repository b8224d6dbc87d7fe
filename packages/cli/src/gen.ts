import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { type GeneratedFile, generateRegistryJson } from "@sysargs/gen-registry";
import { LayoutEngine } from "@sysargs/layout";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic, type Registry, RegistryIndex } from "@sysargs/model";
import type { Io } from "./commands.js";
import { table } from "./commands.js";
import { CliError } from "./errors.js";
import { repoRoot, schemasDir } from "./query.js";

/** Every generator that exists: pure functions from the IR to files under generated/. */
export const GENERATORS: { name: string; run: (r: Registry) => GeneratedFile[] }[] = [
  { name: "registry-json", run: generateRegistryJson },
];

/** Loads schemas/ or fails with every diagnostic and what did not happen because of them. */
export function loadOrFail(schemas = schemasDir(), consequence = "nothing was written"): Registry {
  const result = loadSchemas(schemas, { displayBase: repoRoot() });
  if (!result.registry) {
    throw new CliError(
      `${result.diagnostics.map(formatDiagnostic).join("\n")}\n${result.diagnostics.length} error(s); ${consequence}`,
      1,
    );
  }
  return result.registry;
}

export function cmdValidate(opts: { schemas?: string }, io: Io): void {
  const r = loadOrFail(opts.schemas);
  io.out(
    `ok: ${r.abis.length} ABIs, ${r.types.length} types, ${r.sets.length} flag sets and enums, ${r.syscalls.length} syscalls`,
  );
}

function generateAll(registry: Registry): GeneratedFile[] {
  const files = GENERATORS.flatMap((g) => g.run(registry));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two generators write ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const listFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(dir, join(d.parentPath, d.name)))
        .sort()
    : [];

/**
 * Writes every generator's output to `out` atomically: into a fresh sibling directory first,
 * then swapped in with renames, so a failure never leaves a half-written tree.
 * With `check`, writes nothing and fails if the tree on disk differs.
 */
export function cmdGen(
  opts: { out?: string; check: boolean; schemas?: string; quiet: boolean },
  io: Io,
): void {
  const t0 = performance.now();
  const registry = loadOrFail(opts.schemas);
  const files = generateAll(registry);
  const out = opts.out ?? join(repoRoot(), "generated");
  if (opts.check) {
    const stale: string[] = [];
    const want = new Map(files.map((f) => [f.path, f.content]));
    for (const [p, content] of want) {
      const file = join(out, p);
      if (!existsSync(file) || readFileSync(file, "utf8") !== content) stale.push(p);
    }
    for (const p of listFiles(out)) if (!want.has(p)) stale.push(`${p} (not generated any more)`);
    if (stale.length)
      throw new CliError(
        `generated files are stale: ${stale.join(", ")}\nrun "pnpm sysargs gen" and commit the result`,
        1,
      );
    io.out(`${relative(process.cwd(), out) || "."}/ is up to date (${files.length} files)`);
    return;
  }
  const tmp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const p = join(tmp, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    throw e;
  }
  const ms = performance.now() - t0;
  if (!opts.quiet) io.out(summary(registry, files, relative(process.cwd(), out) || ".", ms));
}

function summary(registry: Registry, files: GeneratedFile[], out: string, ms: number): string {
  const index = new RegistryIndex(registry);
  const lines = [
    `sysargs registry for Linux ${registry.kernel}: ${registry.abis.length} ABIs, ${registry.types.length} types, ${registry.sets.length} flag sets and enums, ${registry.syscalls.length} syscalls`,
    "",
    "Extensible structs (deep-inspection candidates):",
  ];
  const rows = [["struct", "sizes (kernel version)", "size travels in", "x86_64", "i386", "m68k"]];
  // The few layouts the summary shows, computed (and cached) by one engine rather than read back
  // from the registry.json that was just serialised.
  const engine = new LayoutEngine(index);
  for (const t of registry.types) {
    if (t.kind === "variant" || !t.extensible) continue;
    const at = (abi: string) => {
      if (!index.abi(abi)) return "-";
      const l = engine.layout(t.name, abi);
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
    for (const abi of index.abiNames()) {
      const s = engine.layout(t.name, abi).size;
      sizes.set(s, [...(sizes.get(s) ?? []), abi]);
    }
    lines.push(`  ${t.name}: ${[...sizes].map(([s, a]) => `${s} (${a.join(",")})`).join("; ")}`);
  }
  if (registry.tables.length) {
    lines.push("", "Syscalls per ABI (all with signatures):");
    const counts = registry.tables.map((t) => `${t.abi} ${t.entries.length}`);
    for (let i = 0; i < counts.length; i += 9) lines.push(`  ${counts.slice(i, i + 9).join(", ")}`);
  }
  lines.push("", 'Prove it: "pnpm sysargs verify" (cross compilers, kernel BTF, Linux source).');
  const groups = new Map<string, number>();
  for (const f of files) {
    const top = f.path.includes("/") ? `${f.path.split("/")[0]}/` : f.path;
    groups.set(top, (groups.get(top) ?? 0) + 1);
  }
  const listed = [...groups].map(([p, n]) => (p.endsWith("/") ? `${p} (${n} files)` : p)).join(", ");
  lines.push("", `Wrote ${files.length} files to ${out}/ in ${ms.toFixed(0)} ms: ${listed}`);
  return lines.join("\n");
}
