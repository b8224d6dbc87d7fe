import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Every command through the real entry point: the built bin (packages/cli/bundle/bin.js, as npm
 * installs it) in a process of its own, so that what happens after `run()` returns (stdout
 * errors, unhandled rejections, the exit code) is tested too. `pnpm test` builds it first.
 */
const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(REPO, "packages/cli/bundle/bin.js");

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm turbo run build --filter sysargs"`);
});

interface Result {
  code: number | null;
  out: string;
  err: string;
}

const sysargs = (...args: string[]): Result => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, SYSARGS_DEBUG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** A shell pipeline around the bin; $0 is the bin. */
const bash = (script: string): Result => {
  const r = spawnSync("bash", ["-c", script, BIN], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** No stack trace, no Node error banner: what users see is sysargs' own words. */
const noTrace = (err: string) => {
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toMatch(/node:|Unhandled|Error:/);
};

describe("the real bin", () => {
  it("help, and no command", () => {
    const help = sysargs("help");
    expect(help.code).toBe(0);
    expect(help.out.split("\n")[0]).toBe("sysargs: the registry of Linux system-call argument schemas");
    expect(help.err).toBe("");
    expect(sysargs().code).toBe(2);
  });

  it("validate, and validate --json", () => {
    expect(sysargs("validate")).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^ok: 25 ABIs, /),
      err: "",
    });
    const r = sysargs("validate", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.ok).toBe(true);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.counts.abis).toBe(25);
  });

  it("gen --list, gen --out, gen --check", () => {
    expect(sysargs("gen", "--list").out.split("\n")[1]).toMatch(/^registry\s+packages\/registry\/data\//);
    const out = mkdtempSync(join(tmpdir(), "sysargs-entry-"));
    expect(sysargs("gen", "--out", out, "--quiet")).toEqual({ code: 0, out: "", err: "" });
    expect(readdirSync(out).sort()).toEqual(["c", "capabilities", "registry", "ts"]);
    const check = sysargs("gen", "--check", "--out", out);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/registry\/, \S*capabilities\/, \S*c\/, \S*ts\/ up to date \(\d+ files\)\n$/);
  });

  it("abis, abis --abi A --json", () => {
    const r = sysargs("abis");
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split("\n")).toHaveLength(26);
    const one = sysargs("abis", "--abi", "x86", "--json");
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out).map((a: { name: string }) => a.name)).toEqual(["i386"]);
  });

  it("export --json", () => {
    const r = sysargs("export", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).abis).toHaveLength(25);
  });

  it("layout, syscall, syscalls", () => {
    const layout = sysargs("layout", "clone_args", "--abi", "x86_64");
    expect(layout).toMatchObject({ code: 0, err: "" });
    expect(layout.out.split("\n")[0]).toBe("struct clone_args {\t/* x86_64: size 88, align 8 */");
    const syscall = sysargs("syscall", "clone3", "--abi", "x86_64");
    expect(syscall.code).toBe(0);
    expect(syscall.out).toContain("argument slots on x86_64");
    const syscalls = sysargs("syscalls", "--abi", "x86_64");
    expect(syscalls.code).toBe(0);
    // fcntl's arg per command (schemas/linux/fcntl/fcntl-commands.ts)
    const fcntl = JSON.parse(sysargs("syscall", "fcntl", "--json").out);
    expect(fcntl.commands.selector).toBe("cmd");
    expect(fcntl.commands.cases.find((c: { command: string }) => c.command === "F_GETLK").params).toEqual([
      { name: "arg", type: "struct flock *", kind: "pointer", direction: "inout", pointee: "struct flock" },
    ]);
    const lines = syscalls.out.trimEnd().split("\n");
    expect(lines).toContain("366 syscalls on x86_64");
    expect(lines.at(-1)).toMatch(/^\d+ reserved numbers \(\d+ removed syscalls, \d+ never implemented\)$/);
  });

  it("resolve: both directions, exact numbers, malformed numbers", () => {
    expect(sysargs("resolve", "435", "--abi", "x86_64")).toEqual({ code: 0, out: "clone3\n", err: "" });
    expect(sysargs("resolve", "0x1b3", "--abi", "x86_64")).toEqual({ code: 0, out: "clone3\n", err: "" });
    expect(sysargs("resolve", "clone3", "--abi", "x86_64")).toEqual({ code: 0, out: "435\n", err: "" });
    expect(sysargs("resolve", "18446744073709551615", "--abi", "x86_64")).toEqual({
      code: 1,
      out: "",
      err: "sysargs: no syscall has number 18446744073709551615 on x86_64\n",
    });
    expect(sysargs("resolve", "7".repeat(5000), "--abi", "x86_64")).toEqual({
      code: 1,
      out: "",
      err: "sysargs: no syscall has number 777777777777...777777777777 (5000 digits) on x86_64\n",
    });
    for (const bad of ["0x", "NaN", "+435"])
      expect(sysargs("resolve", bad, "--abi", "x86_64")).toEqual({
        code: 2,
        out: "",
        err: `sysargs: "${bad}" is not a syscall number: write it in decimal or as 0x followed by hex digits (see "sysargs help")\n`,
      });
  });

  it("verify --abi x86_64 proves the ABI", () => {
    const r = sysargs("verify", "--abi", "x86_64");
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^Mismatches: 0$/m);
    expect(r.code).toBe(0);
  });

  it("verify errors are one line, not unhandled rejections", () => {
    const abi = sysargs("verify", "--abi", "nosuch");
    expect(abi.code).toBe(1);
    expect(abi.out).toBe("");
    expect(abi.err).toMatch(/^sysargs: unknown ABI "nosuch" \(known: aarch64, .*\)\n$/);
    expect(sysargs("verify", "--schemas", "/nonexistent")).toEqual({
      code: 1,
      out: "",
      err: "sysargs: --schemas /nonexistent: no such folder\n",
    });
    expect(sysargs("verify", "--registry", "x")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: verify does not take --registry (see "sysargs help")\n',
    });
  });

  it("a reader that goes away ends the run quietly (EPIPE), like cat", () => {
    for (const cmd of ["export --json", "syscalls --abi x86_64 --json"]) {
      const r = bash(`node "$0" ${cmd} | head -1; echo "exit \${PIPESTATUS[0]}" >&2`);
      expect(r.out).toMatch(/^[{[]\n$/);
      expect(r.err).toBe("exit 0\n");
    }
  });

  it("a full disk is one line and exit 1 (ENOSPC)", () => {
    const r = bash(`node "$0" abis > /dev/full`);
    expect(r).toEqual({
      code: 1,
      out: "",
      err: "sysargs: cannot write the output: ENOSPC: no space left on device, write\n",
    });
  });

  it("usage errors exit 2 with one line naming the option and the command", () => {
    for (const [args, err] of [
      [["gen", "--json"], "gen does not take --json"],
      [["validate", "--abi", "x86_64"], "validate does not take --abi"],
      [["abis", "--abi", "x86", "--abi", "x86_64"], "--abi given more than once"],
      [["layout", "clone_args", "--abi", "x86_64", "--schemas", "s"], "layout does not take --schemas"],
    ] as const) {
      const r = sysargs(...args);
      expect(r).toEqual({ code: 2, out: "", err: `sysargs: ${err} (see "sysargs help")\n` });
      noTrace(r.err);
    }
  });
});
