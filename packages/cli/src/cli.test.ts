import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { GeneratorContext } from "@sysargs/codegen";
import { generateRegistryData } from "@sysargs/gen-registry";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic, IR_SCHEMA } from "@sysargs/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HELP, run } from "./index.js";

/**
 * The CLI through `run()`, with stdout and stderr captured. The schemas are a temp tree with the
 * 25 real ABI models and syscall tables and a fixed copy of clone3 (so that edits to the real
 * schemas do not move these expectations), plus two small structs with holes and bitfields; the
 * query commands read registry data generated from it in the test.
 */
const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SCHEMAS = join(REPO, "schemas");

const CLONE3 = `import type { aligned_u64, CountedArray, Fd, FlagMinSize, Flags, In, int, LenOf, long, Out, pid_t, Ptr, Ptr64, Signal, Since, SizeOf, size_t, Struct, Version, void_t } from "@sysargs/dsl";
import type { CloneFlags } from "./clone-flags.js";

/**
 * Arguments of clone3(2).
 * @source include/uapi/linux/sched.h (6.18)
 */
export interface clone_args
  extends Struct<{
    extensible: {
      versions: [
        Version<64, "5.3", "CLONE_ARGS_SIZE_VER0">,
        Version<80, "5.5", "CLONE_ARGS_SIZE_VER1">,
        Version<88, "5.7", "CLONE_ARGS_SIZE_VER2">,
      ];
      sizeIn: "argument";
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
      flagMinSize: [FlagMinSize<CloneFlags, "flags", "CLONE_INTO_CGROUP", 88>];
    };
  }> {
  flags: aligned_u64 & Flags<CloneFlags>;
  pidfd: Ptr64<Out<int>>;
  child_tid: Ptr64<Out<pid_t>>;
  parent_tid: Ptr64<Out<pid_t>>;
  exit_signal: aligned_u64 & Signal;
  stack: Ptr64<void_t>;
  stack_size: aligned_u64 & LenOf<"stack">;
  tls: aligned_u64;
  set_tid: Ptr64<In<CountedArray<pid_t, "set_tid_size">>> & Since<"5.5">;
  set_tid_size: aligned_u64 & Since<"5.5">;
  cgroup: aligned_u64 & Fd & Since<"5.7">;
}

/**
 * Create a child process or thread.
 * @since 5.3
 * @source include/linux/syscalls.h (6.18)
 */
export declare function clone3(cl_args: Ptr<In<clone_args>>, size: size_t & SizeOf<"cl_args">): long;
`;

// struct holey { __u8 a; __u32 b; __u16 c; } and struct bitty { __u32 a; __u64 x:40; __u8 after; }:
// gcc (x86_64) says 12/4 with b@4 c@8, and 16/8 with x at bit 64 and after@13.
const EXTRA = `import type { u8, u16, u32, u64, Bits } from "@sysargs/dsl";
export interface holey {
  a: u8;
  b: u32;
  c: u16;
}
export interface bitty {
  a: u32;
  x: Bits<u64, 40>;
  after: u8;
}
`;

const temps: string[] = [];
/** How the CLI shows a path: relative to the working directory inside it, else absolute. */
const shownPath = (p: string) =>
  relative(process.cwd(), p).startsWith("..") ? p : relative(process.cwd(), p);
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), `sysargs-cli-${prefix}-`));
  temps.push(d);
  return d;
};

