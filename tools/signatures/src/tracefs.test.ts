// Checks the registry's x86_64 syscall signatures against the running kernel's syscall trace events
// (/sys/kernel/tracing/events/syscalls/sys_enter_<name>/format): every event must have a syscall
// with the same argument count, names, and a C type of the same kind, size and signedness.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSchemas } from "@sysargs/loader";
import { formatDiagnostic, type Registry, SCALARS, type TypeRef } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";

const TRACING = "/sys/kernel/tracing";
const EVENTS = join(TRACING, "events/syscalls");
const SCHEMAS = new URL("../../../schemas", import.meta.url).pathname;

/**
 * Events whose name is not the syscall's name: the event is named after the kernel entry point
 * (SYSCALL_DEFINE name), the syscall after its x86_64 table entry.
 */
const EVENT_NAMES: Record<string, string> = {
  newstat: "stat", // stat -> sys_newstat
  newlstat: "lstat", // lstat -> sys_newlstat
  newfstat: "fstat", // fstat -> sys_newfstat
  newuname: "uname", // uname -> sys_newuname
  sendfile64: "sendfile", // sendfile -> sys_sendfile64
  umount: "umount2", // umount2 -> sys_umount (sys_oldumount is the 32-bit "umount")
};

/**
 * Known parameter-name differences (`syscall.param` -> event name), each deliberate.
 * clone3: schemas/linux/sched/clone3.ts uses the man-page name cl_args; kernel/fork.c says uargs.
 */
const NAME_EXCEPTIONS: Record<string, string> = {
  "clone3.cl_args": "uargs",
};

function ensureTracefs(): string | undefined {
  if (existsSync(EVENTS)) return undefined;
  try {
    execFileSync("mount", ["-t", "tracefs", "nodev", TRACING], { stdio: "pipe" });
  } catch (e) {
    return `tracefs is not mounted at ${TRACING} and cannot be mounted (as root: mount -t tracefs nodev ${TRACING}): ${(e as Error).message.split("\n")[0]}`;
  }
  return existsSync(EVENTS)
    ? undefined
    : `no syscall trace events under ${EVENTS} (CONFIG_FTRACE_SYSCALLS off?)`;
}

interface EventArg {
  type: string;
  name: string;
  size: number;
}
function readEvent(dir: string): EventArg[] {
  const fmt = readFileSync(join(EVENTS, dir, "format"), "utf8");
  const out: EventArg[] = [];
  for (const m of fmt.matchAll(/field:([^;]*);\s*offset:\d+;\s*size:(\d+);\s*signed:\d;/g)) {
    const dm = /^(.*?)\s*([A-Za-z_]\w*)$/.exec(m[1]!.trim())!;
    if (dm[2]!.startsWith("common_") || dm[2] === "__syscall_nr") continue;
    out.push({ type: dm[1]!.replace(/\s+/g, " ").trim(), name: dm[2]!, size: Number(m[2]) });
  }
  return out;
}

/** x86_64 size and signedness of the C scalar types the events use (the `signed` column is always 0). */
const C_SCALARS: Record<string, [number, boolean]> = {
  int: [4, true],
  "unsigned int": [4, false],
  unsigned: [4, false],
  long: [8, true],
  "unsigned long": [8, false],
  "unsigned char": [1, false],
  size_t: [8, false],
  pid_t: [4, true],
  uid_t: [4, false],
  gid_t: [4, false],
  qid_t: [4, false],
  umode_t: [2, false],
  loff_t: [8, true],
  off_t: [8, true],
  key_serial_t: [4, true],
  key_t: [4, true],
  clockid_t: [4, true],
  timer_t: [4, true],
  mqd_t: [4, true],
  aio_context_t: [8, false],
  rwf_t: [4, true],
  u32: [4, false],
  __u32: [4, false],
  __s32: [4, true],
  u64: [8, false],
  __u64: [8, false],
  "enum landlock_rule_type": [4, true],
};

