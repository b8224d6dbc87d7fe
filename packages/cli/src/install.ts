import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { GENERATED_MARKER, type GeneratedFile } from "@sysargs/codegen";
import { CliError, usageError } from "./errors.js";
import { listFiles } from "./publish.js";

/**
 * Where `gen c --prefix P` puts things, as autotools and meson lay out a headers-only library:
 * headers in P/include, the pkg-config file in P/share/pkgconfig. share/, not lib/: the headers
 * are the same for every target (sysargs.h picks the ABI from the compiler's macros), and
 * pkg-config's default path has $datadir/pkgconfig for exactly such architecture-independent
 * packages (lib/pkgconfig is per-architecture: lib64, lib/x86_64-linux-gnu).
 */
export const PKGCONFIG_DIR = "share/pkgconfig";

/** One file to install: its path below the prefix and its bytes. */
interface InstallFile {
  path: string;
  content: string;
  /** Whether an existing file at `path` is sysargs' own (and may be replaced). */
  ours: (head: string) => boolean;
}

const generated = (head: string) => head.includes(GENERATED_MARKER);

/** The hand-written files @sysargs/c ships next to the generated headers. */
function packageC(): { dir: string; version: string } {
  let pkg: string;
  try {
    pkg = createRequire(import.meta.url).resolve("@sysargs/c/package.json");
  } catch {
    throw new CliError("gen c --prefix: @sysargs/c is not installed next to the CLI (its runtime header)", 1);
  }
  const version = (JSON.parse(readFileSync(pkg, "utf8")) as { version?: unknown }).version;
  if (typeof version !== "string") throw new Error(`${pkg}: no version`);
  return { dir: dirname(pkg), version };
}

/**
 * The pkg-config file for a prefix. The path goes in unquoted, so the prefix must not hold what
 * pkg-config would read as a separator, a variable or a comment (checked before).
 */
export function pkgConfig(prefix: string, version: string): string {
  return [
    `# ${GENERATED_MARKER}: installed by "sysargs gen c --prefix"; reinstall rather than edit.`,
    `prefix=${prefix}`,
    // pkg-config's own variable references, not template placeholders.
    `includedir=${"$"}{prefix}/include`,
    "",
    "Name: sysargs",
    "Description: Linux system-call argument layouts, constants and early parsers for every ABI",
    "URL: https://github.com/sysargs/sysargs",
    `Version: ${version}`,
    `Cflags: -I${"$"}{includedir}`,
    "",
  ].join("\n");
}

/** The first bytes of a file: enough to find a marker or a header guard. */
function head(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(2048);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** The prefix as an absolute path, or the error that it cannot be one (before any work is done). */
export function checkPrefix(prefix: string): string {
  if (prefix === "") throw usageError("--prefix needs a folder");
  const root = resolve(prefix);
  if (root === "/") throw usageError("--prefix /: refusing to install into the root folder");
  // pkg-config splits Cflags at white space and expands $ and # in its values.
  if (/[\s$#"'\\]/.test(root))
    throw new CliError(
      `--prefix ${prefix}: pkg-config cannot name a folder with white space, $, #, quotes or backslashes`,
      1,
    );
  if (existsSync(root) && !lstatSync(root).isDirectory())
    throw new CliError(`--prefix ${prefix}: not a folder`, 1);
  return root;
}

/**
 * `sysargs gen c --prefix P`: installs generator c's headers under P/include, the runtime header
 * of @sysargs/c beside them and P/share/pkgconfig/sysargs.pc. Every target is checked before
 * anything is written: a file sysargs did not write (or a folder, or a symbolic link) where one
 * goes stops the run with nothing written. Generated headers of an earlier install that this
 * one does not write (another --abi selection) are removed: P/include/sysargs/ is sysargs' own.
 * Each file is written beside its target and renamed over it.
 */
export function installC(prefix: string, files: readonly GeneratedFile[]): string[] {
  const root = checkPrefix(prefix);
  const c = packageC();
  const runtime = readFileSync(join(c.dir, "include/sysargs_runtime.h"), "utf8");
  const install: InstallFile[] = [
    ...files.map((f) => ({ path: f.path, content: f.content, ours: generated })),
    {
      path: "include/sysargs_runtime.h",
      content: runtime,
      ours: (h) => h.includes("#define SYSARGS_RUNTIME_H"),
    },
    { path: `${PKGCONFIG_DIR}/sysargs.pc`, content: pkgConfig(root, c.version), ours: generated },
  ];
  for (const f of install)
    if (!f.path.startsWith("include/") && !f.path.startsWith(`${PKGCONFIG_DIR}/`))
      throw new Error(`gen c --prefix: unexpected file ${f.path}`);
  const wanted = new Set(install.map((f) => f.path));
  const stale = listFiles(join(root, "include/sysargs"))
    .map((p) => `include/sysargs/${p}`)
    .filter((p) => !wanted.has(p));
  const foreign: string[] = [];
  for (const f of install) {
    // A folder of ours in the way of a file, or a file in the way of a folder, is foreign too.
    for (let d = dirname(f.path); d !== "."; d = dirname(d)) {
      const at = join(root, d);
      if (existsSync(at) && !lstatSync(at).isDirectory()) foreign.push(`${d} (not a folder)`);
    }
    const at = join(root, f.path);
    if (!existsSync(at) && !isLink(at)) continue;
    const st = lstatSync(at);
    if (!st.isFile()) foreign.push(`${f.path} (${st.isSymbolicLink() ? "a symbolic link" : "not a file"})`);
    else if (!f.ours(head(at))) foreign.push(f.path);
  }
  for (const p of stale) {
    const at = join(root, p);
    if (!lstatSync(at).isFile() || !generated(head(at))) foreign.push(p);
  }
  if (foreign.length)
    throw new CliError(
      `--prefix ${prefix}: ${[...new Set(foreign)].slice(0, 5).join(", ")}${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ""} ${foreign.length === 1 ? "is" : "are"} not sysargs' own; refusing to overwrite, nothing was installed`,
      1,
    );
  let tmp = "";
  try {
    for (const f of install) {
      const at = join(root, f.path);
      mkdirSync(dirname(at), { recursive: true });
      tmp = `${at}.sysargs-${process.pid}.tmp`;
      writeFileSync(tmp, f.content);
      renameSync(tmp, at);
      tmp = "";
    }
    for (const p of stale) rmSync(join(root, p));
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new CliError(
      `--prefix ${prefix}: cannot write ${err.path ? relative(root, err.path) || err.path : "a file"} (${err.code ?? err.message})`,
      1,
    );
  }
  return install.map((f) => f.path);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