/** A schemas tree: every real ABI model and table, plus `linux` (path under linux/ -> text). */
function schemasTree(linux: Record<string, string>): string {
  const root = tempDir("schemas");
  mkdirSync(join(root, "abi"));
  mkdirSync(join(root, "tables"));
  for (const f of readdirSync(join(SCHEMAS, "abi")))
    copyFileSync(join(SCHEMAS, "abi", f), join(root, "abi", f));
  // Real tables cut down to the fixture's syscalls: every table syscall needs a signature.
  const declared = new Set(
    Object.values(linux).flatMap((t) => [...t.matchAll(/declare function (\w+)/g)].map((m) => m[1]!)),
  );
  for (const f of readdirSync(join(SCHEMAS, "tables")).filter((x) => x.endsWith(".tbl"))) {
    const lines = readFileSync(join(SCHEMAS, "tables", f), "utf8").split("\n");
    const kept = lines.filter((l) => l === "" || l.startsWith("#") || declared.has(l.split("\t")[2]!));
    writeFileSync(join(root, "tables", f), kept.join("\n"));
  }
  for (const [rel, text] of Object.entries(linux)) {
    const p = join(root, "linux", rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

const GOOD = () => ({
  "sched/clone3.ts": CLONE3,
  "sched/clone-flags.ts": readFileSync(join(SCHEMAS, "linux", "sched", "clone-flags.ts"), "utf8"),
  "test/extra.ts": EXTRA,
  // fork is in most tables; its signature keeps those tables consistent with the schemas.
  "process/fork.ts": 'import type { long } from "@sysargs/dsl";\nexport declare function fork(): long;\n',
});

let good: string;
let registryDir: string;
/** The files the registry generator makes from a schemas tree. */
const registryData = (schemas: string, displayBase?: string) =>
  generateRegistryData(
    new GeneratorContext(loadSchemas(schemas, displayBase ? { displayBase } : {}).registry!),
  );
/** Writes generated files under `dir`. */
function writeTree(dir: string, files: { path: string; content: string }[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
}
beforeAll(() => {
  good = schemasTree(GOOD());
  const loaded = loadSchemas(good);
  expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  registryDir = join(tempDir("registry"), "data");
  writeTree(registryDir, generateRegistryData(new GeneratorContext(loaded.registry!)));
});
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Runs the CLI and captures everything it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (s) => out.push(s) }, (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}
/** The same, against the registry generated in beforeAll. */
const query = (...argv: string[]) => cli(...argv, "--registry", registryDir);

describe("usage", () => {
  it("help prints the help text and exits 0", async () => {
    for (const argv of [["help"], ["--help"], ["-h"], ["layout", "--help"]]) {
      const r = await cli(...argv);
      expect(r).toEqual({ code: 0, out: HELP, err: "" });
    }
    expect(HELP).toContain("Usage: sysargs <command> [options]");
    expect(HELP).toContain("gen c --prefix P [--abi A,B]");
    expect(HELP).toContain("PKG_CONFIG_PATH=P/share/pkgconfig pkg-config");
  });

  it("no command prints the help text and exits 2", async () => {
    expect(await cli()).toEqual({ code: 2, out: HELP, err: "" });
  });

  it("unknown command exits 2", async () => {
    expect(await cli("frobnicate")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: unknown command "frobnicate" (see "sysargs help")',
    });
  });

  it("unknown option exits 2", async () => {
    const r = await cli("abis", "--frob");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^sysargs: Unknown option '--frob'\..* \(see "sysargs help"\)$/s);
  });

  it("an option without its value exits 2", async () => {
    const r = await cli("layout", "clone_args", "--abi");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^sysargs: Option '--abi <value>' argument missing \(see "sysargs help"\)$/);
  });

  it("layout without --abi exits 2", async () => {
    expect(await query("layout", "clone_args")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: missing --abi: sysargs layout <type> --abi <abi> (see "sysargs help")',
    });
  });

  it("layout without a type exits 2", async () => {
    expect(await query("layout", "--abi", "x86_64")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: missing type name: sysargs layout <type> --abi <abi> (see "sysargs help")',
    });
  });

  it("an unexpected extra argument exits 2", async () => {
    expect(await query("layout", "clone_args", "open_how", "--abi", "x86_64")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: unexpected argument "open_how" for layout (see "sysargs help")',
    });
  });

  it("export without --json exits 2", async () => {
    expect(await query("export")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: export writes JSON only: use export --json (see "sysargs help")',
    });
  });

  it("missing or damaged registry data exits 1 and names the file", async () => {
    const dir = tempDir("noreg");
    const missing = join(dir, "nope");
    expect(await cli("abis", "--registry", missing)).toEqual({
      code: 1,
      out: "",
      err: `sysargs: ${missing}: no sysargs registry here (no index.json); generate one with "sysargs gen registry"`,
    });
    // a copy of the good data, damaged one file at a time
    const damaged = (name: string, file: string, content: string | null) => {
      const d = join(dir, name);
      writeTree(d, registryData(good));
      if (content === null) rmSync(join(d, file));
      else writeFileSync(join(d, file), content);
      return d;
    };
    const broken = damaged("broken", "index.json", "{ not json");
    const r = await cli("abis", "--registry", broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^sysargs: .*broken\/index\.json: not valid JSON \(.*\); regenerate it with "sysargs gen registry"$/,
    );
    const old = damaged("old", "index.json", JSON.stringify({ format: 0, irVersion: 1 }));
    expect((await cli("abis", "--registry", old)).err).toBe(
      `sysargs: ${join(old, "index.json")}: not sysargs registry data (data format 0, expected 1); regenerate it with "sysargs gen registry"`,
    );
    // a type file that is missing or empty is an error, never "unknown type"
    const noLayouts = damaged("nolayouts", "types/clone_args.json", null);
    expect(await cli("layout", "clone_args", "--abi", "x86_64", "--registry", noLayouts)).toEqual({
      code: 1,
      out: "",
      err: `sysargs: ${join(noLayouts, "types/clone_args.json")}: missing from the registry data; regenerate it with "sysargs gen registry"`,
    });
    const empty = damaged("empty", "types/clone_args.json", "{}");
    expect((await cli("layout", "clone_args", "--abi", "x86_64", "--registry", empty)).err).toBe(
      `sysargs: ${join(empty, "types/clone_args.json")}: not sysargs registry data (no declaration of "clone_args"); regenerate it with "sysargs gen registry"`,
    );
    const nullAbis = damaged("nullabis", "abis.json", "null");
    expect((await cli("abis", "--registry", nullAbis)).err).toBe(
      `sysargs: ${join(nullAbis, "abis.json")}: not sysargs registry data (not a JSON object); regenerate it with "sysargs gen registry"`,
    );
  });
});