function describeArg(reg: Registry, t: TypeRef): { pointer: true } | { size: number; signed: boolean } {
  if (t.kind === "pointer") return { pointer: true };
  if (t.kind !== "scalar") return { size: -1, signed: false };
  const info = SCALARS[t.name]!;
  if (info.base === "pointer") return { pointer: true };
  const abi = reg.abis.find((a) => a.name === "x86_64")!;
  const size = info.base === "aligned_u64" ? 8 : info.base === "void" ? 0 : abi.scalars[info.base].size;
  return { size, signed: info.signed };
}

const skipReason = ensureTracefs();
// Skipped (and listed at the end of the run) without tracefs; in CI mode (ciMode) a failure naming
// it: .ci/run mounts tracefs but tolerates failing to (`|| true`), and this test is what notices.
const tracefsGate = gate(
  skipReason === undefined ? [] : [{ what: "tracefs syscall events", why: skipReason, packages: [] }],
  ciMode(),
);

describe("x86_64 signatures against tracefs syscall events", () => {
  it.skipIf(tracefsGate.skip)(
    `match every sys_enter_* event${tracefsGate.skip ? ` [skipped: ${tracefsGate.why}]` : ""}`,
    () => {
      requirePresent(tracefsGate);
      const r = loadSchemas(SCHEMAS);
      if (!r.registry)
        throw new Error(`registry has diagnostics:\n${r.diagnostics.map(formatDiagnostic).join("\n")}`);
      const reg = r.registry;
      const byName = new Map(reg.syscalls.map((s) => [s.name, s]));
      const problems: string[] = [];
      const events = readdirSync(EVENTS).filter((d) => d.startsWith("sys_enter_"));
      expect(events.length).toBeGreaterThan(300);
      for (const dir of events.sort()) {
        const ev = dir.slice("sys_enter_".length);
        const name = EVENT_NAMES[ev] ?? ev;
        const sc = byName.get(name);
        if (!sc) {
          problems.push(`${name}: no syscall in the registry (event ${dir})`);
          continue;
        }
        const sig =
          sc.signatures.find((s) => s.abis.includes("x86_64")) ??
          sc.signatures.find((s) => s.abis.length === 0);
        if (!sig) {
          problems.push(`${name}: no signature covers x86_64`);
          continue;
        }
        const args = readEvent(dir);
        if (args.length !== sig.params.length) {
          problems.push(`${name}: ${sig.params.length} parameters, the event has ${args.length}`);
          continue;
        }
        args.forEach((a, i) => {
          const p = sig.params[i]!;
          // TypeScript reserved words get a trailing underscore.
          if (p.name !== a.name && p.name !== `${a.name}_` && NAME_EXCEPTIONS[`${name}.${p.name}`] !== a.name)
            problems.push(`${name}: parameter ${i} is "${p.name}", the event says "${a.name}"`);
          if (a.size !== 8) problems.push(`${name}.${a.name}: event field size ${a.size}, expected 8`);
          const got = describeArg(reg, p.type);
          const isPtr = a.type.includes("*") || /^(const )?(cap_user_header_t|cap_user_data_t)$/.test(a.type);
          if (isPtr) {
            if (!("pointer" in got))
              problems.push(`${name}.${a.name}: C "${a.type}" is a pointer, registry is not`);
            return;
          }
          const want = C_SCALARS[a.type.replace(/^const /, "")];
          if (!want) {
            problems.push(`${name}.${a.name}: test does not know C type "${a.type}"`);
            return;
          }
          if ("pointer" in got) problems.push(`${name}.${a.name}: registry has a pointer for C "${a.type}"`);
          else if (got.size !== want[0] || got.signed !== want[1])
            problems.push(
              `${name}.${a.name}: C "${a.type}" is ${want[0]} bytes ${want[1] ? "signed" : "unsigned"}, registry ${got.size} bytes ${got.signed ? "signed" : "unsigned"}`,
            );
        });
      }
      expect(problems, problems.join("\n")).toEqual([]);
    },
  );
});
