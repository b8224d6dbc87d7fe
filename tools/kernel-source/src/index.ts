// The Linux source tree the tools read facts from: Debian's linux-source-6.12 package (a tarball
// under /usr/src) or any extracted tree. One place for where it is, how a few of its files are
// extracted and read, and which kernel version it is; what each tool reads stays in the tool.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

/** Debian's package of the tree, and where it installs its tarball. */
export const KERNEL_SOURCE_PACKAGE = "linux-source-6.12";
// SYSARGS_LINUX_SOURCE names another tarball (a nonexistent one simulates a machine without the package).
export const KERNEL_SOURCE_TARBALL =
  process.env.SYSARGS_LINUX_SOURCE || `/usr/src/${KERNEL_SOURCE_PACKAGE}.tar.xz`;

/** The package a tarball comes from, by Debian's naming: /usr/src/<package>.tar.xz. */
export const packageOfTarball = (tarball: string): string => basename(tarball).replace(/\.tar\.xz$/, "");

/** The loud message for a missing tarball, naming the package to install. */
export function missingKernelSourceMessage(tarball: string = KERNEL_SOURCE_TARBALL): string {
  const pkg = packageOfTarball(tarball);
  return `kernel source ${tarball} not found: install the Debian package ${pkg} (apt-get install ${pkg}); the constants only it proves stay unproven`;
}

/** Whether the tarball is installed (synchronous, for deciding which tests to skip). */
export function kernelSourceInstalled(tarball: string = KERNEL_SOURCE_TARBALL): boolean {
  return existsSync(tarball);
}

/** `VERSION.PATCHLEVEL.SUBLEVEL` plus `EXTRAVERSION` from the top-level Makefile: "6.12.117". */
export function parseKernelVersion(makefile: string): string {
  const get = (key: string): string | undefined =>
    new RegExp(`^${key}\\s*=[ \\t]*(.*)$`, "m").exec(makefile)?.[1]?.trim();
  const version = get("VERSION");
  const patchlevel = get("PATCHLEVEL");
  if (!version || !patchlevel) throw new Error("top-level Makefile has no VERSION/PATCHLEVEL");
  const sublevel = get("SUBLEVEL");
  const extra = get("EXTRAVERSION") ?? "";
  return `${version}.${patchlevel}${sublevel ? `.${sublevel}` : ""}${extra}`;
}

/** Read access to the files of a Linux source tree. */
export interface KernelSource {
  /** Name of the tree's top directory, e.g. `linux-source-6.12`. */
  readonly label: string;
  /** Version from the top Makefile, e.g. `6.12.117`. */
  readonly version: string;
  /** The tree's root directory (a temporary extraction for a tarball). */
  readonly root: string;
  /** Text of a file given relative to the tree root, or `undefined` when absent. */
  read(relPath: string): string | undefined;
  /** Target of a symlink given relative to the tree root, or `undefined` when it is not one. */
  symlinkTarget(relPath: string): string | undefined;
  /** Removes temporary files (tarball extraction). */
  dispose(): void;
}

class DirectorySource implements KernelSource {
  readonly version: string;

  constructor(
    readonly root: string,
    readonly label: string,
    private readonly cleanup: string | undefined,
  ) {
    const makefile = this.read("Makefile");
    if (makefile === undefined) throw new Error(`${label}: no top-level Makefile, not a Linux source tree`);
    this.version = parseKernelVersion(makefile);
  }

  read(relPath: string): string | undefined {
    const path = join(this.root, relPath);
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    return readFileSync(path, "utf8");
  }

  symlinkTarget(relPath: string): string | undefined {
    const path = join(this.root, relPath);
    try {
      return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.cleanup !== undefined) rmSync(this.cleanup, { recursive: true, force: true });
  }
}

/**
 * Opens a kernel tree given as a directory, or as a tarball (anything GNU tar can decompress) of
 * which only `members` are extracted, to a temporary directory that `dispose` removes. Members are
 * paths below the tree's top directory, whatever it is called; `*` does not cross `/`
 * (`arch/*\/include/uapi/asm/unistd.h`). The top Makefile is always extracted, for the version.
 */
export function openKernelSource(path: string, members: readonly string[]): KernelSource {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new Error(`${path}: no such file or directory`);
  if (statSync(abs).isDirectory()) return new DirectorySource(abs, basename(abs), undefined);

  const dir = mkdtempSync(join(tmpdir(), "sysargs-kernel-source-"));
  try {
    const patterns = [...new Set(["Makefile", ...members])].map((m) => `*/${m}`);
    const result = spawnSync(
      "tar",
      ["-xf", abs, "-C", dir, "--wildcards", "--no-wildcards-match-slash", ...patterns],
      { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    );
    if (result.error) throw result.error;
    // Exit status 2 with only "Not found in archive" complaints just means an optional member is absent.
    const complaints = (result.stderr ?? "")
      .split("\n")
      .filter((l) => l.trim() !== "" && !/Not found in archive|Exiting with failure status/.test(l));
    if (result.status !== 0 && (result.status !== 2 || complaints.length > 0)) {
      throw new Error(`tar failed on ${path} (status ${result.status}): ${result.stderr}`);
    }
    const tops = readdirSync(dir);
    if (tops.length !== 1 || tops[0] === undefined) {
      throw new Error(`${path}: expected exactly one top-level directory, found ${JSON.stringify(tops)}`);
    }
    return new DirectorySource(join(dir, tops[0]), tops[0], dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
