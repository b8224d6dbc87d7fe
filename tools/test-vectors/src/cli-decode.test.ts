import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readVectors } from "./index.js";

/**
 * `sysargs decode` through the built bin, against bytes that C programs built with each ABI's
 * cross compiler wrote under qemu-user (tools/test-vectors): the JSON gives the values C set.
 */
const BIN = fileURLToPath(new URL("../../../packages/cli/bundle/bin.js", import.meta.url));

const sysargs = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, SYSARGS_DEBUG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const vector = (abi: string, type: string) => {
  const v = readVectors().find((f) => f.abi === abi)?.structs[type];
  if (!v) throw new Error(`no vector for ${type} on ${abi}`);
  return v;
};

describe("sysargs decode", () => {
  it("clone_args --abi s390x --json gives what the s390x program under qemu-user wrote", () => {
    const v = vector("s390x", "clone_args");
    const r = sysargs("decode", "clone_args", "--abi", "s390x", "--hex", v.hex, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      type: string;
      abi: string;
      size: number;
      fields: Record<string, string>;
    };
    expect(doc).toMatchObject({ type: "clone_args", abi: "s390x", size: 88 });
    expect(doc.fields).toEqual(v.fields);
  });

  it("the vectors of a 32-bit big-endian, a 32-bit little-endian and a 64-bit big-endian ABI decode to the C values", () => {
    // The library's own tests take every ABI; through the bin, three cover the CLI's part.
    for (const file of readVectors().filter((f) => ["ppc", "i386", "s390x"].includes(f.abi))) {
      for (const [type, v] of Object.entries(file.structs)) {
        const r = sysargs("decode", type, "--abi", file.abi, "--hex", v.hex, "--json");
        expect(r.code, `${type} on ${file.abi}: ${r.err}`).toBe(0);
        const fields = (JSON.parse(r.out) as { fields: Record<string, unknown> }).fields;
        expect(
          Object.fromEntries(Object.keys(v.fields).map((k) => [k, fields[k]])),
          `${type} on ${file.abi}`,
        ).toEqual(v.fields);
      }
    }
  }, 300_000);

  it("prints a tree with flag names; nested structs are objects in --json", () => {
    const how = new Uint8Array(24);
    const view = new DataView(how.buffer);
    view.setBigUint64(0, 0x80000n | 0x10000n, true); // O_CLOEXEC|O_DIRECTORY on x86_64
    view.setBigUint64(16, 0x6n, true); // RESOLVE_NO_MAGICLINKS|RESOLVE_NO_SYMLINKS
    const hex = Buffer.from(how).toString("hex");
    const r = sysargs("decode", "open_how", "--abi", "x86_64", "--hex", hex);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^struct open_how on x86_64: 24 bytes \(24 known\)$/m);
    expect(r.out).toMatch(
      /flags = 589824 \(0x90000\)\s+O_DIRECTORY\|O_CLOEXEC|flags = 589824 \(0x90000\)\s+O_CLOEXEC\|O_DIRECTORY/,
    );
    expect(r.out).toMatch(/resolve = 6\s+RESOLVE_NO_MAGICLINKS\|RESOLVE_NO_SYMLINKS/);
    const ts = sysargs(
      "decode",
      "__kernel_itimerspec",
      "--abi",
      "ppc",
      "--hex",
      `${"00".repeat(31)}05`,
      "--json",
    );
    expect(JSON.parse(ts.out).fields).toEqual({
      it_interval: { tv_sec: "0", tv_nsec: "0" },
      it_value: { tv_sec: "0", tv_nsec: "5" },
    });
  });

  it("reads --file", () => {
    const dir = mkdtempSync(join(tmpdir(), "sysargs-decode-"));
    const file = join(dir, "how.bin");
    writeFileSync(file, Buffer.from(vector("mips", "open_how").hex, "hex"));
    const r = sysargs("decode", "open_how", "--abi", "mips", "--file", file, "--json");
    expect(JSON.parse(r.out).fields).toEqual(vector("mips", "open_how").fields);
    expect(sysargs("decode", "open_how", "--abi", "mips", "--file", join(dir, "nope")).err).toBe(
      `sysargs: cannot read ${join(dir, "nope")}: ENOENT\n`,
    );
  });

  it("bytes the kernel refuses exit 1 with the documented error", () => {
    expect(sysargs("decode", "clone_args", "--abi", "x86_64", "--hex", "00".repeat(40))).toEqual({
      code: 1,
      out: "",
      err: "sysargs: clone_args: 40 bytes is smaller than the minimum of 64 bytes (the kernel answers EINVAL)\n",
    });
    expect(
      sysargs("decode", "open_how", "--abi", "x86_64", "--hex", `${"00".repeat(26)}01${"00".repeat(5)}`),
    ).toEqual({
      code: 1,
      out: "",
      err: "sysargs: open_how: byte 26 is not zero, but only 24 bytes are known and a larger struct must end in zeros (the kernel answers E2BIG)\n",
    });
    const cgroup80 = `0000000200000000${"00".repeat(72)}`; // CLONE_INTO_CGROUP in an 80-byte (VER1) clone_args, big-endian
    expect(sysargs("decode", "clone_args", "--abi", "s390x", "--hex", cgroup80).err).toBe(
      "sysargs: clone_args: CLONE_INTO_CGROUP needs at least 88 bytes, but the struct has 80 (the kernel answers EINVAL)\n",
    );
  });

  it("never loads ts-morph, the loader or the generators", () => {
    const dir = mkdtempSync(join(tmpdir(), "sysargs-decode-hook-"));
    const hook = join(dir, "hook.cjs");
    // Logs every module the bin resolves, on stderr, one per line.
    writeFileSync(
      hook,
      `const M = require("node:module");
const resolve = M._resolveFilename;
M._resolveFilename = function (request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  process.stderr.write("loaded " + file + "\\n");
  return file;
};
`,
    );
    const r = spawnSync(
      process.execPath,
      ["-r", hook, BIN, "decode", "open_how", "--abi", "ppc", "--hex", "00".repeat(24)],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    const loaded = r.stderr.split("\n").filter((l) => l.startsWith("loaded "));
    // The probe sees require(): the registry's data files and node: modules, and it would see the
    // loader's (ts-morph's) entry, which the bundle requires only for validate and gen.
    expect(loaded.length).toBeGreaterThan(0);
    expect(
      loaded.filter((l) =>
        /ts-morph|typescript|@sysargs\/loader|loader\/(dist|src)|gen-ts|generators/.test(l),
      ),
    ).toEqual([]);
  });

  it("bad hex, bad names and bad options are precise", () => {
    expect(sysargs("decode", "open_how", "--abi", "x86_64", "--hex", "00 1z")).toMatchObject({
      code: 1,
      err: 'sysargs: --hex: "z" at position 4 is not a hex digit\n',
    });
    expect(sysargs("decode", "open_how", "--abi", "x86_64", "--hex", "0x001")).toMatchObject({
      code: 1,
      err: "sysargs: --hex: 3 hex digits is not a whole number of bytes\n",
    });
    expect(sysargs("decode", "open_hwo", "--abi", "x86_64", "--hex", "00")).toMatchObject({
      code: 1,
      err: 'sysargs: unknown type on x86_64 "open_hwo"; did you mean "open_how"?\n',
    });
    expect(sysargs("decode", "open_how", "--abi", "x86_46", "--hex", "00").code).toBe(1);
    expect(sysargs("decode", "open_how", "--abi", "x86_64").code).toBe(2);
    expect(sysargs("decode", "open_how", "--abi", "x86_64", "--hex", "00", "--file", "f").code).toBe(2);
    expect(sysargs("decode", "open_how", "--hex", "00").code).toBe(2);
    expect(sysargs("decode", "open_how", "--abi", "x86_64", "--hex", "00", "--check").code).toBe(2);
  });
});
