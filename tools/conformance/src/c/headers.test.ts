/**
 * The committed header tree (packages/c/generated, kept equal to the generator's output by
 * `gen --check`) compiles warning-free as C99, C11 and C++17 with gcc and clang, natively and
 * with every cross compiler of tools/conformance, and its static assertions hold there: each
 * compiler lays the sysargs_ structs out as the registry says. A program that includes the
 * kernel's <linux/*.h> next to sysargs.h compiles, and the sysargs_ structs have the kernel
 * structs' offsets and sizes on every ABI, asserted by each ABI's own compiler.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GeneratorContext } from "@sysargs/codegen";
import { memberMacro, tagOf, typesOf } from "@sysargs/gen-c";
import { loadSchemas } from "@sysargs/loader";
import { type Abi, compareVersions } from "@sysargs/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../../vitest.skips.js";
import { locateToolchain, missingToolchains, pool, run, type Toolchain } from "../toolchain.js";

const INCLUDE = join(import.meta.dirname, "../../../../packages/c/generated/include");
/** The hand-written runtime (sysargs_runtime.h) the parsers include. */
const RUNTIME = join(import.meta.dirname, "../../../../packages/c/include");
const STRICT = ["-Wall", "-Wextra", "-Werror", "-pedantic"];
const loaded = loadSchemas(join(import.meta.dirname, "../../../../schemas"));
const registry = loaded.registry!;
const ctx = new GeneratorContext(registry);
const crossAbis = registry.abis.filter((a) => a.toolchain);
const toolGate = gate(
  [
    ...missingToolchains(crossAbis),
    ...["gcc", "g++", "clang", "clang++"]
      .filter((p) => !onPath(p))
      .map((p) => ({ what: p, why: `${p} not found`, packages: [p.startsWith("clang") ? "clang" : p] })),
  ],
  ciMode(),
);

/**
 * ABIs whose C++ build is checked with clang++ --target (Debian has no cross g++ here). LLVM has
 * no backend for hppa, alpha and sh; clang has no -m31 for 31-bit s390; and clang 14's m68k
 * backend (experimental) aligns int to 4 where gcc and the kernel align it to 2, which the
 * static assertions duly reject.
 */
const NO_CLANG_CXX: Record<string, string> = {
  parisc: "no LLVM backend",
  alpha: "no LLVM backend",
  sh: "no LLVM backend",
  s390: "clang has no -m31",
  m68k: "clang 14's experimental m68k backend aligns int to 4, not 2 as gcc and the kernel do",
};

function onPath(p: string): boolean {
  return (process.env.PATH ?? "").split(":").some((d) => d !== "" && existsSync(join(d, p)));
}

let dir: string;
const toolchains = new Map<string, Toolchain>();
beforeAll(async () => {
  expect(loaded.diagnostics).toEqual([]);
  dir = mkdtempSync(join(tmpdir(), "sysargs-c-"));
  for (const abi of crossAbis) {
    const tc = await locateToolchain(abi);
    if (tc) toolchains.set(abi.name, tc);
  }
});
afterAll(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));

/** A translation unit that uses sysargs.h in every way a consumer would. */
const CONSUMER = `#include <sysargs_parse.h>
int sysargs_consumer_check(void);
int sysargs_consumer_parse(const struct sysargs_seccomp_data *d, struct sysargs_record *rec);
int sysargs_consumer_check(void) {
	static struct sysargs_clone_args args;
	args.flags = SYSARGS_CLONE_INTO_CGROUP;
	return (int)sizeof(args) + SYSARGS_CLONE_ARGS_FLAGS_OFFSET + SYSARGS_SYS_OPENAT_NR + (int)(args.flags >> 32);
}
int sysargs_consumer_parse(const struct sysargs_seccomp_data *d, struct sysargs_record *rec) {
	struct sysargs_reader local;
	local.read = sysargs_read_local;
	local.ctx = 0;
	return sysargs_parse_openat2(&local, d, rec);
}
`;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function compile(cc: string, args: readonly string[], file: string): Promise<string> {
  const r = await run(cc, [...args, ...STRICT, `-I${INCLUDE}`, `-I${RUNTIME}`, "-fsyntax-only", file]);
  return r.code === 0 ? "" : `${cc} ${args.join(" ")}: ${r.stderr.split("\n").slice(0, 8).join("\n")}`;
}

