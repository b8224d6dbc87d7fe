import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Registry, RegistryIndex } from "@sysargs/model";
import { afterAll, describe, expect, it } from "vitest";
import {
  defineClosure,
  type KernelSource,
  kernelSourceEntries,
  openKernelSource,
  parseDefines,
} from "./kernel-source.js";
import { type Entry, formatMismatch } from "./report.js";
import { fixtureRegistry, kernelSourceGate, repositoryRegistry, toolchainGate } from "./testing/registry.js";
import { locateToolchain, missingToolchainMessage } from "./toolchain.js";

// The kernel-source machinery: which #define lines of a header prove a constant, where a constant
// is defined for an ABI, and how its value is compiled and compared; on small synthetic trees
// (no tarball needed) and on the real linux-source-6.12 tree.

const SOCKET_H = `/* SPDX */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H
#define MSG_OOB		1
#define MSG_FIN         0x200
#define MSG_EOF         MSG_FIN	/* a synonym */
#define MSG_BATCH	0x40000 /* sendmmsg(): more messages
				   coming */
#define MSG_LONG	(1UL << \\
			 3)
#define MSG_CAST	((int)1)
#define MSG_FN(x)	(x)
#define MSG_OTHER	(OTHER_HEADER_FLAG | 1)
#if defined(CONFIG_COMPAT)
#define MSG_CMSG_COMPAT	0x80000000
#else
#define MSG_CMSG_COMPAT	0
#endif
#ifndef O_DIRECTORY
#define O_DIRECTORY	00200000
#endif
#ifndef O_SYNC
#define __O_SYNC	04000000
#define O_SYNC		(__O_SYNC|O_DSYNC)
#endif
#ifndef __ASSEMBLY__
#define SCHED_EXT	7
#endif
#endif /* _LINUX_SOCKET_H */
`;

describe("the #define lines of a header", () => {
  const defines = parseDefines(SOCKET_H);
  const closure = (name: string) => {
    const c = defineClosure(defines, name);
    return "why" in c ? c.why : c.defines.map((d) => `${d.name} ${d.body}`);
  };

  it("are pasted with the simple #defines they use, comments and continuations removed", () => {
    expect(closure("MSG_OOB")).toEqual(["MSG_OOB 1"]);
    expect(closure("MSG_EOF")).toEqual(["MSG_FIN 0x200", "MSG_EOF MSG_FIN"]);
    expect(closure("MSG_BATCH")).toEqual(["MSG_BATCH 0x40000"]);
    expect(closure("MSG_LONG")).toEqual(["MSG_LONG (1UL << 3)"]);
    expect(defineClosure(defines, "MSG_LONG")).toMatchObject({ longLiteral: true });
  });

  it("under an include guard, a default (#ifndef NAME) or #ifndef __ASSEMBLY__ are unconditional", () => {
    expect(closure("O_DIRECTORY")).toEqual(["O_DIRECTORY 00200000"]);
    expect(closure("SCHED_EXT")).toEqual(["SCHED_EXT 7"]);
  });

  it("are refused, with the reason, under another condition or when not simple", () => {
    expect(closure("MSG_CMSG_COMPAT")).toBe(
      "MSG_CMSG_COMPAT is defined 2 times: line 15 under #if defined(CONFIG_COMPAT); line 17 under #else of #if defined(CONFIG_COMPAT)",
    );
    expect(closure("O_SYNC")).toBe("O_SYNC is defined line 24 under #ifndef O_SYNC");
    expect(closure("MSG_CAST")).toBe("int (used by MSG_CAST) is not #defined in this header");
    expect(closure("MSG_FN")).toBe("MSG_FN is not a simple #define: (x) (x)");
    expect(closure("MSG_OTHER")).toBe("OTHER_HEADER_FLAG (used by MSG_OTHER) is not #defined in this header");
    expect(closure("MSG_NONE")).toBe("MSG_NONE is not #defined in this header");
  });
});

// ---- synthetic trees: one header each, compiled with x86_64's compiler (and alpha's for asm) ----

const fixture: Registry = fixtureRegistry();
const fixtureIndex = new RegistryIndex(fixture);
const SYNTH_ABIS = ["x86_64", "i386", "alpha"];
const synthGate = toolchainGate(SYNTH_ABIS.map((a) => fixtureIndex.abi(a)!));
const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

