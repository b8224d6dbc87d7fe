/**
 * An independent check of the registry's argument descriptions against strace (issue 8 item 6):
 * testing/strace-calls.c makes 40+ real syscalls with known flag, enum, fd and path arguments on
 * this machine (x86_64); strace decodes them once symbolically and once raw (`-e raw=all`), and for
 * every argument the registry describes as a flag set or an enum, the registry's names for the raw
 * value must be strace's names. fd and path arguments must be what strace prints for them (a
 * number or AT_FDCWD; a string). The differences strace explains are listed in STRACE_DIFFERENCES
 * and in docs/strace-comparison.md. Skipped without gcc or strace; a failure in CI mode.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signatureFor } from "@sysargs/codegen";
import { type Registry, RegistryIndex, type ValueSet } from "@sysargs/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gate, requirePresent } from "../../../vitest.skips.js";
import { toolchainsRequired } from "./index.js";
import { repositoryRegistry } from "./testing/registry.js";

const ABI = "x86_64";
const SOURCE = join(import.meta.dirname, "testing", "strace-calls.c");
const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;
const straceGate = gate(
  [
    ...(has("strace", "-V")
      ? []
      : [{ what: "strace", why: "strace not found: apt-get install strace", packages: ["strace"] }]),
    ...(has("gcc", "--version")
      ? []
      : [{ what: "gcc", why: "gcc not found: apt-get install gcc", packages: ["gcc"] }]),
    ...(process.arch === "x64"
      ? []
      : [{ what: "x86_64", why: "the strace comparison runs native x86_64 programs", packages: [] }]),
  ],
  toolchainsRequired(),
);

/**
 * strace names that the registry decodes differently, with the reason (docs/strace-comparison.md).
 * Key: syscall/argument; value: names strace adds that carry no bits.
 */
const STRACE_ZERO_NAMES: Record<string, string[]> = {
  // AT_STATX_SYNC_AS_STAT is 0: strace names the (zero) sync type inside statx's AT_* flags.
  "statx/flags": ["AT_STATX_SYNC_AS_STAT"],
};

/** strace names for values the registry names after the kernel's UAPI header. */
const STRACE_ALIASES: Record<string, string> = {
  // include/uapi/linux/sched.h: SCHED_NORMAL 0; SCHED_OTHER is the POSIX (glibc) name strace prints.
  SCHED_OTHER: "SCHED_NORMAL",
};

interface Call {
  name: string;
  args: string[];
}

/** Splits `name(a, {b, c}, "d, e") = ret` into the name and top-level arguments. */
export function parseStraceLine(line: string): Call | undefined {
  const m = /^([a-z_0-9]+)\((.*)\)\s+= /.exec(line);
  if (!m) return undefined;
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  const body = m[2] as string;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      cur += c;
      if (c === "\\") cur += body[++i] ?? "";
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
    else if (c === "," && depth === 0) {
      args.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== "") args.push(cur.trim());
  return { name: m[1] as string, args };
}

/** The calls after the getppid() marker. */
function calls(text: string): Call[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("getppid("));
  return lines
    .slice(start + 1)
    .map(parseStraceLine)
    .filter((c): c is Call => c !== undefined);
}

/** The registry's names for a raw value: the enum member, or the flag members whose bits it has. */
function decode(set: ValueSet, raw: bigint): string[] | undefined {
  const members = set.members.map((m) => ({ ...m, v: BigInt(RegistryIndex.memberValue(m, ABI)) }));
  if (set.kind === "enum") {
    const hit = members.find((m) => m.v === raw);
    return hit ? [hit.name] : undefined;
  }
  // Plain flags first; what is left must be one composite member exactly (a command in the low
  // bits, such as futex's FUTEX_WAKE, or a field value such as MAP_PRIVATE).
  const names: string[] = [];
  let left = raw;
  for (const m of members.filter((m) => !m.composite && m.v !== 0n).sort((a, b) => (a.v > b.v ? -1 : 1))) {
    if ((left & m.v) === m.v) {
      names.push(m.name);
      left &= ~m.v;
    }
  }
  if (left !== 0n) {
    const whole = members.find((m) => m.composite && m.v === left);
    if (!whole) return undefined;
    names.push(whole.name);
  }
  return names.sort();
}

