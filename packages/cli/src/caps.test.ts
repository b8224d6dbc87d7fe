// `sysargs caps` and `sysargs probe` through run(), against the capability data the repository
// ships (packages/capabilities/data) and the running kernel.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { release, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gate, requirePresent } from "../../../vitest.skips.js";
import { run } from "./index.js";
import { hostAbi, interpret, type ProbeReport } from "./probe-command.js";
import { PROBE_RECIPES } from "./probe-recipes.js";
import { probeSource, resolveRecipes } from "./probe-source.js";
import { loadRegistry } from "./query.js";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (s) => out.push(s) }, (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface Field {
  path: string;
  offset: number;
  size: number;
  version: number;
  since: string;
}
interface Result {
  name: string;
  abi: string;
  number: number;
  deep: boolean;
  args: {
    name: string;
    class: string;
    inspectable: boolean;
    slots: number[];
    compare?: string;
    fields?: Field[];
  }[];
  landlock?: { rights: string[]; status: string; abi: number };
  fallback?: { to: string | null };
  classic?: { syscall: string; slots: { field: string; arg: string; slots: number[] }[] };
}
const results = (out: string) => (JSON.parse(out) as { results: Result[] }).results;

describe("sysargs caps", () => {
  it("clone3 --abi x86_64 --json lists flags at offset 0 with the other fields and their versions", async () => {
    const r = await cli("caps", "clone3", "--abi", "x86_64", "--json");
    expect(r.code).toBe(0);
    const [c] = results(r.out);
    expect(c).toMatchObject({ name: "clone3", abi: "x86_64", number: 435, deep: true });
    const fields = c!.args[0]!.fields!;
    expect(fields[0]).toMatchObject({ path: "flags", offset: 0, size: 8, version: 0, since: "5.3" });
    expect(fields.map((f) => [f.path, f.offset, f.version, f.since])).toEqual([
      ["flags", 0, 0, "5.3"],
      ["pidfd", 8, 0, "5.3"],
      ["child_tid", 16, 0, "5.3"],
      ["parent_tid", 24, 0, "5.3"],
      ["exit_signal", 32, 0, "5.3"],
      ["stack", 40, 0, "5.3"],
      ["stack_size", 48, 0, "5.3"],
      ["tls", 56, 0, "5.3"],
      ["set_tid", 64, 1, "5.5"],
      ["set_tid_size", 72, 1, "5.5"],
      ["cgroup", 80, 2, "5.7"],
    ]);
    // clone3 refused with ENOSYS: glibc falls back to clone, whose flags are args[0] on x86_64.
    expect(c!.fallback?.to).toBe("clone");
    expect(c!.classic?.slots[0]).toMatchObject({ field: "flags", arg: "clone_flags", slots: [0] });
  });

  it("the classic equivalent follows each ABI's signature (s390x passes clone's flags second)", async () => {
    const [c] = results((await cli("caps", "clone3", "--abi", "s390x", "--json")).out);
    expect(c!.classic?.slots[0]).toMatchObject({ field: "flags", slots: [1] });
  });

  it("openat --json classifies filename as a path that cannot be safely inspected, covered by Landlock rights", async () => {
    const r = await cli("caps", "openat", "--json");
    expect(r.code).toBe(0);
    const all = results(r.out);
    expect(all.length).toBe(25);
    for (const c of all) {
      const filename = c.args.find((a) => a.name === "filename")!;
      expect(filename).toMatchObject({ class: "path", inspectable: false });
      expect(c.landlock?.status).toBe("restricted");
      expect(c.landlock?.rights).toEqual(
        expect.arrayContaining([
          "LANDLOCK_ACCESS_FS_READ_FILE",
          "LANDLOCK_ACCESS_FS_WRITE_FILE",
          "LANDLOCK_ACCESS_FS_MAKE_REG",
        ]),
      );
    }
  });

  it("a 32-bit int in a 64-bit register is compared on its low half only; on i386 the whole slot", async () => {
    const [x] = results((await cli("caps", "openat", "--abi", "x86_64", "--json")).out);
    const [i] = results((await cli("caps", "openat", "--abi", "i386", "--json")).out);
    expect(x!.args.find((a) => a.name === "flags")?.compare).toBe("low32");
    expect(i!.args.find((a) => a.name === "flags")?.compare).toBe("full");
    // A 64-bit value on a 32-bit ABI travels as a pair (arm: aligned pair from an even slot).
    const [arm] = results((await cli("caps", "fallocate", "--abi", "arm", "--json")).out);
    expect(arm!.args.find((a) => a.name === "offset")).toMatchObject({ compare: "pair", slots: [2, 3] });
  });

  it("--inspectable --kernel 5.10 --abi x86_64: the deep-inspectable syscalls Linux 5.10 has", async () => {
    const r = await cli("caps", "--inspectable", "--kernel", "5.10", "--abi", "x86_64", "--json");
    const names = results(r.out)
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(["clone3", "openat2", "perf_event_open", "sched_setattr"]);
    // perf_event_attr as of 5.10: version 6 (120 bytes); sig_data (5.13) and config3 (6.3) are not there yet.
    const perf = results(r.out).find((c) => c.name === "perf_event_open")!;
    const paths = perf.args[0]!.fields!.map((f) => f.path);
    expect(paths).toContain("aux_sample_size");
    expect(paths).not.toContain("sig_data");
    expect(paths).not.toContain("config3");
    const table = await cli("caps", "--inspectable", "--kernel", "5.10", "--abi", "x86_64");
    expect(table.out.split("\n")[0]).toMatch(/^nr\s+syscall\s+since\s+deep\s+arguments$/);
    expect(table.out.split("\n")).toHaveLength(5);
  });

  it("--field flags finds register arguments and struct fields named flags", async () => {
    const r = await cli("caps", "--field", "flags", "--abi", "x86_64", "--json");
    const found = results(r.out);
    const clone3 = found.find((c) => c.name === "clone3")!;
    expect(clone3.args[0]!.fields).toEqual([expect.objectContaining({ path: "flags", offset: 0 })]);
    expect(found.find((c) => c.name === "dup3")?.args).toEqual([
      expect.objectContaining({ name: "flags", class: "register" }),
    ]);
  });

  it("--compare x86_64,i386 names the syscalls only one has and the arguments that differ", async () => {
    const r = await cli("caps", "--compare", "x86_64,i386", "--json");
    const d = JSON.parse(r.out) as {
      onlyA: string[];
      onlyB: string[];
      differ: { syscall: string; what: string }[];
    };
    expect(d.onlyA).toContain("newfstatat");
    expect(d.onlyB).toContain("socketcall");
    expect(d.differ).toContainEqual(expect.objectContaining({ syscall: "openat", what: "argument 2" }));
    // clone_args lies the same everywhere: no field differs.
    expect(d.differ.filter((x) => x.what.startsWith("clone_args."))).toEqual([]);
  });

  it("--landlock lists path syscalls with the rights that cover them and their Landlock ABI", async () => {
    const r = await cli("caps", "--landlock", "--abi", "x86_64", "--json");
    const byName = new Map(results(r.out).map((c) => [c.name, c]));
    expect(byName.get("truncate")?.landlock).toMatchObject({
      rights: ["LANDLOCK_ACCESS_FS_TRUNCATE"],
      abi: 3,
    });
    expect(byName.get("mount")?.landlock?.status).toBe("denied");
    expect(byName.get("chmod")?.landlock?.status).toBe("unrestricted");
    expect(byName.has("read")).toBe(false);
    const table = await cli("caps", "--landlock");
    expect(table.out).toContain("LANDLOCK_ACCESS_FS_REFER        0x2000  2             5.19");
  });

  it("without options: one row per syscall and argument summary, with the ABIs it holds on", async () => {
    const r = await cli("caps");
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^syscall\s+since\s+deep\s+arguments\s+abis$/);
    expect(lines.find((l) => l.startsWith("openat2 "))).toMatch(
      /^openat2\s+5\.6\s+yes\s+dfd:fd filename:path how:extensible-struct\(open_how\) usize:register\s+every ABI it has \(25\)$/,
    );
    // clone3 came to m68k in 5.6 and to mips in 5.4 (the per-ABI since of the tables): one row each.
    const clone3 = r.out.split("\n").filter((l) => l.startsWith("clone3 "));
    const args = String.raw`yes\s+cl_args:extensible-struct\(clone_args\) size:register\s+`;
    expect(clone3).toHaveLength(3);
    expect(clone3[0]).toMatch(
      new RegExp(String.raw`^clone3\s+5\.3\s+${args}aarch64,alpha,arm,i386,\S*,x86_64$`),
    );
    expect(clone3[1]).toMatch(new RegExp(String.raw`^clone3\s+5\.6\s+${args}m68k$`));
    expect(clone3[2]).toMatch(
      new RegExp(String.raw`^clone3\s+5\.4\s+${args}mips,mips64,mips64el,mips64n32,mipsel,mipsel64n32$`),
    );
  });

  it("errors: unknown syscall and ABI exit 1, a bad version or option exits 2", async () => {
    expect(await cli("caps", "clone4")).toMatchObject({
      code: 1,
      err: 'sysargs: unknown syscall "clone4"; did you mean "clone"?',
    });
    expect((await cli("caps", "--abi", "amd65")).code).toBe(1);
    expect((await cli("caps", "open", "--abi", "aarch64")).err).toBe(
      "sysargs: open does not exist on aarch64",
    );
    expect((await cli("caps", "--kernel", "five")).code).toBe(2);
    expect((await cli("caps", "--compare", "x86_64")).code).toBe(2);
    expect((await cli("caps", "--schemas", "x")).code).toBe(2);
  });
});

