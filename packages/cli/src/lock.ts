import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { CliError } from "./errors.js";

/** The lock file `gen` holds in the folder it writes into while it replaces generator folders. */
export const LOCK_NAME = ".sysargs-gen.lock";

/** Blocks the thread: `gen` is synchronous from start to end, and so is waiting for the lock. */
export const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Whether a process with this pid exists (EPERM: it does, but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

/**
 * A lock file has been written by a process that is gone: its pid is dead, or it stayed empty
 * for longer than creating it and writing a pid can take (the writer died in between).
 */
function isStale(file: string, text: string): boolean {
  if (/^\d+\n?$/.test(text)) return !isAlive(Number(text.trim()));
  try {
    return Date.now() - statSync(file).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock without ever removing a live one: the lock is first renamed aside (only
 * one contender can win that rename), and if what was moved is not the stale lock that was
 * judged (another run took it over meanwhile), it is linked back unless the name is taken again.
 */
function takeOver(file: string, judged: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already: someone else took it over
  }
  if (readText(aside) !== judged) {
    try {
      linkSync(aside, file);
    } catch {
      // The name was taken again meanwhile; the moved lock's owner finishes its swap regardless.
    }
  }
  unlinkSync(aside);
}

/**
 * Takes `<dir>/.sysargs-gen.lock` (created exclusively, holding our pid), waiting for a live
 * holder to finish and taking over the lock of a dead one. Returns the function that releases it.
 */
export function acquireLock(dir: string, timeoutMs = 120_000): () => void {
  const file = join(dir, LOCK_NAME);
  const deadline = Date.now() + timeoutMs;
  const mine = `${process.pid}\n`;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(file, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        throw new CliError(`cannot lock ${dir}/: ${(e as Error).message}`, 1);
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      return () => {
        // Only ever remove our own lock (a takeover race could have replaced it).
        if (readText(file) === mine) unlinkSync(file);
      };
    }
    const text = readText(file);
    if (text === undefined) continue; // released between our open and our read
    if (isStale(file, text)) {
      takeOver(file, text);
      continue;
    }
    if (Date.now() > deadline)
      throw new CliError(
        `another sysargs gen (pid ${text.trim() || "?"}) is writing into ${dir}/; gave up after ${timeoutMs / 1000} s (remove ${file} if that process is gone)`,
        1,
      );
    sleep(20 + Math.random() * 30);
  }
}
