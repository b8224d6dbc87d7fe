import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * `gen`'s output folders through the real bin (the registry generator: what is tested is the
 * folder handling every generator shares) (built by `pnpm test` before vitest runs): unusable
 * --out values, read-only targets, the lock and what a killed run leaves behind.
 */
const BIN = fileURLToPath(new URL("../bundle/bin.js", import.meta.url));
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm turbo run build --filter sysargs"`);
});

interface Result {
  code: number | null;
  out: string;
  err: string;
}

/** As root a read-only folder is writable anyway: those runs use the unprivileged "nobody". */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

// The folder machinery does not depend on the generator: these runs write the registry alone.
const gen = (args: string[], extra: { uid?: number; gid?: number } = {}): Result => {
  const r = spawnSync(process.execPath, [BIN, "gen", "registry", ...args], {
    encoding: "utf8",
    timeout: 60_000,
    ...extra,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const genAsync = (args: string[]): Promise<Result & { ms: number }> =>
  new Promise((done) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [BIN, "gen", "registry", ...args]);
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.stderr.on("data", (d) => {
      err += d;
    });
    p.on("exit", (code) => done({ code, out, err, ms: Date.now() - t0 }));
  });

const deadPid = (): number => spawnSync("true").pid!;
const temp = (): string => mkdtempSync(join(tmpdir(), "sysargs-folders-"));

describe("gen --out that cannot be used", () => {
  it("an empty --out and --out / are usage errors", () => {
    expect(gen(["--out", ""])).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: --out needs a folder (see "sysargs help")\n',
    });
    expect(gen(["--out", "/"])).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: --out /: refusing to write into the root folder (see "sysargs help")\n',
    });
  });

  it("--out /proc/nope is one line, not an endless mkdir", () => {
    const r = gen(["--out", "/proc/nope"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^sysargs: cannot create \S*proc\/nope\/: ENOENT: no such file or directory, mkdir '\/proc\/nope'\n$/,
    );
  });

  it("a read-only target is refused before anything is replaced", () => {
    const out = temp();
    if (AS_NOBODY.uid !== undefined) chownSync(out, AS_NOBODY.uid, AS_NOBODY.gid);
    expect(gen(["--out", out, "--quiet"], AS_NOBODY)).toEqual({ code: 0, out: "", err: "" });
    const data = join(out, "registry");
    chmodSync(data, 0o555);
    const r = gen(["--out", out, "--quiet"], AS_NOBODY);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^sysargs: \S*registry\/ is read-only; refusing to replace \S*registry\/, nothing was written\n$/,
    );
    expect(readdirSync(out)).toEqual(["registry"]);
    expect(gen(["--check", "--out", out]).code).toBe(0);
  });
});

describe("gen's lock and leftovers", () => {
  it("waits for a live holder of the lock", async () => {
    const out = temp();
    const holder = spawn("sleep", ["8"]);
    writeFileSync(join(out, ".sysargs-gen.lock"), `${holder.pid}\n`);
    const r = await genAsync(["--out", out, "--quiet"]);
    expect(r).toMatchObject({ code: 0, out: "", err: "" });
    // It went on only once the holder was gone (its lock then being stale).
    expect(r.ms).toBeGreaterThanOrEqual(8000);
    expect(readdirSync(out)).toEqual(["registry"]);
  });

  it("removes what a killed run left behind: its lock and staging folders", () => {
    const out = temp();
    expect(gen(["--out", out, "--quiet"]).code).toBe(0);
    const dead = deadPid();
    writeFileSync(join(out, ".sysargs-gen.lock"), `${dead}\n`);
    for (const kind of ["tmp", "old"]) {
      mkdirSync(join(out, `.sysargs-${kind}-registry-${dead}`, "types"), { recursive: true });
      writeFileSync(join(out, `.sysargs-${kind}-registry-${dead}`, "types", "x.json"), "{}");
    }
    expect(gen(["--out", out, "--quiet"])).toEqual({ code: 0, out: "", err: "" });
    expect(readdirSync(out)).toEqual(["registry"]);
    expect(gen(["--check", "--out", out]).code).toBe(0);
  });

  it("recovers from a run killed between its two renames", () => {
    const out = temp();
    expect(gen(["--out", out, "--quiet"]).code).toBe(0);
    // As if killed right after moving the old folder aside: the next run puts it back, then
    // replaces it as usual.
    const dead = deadPid();
    spawnSync("mv", [join(out, "registry"), join(out, `.sysargs-old-registry-${dead}`)]);
    expect(gen(["--out", out, "--quiet"])).toEqual({ code: 0, out: "", err: "" });
    expect(readdirSync(out)).toEqual(["registry"]);
    expect(gen(["--check", "--out", out]).code).toBe(0);
  });

  it("SIGINT during the swap waits for it to finish, then ends the run by SIGINT", async () => {
    const out = temp();
    const p = spawn(process.execPath, [BIN, "gen", "registry", "--out", out, "--quiet"], {
      env: { ...process.env, SYSARGS_TEST_SWAP_DELAY_MS: "1500" },
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      p.on("exit", (_code, signal) => done(signal)),
    );
    // Interrupt as soon as the folder is staged: the write is then under way.
    while (!readdirSync(out).some((n) => n.startsWith(".sysargs-tmp-")))
      await new Promise((r) => setTimeout(r, 10));
    p.kill("SIGINT");
    expect(await exited).toBe("SIGINT");
    expect(readdirSync(out)).toEqual(["registry"]);
    expect(gen(["--check", "--out", out]).code).toBe(0);
  });

  it("git ignores every name gen can leave behind", () => {
    const names = [
      ".sysargs-tmp-data-123",
      ".sysargs-old-data-123",
      ".sysargs-gen.lock",
      ".sysargs-gen.lock.stale-123",
    ];
    const r = spawnSync("git", ["check-ignore", ...names.map((n) => `packages/registry/${n}`)], {
      cwd: fileURLToPath(new URL("../../../", import.meta.url)),
      encoding: "utf8",
    });
    expect(r.stdout.trim().split("\n")).toHaveLength(names.length);
  });
});
