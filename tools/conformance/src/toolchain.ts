import { execFile } from "node:child_process";
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Abi } from "@sysargs/model";

/** A located cross compiler for one ABI. */
export interface Toolchain {
  readonly abi: string;
  readonly triplet: string;
  readonly gcc: string;
  /** The ABI's own flags (e.g. -mabi=n32, -m31) from the ABI model. */
  readonly flags: readonly string[];
  readonly package: string;
  /** "gcc version 12.2.0 (Debian 12.2.0-14)". */
  readonly version: string;
  /**
   * The toolchain's own include directories (compiler builtins and the target's sysroot), in
   * search order. The host's /usr/include is left out: the probes use -nostdinc so that a header
   * missing from the target's UAPI set can never be taken from the build machine.
   */
  readonly includeDirs: readonly string[];
}

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program without a shell; a missing program resolves with code 127. */
export function run(file: string, args: readonly string[], cwd?: string): Promise<ExecResult> {
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise({ code: 0, stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return resolvePromise({ code: 127, stdout: "", stderr: `${file}: not found` });
        resolvePromise({
          code: typeof error.code === "number" ? error.code : 1,
          stdout,
          stderr: stderr || error.message,
        });
      },
    );
  });
}

/** Runs `fn` over `items`, at most `width` at a time; results in item order. */
export async function pool<T, R>(
  items: readonly T[],
  width: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return results;
}

const HOST_INCLUDE_DIRS = new Set(["/usr/include", "/usr/local/include"]);

/**
 * Locates the ABI's cross compiler and asks it for its include directories.
 * Resolves to undefined when the ABI declares no toolchain or its gcc is not installed.
 */
export async function locateToolchain(abi: Abi): Promise<Toolchain | undefined> {
  const tc = abi.toolchain;
  if (!tc) return undefined;
  const gcc = `${tc.triplet}-gcc`;
  const r = await run(gcc, [...tc.flags, "-E", "-v", "-x", "c", "/dev/null", "-o", "/dev/null"]);
  if (r.code !== 0) return undefined;
  const lines = r.stderr.split("\n");
  const start = lines.findIndex((l) => l.startsWith("#include <...> search starts here:"));
  const end = lines.findIndex((l) => l.startsWith("End of search list."));
  const includeDirs: string[] = [];
  for (const l of lines.slice(start + 1, end)) {
    const dir = l.trim();
    if (dir === "") continue;
    let real = dir;
    try {
      real = realpathSync(dir);
    } catch {
      continue; // a listed directory that does not exist
    }
    if (!HOST_INCLUDE_DIRS.has(real)) includeDirs.push(real);
  }
  const version = lines.find((l) => l.startsWith("gcc version ")) ?? "gcc version unknown";
  return {
    abi: abi.name,
    triplet: tc.triplet,
    gcc,
    flags: tc.flags,
    package: tc.package,
    version,
    includeDirs,
  };
}

/** The flags every probe compile uses on top of the ABI's own. */
export function compileArgs(tc: Toolchain, source: string, output: string, syntaxOnly = false): string[] {
  return [
    ...tc.flags,
    "-std=gnu11",
    "-O0",
    "-w",
    "-fno-common",
    "-fno-diagnostics-show-caret",
    "-fdiagnostics-color=never",
    "-nostdinc",
    ...tc.includeDirs.flatMap((d) => ["-isystem", d]),
    ...(syntaxOnly ? ["-fsyntax-only"] : ["-c", "-o", output]),
    source,
  ];
}

/** Whether CI (or the user) requires every declared toolchain: then a missing one is a failure. */
export function toolchainsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === "true" || env.CI === "1" || env.SYSARGS_REQUIRE_TOOLCHAINS === "1";
}

/** The loud message for a missing toolchain. */
export function missingToolchainMessage(abi: Abi): string {
  const tc = abi.toolchain;
  if (!tc)
    return `${abi.name}: no Debian cross compiler exists for this ABI; its layouts are not proved by a compiler`;
  return `${abi.name}: cross compiler ${tc.triplet}-gcc not found: install the Debian package ${tc.package} (apt-get install ${tc.package})`;
}

/** Whether the ABI's declared cross compiler is on PATH (synchronous, for deciding which tests to skip). */
export function toolchainInstalled(abi: Abi, path: string = process.env.PATH ?? ""): boolean {
  const tc = abi.toolchain;
  if (!tc) return false;
  return path
    .split(delimiter)
    .filter((d) => d !== "")
    .some((d) => {
      try {
        accessSync(join(d, `${tc.triplet}-gcc`), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
