import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Abi } from "@sysargs/model";
import { afterAll, describe, expect, it } from "vitest";
import {
  ciMode,
  formatSkipSummary,
  gate,
  parseSkipLog,
  requirePresent,
  SKIP_LOG_ENV,
} from "../../../vitest.skips.js";
import { REPO_ROOT, repositoryRegistry } from "./testing/registry.js";
import {
  compilerPackage,
  headersPackage,
  locateToolchain,
  missingToolchainMessage,
  missingToolchains,
  toolchainInstalled,
  toolchainPresence,
  toolchainsRequired,
} from "./toolchain.js";

// A toolchain counts as present only when its compiler runs AND its UAPI headers are in the
// compiler's own include directories. Fake compilers (shell scripts printing `gcc -E -v` output)
// on a private PATH make each case without touching the machine's toolchains.
const registry = repositoryRegistry();
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A PATH holding a fake `<triplet>-gcc` whose include directories have `headers` (or no compiler). */
function machine(triplet: string, headers: readonly string[] | "no compiler"): string {
  const root = mkdtempSync(join(tmpdir(), "sysargs-toolchain-test-"));
  roots.push(root);
  const bin = join(root, "bin");
  mkdirSync(bin);
  const sysroot = join(root, "sysroot", "include");
  mkdirSync(join(root, "gcc", "include"), { recursive: true });
  for (const h of headers === "no compiler" ? [] : headers) {
    mkdirSync(join(sysroot, h, ".."), { recursive: true });
    writeFileSync(join(sysroot, h), "/* fake */\n");
  }
  mkdirSync(sysroot, { recursive: true });
  if (headers !== "no compiler") {
    const gcc = join(bin, `${triplet}-gcc`);
    writeFileSync(
      gcc,
      [
        "#!/bin/sh",
        // Builtins only: the PATH is this directory alone.
        `printf '%s\\n' ${[
          '#include "..." search starts here:',
          "#include <...> search starts here:",
          ` ${join(root, "gcc", "include")}`,
          ` ${join(root, "nonexistent")}`,
          ` ${sysroot}`,
          " /usr/include",
          "End of search list.",
          "gcc version 12.2.0 (fake)",
        ]
          .map((l) => `'${l}'`)
          .join(" ")} >&2`,
        "",
      ].join("\n"),
    );
    chmodSync(gcc, 0o755);
  }
  return bin;
}

const abiWith = (triplet: string, pkg = `gcc-${triplet}`): Abi =>
  ({
    ...repositoryRegistry().abis[0]!,
    name: "fakeabi",
    toolchain: { triplet, flags: [], package: pkg },
  }) as Abi;

async function withPath<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return await fn();
  } finally {
    process.env.PATH = saved;
  }
}

