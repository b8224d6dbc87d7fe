// The published packages as a user gets them: every public package is packed with `pnpm pack`,
// the tarballs are linted (publint, are-the-types-wrong) and installed with npm into a project
// outside the workspace, where the `sysargs` bin and the @sysargs/registry API must work with
// nothing from the checkout. Needs the build (pnpm test runs it first) and the npm registry for
// third-party dependencies (ts-morph); any failure to pack or install fails these tests.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, relative } from "node:path";
import { readVectors } from "@sysargs/test-vectors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type LintResult,
  lintTarball,
  manifestTargets,
  mapLimit,
  mustRun,
  npmEnv,
  type PackedPackage,
  packPublicPackages,
  run,
  WORKSPACE_ROOT,
} from "./pack.js";

let scratch: string;
let packed: PackedPackage[];

beforeAll(async () => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), "sysargs-packed-")));
  // Outside the workspace, or npm and node would find the checkout's packages instead.
  expect(relative(WORKSPACE_ROOT, scratch).startsWith("..")).toBe(true);
  packed = await packPublicPackages(scratch);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("packed public packages", () => {
  it("are the seventeen published packages, all ES modules with a README and no tests", () => {
    expect(packed.map((p) => p.name)).toEqual([
      "@sysargs/btf",
      "@sysargs/c",
      "@sysargs/capabilities",
      "@sysargs/codegen",
      "@sysargs/dsl",
      "@sysargs/gen-c",
      "@sysargs/gen-caps",
      "@sysargs/gen-registry",
      "@sysargs/gen-ts",
      "@sysargs/generators",
      "@sysargs/layout",
      "@sysargs/linux",
      "@sysargs/loader",
      "@sysargs/model",
      "@sysargs/registry",
      "@sysargs/runtime",
      "sysargs",
    ]);
    // lintTarball's "esm-only" attw profile relies on this: no package offers require().
    for (const p of packed) {
      expect(p.manifest.type, p.name).toBe("module");
      expect(JSON.stringify(p.manifest.exports), p.name).not.toContain('"require"');
      expect(p.files, p.name).toContain("README.md");
      expect(
        p.files.filter((f) => f.endsWith(".test.ts")),
        p.name,
      ).toEqual([]);
    }
  });

  it("contain every file their manifests and source maps point at", () => {
    const missing: string[] = [];
    for (const p of packed) {
      const files = new Set(p.files);
      for (const target of manifestTargets(p.manifest)) {
        const ok = target.includes("*")
          ? p.files.some((f) => f.startsWith(target.slice(0, target.indexOf("*"))))
          : files.has(target);
        if (!ok) missing.push(`${p.name}: ${target} (package.json)`);
      }
      for (const map of p.files.filter((f) => f.endsWith(".js.map"))) {
        const { sources } = JSON.parse(readFileSync(join(p.dir, map), "utf8")) as { sources: string[] };
        for (const source of sources) {
          const file = posix.normalize(posix.join(posix.dirname(map), source));
          if (!files.has(file)) missing.push(`${p.name}: ${file} (${map})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  describe("lint", () => {
    let results: LintResult[];
    beforeAll(async () => {
      results = (await mapLimit(packed, 2, (p) => lintTarball(p))).flat();
    });

    it("publint finds nothing in any tarball", () => {
      const failed = results.filter((r) => r.tool === "publint" && !r.ok);
      expect(failed.map((r) => `${r.name}\n${r.output}`)).toEqual([]);
      expect(results.filter((r) => r.tool === "publint")).toHaveLength(packed.length);
    });

    it("are-the-types-wrong (esm-only profile) finds nothing in any tarball", () => {
      const failed = results.filter((r) => r.tool === "attw" && !r.ok);
      expect(failed.map((r) => `${r.name}\n${r.output}`)).toEqual([]);
      expect(results.filter((r) => r.tool === "attw")).toHaveLength(packed.length);
    });
  });

  describe("installed with npm outside the workspace", () => {
    let project: string;
    const env = npmEnv();
    // `--no`: never fetch a "sysargs" from the registry; run the installed bin or fail.
    const sysargs = (...args: string[]) => run("npx", ["--no", "sysargs", ...args], { cwd: project, env });

    beforeAll(async () => {
      project = join(scratch, "project");
      const tarballs = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
      const manifest = {
        name: "sysargs-packed-test",
        version: "0.0.0",
        private: true,
        type: "module",
        dependencies: tarballs,
        // The @sysargs/* packages depend on each other by version ("0.1.0", as pnpm pack
        // rewrote workspace:*); none is on the npm registry, so every one resolves to its tarball.
        overrides: tarballs,
      };
      mkdirSync(project);
      writeFileSync(join(project, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      await mustRun("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
        cwd: project,
        env,
      });
    });

    it("installed every package from its tarball", () => {
      const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")) as {
        packages: Record<string, { version?: string; resolved?: string }>;
      };
      for (const p of packed) {
        const entry = lock.packages[`node_modules/${p.name}`];
        expect(entry?.version, p.name).toBe(p.version);
        expect(entry?.resolved, p.name).toBe(`file:${relative(project, p.tarball)}`);
      }
      // Only one copy of each: no nested @sysargs/* resolved elsewhere.
      const nested = Object.keys(lock.packages).filter((k) =>
        /node_modules\/.+\/node_modules\/(@sysargs\/|sysargs$)/.test(k),
      );
      expect(nested).toEqual([]);
    });

    it("npx sysargs layout clone_args --abi aarch64 --json prints the layout", async () => {
      const r = await sysargs("layout", "clone_args", "--abi", "aarch64", "--json");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const names = ["flags", "pidfd", "child_tid", "parent_tid", "exit_signal", "stack", "stack_size"];
      names.push("tls", "set_tid", "set_tid_size", "cgroup");
      expect(JSON.parse(r.stdout)).toEqual({
        abi: "aarch64",
        name: "clone_args",
        kind: "struct",
        size: 88,
        align: 8,
        holes: [],
        fields: names.map((name, i) => ({ name, offset: 8 * i, size: 8, type: "__aligned_u64" })),
      });
    });

    it("npx sysargs resolve clone3 --abi x86_64 prints 435", async () => {
      const r = await sysargs("resolve", "clone3", "--abi", "x86_64");
      expect(r).toEqual({ code: 0, stdout: "435\n", stderr: "" });
    });

    it("npx sysargs verify says it needs the conformance tool, exit 1", async () => {
      const r = await sysargs("verify");
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(
        "verify needs the conformance tool (@sysargs/conformance), which is part of the sysargs repository and not published",
      );
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    });

    it("npx sysargs validate asks for schemas, exit 1", async () => {
      const r = await sysargs("validate");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("no schemas to read: run inside a sysargs checkout or pass --schemas DIR");
    });

    it("@sysargs/c: the README's C consumer builds with pkg-config's flags for the installed package, and runs", async () => {
      const c = join(project, "node_modules", "@sysargs", "c");
      const readme = readFileSync(join(c, "README.md"), "utf8");
      const program = readme.match(/```c\n([\s\S]*?)```/)?.[1] ?? "";
      writeFileSync(join(project, "consumer.c"), program);
      const pc = await mustRun("pkg-config", ["--cflags", "sysargs"], {
        cwd: project,
        env: { ...env, PKG_CONFIG_PATH: c },
      });
      const flags = pc.stdout.trim().split(/\s+/);
      expect(flags).toEqual([`-I${join(c, "generated/include")}`, `-I${join(c, "include")}`]);
      await mustRun(
        "cc",
        ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", ...flags, "consumer.c", "-o", "consumer"],
        {
          cwd: project,
          env,
        },
      );
      const out = await mustRun(join(project, "consumer"), [], { cwd: project, env });
      expect(out.stdout.trim()).toBe(program.match(/prints "([^"]+)"/)?.[1]);
    });

    it("npx sysargs gen c --prefix P installs the headers with the runtime header of the installed @sysargs/c", async () => {
      const prefix = join(project, "prefix");
      const r = await sysargs(
        "gen",
        "c",
        "--prefix",
        prefix,
        "--abi",
        "x86_64",
        "--quiet",
        "--schemas",
        join(WORKSPACE_ROOT, "schemas"),
      );
      expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
      const runtime = (dir: string) => readFileSync(join(dir, "include", "sysargs_runtime.h"), "utf8");
      expect(runtime(prefix)).toBe(runtime(join(project, "node_modules", "@sysargs", "c")));
      const pc = await mustRun("pkg-config", ["--cflags", "sysargs"], {
        cwd: project,
        env: { ...env, PKG_CONFIG_PATH: join(prefix, "share", "pkgconfig") },
      });
      expect(pc.stdout.trim()).toBe(`-I${join(prefix, "include")}`);
    });

    const tsc = join(WORKSPACE_ROOT, "node_modules", "typescript", "bin", "tsc");
    // The workspace's @types/node stands in for the consumer's own.
    const compile = (...filesAndOptions: string[]) =>
      run(
        "node",
        [
          tsc,
          "--strict",
          "--module",
          "nodenext",
          "--moduleResolution",
          "nodenext",
          "--target",
          "es2022",
          "--types",
          "node",
          "--typeRoots",
          join(WORKSPACE_ROOT, "node_modules", "@types"),
          "--pretty",
          "false",
          ...filesAndOptions,
        ],
        { cwd: project, env },
      );

    it("npx sysargs caps clone3 --abi x86_64 --json lists flags at offset 0", async () => {
      const r = await sysargs("caps", "clone3", "--abi", "x86_64", "--json");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const [c] = JSON.parse(r.stdout).results;
      expect(c.args[0].fields[0]).toMatchObject({ path: "flags", offset: 0, version: 0, since: "5.3" });
    });

    it("TypeScript imports the @sysargs/capabilities API (get, query) with its types; its README example compiles", async () => {
      writeFileSync(
        join(project, "caps-check.ts"),
        `import { get, query, type SyscallCapability } from "@sysargs/capabilities";
const c: SyscallCapability | undefined = get("openat2", "aarch64");
const how = c?.args.find((a) => a.name === "how");
console.log(JSON.stringify({
  how: how && { class: how.class, fields: how.fields?.map((f) => f.path) },
  deep510: query({ abi: "x86_64", kernel: "5.10", inspectable: true }).map((x) => x.name),
}));
`,
      );
      const readme = readFileSync(join(project, "node_modules/@sysargs/capabilities/README.md"), "utf8");
      const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(example).toContain("query(");
      writeFileSync(join(project, "caps-readme.ts"), example!);
      const built = await compile(
        "caps-check.ts",
        "caps-readme.ts",
        "--outDir",
        "out-caps",
        "--noEmitOnError",
      );
      expect(built.stdout + built.stderr).toBe("");
      const r = await mustRun("node", ["out-caps/caps-check.js"], { cwd: project, env });
      expect(JSON.parse(r.stdout)).toEqual({
        how: { class: "extensible-struct", fields: ["flags", "mode", "resolve"] },
        deep510: ["clone3", "openat2", "perf_event_open", "sched_setattr"],
      });
    });

    it("TypeScript imports the @sysargs/registry API with its types, and it runs", async () => {
      writeFileSync(
        join(project, "check.ts"),
        `import type { TypeLayout } from "@sysargs/layout";
import type { TableEntry } from "@sysargs/model";
import { openRegistry, RegistryDataError, type SysargsRegistry } from "@sysargs/registry";

const registry: SysargsRegistry = openRegistry();
const how: TypeLayout | undefined = registry.layout("open_how", "i386");
if (!how) throw new Error("no layout of open_how on i386");
const fields: string[] = how.fields.map((f) => \`\${f.name}@\${f.offset}\`);
const clone3: TableEntry | undefined = registry.numbers("clone3")?.["x86_64"];
const stat: TypeLayout | undefined = registry.layout("stat", "x86"); // libseccomp's name for i386
let missing = "";
try {
  void openRegistry("${join(scratch, "no-such-registry")}").kernel;
} catch (e) {
  if (e instanceof RegistryDataError) missing = e.name;
}
console.log(
  JSON.stringify({
    kernel: registry.kernel,
    openHow: { abi: how.abi, size: how.size, align: how.align, fields },
    clone3: clone3?.number,
    stat: stat && { abi: stat.abi, size: stat.size },
    unknownType: registry.layout("no_such_struct", "x86_64") ?? null,
    unknownAbi: registry.layout("open_how", "vax") ?? null,
    missing,
  }),
);
`,
      );
      // The example in the package's README compiles too.
      const readme = readFileSync(join(project, "node_modules/@sysargs/registry/README.md"), "utf8");
      const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(example).toContain("openRegistry");
      writeFileSync(join(project, "readme-example.ts"), example!);
      const built = await compile("check.ts", "readme-example.ts", "--outDir", "out", "--noEmitOnError");
      expect(built.stdout + built.stderr).toBe("");
      expect(built.code).toBe(0);
      const r = await mustRun("node", ["out/check.js"], { cwd: project, env });
      expect(JSON.parse(r.stdout)).toEqual({
        kernel: expect.stringMatching(/^\d+\.\d+$/),
        openHow: { abi: "i386", size: 24, align: 4, fields: ["flags@0", "mode@8", "resolve@16"] },
        clone3: 435,
        stat: { abi: "i386", size: 64 },
        unknownType: null,
        unknownAbi: null,
        missing: "RegistryDataError",
      });

      // The types are real, not `any`: a wrong annotation is a compile error.
      writeFileSync(
        join(project, "wrong.ts"),
        `import { openRegistry } from "@sysargs/registry";\nconst size: string = openRegistry().layout("open_how", "i386")!.size;\nvoid size;\n`,
      );
      const wrong = await compile("wrong.ts", "--noEmit");
      expect(wrong.code).not.toBe(0);
      expect(wrong.stdout).toMatch(
        /wrong\.ts\(2,7\): error TS2322: Type 'number' is not assignable to type 'string'/,
      );
    });

    // struct clone_args as the s390x program of tools/test-vectors wrote it under qemu-user.
    const s390x = readVectors().find((f) => f.abi === "s390x")!.structs.clone_args!;

    it("npx sysargs decode clone_args --abi s390x --json gives what the s390x program wrote", async () => {
      const r = await sysargs("decode", "clone_args", "--abi", "s390x", "--hex", s390x.hex, "--json");
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual({
        type: "clone_args",
        abi: "s390x",
        size: 88,
        fields: s390x.fields,
      });
    });

    it("plain Node imports @sysargs/linux/<abi> and @sysargs/runtime", async () => {
      writeFileSync(
        join(project, "plain.mjs"),
        `import { decodeCloneArgs, getCloneArgsFlags, CloneFlags, SYSCALLS } from "@sysargs/linux/s390x";
import { isSysargsError } from "@sysargs/runtime";
const bytes = Buffer.from(process.argv[2], "hex");
const args = decodeCloneArgs(bytes);
let error = "";
try { decodeCloneArgs(bytes.subarray(0, 40)); } catch (e) { if (isSysargsError(e, "StructTooSmallError")) error = e.message; }
console.log(JSON.stringify({
  flags: String(args.flags),
  cgroup: String(args.cgroup),
  same: getCloneArgsFlags(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)) === args.flags,
  parsed: String(CloneFlags.parse("CLONE_NEWUSER|CLONE_NEWNS")),
  clone3: SYSCALLS.clone3.number,
  error,
}));
`,
      );
      const r = await mustRun("node", ["plain.mjs", s390x.hex], { cwd: project, env });
      expect(JSON.parse(r.stdout)).toEqual({
        flags: s390x.fields.flags,
        cgroup: s390x.fields.cgroup,
        same: true,
        parsed: String(0x10000000 | 0x20000),
        clone3: 435,
        error: "clone_args: 40 bytes is smaller than the minimum of 64 bytes (the kernel answers EINVAL)",
      });
    });

    it("TypeScript type-checks @sysargs/linux with moduleResolution node16 and bundler", async () => {
      const tsc = join(WORKSPACE_ROOT, "node_modules", "typescript", "bin", "tsc");
      writeFileSync(
        join(project, "linux.ts"),
        `import { type CloneArgs, decodeCloneArgs, CLONE_ARGS_SIZE, type OpenHow, encodeOpenHow } from "@sysargs/linux/x86_64";
import { isSysargsError, type TypeCodec } from "@sysargs/runtime";
import { TYPES } from "@sysargs/linux/aarch64";
const args: CloneArgs = decodeCloneArgs(new Uint8Array(CLONE_ARGS_SIZE));
const flags: bigint = args.flags;
const how: OpenHow = { flags: 0n, mode: 0o600n, resolve: 0n };
const bytes: Uint8Array = encodeOpenHow(how);
const codec: TypeCodec | undefined = TYPES["open_how"];
const e: unknown = null;
if (isSysargsError(e, "NonZeroTailError")) console.log(e.offset);
console.log(flags, bytes.length, codec?.size);
`,
      );
      writeFileSync(
        join(project, "linux-wrong.ts"),
        `import { decodeCloneArgs } from "@sysargs/linux/x86_64";\nconst flags: number = decodeCloneArgs(new Uint8Array(88)).flags;\nvoid flags;\n`,
      );
      const common = [
        "--strict",
        "--target",
        "es2022",
        "--types",
        "node",
        "--typeRoots",
        join(WORKSPACE_ROOT, "node_modules", "@types"),
        "--pretty",
        "false",
        "--noEmit",
      ];
      // The examples in the two packages' READMEs compile too.
      const examples = ["linux", "runtime"].map((name) => {
        const readme = readFileSync(join(project, `node_modules/@sysargs/${name}/README.md`), "utf8");
        const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(example, name).toContain("@sysargs/");
        writeFileSync(join(project, `readme-${name}.ts`), example!);
        return `readme-${name}.ts`;
      });
      for (const mode of [
        ["--module", "node16", "--moduleResolution", "node16"],
        ["--module", "esnext", "--moduleResolution", "bundler"],
      ]) {
        const ok = await run("node", [tsc, ...common, ...mode, "linux.ts", ...examples], {
          cwd: project,
          env,
        });
        expect(ok.stdout + ok.stderr, mode.join(" ")).toBe("");
        const wrong = await run("node", [tsc, ...common, ...mode, "linux-wrong.ts"], { cwd: project, env });
        expect(wrong.stdout, mode.join(" ")).toMatch(
          /error TS2322: Type 'bigint' is not assignable to type 'number'/,
        );
      }
    });
  });
});