describe("one error path", () => {
  // Which options each command takes (HELP says the same): any other one is a usage error.
  const takes: Record<string, string[]> = {
    validate: ["--schemas", "--json"],
    gen: ["--check", "--out", "--quiet", "--list", "--schemas", "--abi", "--prefix"],
    abis: ["--abi", "--json", "--registry"],
    export: ["--json", "--registry"],
    layout: ["--abi", "--json", "--registry"],
    syscall: ["--abi", "--json", "--registry"],
    syscalls: ["--abi", "--json", "--registry"],
    resolve: ["--abi", "--json", "--registry"],
    verify: ["--abi", "--json", "--schemas"],
    caps: ["--abi", "--json"],
    probe: ["--json"],
    decode: ["--abi", "--json", "--hex", "--file"],
  };
  const valued = new Set(["--abi", "--out", "--prefix", "--registry", "--schemas", "--hex", "--file"]);
  const all = [
    "--abi",
    "--json",
    "--check",
    "--out",
    "--prefix",
    "--quiet",
    "--list",
    "--registry",
    "--schemas",
    "--hex",
    "--file",
  ];

  it("an option a command does not take exits 2 naming the option and the command", async () => {
    for (const [command, accepted] of Object.entries(takes))
      for (const option of all.filter((o) => !accepted.includes(o)))
        expect(await cli(command, option, ...(valued.has(option) ? ["x"] : []))).toEqual({
          code: 2,
          out: "",
          err: `sysargs: ${command} does not take ${option} (see "sysargs help")`,
        });
  });

  it("an option given twice exits 2 instead of the last one winning", async () => {
    expect(await query("syscall", "clone3", "--abi", "x86_64", "--abi", "i386")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: --abi given more than once (see "sysargs help")',
    });
  });

  it("abis --abi A lists that ABI only", async () => {
    const r = await query("abis", "--abi", "x86", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((a: { name: string }) => a.name)).toEqual(["i386"]);
    expect((await query("abis", "--abi", "nosuch")).code).toBe(1);
  });

  it("an unexpected error exits 70 with one line, and the stack with SYSARGS_DEBUG=1", async () => {
    const boom = {
      out: () => {
        throw new Error("boom\nsecond line");
      },
    };
    const errs: string[] = [];
    const before = process.env.SYSARGS_DEBUG;
    try {
      delete process.env.SYSARGS_DEBUG;
      expect(await run(["abis", "--registry", registryDir], boom, (s) => errs.push(s))).toBe(70);
      expect(errs).toEqual(["sysargs: internal error: boom (rerun with SYSARGS_DEBUG=1 for the stack)"]);
      errs.length = 0;
      process.env.SYSARGS_DEBUG = "1";
      expect(await run(["abis", "--registry", registryDir], boom, (s) => errs.push(s))).toBe(70);
      expect(errs[0]).toBe("sysargs: internal error: boom (rerun with SYSARGS_DEBUG=1 for the stack)");
      expect(errs[1]).toMatch(/^Error: boom\nsecond line\n\s+at /);
    } finally {
      if (before === undefined) delete process.env.SYSARGS_DEBUG;
      else process.env.SYSARGS_DEBUG = before;
    }
  });
});

describe("names", () => {
  it("unknown ABI exits 1 and names the closest ABI", async () => {
    const r = await query("layout", "clone_args", "--abi", "x86_65");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      /^sysargs: unknown ABI "x86_65"; did you mean "x86_64"\? \(known: aarch64, alpha, .*, x86_64\)$/,
    );
  });

  it("unknown ABI suggestions include libseccomp aliases", async () => {
    const r = await query("syscall", "clone3", "--abi", "arm65");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^sysargs: unknown ABI "arm65"; did you mean "arm64"\?/);
  });

  it("unknown type exits 1 with a suggestion", async () => {
    expect(await query("layout", "clone_arg", "--abi", "x86_64")).toEqual({
      code: 1,
      out: "",
      err: 'sysargs: unknown type "clone_arg"; did you mean "clone_args"?',
    });
  });

  it("unknown syscall exits 1 with a suggestion", async () => {
    expect(await query("syscall", "clone4")).toEqual({
      code: 1,
      out: "",
      err: 'sysargs: unknown syscall "clone4"; did you mean "clone3"?',
    });
  });

  it("libseccomp aliases name ABIs: --abi x86 is i386", async () => {
    const viaAlias = await query("layout", "clone_args", "--abi", "x86", "--json");
    const direct = await query("layout", "clone_args", "--abi", "i386", "--json");
    expect(viaAlias.code).toBe(0);
    expect(viaAlias.out).toBe(direct.out);
    expect(JSON.parse(viaAlias.out).abi).toBe("i386");
    const sc = await query("syscall", "clone3", "--abi", "x86", "--json");
    expect(Object.keys(JSON.parse(sc.out).abis)).toEqual(["i386"]);
  });
});