describe("a toolchain is its compiler and its UAPI headers", () => {
  it("compiler and headers installed: present", async () => {
    const path = machine("sysargs-full-linux-gnu", ["linux/version.h", "asm/unistd.h"]);
    const abi = abiWith("sysargs-full-linux-gnu");
    expect(toolchainPresence(abi, path)).toEqual({ compiler: true, headers: true });
    expect(toolchainInstalled(abi, path)).toBe(true);
    expect(missingToolchains([abi], path)).toEqual([]);
    const tc = await withPath(path, () => locateToolchain(abi));
    expect(tc?.version).toBe("gcc version 12.2.0 (fake)");
    // The host's /usr/include and directories that do not exist are left out.
    expect(tc?.includeDirs.some((d) => d.endsWith("/sysroot/include"))).toBe(true);
    expect(tc?.includeDirs).not.toContain("/usr/include");
    expect(tc?.includeDirs).toHaveLength(2);
  });

  it("compiler installed, headers not: not present, and the message names the headers package", async () => {
    const path = machine("x86_64-linux-gnu", []);
    const abi = abiWith("x86_64-linux-gnu", "gcc-x86-64-linux-gnu");
    expect(toolchainPresence(abi, path)).toEqual({ compiler: true, headers: false });
    expect(toolchainInstalled(abi, path)).toBe(false);
    const [missing] = missingToolchains([abi], path);
    const compiler = compilerPackage(abi.toolchain!);
    expect(missing).toEqual({
      what: "fakeabi toolchain",
      why: `fakeabi: x86_64-linux-gnu-gcc is installed, but not its UAPI headers (<linux/version.h>, <asm/unistd.h>; Debian package linux-libc-dev-amd64-cross): apt-get install ${compiler} linux-libc-dev-amd64-cross`,
      packages: [compiler, "linux-libc-dev-amd64-cross"],
    });
    expect(await withPath(path, () => locateToolchain(abi))).toBeUndefined();
    // What locateToolchain found is what the message says.
    expect(await withPath(path, async () => missingToolchainMessage(abi))).toContain("is installed, but not");
  });

  it("only some of the headers (the host's asm/ without linux/): not present", () => {
    const path = machine("sysargs-half-linux-gnu", ["asm/unistd.h"]);
    const abi = abiWith("sysargs-half-linux-gnu");
    expect(toolchainPresence(abi, path)).toEqual({ compiler: true, headers: false });
    expect(toolchainInstalled(abi, path)).toBe(false);
  });

  it("no compiler: not present, and the message names both packages", async () => {
    const path = machine("aarch64-linux-gnu", "no compiler");
    const abi = abiWith("aarch64-linux-gnu", "gcc-aarch64-linux-gnu");
    expect(toolchainPresence(abi, path)).toEqual({ compiler: false, headers: false });
    const [missing] = missingToolchains([abi], path);
    expect(missing?.packages).toEqual(["gcc-aarch64-linux-gnu", "linux-libc-dev-arm64-cross"]);
    expect(missing?.why).toBe(
      "fakeabi: cross compiler aarch64-linux-gnu-gcc not found (Debian package gcc-aarch64-linux-gnu; its UAPI headers: linux-libc-dev-arm64-cross): apt-get install gcc-aarch64-linux-gnu linux-libc-dev-arm64-cross",
    );
    expect(await withPath(path, () => locateToolchain(abi))).toBeUndefined();
  });

  it("the build machine's own triplet comes with gcc", () => {
    const tc = { triplet: "x86_64-linux-gnu", flags: [], package: "gcc-x86-64-linux-gnu" };
    expect(compilerPackage(tc, "x64")).toBe("gcc");
    expect(compilerPackage(tc, "arm64")).toBe("gcc-x86-64-linux-gnu");
  });

  it("every declared toolchain's packages are ones CI installs (.ci/packages.txt)", () => {
    const ci = new Set(
      readFileSync(join(REPO_ROOT, ".ci/packages.txt"), "utf8")
        .split("\n")
        .filter((l) => l !== "" && !l.startsWith("#")),
    );
    const wrong: string[] = [];
    for (const abi of registry.abis) {
      const tc = abi.toolchain;
      if (!tc) continue;
      if (!ci.has(headersPackage(tc.triplet))) wrong.push(`${abi.name}: ${headersPackage(tc.triplet)}`);
      // x86_64's compiler comes with gcc on CI's amd64 machines.
      const compiler = compilerPackage(tc, "x64");
      if (compiler !== "gcc" && !ci.has(compiler)) wrong.push(`${abi.name}: ${compiler}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("gates", () => {
  const missing = [
    {
      what: "fakeabi toolchain",
      why: "fakeabi: missing",
      packages: ["gcc-fake", "linux-libc-dev-fake-cross"],
    },
  ];

  it("CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1 require every toolchain", () => {
    expect(toolchainsRequired({ CI: "true" })).toBe(true);
    expect(toolchainsRequired({ CI: "1" })).toBe(true);
    expect(toolchainsRequired({ SYSARGS_REQUIRE_TOOLCHAINS: "1" })).toBe(true);
    expect(toolchainsRequired({})).toBe(false);
  });

  it("CI mode is the one detection of the whole suite: the same rule as toolchains", () => {
    for (const env of [{ CI: "true" }, { CI: "1" }, { SYSARGS_REQUIRE_TOOLCHAINS: "1" }, {}, { CI: "false" }])
      expect([env, ciMode(env)]).toEqual([env, toolchainsRequired(env)]);
    expect(ciMode({ CI: "1" })).toBe(true);
    expect(ciMode({ CI: "0" })).toBe(false);
  });

  it("in CI mode a test that needs a missing facility fails, naming it", () => {
    const btf = [{ what: "kernel BTF (x86_64)", why: "/sys/kernel/btf/vmlinux not present", packages: [] }];
    expect(() => requirePresent(gate(btf, ciMode({ CI: "1" })))).toThrow(
      "required in CI mode, but missing: /sys/kernel/btf/vmlinux not present",
    );
    expect(() => requirePresent(gate([], ciMode({ CI: "1" })))).not.toThrow();
  });

  it("a required missing toolchain is run (so that it fails), never skipped", () => {
    expect(gate(missing, true)).toEqual({ skip: false, why: "fakeabi: missing" });
    expect(gate([], false)).toEqual({ skip: false, why: "" });
  });

  it("otherwise it is skipped and recorded for the end-of-run summary", () => {
    const root = mkdtempSync(join(tmpdir(), "sysargs-skip-log-"));
    roots.push(root);
    const saved = process.env[SKIP_LOG_ENV];
    process.env[SKIP_LOG_ENV] = join(root, "skips.jsonl");
    try {
      expect(gate(missing, false)).toEqual({ skip: true, why: "fakeabi: missing" });
      gate(missing, false);
      expect(parseSkipLog(readFileSync(join(root, "skips.jsonl"), "utf8"))).toEqual(missing);
    } finally {
      if (saved === undefined) delete process.env[SKIP_LOG_ENV];
      else process.env[SKIP_LOG_ENV] = saved;
    }
  });

  it("the summary lists each missing thing once and one apt-get command for all of it", () => {
    expect(formatSkipSummary([], 0)).toBe("");
    const text = formatSkipSummary(
      [
        ...missing,
        {
          what: "other toolchain",
          why: "other: missing",
          packages: ["gcc-fake", "linux-libc-dev-other-cross"],
        },
        { what: "kernel BTF (x86_64)", why: "no BTF", packages: [] },
      ],
      7,
    );
    expect(text).toContain("SKIPPED on this machine: 7 test(s), because these 3 are missing:");
    expect(text).toContain("  - fakeabi: missing\n");
    expect(text).toContain(
      "  apt-get install -y --no-install-recommends gcc-fake linux-libc-dev-fake-cross linux-libc-dev-other-cross\n",
    );
  });
});