let dir: string;
let symbolic: Call[];
let raw: Call[];
let registry: Registry;

describe.skipIf(straceGate.skip)(
  `registry argument descriptions against strace${straceGate.skip ? ` [skipped: ${straceGate.why}]` : ""}`,
  () => {
    beforeAll(() => {
      requirePresent(straceGate);
      registry = repositoryRegistry();
      dir = mkdtempSync(join(tmpdir(), "sysargs-strace-"));
      const prog = join(dir, "strace-calls");
      execFileSync("gcc", ["-O0", "-Wall", "-Werror", "-o", prog, SOURCE]);
      const run = (extra: string[], tag: string): Call[] => {
        const work = join(dir, tag);
        execFileSync("mkdir", [work]);
        const out = join(dir, `${tag}.txt`);
        execFileSync("strace", ["-qq", ...extra, "-o", out, prog, work]);
        return calls(execFileSync("cat", [out], { encoding: "utf8" }));
      };
      symbolic = run([], "symbolic");
      raw = run(["-e", "raw=all"], "raw");
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("both runs made the same calls, at least 40 of them", () => {
      expect(symbolic.map((c) => c.name)).toEqual(raw.map((c) => c.name));
      expect(symbolic.length).toBeGreaterThanOrEqual(40);
    });

    it("flag and enum names, fd and path kinds agree for every described argument", () => {
      const index = new RegistryIndex(registry);
      const failures: string[] = [];
      const compared = new Set<string>();
      let sets = 0;
      for (const [i, sym] of symbolic.entries()) {
        const decl = index.syscall(sym.name);
        const sig = decl && signatureFor(decl, ABI);
        if (!sig) continue;
        const rawArgs = (raw[i] as Call).args;
        for (const [j, p] of sig.params.entries()) {
          const shown = sym.args[j];
          const value = rawArgs[j];
          if (shown === undefined || value === undefined) continue; // strace omits unused arguments
          const where = `${sym.name}/${p.name}`;
          const kind = p.ann.kind;
          if ((kind === "flags" || kind === "enum") && p.ann.set) {
            const set = index.set(p.ann.set);
            if (!set) {
              failures.push(`${where}: set ${p.ann.set} is not declared`);
              continue;
            }
            const ours = decode(set, BigInt(value));
            const zero = STRACE_ZERO_NAMES[where] ?? [];
            const theirs =
              shown === "0"
                ? []
                : shown
                    .split("|")
                    .filter((n) => !zero.includes(n))
                    .map((n) => STRACE_ALIASES[n] ?? n)
                    .sort();
            // A zero enum value that strace prints as a number (socketpair's protocol 0).
            const same =
              JSON.stringify(ours) === JSON.stringify(theirs) ||
              (set.kind === "enum" && shown === "0" && BigInt(value) === 0n);
            if (!same)
              failures.push(`${where}: raw ${value}: registry ${JSON.stringify(ours)}, strace ${shown}`);
            sets++;
            compared.add(sym.name);
          } else if (kind === "fd") {
            if (!/^(-?\d+|AT_FDCWD)$/.test(shown)) failures.push(`${where}: fd, strace shows ${shown}`);
            compared.add(sym.name);
          } else if (kind === "path") {
            if (!/^(".*"|NULL)$/.test(shown)) failures.push(`${where}: path, strace shows ${shown}`);
            compared.add(sym.name);
          } else if (/^\{/.test(shown) && p.type.kind !== "pointer") {
            failures.push(`${where}: strace decodes a struct, the registry has ${p.type.kind}`);
          }
        }
      }
      console.log(
        `strace ${ABI}: ${compared.size} syscalls compared, ${sets} flag and enum arguments with the same names`,
      );
      expect(failures).toEqual([]);
      // The comparison must not pass by comparing nothing.
      expect(compared.size).toBeGreaterThanOrEqual(30);
      expect(sets).toBeGreaterThanOrEqual(40);
    });
  },
);
