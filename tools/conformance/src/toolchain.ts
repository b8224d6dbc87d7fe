import { execFile, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync } from "node:fs";
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
 * The UAPI headers a toolchain must reach in its own include directories to count as present:
 * they come with the ABI's `linux-libc-dev-<arch>-cross` package, not with the compiler. Without
 * them a compiler that is installed (`gcc` brings x86_64-linux-gnu-gcc) still cannot prove anything.
 */
export const UAPI_HEADER_FILES = ["linux/version.h", "asm/unistd.h"] as const;

/**
 * The Debian architecture of each cross triplet: the UAPI headers in `/usr/<triplet>/include` are
 * Debian's `linux-libc-dev-<arch>-cross`. Keyed by triplet, not ABI: mips64n32 compiles with
 * mips64-linux-gnuabi64-gcc -mabi=n32, which reads linux-libc-dev-mips64-cross's headers.
 */
const DEBIAN_ARCH: Readonly<Record<string, string>> = {
  "x86_64-linux-gnu": "amd64",
  "x86_64-linux-gnux32": "x32",
  "i686-linux-gnu": "i386",
  "aarch64-linux-gnu": "arm64",
  "arm-linux-gnueabihf": "armhf",
  "riscv64-linux-gnu": "riscv64",
  "powerpc-linux-gnu": "powerpc",
  "powerpc64-linux-gnu": "ppc64",
  "powerpc64le-linux-gnu": "ppc64el",
  "s390x-linux-gnu": "s390x",
  "mips-linux-gnu": "mips",
  "mipsel-linux-gnu": "mipsel",
  "mips64-linux-gnuabi64": "mips64",
  "mips64el-linux-gnuabi64": "mips64el",
  "hppa-linux-gnu": "hppa",
  "sparc64-linux-gnu": "sparc64",
  "alpha-linux-gnu": "alpha",
  "m68k-linux-gnu": "m68k",
  "sh4-linux-gnu": "sh4",
};

/** The Debian package of a triplet's UAPI headers, e.g. linux-libc-dev-amd64-cross. */
export function headersPackage(triplet: string): string {
  return `linux-libc-dev-${DEBIAN_ARCH[triplet] ?? triplet.split("-")[0]}-cross`;
}

/** The triplet of the build machine's own gcc, which Debian's `gcc` package installs. */
const NATIVE_TRIPLET: Readonly<Record<string, string>> = {
  x64: "x86_64-linux-gnu",
  arm64: "aarch64-linux-gnu",
};

/**
 * The Debian package of the ABI's compiler: the ABI model's (gcc-<triplet>), except on a build
 * machine of that very triplet, where `<triplet>-gcc` comes with `gcc` (Debian has no
 * gcc-x86-64-linux-gnu for amd64).
 */
export function compilerPackage(tc: NonNullable<Abi["toolchain"]>, arch: string = process.arch): string {
  return NATIVE_TRIPLET[arch] === tc.triplet ? "gcc" : tc.package;
}

/** The Debian packages that make up the ABI's toolchain: the compiler and its UAPI headers. */
export function toolchainPackages(abi: Abi): readonly string[] {
  const tc = abi.toolchain;
  return tc ? [compilerPackage(tc), headersPackage(tc.triplet)] : [];
}

/** What of an ABI's declared toolchain this machine has. */
export interface ToolchainPresence {
  /** `<triplet>-gcc` runs. */
  readonly compiler: boolean;
  /** Every UAPI_HEADER_FILES is in one of the compiler's own include directories. */
  readonly headers: boolean;
}

/** The include directories of `gcc -E -v` output (stderr), host directories and missing ones left out. */
export function parseIncludeDirs(stderr: string): string[] {
  const lines = stderr.split("\n");
  const start = lines.findIndex((l) => l.startsWith("#include <...> search starts here:"));
  const end = lines.findIndex((l) => l.startsWith("End of search list."));
  if (start < 0 || end < start) return [];
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
  return includeDirs;
}

/** Whether every UAPI header the toolchain needs is in one of its include directories. */
export function hasUapiHeaders(includeDirs: readonly string[]): boolean {
  return UAPI_HEADER_FILES.every((h) => includeDirs.some((d) => existsSync(join(d, h))));
}

const searchArgs = (tc: NonNullable<Abi["toolchain"]>): string[] => [
  ...tc.flags,
  "-E",
  "-v",
  "-x",
  "c",
  "/dev/null",
  "-o",
  "/dev/null",
];
const presenceKey = (tc: NonNullable<Abi["toolchain"]>, path: string): string =>
  [tc.triplet, ...tc.flags, path].join("\0");