describe("sysargs probe", () => {
  it("resolves every recipe from the registry on every ABI that has its syscall", () => {
    const registry = loadRegistry();
    for (const abi of registry.abiNames()) {
      const resolved = resolveRecipes(registry, abi);
      // The helper's numbers are the registry's, never copied by hand.
      for (const r of resolved) expect(r.nr).toBe(registry.numbers(r.recipe.syscall)?.[abi]?.number);
      expect(probeSource(resolved, abi)).toContain(`"${resolved[0]?.recipe.syscall ?? ""}"`);
    }
    expect(resolveRecipes(registry, "x86_64").map((r) => r.recipe.syscall)).toEqual(
      PROBE_RECIPES.map((r) => r.syscall),
    );
  });

  it("merges each helper answer with the registry: absent, refused, an older kernel, one ahead of the registry", () => {
    const registry = loadRegistry();
    const clone3 = resolveRecipes(registry, "x86_64").find((r) => r.recipe.syscall === "clone3")!;
    const type = registry.type("clone_args");
    expect(interpret(clone3, 38, -1, false, type)).toMatchObject({ status: "absent", errno: "ENOSYS" });
    expect(interpret(clone3, 1, -1, false, type)).toMatchObject({
      status: "refused",
      errno: "EPERM",
      sentence: "clone3 answered EPERM before copying clone_args: size unknown",
    });
    expect(interpret(clone3, 22, 80, false, type)).toMatchObject({
      status: "measured",
      bytes: 80,
      version: { index: 1, size: 80, since: "5.5", exact: true },
      unknownFields: ["88 (Linux 5.7)"],
      sentence:
        "this kernel knows clone_args up to 80 bytes, i.e. version 1 (Linux 5.5): set_tid, set_tid_size are honoured; it predates 88 (Linux 5.7)",
    });
    expect(interpret(clone3, 22, 96, false, type).sentence).toBe(
      "this kernel knows clone_args up to 96 bytes, i.e. at least version 2 (Linux 5.7): cgroup is honoured; larger than the registry's newest version (88): the registry is behind this kernel",
    );
    expect(() => interpret(clone3, 22, 88, true, type)).toThrow(/accepted clone3/);
  });

  it("the helper source is the registry's: clone3's number, its rejected fields' offsets, the first version", () => {
    const registry = loadRegistry();
    const src = probeSource(resolveRecipes(registry, "aarch64"), "aarch64");
    // clone3 is 435 on aarch64; flags (0, 8 bytes) and exit_signal (32, 8 bytes) are set to all ones.
    expect(src).toContain(
      '{ "clone3", 435L, 2, { 2, 3, 0, 0, 0, 0 }, { 0L, 0L, 0L, 0L, 0L, 0L }, -1, 0, 64, 2, { { 0, 8 }, { 32, 8 }, { 0, 0 } } }',
    );
    // sched_attr carries its size at offset 0 (4 bytes); the probe starts at version 0, 48 bytes.
    expect(src).toMatch(
      /\{ "sched_setattr", 274L, 3, \{ 0, 2, 0, 0, 0, 0 \}, \{ 0L, 0L, 0L, 0L, 0L, 0L \}, 0, 4, 48, 1,/,
    );
  });

  const cc = spawnSync(process.env.CC || "cc", ["--version"]).status === 0;
  const g = gate(
    cc ? [] : [{ what: "cc", why: "no C compiler (cc) for the probe helper", packages: ["gcc"] }],
    false,
  );
  const cache = mkdtempSync(join(tmpdir(), "sysargs-probe-cache-"));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it.skipIf(g.skip || hostAbi() !== "x86_64")(
    "finds the struct sizes of the running kernel (Linux 6.18 here)",
    async () => {
      requirePresent(g);
      process.env.XDG_CACHE_HOME = cache;
      const r = await cli("probe", "--json");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as ProbeReport;
      const sizes = Object.fromEntries(report.structs.map((s) => [s.struct, s.bytes ?? s.errno]));
      const [major, minor] = release().split(".").map(Number) as [number, number];
      if (major === 6 && minor === 18)
        expect(sizes).toEqual({
          clone_args: 88,
          open_how: 24,
          sched_attr: 56,
          mount_attr: 32,
          perf_event_attr: 136,
          landlock_ruleset_attr: 24,
          mnt_id_req: 32,
          xattr_args: 16,
          file_attr: 24,
        });
      // On any kernel: every measured size is one the registry publishes.
      for (const s of report.structs) if (s.version) expect(s.version.exact).toBe(true);
      expect(report.structs.find((s) => s.struct === "clone_args")?.sentence).toBe(
        "this kernel knows clone_args up to 88 bytes, i.e. version 2 (Linux 5.7): cgroup is honoured",
      );
      expect(report.syscalls.find((s) => s.name === "read")?.present).toBe(true);
      // The helper is cached by content: a second run compiles nothing new.
      const dir = join(cache, "sysargs", "probe");
      const helpers = () => readdirSync(dir).map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`);
      const before = helpers();
      expect((await cli("probe")).code).toBe(0);
      expect(before).toHaveLength(1);
      expect(helpers()).toEqual(before);
    },
  );

  it("says clearly when there is no C compiler", async () => {
    const saved = process.env.CC;
    process.env.CC = "/nonexistent/cc";
    try {
      const r = await cli("probe");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^sysargs: probe needs a C compiler to build its helper, and "\/nonexistent\/cc" was not found/,
      );
    } finally {
      if (saved === undefined) delete process.env.CC;
      else process.env.CC = saved;
    }
  });

  it("its help says it is safe", async () => {
    const r = await cli("help");
    expect(r.out).toMatch(/probe \[--json\][\s\S]*never creates\s+processes, mounts, files or sockets/);
  });
});