describe.skipIf(toolGate.skip)(`the headers compile warning-free ${toolGate.why}`, () => {
  it("natively: gcc and clang as C99 and C11, g++ and clang++ as C++17 (headers and parsers)", async () => {
    requirePresent(toolGate);
    const c = write("consumer.c", CONSUMER);
    const cxx = write("consumer.cc", CONSUMER);
    const failures = await pool(
      [
        ["gcc", "-std=c99", c],
        ["gcc", "-std=c11", c],
        ["clang", "-std=c99", c],
        ["clang", "-std=c11", c],
        ["g++", "-std=c++17", cxx],
        ["clang++", "-std=c++17", cxx],
      ] as const,
      2,
      ([cc, std, file]) => compile(cc, [std], file),
    );
    expect(failures.filter((f) => f !== "")).toEqual([]);
  });

  it("with every cross compiler as C99 and C11, and as C++17 with clang++ --target where LLVM has the ABI", async () => {
    requirePresent(toolGate);
    const c = write("cross.c", CONSUMER);
    const cxx = write("cross.cc", CONSUMER);
    const jobs: [string, string[], string][] = [];
    for (const abi of crossAbis) {
      const tc = toolchains.get(abi.name);
      expect(tc, `${abi.name} toolchain`).toBeDefined();
      if (!tc) continue;
      for (const std of ["-std=c99", "-std=c11"]) jobs.push([tc.gcc, [...tc.flags, std], c]);
      // clang++ finds no cross sysroot by itself: it gets the toolchain's own include folders
      // (not gcc's builtin ones), and the parsers without the libc-based process reader, since
      // the cross C libraries' headers are not installed for every ABI.
      const sysroot = tc.includeDirs.filter((d) => !d.includes("/gcc/")).flatMap((d) => ["-isystem", d]);
      if (!NO_CLANG_CXX[abi.name])
        jobs.push([
          "clang++",
          [`--target=${tc.triplet}`, ...tc.flags, "-std=c++17", "-DSYSARGS_NO_PROCESS_READER", ...sysroot],
          cxx,
        ]);
    }
    // 18 toolchains x 2 standards + 13 clang++ targets: proof that every ABI's compiler agrees.
    expect(jobs.length).toBeGreaterThanOrEqual(2 * crossAbis.length);
    const failures = await pool(jobs, 2, ([cc, args, file]) => compile(cc, args, file));
    expect(failures.filter((f) => f !== "")).toEqual([]);
  });

  it("sysargs.h picks the ABI from the target macros, and stops for an unknown target", async () => {
    requirePresent(toolGate);
    const probe = write("which.c", "#include <sysargs.h>\nconst char *sysargs_which = SYSARGS_ABI_NAME;\n");
    const asm = async (cc: string, args: string[]) => {
      const r = await run(cc, [...args, `-I${INCLUDE}`, "-E", "-dM", probe]);
      return r.stdout.match(/#define SYSARGS_ABI_NAME "([^"]+)"/)?.[1] ?? r.stderr;
    };
    for (const abi of crossAbis) {
      const tc = toolchains.get(abi.name);
      if (tc) expect(await asm(tc.gcc, [...tc.flags]), abi.name).toBe(abi.name);
    }
    const unknown = await run("clang", [
      "--target=wasm32-unknown-unknown",
      `-I${INCLUDE}`,
      "-fsyntax-only",
      probe,
    ]);
    expect(unknown.stderr).toContain("sysargs: unknown target ABI");
  });
});

/** Every UAPI header that declares a type of the registry, with the macros it wants defined first. */
function kernelHeaders(): { headers: string[]; defines: string[] } {
  const headers = new Set<string>();
  const defines = new Set<string>();
  for (const t of registry.types) {
    for (const h of t.c.headers) headers.add(h);
    for (const d of t.c.defines) defines.add(d);
  }
  return { headers: [...headers].sort(), defines: [...defines].sort() };
}

/**
 * The kernel's headers first (each under __has_include: an older header set may lack one), then
 * sysargs.h: if any sysargs name clashed with a kernel tag or macro, this would not compile.
 */
function withKernelHeaders(): string {
  const { headers, defines } = kernelHeaders();
  return [
    ...defines.map((d) => `#define ${d}`),
    ...headers.flatMap((h) => [`#if __has_include(<${h}>)`, `#include <${h}>`, "#endif"]),
    "#include <linux/sched.h> /* struct clone_args */",
    "#include <sysargs.h>",
    "struct clone_args sysargs_kernel_args;",
    "struct sysargs_clone_args sysargs_our_args;",
    "",
  ].join("\n");
}

/**
 * Static assertions, compiled by the ABI's own compiler, that each sysargs_ struct has the size
 * and member offsets of the kernel's struct of the same spelling in that compiler's UAPI headers.
 * Left out: types whose spelling the ABI's headers give another type (`@header-differs`), types
 * no UAPI header declares, and types and members newer than the headers (Debian's are 6.1).
 */
function kernelComparison(abi: Abi, headerVersion: string): { text: string; asserts: number } {
  const lines = [withKernelHeaders()];
  let asserts = 0;
  const newer = (since: string | null | undefined) =>
    since != null && compareVersions(since, headerVersion) > 0;
  // The declared type of a composite: itself, or the variant it is an alternative of.
  const declaredOf = (name: string) =>
    registry.types.find((t) => t.kind === "variant" && t.alternatives.some((a) => a.type === name)) ??
    ctx.index.type(name);
  // Whether this ABI's headers declare the type as a struct or union of this spelling.
  const comparable = (name: string): boolean => {
    const c = declaredOf(name)?.c;
    if (!c || c.noHeader !== null || c.headers.length === 0 || c.differs?.abis.includes(abi.name))
      return false;
    return !newer(c.since) && (c.spelling.startsWith("struct ") || c.spelling.startsWith("union "));
  };
  for (const t of typesOf(ctx, abi)) {
    const c = t.declared.c;
    if (!comparable(t.name)) continue;
    if (t.members.some((m) => newer(m.since)) && t.decl.extensible === null) continue;
    const ours = `${t.decl.kind} ${tagOf(t.name)}`;
    const theirs = c.spelling;
    const sized = !t.members.some((m) => newer(m.since));
    if (sized) {
      lines.push(`SYSARGS_STATIC_ASSERT(sizeof(${ours}) == sizeof(${theirs}), "${t.name} size");`);
      asserts++;
    }
    for (const m of t.members) {
      if (m.bitSize !== undefined || newer(m.since) || m.path !== m.irPath) continue;
      // A member inside a nested type the kernel spells otherwise here (sigset_t is a long on x86_64).
      if (m.owner !== t.decl.name && !comparable(m.owner)) continue;
      lines.push(
        // The header pins offsetof(ours, path) to the macro; this pins the macro to the kernel.
        // (It cannot name our member here: <asm/signal.h> makes sa_handler a macro of the kernel's.)
        `SYSARGS_STATIC_ASSERT(${memberMacro(t.name, m.path)}_OFFSET == offsetof(${theirs}, ${m.path}), "${t.name}.${m.path}");`,
      );
      asserts++;
    }
  }
  return { text: lines.join("\n"), asserts };
}

describe.skipIf(toolGate.skip)(`next to the kernel's headers ${toolGate.why}`, () => {
  it("a program that includes <linux/sched.h> and every UAPI header of the registry, then sysargs.h, compiles (gcc, clang, g++)", async () => {
    requirePresent(toolGate);
    const c = write("both.c", withKernelHeaders());
    const failures = await Promise.all([
      compile("gcc", ["-std=gnu11"], c),
      compile("clang", ["-std=gnu11"], c),
      compile("g++", ["-std=gnu++17", "-x", "c++"], c),
    ]);
    expect(failures.filter((f) => f !== "")).toEqual([]);
  });

  it("every sysargs_ struct has the kernel struct's size and offsets, per ABI, by the ABI's compiler", async () => {
    requirePresent(toolGate);
    const counts = await pool(crossAbis, 2, async (abi) => {
      const tc = toolchains.get(abi.name)!;
      const v = await run(tc.gcc, [
        ...tc.flags,
        "-dM",
        "-E",
        "-include",
        "linux/version.h",
        "-x",
        "c",
        "/dev/null",
      ]);
      const code = Number(v.stdout.match(/LINUX_VERSION_CODE (\d+)/)?.[1] ?? 0);
      const version = `${code >> 16}.${(code >> 8) & 255}`;
      const { text, asserts } = kernelComparison(abi, version);
      const file = write(`kernel-${abi.name}.c`, text);
      const r = await run(tc.gcc, [...tc.flags, "-std=gnu11", `-I${INCLUDE}`, "-fsyntax-only", file]);
      return {
        abi: abi.name,
        asserts,
        error:
          r.code === 0
            ? ""
            : r.stderr
                .split("\n")
                .filter((l) => / error: /.test(l))
                .slice(0, 20)
                .join("\n"),
      };
    });
    expect(counts.filter((c) => c.error !== "")).toEqual([]);
    console.log(`kernel comparison: ${counts.map((c) => `${c.abi} ${c.asserts}`).join(", ")}`);
    // Hundreds of offsets per ABI: the comparison cannot pass by comparing nothing.
    for (const c of counts) expect(c.asserts, c.abi).toBeGreaterThan(250);
  });
});
