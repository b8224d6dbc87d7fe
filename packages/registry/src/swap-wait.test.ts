import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, openRegistry } from "./index.js";

// `sysargs gen` swaps the data folder with two renames; a reader that arrives between them must
// wait for the new folder instead of reporting "no registry" (docs/decisions/0006).
const copy = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), "sysargs-swap-")), "data");
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
};

/** Puts the folder back after `ms` from another process: the reader blocks this thread meanwhile. */
const restoreLater = (from: string, to: string, ms: number) =>
  spawn("sh", ["-c", `sleep ${ms / 1000}; mv "$0" "$1"`, from, to], { stdio: "ignore" });

describe("a reader during a swap", () => {
  it("waits for a data folder that is missing for an instant", async () => {
    const dir = copy();
    renameSync(dir, `${dir}.aside`);
    const child = restoreLater(`${dir}.aside`, dir, 100);
    const reg = openRegistry(dir);
    expect(reg.abiNames()).toContain("x86_64");
    await new Promise((r) => child.on("exit", r));
  });

  it("waits for it between two files of one query", async () => {
    const dir = copy();
    const reg = openRegistry(dir);
    expect(reg.abiNames()).toContain("x86_64"); // index.json read and cached
    renameSync(dir, `${dir}.aside`);
    const child = restoreLater(`${dir}.aside`, dir, 100);
    expect(reg.layout("clone_args", "x86_64")?.size).toBe(88);
    await new Promise((r) => child.on("exit", r));
  });

  it("still reports a folder that stays missing, naming it", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "sysargs-swap-")), "gone");
    expect(() => openRegistry(dir).abiNames()).toThrow(`${dir}: no sysargs registry here (no index.json)`);
  });
});
