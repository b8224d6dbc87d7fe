import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { GENERATED_MARKER, type GeneratedFile } from "@sysargs/codegen";
import { CliError } from "./errors.js";
import { acquireLock, isAlive, sleep } from "./lock.js";

/** One folder to replace whole with these files. */
export interface Target {
  dir: string;
  files: readonly GeneratedFile[];
}

export const listFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(dir, join(d.parentPath, d.name)))
        .sort()
    : [];

/** Whether a file starts with the generated-file header (read no more than its first bytes). */
function isGenerated(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(300);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString("utf8").includes(GENERATED_MARKER);
  } finally {
    closeSync(fd);
  }
}

// ---- interrupts

/** Staging folders of this process that an interrupt must remove, and locks it must release. */
const pending = new Set<() => void>();
let guarded = false;

/**
 * `gen` is synchronous, so Node runs a signal handler only once the write has finished (or
 * failed and been undone): with a handler installed, SIGINT and SIGTERM can no longer stop the
 * process between two renames. The handler removes whatever is still pending and re-raises the
 * signal, so the exit status still says "killed by SIGINT". It stays installed: a signal that
 * arrives during the write is delivered after `publish` returns. Only SIGKILL (and power loss)
 * can leave staging folders behind; the next run removes those (`removeStale`).
 */
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  const handler = (signal: NodeJS.Signals) => {
    for (const undo of [...pending]) {
      try {
        undo();
      } catch {
        // best effort: the next run removes what is left
      }
    }
    process.removeListener("SIGINT", handler);
    process.removeListener("SIGTERM", handler);
    process.kill(process.pid, signal);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

// ---- staging names

const STAGING = /^\.sysargs-(tmp|old)-(.+)-(\d+)$/;
const stagingName = (kind: "tmp" | "old", dir: string, pid = process.pid) =>
  join(dirname(dir), `.sysargs-${kind}-${basename(dir)}-${pid}`);

/**
 * Removes the staging folders a killed run left beside `dir` (their pid is dead). Called with
 * the lock held, so no live run is using them. A killed run can also have stopped between its
 * two renames: then `dir` is missing and its old copy is put back first, so readers get data
 * again even if this run fails.
 */
function removeStale(dir: string): void {
  const parent = dirname(dir);
  for (const name of readdirSync(parent)) {
    const m = STAGING.exec(name);
    if (!m || m[2] !== basename(dir) || isAlive(Number(m[3]))) continue;
    const path = join(parent, name);
    if (m[1] === "old" && !existsSync(dir)) renameSync(path, dir);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** The first folder (dir itself or below it) that this process cannot write into, if any. */
function readOnlyFolder(dir: string): string | undefined {
  const folders = [
    dirname(dir),
    ...(existsSync(dir)
      ? [
          dir,
          ...readdirSync(dir, { recursive: true, withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => join(d.parentPath, d.name)),
        ]
      : []),
  ];
  return folders.find((f) => {
    try {
      accessSync(f, constants.W_OK);
      return false;
    } catch {
      return true;
    }
  });
}

/** A test hook: widens the gaps of the swap so that interrupt tests can hit them. */
const testDelay = (): void => {
  const ms = Number(process.env.SYSARGS_TEST_SWAP_DELAY_MS ?? 0);
  if (ms > 0) sleep(ms);
};

const fsError = (what: string, e: unknown): CliError =>
  e instanceof CliError ? e : new CliError(`${what}: ${(e as Error).message}`, 1);

/**
 * Replaces each target folder whole, or none of them. Runs hold `.sysargs-gen.lock` in each
 * parent folder, so concurrent runs take turns. Every folder is first written beside its target
 * (`.sysargs-tmp-<folder>-<pid>`); only when all are complete is each swapped in with two renames
 * (old aside, new in), and readers of @sysargs/registry wait out the instant between them
 * (docs/decisions/0006-output-folder-swap.md). Refuses, before writing anything, a folder holding
 * a file sysargs did not generate and a folder it cannot write into.
 */
export function publish(targets: readonly Target[], shown: (dir: string) => string): void {
  guardSignals();
  const parents = [...new Set(targets.map((t) => dirname(t.dir)))].sort();
  const releases: (() => void)[] = [];
  const releaseAll = () => {
    for (const r of releases.splice(0)) r();
  };
  pending.add(releaseAll);
  const staged: { dir: string; tmp: string; old: string }[] = [];
  const undo = () => {
    for (const s of staged) {
      rmSync(s.tmp, { recursive: true, force: true });
      if (!existsSync(s.dir) && existsSync(s.old)) renameSync(s.old, s.dir);
    }
  };
  try {
    for (const parent of parents) {
      try {
        // Not recursive: mkdir -p can loop forever where mkdir says ENOENT for a folder that
        // exists (/proc), and a mistyped --out should not create a whole tree.
        if (!existsSync(parent)) mkdirSync(parent);
        if (!statSync(parent).isDirectory()) throw new CliError(`${shown(parent)} is not a folder`, 1);
      } catch (e) {
        throw fsError(`cannot create ${shown(parent)}/`, e);
      }
      releases.unshift(acquireLock(parent));
    }
    for (const t of targets) {
      removeStale(t.dir);
      const foreign = listFiles(t.dir).filter((p) => !isGenerated(join(t.dir, p)));
      if (foreign.length)
        throw new CliError(
          `${shown(t.dir)}/ holds files sysargs did not generate (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}); refusing to replace it, nothing was written`,
          1,
        );
      const ro = readOnlyFolder(t.dir);
      if (ro !== undefined)
        throw new CliError(
          `${shown(ro)}/ is read-only; refusing to replace ${shown(t.dir)}/, nothing was written`,
          1,
        );
    }
    pending.add(undo);
    try {
      for (const t of targets) {
        const s = { dir: t.dir, tmp: stagingName("tmp", t.dir), old: stagingName("old", t.dir) };
        staged.push(s);
        rmSync(s.tmp, { recursive: true, force: true });
        mkdirSync(s.tmp);
        for (const f of t.files) {
          const p = join(s.tmp, f.path);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, f.content);
        }
      }
      testDelay();
      for (const s of staged) {
        if (existsSync(s.dir)) renameSync(s.dir, s.old);
        testDelay();
        renameSync(s.tmp, s.dir);
        rmSync(s.old, { recursive: true, force: true });
      }
    } catch (e) {
      undo();
      throw fsError(`writing ${targets.map((t) => `${shown(t.dir)}/`).join(", ")} failed`, e);
    } finally {
      pending.delete(undo);
    }
  } finally {
    releaseAll();
    pending.delete(releaseAll);
  }
}