describe("layout", () => {
  const a64 = "__aligned_u64";

  it("layout clone_args --abi x86_64 --json has the documented shape", async () => {
    const r = await query("layout", "clone_args", "--abi", "x86_64", "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const names = [
      "flags",
      "pidfd",
      "child_tid",
      "parent_tid",
      "exit_signal",
      "stack",
      "stack_size",
      "tls",
      "set_tid",
      "set_tid_size",
      "cgroup",
    ];
    expect(JSON.parse(r.out)).toEqual({
      abi: "x86_64",
      name: "clone_args",
      kind: "struct",
      size: 88,
      align: 8,
      holes: [],
      fields: names.map((name, i) => ({ name, offset: i * 8, size: 8, type: a64 })),
    });
  });

  it("layout --json reports holes and bitfields", async () => {
    const holey = JSON.parse((await query("layout", "holey", "--abi", "x86_64", "--json")).out);
    expect(holey).toEqual({
      abi: "x86_64",
      name: "holey",
      kind: "struct",
      size: 12,
      align: 4,
      holes: [
        { after: "a", offset: 1, size: 3 },
        { after: "", offset: 10, size: 2 },
      ],
      fields: [
        { name: "a", offset: 0, size: 1, type: "__u8" },
        { name: "b", offset: 4, size: 4, type: "__u32" },
        { name: "c", offset: 8, size: 2, type: "__u16" },
      ],
    });
    const bitty = JSON.parse((await query("layout", "bitty", "--abi", "x86_64", "--json")).out);
    expect(bitty.fields).toEqual([
      { name: "a", offset: 0, size: 4, type: "__u32" },
      { name: "x", offset: 8, size: 8, type: "__u64", bitOffset: 64, bitSize: 40 },
      { name: "after", offset: 13, size: 1, type: "__u8" },
    ]);
    expect([bitty.size, bitty.align]).toEqual([16, 8]);
  });

  it("pahole-style text output", async () => {
    const r = await query("layout", "clone_args", "--abi", "x86_64");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("struct clone_args {\t/* x86_64: size 88, align 8 */");
    expect(lines[1]).toBe(`\t${"__aligned_u64 flags;".padEnd(40)}/*     0     8 */`);
    expect(lines[11]).toBe(`\t${"__aligned_u64 cgroup;".padEnd(40)}/*    80     8 */`);
    expect(lines.at(-1)).toBe("};\t/* size: 88, align: 8, members: 11, holes: 0 (0 bytes), padding: 0 */");
    expect(lines).toHaveLength(13);
  });

  it("pahole-style text output calls out holes, padding and bitfields", async () => {
    const holey = await query("layout", "holey", "--abi", "x86_64");
    expect(holey.out).toBe(
      [
        "struct holey {\t/* x86_64: size 12, align 4 */",
        `\t${"__u8 a;".padEnd(40)}/*     0     1 */`,
        "",
        "\t/* XXX 3 bytes hole, try to pack */",
        "",
        `\t${"__u32 b;".padEnd(40)}/*     4     4 */`,
        `\t${"__u16 c;".padEnd(40)}/*     8     2 */`,
        "};\t/* size: 12, align: 4, members: 3, holes: 1 (3 bytes), padding: 2 */",
      ].join("\n"),
    );
    const m68k = await query("layout", "holey", "--abi", "m68k");
    expect(m68k.out.split("\n")[0]).toBe("struct holey {\t/* m68k: size 8, align 2 */");
    expect(m68k.out).toContain("/* XXX 1 byte hole, try to pack */");
    // (the summary always says "bytes"; the hole line above is singular)
    expect(m68k.out.split("\n").at(-1)).toBe(
      "};\t/* size: 8, align: 2, members: 3, holes: 1 (1 byte), padding: 0 */",
    );
    const bitty = await query("layout", "bitty", "--abi", "i386");
    expect(bitty.out).toContain(`\t${"__u64 x:40;".padEnd(40)}/*     4: 0    8 */`);
    expect(bitty.out.split("\n").at(-1)).toBe(
      "};\t/* size: 12, align: 4, members: 3, holes: 0 (0 bytes), padding: 2 */",
    );
  });
});