async function prove(
  registry: Registry,
  source: KernelSource,
  abis: readonly string[],
  names: readonly string[],
): Promise<Entry[]> {
  const index = new RegistryIndex(registry);
  const dir = await mkdtemp(join(tmpdir(), "sysargs-kernel-source-test-"));
  try {
    return await kernelSourceEntries({
      registry,
      source,
      abis: abis.map((a) => index.abi(a)!),
      names: new Set(names),
      host: await locateToolchain(index.abi("x86_64")!),
      hostMissing: missingToolchainMessage(index.abi("x86_64")!),
      toolchain: locateToolchain,
      missingToolchain: missingToolchainMessage,
      workDir: dir,
      parallel: 2,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A tree of the given files, as if extracted from linux-source-test 6.12.0. */
async function tree(files: Record<string, string>): Promise<KernelSource> {
  const root = await mkdtemp(join(tmpdir(), "sysargs-kernel-source-tree-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return {
    package: "linux-source-test",
    version: "6.12.0",
    tarball: "-",
    root,
    extracted: false,
    elapsedMs: 0,
  };
}

const brief = (e: Entry) => `${e.abi} ${e.status} ${e.actual}`;
const synth = (w: string) => (synthGate.skip ? `${w} [skipped: ${synthGate.why}]` : w);

describe("constants proved from a synthetic tree (the fixture's O_DIRECTORY)", () => {
  it.skipIf(synthGate.skip)(
    synth("a generic header is compiled once and compared with each ABI's value"),
    async () => {
      const src = await tree({
        "include/uapi/linux/sysargs.h": "#define __SA_BIT 0x100UL\n#define O_DIRECTORY (__SA_BIT << 8)\n",
      });
      const e = await prove(fixture, src, SYNTH_ABIS, ["O_DIRECTORY"]);
      expect(e.map(brief)).toEqual([
        "x86_64 proved value 0x10000",
        "i386 proved value 0x10000",
        "alpha mismatch value 0x10000",
      ]);
      expect(e[0]!.note).toBe(
        "include/uapi/linux/sysargs.h of linux-source-test 6.12.0 (x86_64-linux-gnu-gcc); from FixtureOpenFlags",
      );
      expect(formatMismatch(e[2]!)).toMatch(
        /^alpha: const O_DIRECTORY: expected value 0x8000, actual value 0x10000/,
      );
    },
  );

  it.skipIf(synthGate.skip)(
    synth("an architecture's own header wins, and is compiled with that ABI's compiler"),
    async () => {
      const src = await tree({
        "include/uapi/asm-generic/fcntl.h": "#ifndef O_DIRECTORY\n#define O_DIRECTORY 00200000\n#endif\n",
        "arch/alpha/include/uapi/asm/fcntl.h":
          "#define O_DIRECTORY 0100000\n#include <asm-generic/fcntl.h>\n",
      });
      const e = await prove(fixture, src, SYNTH_ABIS, ["O_DIRECTORY"]);
      expect(e.map(brief)).toEqual([
        "x86_64 proved value 0x10000",
        "i386 proved value 0x10000",
        "alpha proved value 0x8000",
      ]);
      expect(e.map((x) => x.note)).toEqual([
        "include/uapi/asm-generic/fcntl.h of linux-source-test 6.12.0 (x86_64-linux-gnu-gcc); from FixtureOpenFlags",
        "include/uapi/asm-generic/fcntl.h of linux-source-test 6.12.0 (i686-linux-gnu-gcc); from FixtureOpenFlags",
        "arch/alpha/include/uapi/asm/fcntl.h of linux-source-test 6.12.0 (alpha-linux-gnu-gcc); from FixtureOpenFlags",
      ]);
    },
  );

  it.skipIf(synthGate.skip)(
    synth("a shared definition using a name the architecture overrides is not proved there"),
    async () => {
      const src = await tree({
        "include/uapi/asm-generic/fcntl.h":
          "#define __O_DIR 00200000\n#ifndef O_DIRECTORY\n#define O_DIRECTORY __O_DIR\n#endif\n",
        "arch/alpha/include/uapi/asm/fcntl.h": "#define __O_DIR 0100000\n",
      });
      const e = await prove(fixture, src, ["x86_64", "alpha"], ["O_DIRECTORY"]);
      expect(e.map(brief)).toEqual(["x86_64 proved value 0x10000", "alpha unresolved not compiled"]);
      expect(e[1]!.note).toContain(
        "__O_DIR (used by O_DIRECTORY) is also defined by arch/alpha/include/uapi/asm/fcntl.h",
      );
    },
  );

  it.skipIf(synthGate.skip)(
    synth("a long literal compiled for x86_64 proves a 32-bit ABI only where both widths agree"),
    async () => {
      const src = await tree({ "include/uapi/linux/sysargs.h": "#define O_DIRECTORY (~0UL)\n" });
      const e = await prove(fixture, src, ["x86_64", "i386"], ["O_DIRECTORY"]);
      expect(e.map(brief)).toEqual([
        "x86_64 mismatch value 0xffffffffffffffff",
        "i386 unresolved 0xffffffffffffffff for a 64-bit long",
      ]);
      expect(e[1]!.note).toContain("its value depends on the width of long");
    },
  );

  it.skipIf(synthGate.skip)(
    synth("an absent constant, a conditional one and an enumerator are not proved, and say why"),
    async () => {
      const absent = await prove(
        fixture,
        await tree({ "include/uapi/linux/x.h": "" }),
        ["x86_64"],
        ["O_DIRECTORY"],
      );
      expect(absent.map(brief)).toEqual(["x86_64 not-in-headers absent"]);
      expect(absent[0]!.note).toMatch(
        /^not defined in linux-source-test 6\.12\.0 \(include\/uapi, arch\/x86/,
      );
      const conditional = await prove(
        fixture,
        await tree({ "include/uapi/linux/x.h": "#ifdef __KERNEL__\n#define O_DIRECTORY 0x10000\n#endif\n" }),
        ["x86_64"],
        ["O_DIRECTORY"],
      );
      expect(conditional.map(brief)).toEqual(["x86_64 unresolved not compiled"]);
      expect(conditional[0]!.note).toContain("O_DIRECTORY is defined line 2 under #ifdef __KERNEL__");
      const enumerator = await prove(
        fixture,
        // The fixture's provenance names asm-generic/fcntl.h.
        await tree({ "include/uapi/asm-generic/fcntl.h": "enum { O_DIRECTORY = 0x10000 };\n" }),
        ["x86_64"],
        ["O_DIRECTORY"],
      );
      expect(enumerator.map(brief)).toEqual(["x86_64 unresolved not compiled"]);
      expect(enumerator[0]!.note).toContain("O_DIRECTORY is not a #define (an enumerator?)");
    },
  );
});

// ---- the real tree ----

const registry = repositoryRegistry();
const index = new RegistryIndex(registry);
const REAL_ABIS = ["x86_64", "aarch64", "arm", "alpha", "parisc", "sparc64"];
const realGate = kernelSourceGate(REAL_ABIS.map((a) => index.abi(a)!));
const real = (w: string) => (realGate.skip ? `${w} [skipped: ${realGate.why}]` : w);

describe("the linux-source-6.12 tree", () => {
  it.skipIf(realGate.skip)(real("is extracted once, then taken from the cache"), async () => {
    const first = await openKernelSource();
    const again = await openKernelSource();
    if (first.kind !== "ok" || again.kind !== "ok") throw new Error(JSON.stringify(first));
    expect(first.source.package).toBe("linux-source-6.12");
    expect(first.source.version).toMatch(/^6\.12\.\d+$/);
    expect(again.source.root).toBe(first.source.root);
    expect(again.source.extracted).toBe(false);
  });

  it.skipIf(realGate.skip)(real("proves O_DIRECTORY per architecture (fixture)"), async () => {
    const opened = await openKernelSource();
    if (opened.kind !== "ok") throw new Error(JSON.stringify(opened));
    const e = await prove(fixture, opened.source, REAL_ABIS, ["O_DIRECTORY"]);
    expect(e.map((x) => `${x.abi} ${x.status} ${x.actual} ${x.note!.split(" ")[0]}`)).toEqual([
      "x86_64 proved value 0x10000 include/uapi/asm-generic/fcntl.h",
      "aarch64 proved value 0x4000 arch/arm64/include/uapi/asm/fcntl.h",
      "arm proved value 0x4000 arch/arm/include/uapi/asm/fcntl.h",
      "alpha proved value 0x8000 arch/alpha/include/uapi/asm/fcntl.h",
      "parisc proved value 0x1000 arch/parisc/include/uapi/asm/fcntl.h",
      "sparc64 proved value 0x10000 include/uapi/asm-generic/fcntl.h",
    ]);
  });

  it.skipIf(realGate.skip)(
    real("does not prove what pasted #define lines cannot (registry constants)"),
    async () => {
      const opened = await openKernelSource();
      if (opened.kind !== "ok") throw new Error(JSON.stringify(opened));
      const e = await prove(
        registry,
        opened.source,
        ["x86_64", "arm"],
        ["O_TMPFILE", "LANDLOCK_RULE_NET_PORT", "EPOLLIN", "LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON"],
      );
      const why = (abi: string, subject: string) => {
        const x = e.find((y) => y.abi === abi && y.subject === subject)!;
        return `${x.status}: ${x.note!.replace(/ of linux-source-6\.12 6\.12\.\d+/, "")}`;
      };
      expect(why("x86_64", "const O_TMPFILE")).toBe(
        "proved: include/uapi/asm-generic/fcntl.h (x86_64-linux-gnu-gcc); from OpenFlags",
      );
      expect(why("arm", "const O_TMPFILE")).toBe(
        "unresolved: include/uapi/asm-generic/fcntl.h: O_DIRECTORY (used by O_TMPFILE) is also defined by arch/arm/include/uapi/asm/fcntl.h; from OpenFlags",
      );
      expect(why("x86_64", "const LANDLOCK_RULE_NET_PORT")).toBe(
        "unresolved: include/uapi/linux/landlock.h: LANDLOCK_RULE_NET_PORT is not a #define (an enumerator?); from LandlockRuleType",
      );
      expect(why("x86_64", "const EPOLLIN")).toBe(
        "unresolved: include/uapi/linux/eventpoll.h: __force (used by EPOLLIN) is not #defined in this header; from EpollEvents",
      );
      expect(why("arm", "const LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON")).toMatch(
        /^not-in-headers: not defined in linux-source-6\.12 6\.12\.\d+ \(include\/uapi, arch\/arm\/include\/uapi\); since 6\.15, newer than linux-source-6\.12 6\.12\.\d+; from LandlockRestrictSelfFlags$/,
      );
    },
  );
});
