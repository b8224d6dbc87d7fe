import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * 20 `gen` runs killed at random moments (SIGINT or SIGKILL), then 20 concurrent runs, all into
 * one --out folder: afterwards there is exactly one complete registry/ and nothing else. The swap
 * gaps are widened (SYSARGS_TEST_SWAP_DELAY_MS) so that kills land inside them.
 */
const BIN = fileURLToPath(new URL("../bundle/bin.js", import.meta.url));
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm turbo run build --filter sysargs"`);
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
  ms: number;
}

const DELAY_MS = 150;

function gen(out: string, kill?: { signal: NodeJS.Signals; afterMs: number }): Promise<Run> {
  return new Promise((done) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [BIN, "gen", "registry", "--out", out, "--quiet"], {
      env: { ...process.env, SYSARGS_TEST_SWAP_DELAY_MS: String(DELAY_MS) },
    });
    let err = "";
    p.stderr.on("data", (d) => {
      err += d;
    });
    const timer = kill ? setTimeout(() => p.kill(kill.signal), kill.afterMs) : undefined;
    p.on("exit", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, err, ms: Date.now() - t0 });
    });
  });
}

const check = (out: string): Promise<Run> =>
  new Promise((done) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [BIN, "gen", "registry", "--check", "--out", out]);
    let err = "";
    p.stderr.on("data", (d) => {
      err += d;
    });
    p.on("exit", (code, signal) => done({ code, signal, err, ms: Date.now() - t0 }));
  });

describe("gen under interrupts and concurrency", () => {
  it("20 interrupted and 20 concurrent runs leave one complete folder and no leftovers", async () => {
    const out = mkdtempSync(join(tmpdir(), "sysargs-stress-"));
    // How long one whole run takes here, to spread the kills over a run's lifetime.
    const first = await gen(out);
    expect(first).toMatchObject({ code: 0, err: "" });

    const interrupted: Run[] = [];
    for (let batch = 0; batch < 5; batch++) {
      interrupted.push(
        ...(await Promise.all(
          Array.from({ length: 4 }, (_, i) =>
            gen(out, {
              signal: (batch * 4 + i) % 2 ? "SIGKILL" : "SIGINT",
              // Mostly late in the run, where the staging and the swap happen.
              afterMs: first.ms * (0.3 + 0.9 * Math.random()),
            }),
          ),
        )),
      );
    }
    for (const r of interrupted) {
      // Killed, or finished before the kill came; never a failure of its own or a stack trace.
      if (r.signal === null) expect(r).toMatchObject({ code: 0, err: "" });
      else expect(["SIGINT", "SIGKILL"]).toContain(r.signal);
      expect(r.err).toBe("");
    }
    expect(interrupted.filter((r) => r.signal !== null).length).toBeGreaterThan(10);

    const concurrent = await Promise.all(Array.from({ length: 20 }, () => gen(out)));
    for (const r of concurrent) expect(r).toMatchObject({ code: 0, signal: null, err: "" });

    expect(readdirSync(out)).toEqual(["registry"]);
    expect(await check(out)).toMatchObject({ code: 0, err: "" });
  });
});