describe("abis, syscall, export", () => {
  it("abis --json lists the 25 ABIs with their AUDIT_ARCH values", async () => {
    const r = await query("abis", "--json");
    expect(r.code).toBe(0);
    const abis = JSON.parse(r.out) as { name: string; auditArch: number; auditArchName: string }[];
    expect(abis).toHaveLength(25);
    for (const a of abis) {
      expect(Number.isInteger(a.auditArch) && a.auditArch > 0).toBe(true);
      expect(a.auditArchName).toMatch(/^AUDIT_ARCH_/);
      expect(a).not.toHaveProperty("loc");
      expect(a).not.toHaveProperty("doc");
    }
    const by = Object.fromEntries(abis.map((a) => [a.name, a.auditArch]));
    // include/uapi/linux/audit.h
    expect(by.x86_64).toBe(0xc000003e);
    expect(by.i386).toBe(0x40000003);
    expect(by.aarch64).toBe(0xc00000b7);
    // x32 shares AUDIT_ARCH_X86_64 (seccomp tells it apart by the __X32_SYSCALL_BIT); the rest differ
    expect(by.x32).toBe(0xc000003e);
    expect(new Set(abis.map((a) => a.auditArch)).size).toBe(24);
  });

  it("abis prints a table with one row per ABI", async () => {
    const r = await query("abis");
    const lines = r.out.split("\n");
    expect(lines).toHaveLength(26);
    expect(lines[0]).toMatch(/^abi\s+family\s+endian\s+long\/ptr/);
    expect(lines.find((l) => l.startsWith("i386 "))).toMatch(
      /^i386\s+x86\s+little\s+32\/32\s+32\s+4\s+4096\s+0x40000003\s+x86,i686\s/,
    );
  });

  it("syscall clone3 --json has the documented shape", async () => {
    const r = await query("syscall", "clone3", "--json");
    expect(r.code).toBe(0);
    const sc = JSON.parse(r.out);
    expect(sc).toMatchObject({
      name: "clone3",
      since: "5.3",
      doc: "Create a child process or thread.",
      provenance: [{ source: "include/linux/syscalls.h", kernel: "6.18" }],
    });
    expect(Object.keys(sc.abis)).toHaveLength(25);
    expect(sc.abis.x86_64).toEqual({
      returns: "long",
      params: [
        {
          index: 0,
          name: "cl_args",
          type: "const struct clone_args *",
          kind: "pointer",
          direction: "in",
          pointee: "struct clone_args",
          pointeeSize: 88,
          pointeeAlign: 8,
        },
        { index: 1, name: "size", type: "__kernel_size_t", kind: "size", of: "cl_args" },
      ],
      slots: {
        arg64: "register",
        arg64First: null,
        seccompArgShift: 0,
        used: 2,
        capacity: 6,
        padding: [],
        params: [
          { name: "cl_args", slots: [0], seccomp: [0] },
          { name: "size", slots: [1], seccomp: [1] },
        ],
      },
    });
    // clone3 is 435 in the unified numbering and, like every syscall, 4000 higher on mips o32;
    // the version is the table's (schemas/tables/<abi>.tbl)
    const entry = (abi: string) =>
      JSON.parse(readFileSync(join(registryDir, "tables", `${abi}.json`), "utf8")).table.entries.find(
        (e: { name: string }) => e.name === "clone3",
      );
    expect(sc.numbers.x86_64).toEqual({ number: 435, since: entry("x86_64").since });
    expect(sc.numbers.mips).toEqual({ number: 4435, since: entry("mips").since });
    expect(Object.keys(sc.numbers)).toHaveLength(25);
  });

  it("syscall clone3 prints the signature and the extensible struct", async () => {
    const r = await query("syscall", "clone3");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("clone3  (since Linux 5.3)");
    expect(lines).toContain(
      "  long clone3(const struct clone_args * cl_args, __kernel_size_t size /* size */)",
    );
    expect(lines).toContain("    on: every ABI");
    expect(lines).toContain("  struct clone_args: extensible, sizes 64 (5.3), 80 (5.5), 88 (5.7)");
    expect(lines).toContain("    CLONE_INTO_CGROUP in flags requires size >= 88");
    expect(lines).toContain("    size/align: 88/8 on every ABI");
  });

  it("resolve maps numbers to names and names to numbers, per ABI", async () => {
    // arch/x86/entry/syscalls/syscall_64.tbl: 435 common clone3; x32 adds __X32_SYSCALL_BIT (0x40000000);
    // arch/alpha: 545 clone3; mips o32 numbers start at 4000
    expect(await query("resolve", "435", "--abi", "x86_64")).toEqual({ code: 0, out: "clone3", err: "" });
    expect(await query("resolve", "0x1b3", "--abi", "x86_64")).toEqual({ code: 0, out: "clone3", err: "" });
    expect(await query("resolve", "clone3", "--abi", "x32")).toEqual({ code: 0, out: "1073742259", err: "" });
    expect(await query("resolve", "clone3", "--abi", "alpha")).toEqual({ code: 0, out: "545", err: "" });
    expect(await query("resolve", "clone3", "--abi", "x86")).toEqual({ code: 0, out: "435", err: "" });
    expect(await query("resolve", "4435", "--abi", "mips")).toEqual({ code: 0, out: "clone3", err: "" });
    const json = await query("resolve", "clone3", "--abi", "s390", "--json");
    expect(JSON.parse(json.out)).toMatchObject({
      abi: "s390",
      number: 435,
      name: "clone3",
      entry: "sys_clone3",
    });
  });

  it("resolve reports unknown numbers and names with exit 1", async () => {
    expect(await query("resolve", "999999", "--abi", "x86_64")).toEqual({
      code: 1,
      out: "",
      err: "sysargs: no syscall has number 999999 on x86_64",
    });
    const clone33 = await query("resolve", "clone33", "--abi", "x86_64");
    expect(clone33.code).toBe(1);
    expect(clone33.err).toBe('sysargs: unknown syscall on x86_64 "clone33"; did you mean "clone3"?');
    const fork = await query("resolve", "fork", "--abi", "aarch64");
    expect(fork.code).toBe(1);
    expect(fork.err).toMatch(/^sysargs: fork does not exist on aarch64 \(it does on .*\bx86_64\b.*\)$/);
    expect(await query("resolve", "435")).toMatchObject({ code: 2 });
  });

  it("resolve names removed and never-implemented syscalls, marked as such", async () => {
    // _sysctl: 156 in arch/x86/entry/syscalls/syscall_64.tbl, removed in 5.5 (syscalls(2));
    // scmp_sys_resolver answers 156 too (tools/import-tables/src/libseccomp.test.ts)
    expect(await query("resolve", "_sysctl", "--abi", "x86_64")).toEqual({
      code: 0,
      out: "156 (removed in 5.5)",
      err: "",
    });
    expect(await query("resolve", "156", "--abi", "x86_64")).toEqual({
      code: 0,
      out: "_sysctl (removed in 5.5)",
      err: "",
    });
    expect(await query("resolve", "lookup_dcookie", "--abi", "aarch64")).toEqual({
      code: 0,
      out: "18 (removed, release not established)",
      err: "",
    });
    expect((await query("resolve", "tuxcall", "--abi", "x86_64")).out).toBe("184 (never implemented)");
    // 134 is uselib: reserved on x86_64, never wired up there, no history recorded
    expect((await query("resolve", "134", "--abi", "x86_64")).out).toBe(
      "uselib (reserved, not implemented; no history recorded)",
    );
    const json = JSON.parse((await query("resolve", "_sysctl", "--abi", "i386", "--json")).out);
    expect(json).toMatchObject({
      abi: "i386",
      implemented: false,
      number: 149,
      status: "removed",
      removedIn: "5.5",
    });
    expect(JSON.parse((await query("resolve", "fork", "--abi", "i386", "--json")).out)).toMatchObject({
      implemented: true,
      number: 2,
    });
    const syscall = await query("syscall", "_sysctl");
    expect(syscall.code).toBe(1);
    expect(syscall.err).toMatch(
      /^sysargs: _sysctl has no implementation in Linux \S+ \(removed in 5\.5\); its number stays reserved on \d+ ABIs/,
    );
  });

  it("syscalls --abi lists the ABI's table", async () => {
    const r = await query("syscalls", "--abi", "x86_64", "--json");
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.abi).toBe("x86_64");
    expect(t.count).toBe(t.syscalls.length);
    expect(t.syscalls.find((e: { name: string }) => e.name === "clone3").number).toBe(435);
    expect(
      t.notImplemented.some((e: { number: number; name: string }) => e.number === 134 && e.name === "uselib"),
    ).toBe(true);
    const text = await query("syscalls", "--abi", "x86_64");
    expect(text.out.split("\n").find((l) => /^435\s/.test(l))).toMatch(/^435\s+clone3\s+\S+\s+yes$/);
    expect(text.out.split("\n").find((l) => /^57\s/.test(l))).toMatch(/^57\s+fork\s+\S+\s+yes$/);
    // fork is in libseccomp's oldest per-version table (3.0); clone3 came in 5.3 on x86_64
    expect(text.out.split("\n").find((l) => /^57\s/.test(l))).toMatch(/^57\s+fork\s+<=3\.0\s+yes$/);
    expect(text.out.split("\n").find((l) => /^435\s/.test(l))).toMatch(/^435\s+clone3\s+5\.3\s+yes$/);
    expect(text.out).toMatch(/\n156\s+_sysctl\s+\S+\s+removed in 5\.5\n/);
    expect(t.notImplemented.find((e: { name: string }) => e.name === "_sysctl")).toMatchObject({
      number: 156,
      status: "removed",
      removedIn: "5.5",
    });
    expect(await query("syscalls")).toMatchObject({ code: 2 });
  });

  it("export --json is the whole registry with layouts for every ABI", async () => {
    const r = await query("export", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.irVersion).toBe(1);
    expect(doc.abis).toHaveLength(25);
    expect(Object.keys(doc.layouts).sort()).toEqual(doc.abis.map((a: { name: string }) => a.name).sort());
    for (const abi of Object.keys(doc.layouts)) {
      expect(Object.keys(doc.layouts[abi]).sort()).toEqual(["bitty", "clone_args", "holey"]);
      expect(doc.layouts[abi].clone_args).toMatchObject({ kind: "struct", size: 88, align: 8 });
    }
    expect(doc.layouts.m68k.holey).toMatchObject({ size: 8, align: 2 });
  });
});