/** Per triplet, flags and PATH: what locateToolchain or toolchainPresence found. */
const presences = new Map<string, ToolchainPresence>();

/**
 * Locates the ABI's cross compiler and asks it for its include directories. Resolves to undefined
 * when the ABI declares no toolchain, its gcc is not installed, or its UAPI headers are not
 * (missingToolchainMessage says which).
 */
export async function locateToolchain(abi: Abi): Promise<Toolchain | undefined> {
  const tc = abi.toolchain;
  if (!tc) return undefined;
  const gcc = `${tc.triplet}-gcc`;
  const r = await run(gcc, searchArgs(tc));
  const key = presenceKey(tc, process.env.PATH ?? "");
  if (r.code !== 0) {
    // 127: not on PATH; anything else: it is there but cannot even preprocess.
    presences.set(key, { compiler: false, headers: false });
    return undefined;
  }
  const includeDirs = parseIncludeDirs(r.stderr);
  const headers = hasUapiHeaders(includeDirs);
  presences.set(key, { compiler: true, headers });
  if (!headers) return undefined;
  const version = r.stderr.split("\n").find((l) => l.startsWith("gcc version ")) ?? "gcc version unknown";
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

/**
 * What of the ABI's declared toolchain is installed (synchronous, for deciding which tests to skip;
 * the same checks as locateToolchain). An ABI that declares none has neither.
 */
export function toolchainPresence(abi: Abi, path: string = process.env.PATH ?? ""): ToolchainPresence {
  const tc = abi.toolchain;
  if (!tc) return { compiler: false, headers: false };
  const key = presenceKey(tc, path);
  const known = presences.get(key);
  if (known) return known;
  let found: ToolchainPresence = { compiler: false, headers: false };
  const gcc = onPath(`${tc.triplet}-gcc`, path);
  if (gcc) {
    const r = spawnSync(gcc, searchArgs(tc), {
      encoding: "utf8",
      env: { ...process.env, PATH: path, LC_ALL: "C" },
    });
    if (!r.error && r.status === 0)
      found = { compiler: true, headers: hasUapiHeaders(parseIncludeDirs(r.stderr ?? "")) };
  }
  presences.set(key, found);
  return found;
}

function onPath(file: string, path: string): string | undefined {
  for (const d of path.split(delimiter)) {
    if (d === "") continue;
    try {
      accessSync(join(d, file), constants.X_OK);
      return join(d, file);
    } catch {}
  }
  return undefined;
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

/**
 * The loud message for a missing toolchain: which part is missing (the compiler, or the UAPI
 * headers of an installed compiler), and both Debian packages that make up the toolchain.
 */
export function missingToolchainMessage(
  abi: Abi,
  presence: ToolchainPresence = toolchainPresence(abi),
): string {
  const tc = abi.toolchain;
  if (!tc)
    return `${abi.name}: no Debian cross compiler exists for this ABI; its layouts are not proved by a compiler`;
  const [compiler, headers] = toolchainPackages(abi);
  const install = `apt-get install ${compiler} ${headers}`;
  if (presence.compiler && !presence.headers)
    return `${abi.name}: ${tc.triplet}-gcc is installed, but not its UAPI headers (${UAPI_HEADER_FILES.map((h) => `<${h}>`).join(", ")}; Debian package ${headers}): ${install}`;
  return `${abi.name}: cross compiler ${tc.triplet}-gcc not found (Debian package ${compiler}; its UAPI headers: ${headers}): ${install}`;
}

/** Whether the ABI's declared toolchain is installed: its compiler and its UAPI headers (synchronous). */
export function toolchainInstalled(abi: Abi, path: string = process.env.PATH ?? ""): boolean {
  const p = toolchainPresence(abi, path);
  return p.compiler && p.headers;
}

/** Something tests need that this machine lacks, with the Debian packages that provide it. */
export interface MissingRequirement {
  /** Short name: "x86_64 toolchain", "linux-source-6.12". */
  readonly what: string;
  /** The loud message. */
  readonly why: string;
  readonly packages: readonly string[];
}

/** The toolchains of `abis` (those that declare one) that are not installed. */
export function missingToolchains(
  abis: readonly Abi[],
  path: string = process.env.PATH ?? "",
): MissingRequirement[] {
  return abis
    .filter((a) => a.toolchain && !toolchainInstalled(a, path))
    .map((a) => ({
      what: `${a.name} toolchain`,
      why: missingToolchainMessage(a, toolchainPresence(a, path)),
      packages: toolchainPackages(a),
    }));
}
