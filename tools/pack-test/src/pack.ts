import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is tools/pack-test/{src,dist}/pack.*). */
export const WORKSPACE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface PublicPackage {
  name: string;
  version: string;
  /** The package's folder in the workspace. */
  dir: string;
  manifest: Record<string, unknown>;
}

export interface PackedPackage extends PublicPackage {
  /** Absolute path of the tarball `pnpm pack` wrote. */
  tarball: string;
  /** The files in the tarball, relative to the package root ("dist/index.js"). */
  files: string[];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The published packages: every packages/* whose package.json says `"private": false`. */
export function publicPackages(root: string = WORKSPACE_ROOT): PublicPackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(packagesDir, d.name, "package.json")))
    .map((d) => {
      const dir = join(packagesDir, d.name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
      return { name: String(manifest.name), version: String(manifest.version), dir, manifest };
    })
    .filter((p) => p.manifest.private === false)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Runs a command to completion; never throws for a non-zero exit (see `mustRun`). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    child.on("error", (e) => reject(new Error(`${command} ${args.join(" ")}: ${e.message}`)));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** Runs a command and fails, with everything it printed, unless it exits 0. */
export async function mustRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  const r = await run(command, args, options);
  if (r.code !== 0)
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited with ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
    );
  return r;
}

/**
 * Packs every public package with `pnpm pack` (which rewrites `workspace:*` to the real versions,
 * as `pnpm publish` does) into `dest`. Needs the build outputs (dist/, the CLI's bundle/): it
 * fails rather than pack a package without them.
 */
export async function packPublicPackages(
  dest: string,
  root: string = WORKSPACE_ROOT,
): Promise<PackedPackage[]> {
  const packages = publicPackages(root);
  if (packages.length === 0) throw new Error(`no public packages under ${join(root, "packages")}`);
  // A package without a build (the C headers of @sysargs/c) ships its files as they are.
  const unbuilt = packages.filter(
    (p) =>
      ((p.manifest.scripts as Record<string, string> | undefined)?.build !== undefined &&
        !existsSync(join(p.dir, "dist"))) ||
      (p.name === "sysargs" && !existsSync(join(p.dir, "bundle"))),
  );
  if (unbuilt.length > 0)
    throw new Error(
      `not built: ${unbuilt.map((p) => p.name).join(", ")}; run "pnpm turbo run build" first (pnpm test does)`,
    );
  const filters = packages.flatMap((p) => ["--filter", p.name]);
  const r = await mustRun("pnpm", ["-r", ...filters, "pack", "--pack-destination", dest, "--json"], {
    cwd: root,
  });
  const reported = JSON.parse(r.stdout) as { name: string; filename: string; files: { path: string }[] }[];
  return packages.map((p) => {
    const hit = reported.find((x) => x.name === p.name);
    if (!hit || !existsSync(hit.filename))
      throw new Error(`pnpm pack wrote no tarball for ${p.name}:\n${r.stdout}\n${r.stderr}`);
    return { ...p, tarball: hit.filename, files: hit.files.map((f) => f.path).sort() };
  });
}

/** What `lintTarball` found for one package. */
export interface LintResult {
  name: string;
  tool: "publint" | "attw";
  ok: boolean;
  output: string;
}

const bin = (root: string, name: string) => join(root, "node_modules", ".bin", name);

/**
 * Lints one packed tarball with publint (warnings are errors) and with are-the-types-wrong.
 *
 * attw runs with the "esm-only" profile: every sysargs package is `"type": "module"` with
 * `import`-only exports (no "require" condition, no CommonJS build), so attw's node10 resolution
 * (no `exports` support at all) and node16-from-CJS (`require()` of an ES module) are expected
 * to fail and are not what we publish for. The profile still checks node16 from ESM and bundler
 * resolution, which is how these packages are consumed. `--no-definitely-typed` keeps it offline.
 */
export async function lintTarball(pkg: PackedPackage, root: string = WORKSPACE_ROOT): Promise<LintResult[]> {
  const publint = await run(bin(root, "publint"), ["run", pkg.tarball, "--strict", "--level", "suggestion"], {
    cwd: root,
  });
  // are-the-types-wrong checks JavaScript entry points; a package of C headers has none.
  if (!hasJavaScript(pkg.manifest))
    return [
      {
        name: pkg.name,
        tool: "publint",
        ok: publint.code === 0 && /All good!/.test(publint.stdout),
        output: publint.stdout + publint.stderr,
      },
      {
        name: pkg.name,
        tool: "attw",
        ok: true,
        output: "no JavaScript entry point: nothing for attw to check",
      },
    ];
  const attw = await run(
    bin(root, "attw"),
    [
      pkg.tarball,
      "--profile",
      "esm-only",
      "--no-definitely-typed",
      "--format",
      "ascii",
      "--no-color",
      "--no-emoji",
    ],
    { cwd: root },
  );
  return [
    {
      name: pkg.name,
      tool: "publint",
      // publint exits 0 with suggestions; a suggestion is something to fix before publishing too.
      ok: publint.code === 0 && /All good!/.test(publint.stdout),
      output: publint.stdout + publint.stderr,
    },
    { name: pkg.name, tool: "attw", ok: attw.code === 0, output: attw.stdout + attw.stderr },
  ];
}

/** Whether a manifest exports JavaScript (a "types" or a .js target), as every package but @sysargs/c does. */
export function hasJavaScript(manifest: PackedPackage["manifest"]): boolean {
  return /"(types|default|import)"|\.js"/.test(JSON.stringify(manifest.exports ?? manifest.main ?? ""));
}

/** Runs `job` over `items`, at most `limit` at a time, keeping the order of `items`. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  job: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The environment for npm in the scratch project: the caller's, minus what `pnpm run` adds
 * (npm_config_* settings npm does not know, npm_package_*, npm_lifecycle_*), keeping the npm
 * settings that say where and how to reach the registry.
 */
export function npmEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile|ca)$/i;
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => !/^(npm|pnpm)_/i.test(k) || keep.test(k)),
  ) as NodeJS.ProcessEnv;
}

/**
 * Every file a package's manifest points at (`exports` under any condition, including the
 * workspace's own "sysargs-source", `bin`, `main`, `types`), as paths relative to the package
 * root; wildcard targets are given up to their "*".
 */
export function manifestTargets(manifest: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  walk(manifest.main);
  walk(manifest.types);
  return [...new Set(out.map((t) => t.replace(/^\.\//, "")))].sort();
}
