// The C capability table (packages/gen-caps, published in @sysargs/capabilities) against the JSON it is generated beside: it compiles warning-free
// (-Wall -Wextra -Werror -pedantic) with the build machine's cc and every cross compiler of
// tools/conformance, and a program linked with it prints every entry, lookup and bitmap bit, run
// natively and under qemu-user for a big-endian and a 32-bit ABI; what it prints must be what
// capabilities.json says. Missing compilers or qemu skip locally and fail in CI mode.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ARG_CLASSES, type CapabilitiesFile, DEFAULT_CAPS_DIR } from "@sysargs/capabilities";
import { classEnum, compareEnum, versionCode } from "@sysargs/gen-caps";
import { loadSchemas } from "@sysargs/loader";
import type { Abi } from "@sysargs/model";
import { afterAll, describe, expect, it } from "vitest";
import { gate, requirePresent } from "../../../vitest.skips.js";
import { locateToolchain, missingToolchains, toolchainsRequired } from "./toolchain.js";

// The capability data as @sysargs/capabilities ships it (packages/capabilities/data).
const DATA = DEFAULT_CAPS_DIR;
const caps = JSON.parse(readFileSync(join(DATA, "capabilities.json"), "utf8")) as CapabilitiesFile;
const registry = loadSchemas(fileURLToPath(new URL("../../../schemas", import.meta.url))).registry!;
const toolchainGate = (abis: readonly Abi[]) => gate(missingToolchains(abis), toolchainsRequired());
/** Runs a compiler without a shell; never throws. */
const run = (file: string, args: string[]) => {
  const r = spawnSync(file, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? 1, stderr: r.stderr ?? String(r.error) };
};
const withToolchain = registry.abis.filter((a) => a.toolchain);
const scratch = mkdtempSync(join(tmpdir(), "sysargs-caps-c-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CLASS_NAMES: readonly string[] = ARG_CLASSES;

/** Prints what the table holds, one line per ABI and per entry, with lookup and bitmap answers. */
const DUMP = `#include <stdio.h>
#include "sysargs_caps.h"
int main(void) {
  size_t i, j, k;
  for (i = 0; i < sysargs_cap_abi_count; i++) {
    const struct sysargs_cap_abi *a = &sysargs_cap_abis[i];
    printf("abi %s %lu %lu %lu\\n", a->name, (unsigned long)a->audit_arch, (unsigned long)a->base, (unsigned long)a->count);
    for (j = 0; j < a->count; j++) {
      const struct sysargs_cap *c = &a->caps[j];
      printf("sc %s %lu %s %lu %lu %u %u %d %u %u %d %d", a->name, (unsigned long)c->nr, c->name,
             (unsigned long)c->since, (unsigned long)c->until, c->nargs, c->deep, c->deep_arg, c->deep_min,
             c->deep_size, sysargs_cap_lookup(a->audit_arch, c->nr) == c, sysargs_cap_is_deep(a->audit_arch, c->nr));
      for (k = 0; k < c->nargs; k++)
        printf(" %u,%u,%u,%u,%d,%d,%u", c->args[k].cls, c->args[k].width, c->args[k].is_signed, c->args[k].compare,
               c->args[k].slot, c->args[k].slot_high, c->args[k].inspectable);
      printf("\\n");
    }
  }
  printf("none %d %d\\n", sysargs_cap_lookup(0u, 0u) != 0, sysargs_cap_is_deep(0xc000003eu, 100000u));
  return 0;
}
`;

/** What DUMP must print, computed from capabilities.json. */
function expectedDump(): string {
  const structs = new Map(caps.structs.map((s) => [s.name, s]));
  const cls = (c: string) => CLASS_NAMES.indexOf(c);
  const cmp = (c: string | undefined) => ["none", "full", "low32", "pair"].indexOf(c ?? "none");
  const lines: string[] = [];
  for (const abi of caps.abis) {
    const rows = caps.syscalls
      .filter((s) => abi.name in s.numbers)
      .map((s) => ({ s, nr: s.numbers[abi.name]! }))
      .sort((a, b) => a.nr - b.nr);
    lines.push(`abi ${abi.name} ${abi.auditArch} ${abi.syscallBase} ${rows.length}`);
    for (const { s, nr } of rows) {
      const args = s.variants.find((v) => v.abis.includes(abi.name))?.args ?? [];
      const deep = args.findIndex((a) => a.class === "extensible-struct" && a.inspectable);
      const st = deep >= 0 ? structs.get(args[deep]!.struct!)! : undefined;
      // x86_64 and x32 share AUDIT_ARCH_X86_64: their numbers must never collide for lookup to work.
      const fields = [
        "sc",
        abi.name,
        nr,
        s.name,
        versionCode(s.since),
        versionCode(s.until),
        args.length,
        deep >= 0 ? 1 : 0,
        deep,
        st?.versions[0]?.size ?? 0,
        st?.versions.at(-1)?.size ?? 0,
        1,
        abi.deep.includes(s.name) ? 1 : 0,
        ...args.map((a) => {
          const slot = (i: number) => a.slots[i] ?? -1;
          return [
            cls(a.class),
            a.width,
            a.signed ? 1 : 0,
            cmp(a.compare),
            slot(0),
            a.slots.length === 2 ? slot(1) : -1,
            a.inspectable ? 1 : 0,
          ].join(",");
        }),
      ];
      lines.push(fields.join(" "));
    }
  }
  lines.push("none 0 0");
  return `${lines.join("\n")}\n`;
}

const WARNINGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"];
const source = join(DATA, "c", "sysargs_caps.c");

describe("the C capability table", () => {
  it("spells the classes and compares of the JSON format in its enums", () => {
    const header = readFileSync(join(DATA, "c", "sysargs_caps.h"), "utf8");
    for (const [i, c] of CLASS_NAMES.entries()) expect(header).toContain(`${classEnum(c)} = ${i}`);
    for (const [i, c] of ["none", "full", "low32", "pair"].entries())
      expect(header).toContain(`${compareEnum(c)} = ${i}`);
  });

  it("compiles warning-free and agrees with capabilities.json when run natively", () => {
    const exe = join(scratch, "dump-native");
    const dump = join(scratch, "dump.c");
    writeFileSync(dump, DUMP);
    const cc = spawnSync("cc", [...WARNINGS, "-I", join(DATA, "c"), "-o", exe, dump, source], {
      encoding: "utf8",
    });
    expect(cc.stderr).toBe("");
    expect(cc.status).toBe(0);
    const out = spawnSync(exe, [], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(expectedDump());
  });

  const g = toolchainGate(withToolchain);
  it.skipIf(g.skip)(
    `compiles warning-free with every cross compiler of tools/conformance${g.why ? ` (${g.why})` : ""}`,
    async () => {
      requirePresent(g);
      const failures: string[] = [];
      const compiled: string[] = [];
      for (const abi of withToolchain) {
        const tc = await locateToolchain(abi);
        if (!tc) {
          failures.push(`${abi.name}: no toolchain`);
          continue;
        }
        // Freestanding, as a kernel would build it: <stdint.h> is then the compiler's own, and no
        // C library of the target (absent for multilib ABIs such as sparc -m32 and x32) is needed.
        const r = run(tc.gcc, [
          ...tc.flags,
          ...WARNINGS,
          "-ffreestanding",
          "-c",
          "-o",
          join(scratch, `${abi.name}.o`),
          source,
        ]);
        if (r.code === 0 && r.stderr === "") compiled.push(abi.name);
        else failures.push(`${abi.name}: ${r.stderr}`);
      }
      expect(failures).toEqual([]);
      expect(compiled.length).toBe(withToolchain.length);
    },
  );

  // A big-endian 64-bit and a 32-bit ABI: the table is data, but its readers' byte order and word
  // size must not change what it says.
  for (const abiName of ["s390x", "arm"]) {
    const abi = registry.abis.find((a) => a.name === abiName)!;
    const qemu = `qemu-${abiName === "arm" ? "arm" : abiName}`;
    const hasQemu = spawnSync(qemu, ["--version"]).status === 0;
    const qg = gate(
      [
        ...(hasQemu
          ? []
          : [
              {
                what: "qemu-user",
                why: `${qemu} not found (Debian package qemu-user)`,
                packages: ["qemu-user"],
              },
            ]),
        ...toolchainGate([abi])
          .why.split("; ")
          .filter(Boolean)
          .map((why) => ({ what: `${abiName} toolchain`, why, packages: [] })),
      ],
      toolchainsRequired(),
    );
    it.skipIf(qg.skip)(
      `agrees with capabilities.json on ${abiName} under qemu-user${qg.why ? ` (${qg.why})` : ""}`,
      async () => {
        requirePresent(qg);
        const tc = (await locateToolchain(abi))!;
        const exe = join(scratch, `dump-${abiName}`);
        const dump = join(scratch, "dump.c");
        writeFileSync(dump, DUMP);
        const cc = run(tc.gcc, [
          ...tc.flags,
          ...WARNINGS,
          "-static",
          "-I",
          join(DATA, "c"),
          "-o",
          exe,
          dump,
          source,
        ]);
        expect(cc.stderr).toBe("");
        const out = spawnSync(qemu, [exe], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
        expect(out.stderr).toBe("");
        expect(out.stdout).toBe(expectedDump());
      },
    );
  }
});