describe("validate and gen", () => {
  const broken = () =>
    schemasTree({
      ...GOOD(),
      "test/broken.ts": [
        'import type { u32, FlagSet } from "@sysargs/dsl";',
        "export interface broken { a: u32; a: u32; }",
        "export type B = FlagSet<{ B_A: 1; B_B: 3 }>;",
        "",
      ].join("\n"),
    });
  const brokenDiagnostics = (root: string) => {
    const file = `${relative(REPO, root).split("\\").join("/")}/linux/test/broken.ts`;
    return [
      `${file}:2:35: duplicate field "a" in struct broken (first at line 2)`,
      ...[
        "aarch64",
        "alpha",
        "arm",
        "i386",
        "loongarch64",
        "m68k",
        "mips",
        "mips64",
        "mips64el",
        "mips64n32",
        "mipsel",
      ]
        .concat([
          "mipsel64n32",
          "parisc",
          "parisc64",
          "ppc",
          "ppc64",
          "ppc64le",
          "riscv64",
          "s390",
          "s390x",
          "sh",
        ])
        .concat(["sparc", "sparc64", "x32", "x86_64"])
        .map((abi) => `${file}:3:35: flag B_B (0x3) overlaps B_A in B on ${abi}`),
      `${file}:3:35: flag B_B of B (0x3) has more than one bit set; declare it Composite<0x3> (a mask or a multi-bit value)`,
    ];
  };

  it("validate --schemas <good> exits 0 and summarises the registry", async () => {
    expect(await cli("validate", "--schemas", good)).toEqual({
      code: 0,
      out: "ok: 25 ABIs, 3 types, 1 flag sets and enums, 2 syscalls",
      err: "",
    });
  });

  it("validate --schemas <broken> prints every diagnostic and exits 1", async () => {
    const root = broken();
    const r = await cli("validate", "--schemas", root);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    const want = brokenDiagnostics(root);
    expect(r.err).toBe(`sysargs: ${want.join("\n")}\n${want.length} error(s); nothing was written`);
  });

  it("validate --json reports diagnostics with their locations, and counts", async () => {
    const ok = await cli("validate", "--schemas", good, "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      ok: true,
      diagnostics: [],
      counts: { abis: 25, types: 3, sets: 1, syscalls: 2 },
    });
    const root = broken();
    const bad = await cli("validate", "--schemas", root, "--json");
    expect(bad.code).toBe(1);
    expect(bad.err).toBe("");
    const doc = JSON.parse(bad.out);
    expect(doc.ok).toBe(false);
    expect(doc.counts).toBe(null);
    expect(
      doc.diagnostics.map(
        (d: { file: string; line: number; col: number; message: string }) =>
          `${d.file}:${d.line}:${d.col}: ${d.message}`,
      ),
    ).toEqual(brokenDiagnostics(root));
  });

  it("gen --schemas <broken> exits 1 and writes nothing", async () => {
    const root = broken();
    const parent = tempDir("gen-broken");
    const out = join(parent, "gen");
    const r = await cli("gen", "--schemas", root, "--out", out);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(brokenDiagnostics(root)[0]);
    expect(r.err.endsWith("error(s); nothing was written")).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("gen --schemas <broken> leaves an existing output directory untouched", async () => {
    const parent = tempDir("gen-keep");
    const out = join(parent, "gen");
    mkdirSync(join(out, "registry"), { recursive: true });
    writeFileSync(join(out, "registry", "index.json"), "old");
    const r = await cli("gen", "--schemas", broken(), "--out", out);
    expect(r.code).toBe(1);
    expect(readdirSync(join(out, "registry"))).toEqual(["index.json"]);
    expect(readFileSync(join(out, "registry", "index.json"), "utf8")).toBe("old");
    expect(readdirSync(parent)).toEqual(["gen"]);
  });

  it("gen never replaces a folder that holds files sysargs did not generate", async () => {
    const out = tempDir("gen-foreign");
    mkdirSync(join(out, "registry"));
    writeFileSync(join(out, "registry", "notes.txt"), "keep");
    expect(await cli("gen", "--schemas", good, "--out", out, "--quiet")).toEqual({
      code: 1,
      out: "",
      err: `sysargs: ${shownPath(join(out, "registry"))}/ holds files sysargs did not generate (notes.txt); refusing to replace it, nothing was written`,
    });
    expect(readdirSync(join(out, "registry"))).toEqual(["notes.txt"]);
    expect(readdirSync(out)).toEqual(["registry"]);
  });

  it("gen names an unknown generator with the closest one, and --list names them all", async () => {
    expect(await cli("gen", "regsitry", "--schemas", good, "--out", tempDir("gen-unknown"))).toEqual({
      code: 1,
      out: "",
      err: 'sysargs: unknown generator "regsitry"; did you mean "registry"? (known: registry, capabilities, c, ts)',
    });
    const list = await cli("gen", "--list");
    expect(list.code).toBe(0);
    expect(list.out.split("\n")[1]).toMatch(/^registry\s+packages\/registry\/data\/\s+the registry as data/);
  });

  it("gen --out writes each generator into OUT/NAME/; gen --check passes, then names a stale file", async () => {
    const parent = tempDir("gen");
    const out = join(parent, "gen");
    const data = join(out, "registry");
    const r = await cli("gen", "registry", "--schemas", good, "--out", out, "--quiet");
    expect(r).toEqual({ code: 0, out: "", err: "" });
    expect(readdirSync(data).sort()).toEqual([
      "abis.json",
      "index.json",
      "ir.schema.json",
      "sets.json",
      "syscalls",
      "tables",
      "types",
    ]);
    expect(readdirSync(parent)).toEqual(["gen"]);
    // the files are exactly what the generator makes, each with the generated-file header
    const files = registryData(good, REPO);
    for (const f of files) {
      expect(readFileSync(join(data, f.path), "utf8")).toBe(f.content);
      expect(f.content).toMatch(
        /^\{\n {2}"\$comment": "Code generated by sysargs \(generator \\"registry\\"\) from .*DO NOT EDIT\. Regenerate with: pnpm sysargs gen registry",\n/,
      );
    }
    expect(JSON.parse(readFileSync(join(data, "ir.schema.json"), "utf8"))).toEqual({
      $comment: expect.stringContaining("Code generated by sysargs"),
      ...JSON.parse(JSON.stringify(IR_SCHEMA)),
    });
    // the written data serves the query commands
    const q = await cli("layout", "clone_args", "--abi", "i386", "--json", "--registry", data);
    expect(JSON.parse(q.out)).toMatchObject({ abi: "i386", size: 88, align: 8 });

    expect(await cli("gen", "registry", "--check", "--schemas", good, "--out", out)).toEqual({
      code: 0,
      out: `${shownPath(data)}/ up to date (${files.length} files)`,
      err: "",
    });

    // one byte changed
    const file = join(data, "index.json");
    const text = readFileSync(file, "utf8");
    const i = text.indexOf('"irVersion": 1');
    expect(i).toBeGreaterThan(0);
    writeFileSync(file, `${text.slice(0, i + 13)}2${text.slice(i + 14)}`);
    expect(readFileSync(file, "utf8").length).toBe(text.length);
    const stale = await cli("gen", "registry", "--check", "--schemas", good, "--out", out);
    expect(stale).toEqual({
      code: 1,
      out: "",
      err: `sysargs: generated files are stale: ${shownPath(data)}/index.json\nrun "pnpm sysargs gen" and commit the result`,
    });
    // --check wrote nothing
    expect(readFileSync(file, "utf8")).not.toBe(text);

    // a file no generator writes any more
    writeFileSync(file, text);
    writeFileSync(join(data, "old.json"), '{"$comment": "Code generated by sysargs (an older version)"}');
    const extra = await cli("gen", "registry", "--check", "--schemas", good, "--out", out);
    expect(extra.code).toBe(1);
    expect(extra.err).toBe(
      `sysargs: generated files are stale: ${shownPath(data)}/old.json (not generated any more)\nrun "pnpm sysargs gen" and commit the result`,
    );

    // regenerating replaces the whole folder, leaving nothing beside it
    expect((await cli("gen", "registry", "--schemas", good, "--out", out, "--quiet")).code).toBe(0);
    expect(readdirSync(data)).not.toContain("old.json");
    expect(readdirSync(out)).toEqual(["registry"]);
    expect(readdirSync(parent)).toEqual(["gen"]);
    expect((await cli("gen", "registry", "--check", "--schemas", good, "--out", out)).code).toBe(0);
  });

  it("gen --check on a missing directory names the files", async () => {
    const out = join(tempDir("gen-missing"), "gen");
    const r = await cli("gen", "registry", "--check", "--schemas", good, "--out", out);
    expect(r.code).toBe(1);
    const every = registryData(good)
      .map((f) => `${shownPath(join(out, "registry"))}/${f.path}`)
      .sort();
    expect(every).toContain(`${shownPath(join(out, "registry"))}/types/clone_args.json`);
    expect(r.err).toBe(
      `sysargs: generated files are stale: ${every.slice(0, 20).join(", ")} and ${every.length - 20} more\nrun "pnpm sysargs gen" and commit the result`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a whitespace-only change to a schema changes no generated byte", async () => {
    const reformatted = schemasTree({
      ...GOOD(),
      // every declaration moves down: new lines and columns, same declarations
      "sched/clone3.ts": `\n\n\n${CLONE3.replaceAll("\nexport ", "\n\n\n  export ")}`,
    });
    const a = registryData(good, REPO);
    const b = registryData(reformatted, REPO);
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    // only the schema folder's name (a temp directory) may differ, in the headers
    const norm = (s: string, root: string) => s.replaceAll(relative(REPO, root), "SCHEMAS");
    for (let i = 0; i < a.length; i++)
      expect(norm(b[i]!.content, reformatted)).toBe(norm(a[i]!.content, good));
  });

  it("gen without --quiet prints a summary", async () => {
    const out = join(tempDir("gen-summary"), "gen");
    const r = await cli("gen", "registry", "--schemas", good, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^sysargs registry for Linux 6\.18: 25 ABIs, 3 types, 1 flag sets and enums, 2 syscalls\n/,
    );
    expect(r.out).toMatch(
      /\nclone_args\s+64 \(5\.3\), 80 \(5\.5\), 88 \(5\.7\)\s+argument\s+88\/8\s+88\/8\s+88\/8\n/,
    );
    expect(r.out).toMatch(/\nWrote \d+ files in \d+ ms:\n {2}registry\s+\d+ files in .*gen\/registry\/$/);
  });

  it("gen c --out DIR --abi A,B writes those ABIs' headers only (aliases accepted), and sysargs.h refuses the rest", async () => {
    const out = join(tempDir("gen-abi"), "gen");
    expect(
      await cli("gen", "c", "--schemas", good, "--out", out, "--abi", "i386,x86_64,x86_64", "--quiet"),
    ).toEqual({
      code: 0,
      out: "",
      err: "",
    });
    expect(readdirSync(join(out, "c", "include", "sysargs")).sort()).toEqual([
      "common.h",
      "i386",
      "i386.h",
      "x86_64",
      "x86_64.h",
    ]);
    const dispatch = readFileSync(join(out, "c", "include", "sysargs.h"), "utf8");
    expect(dispatch).toContain('#include "sysargs/x86_64.h"');
    expect(dispatch).toContain(
      '#error "sysargs: the headers of ABI s390x were not generated (sysargs gen c --abi s390x)"',
    );
    // --check compares the same selection
    expect(
      (await cli("gen", "c", "--check", "--schemas", good, "--out", out, "--abi", "x86_64,i386")).code,
    ).toBe(0);
    expect((await cli("gen", "c", "--check", "--schemas", good, "--out", out, "--abi", "x86_64")).code).toBe(
      1,
    );
  });

  it("gen --abi: a usage error without --out, for a generator that writes every ABI, or with an empty name; an unknown ABI exits 1", async () => {
    const out = join(tempDir("gen-abi-bad"), "gen");
    expect(await cli("gen", "c", "--schemas", good, "--abi", "x86_64")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: --abi needs --out DIR or --prefix P: the checkout\'s folders hold every ABI (see "sysargs help")',
    });
    expect(await cli("gen", "--schemas", good, "--out", out, "--abi", "x86_64")).toEqual({
      code: 2,
      out: "",
      err: 'sysargs: --abi applies only to generators that select ABIs (c); registry, capabilities, ts always write every ABI (see "sysargs help")',
    });
    expect((await cli("gen", "c", "--schemas", good, "--out", out, "--abi", "x86_64,")).err).toBe(
      'sysargs: --abi x86_64,: an empty ABI name in the list (see "sysargs help")',
    );
    expect(await cli("gen", "c", "--schemas", good, "--out", out, "--abi", "x86_65")).toEqual({
      code: 1,
      out: "",
      err: 'sysargs: --abi: unknown ABI "x86_65"; did you mean "x86_64"?',
    });
    expect(existsSync(out)).toBe(false);
  });
});
