import { fileURLToPath } from "node:url";
import { formatDiagnostic } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { readDeclarations } from "./index.js";

const SCHEMAS = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const IMPORTS = [
  'import type { Commands, In, int, Ptr, uint } from "@sysargs/dsl";',
  'import type { flock } from "./fcntl/flock.js";',
].join("\n");
/** Declares `body` in a scratch file beside the real schemas and returns the diagnostics. */
const diagnostics = (body: string) =>
  readDeclarations(SCHEMAS, { overlay: { "linux/zz-commands.ts": `${IMPORTS}\n${body}\n` } }).diagnostics.map(
    formatDiagnostic,
  );

describe("Commands<>: per-command meaning of a syscall's arguments", () => {
  it("fcntl: every case is an F_* command with the argument arg, attached to the syscall", () => {
    const { registry, diagnostics: d } = readDeclarations(SCHEMAS);
    expect(d).toEqual([]);
    const c = registry.syscalls.find((s) => s.name === "fcntl")?.commands;
    expect(c).toMatchObject({ selector: "cmd", set: "FcntlCmd" });
    const byCommand = new Map(c?.cases.map((x) => [x.command, x.params]));
    // fs/fcntl.c: F_GETLK copies a struct flock in and out, F_GETFD ignores arg.
    expect(byCommand.get("F_GETLK")?.[0]?.type).toMatchObject({
      kind: "pointer",
      direction: "inout",
      to: { kind: "named", name: "flock" },
    });
    expect(byCommand.get("F_GETFD")).toEqual([]);
    expect(byCommand.get("F_SETFD")?.[0]?.ann).toMatchObject({ kind: "flags", set: "FdFlags" });
    expect(c?.cases.length).toBeGreaterThanOrEqual(25);
  });

  it("names every mistake at its place", () => {
    expect(diagnostics('export type c = Commands<"fcntl_x", "cmd", { F_GETFD: {} }>;')).toEqual([
      expect.stringMatching(
        /^schemas\/linux\/zz-commands\.ts:3:1: c: no syscall "fcntl_x" \(did you mean "fcntl"\?\)$/,
      ),
    ]);
    expect(diagnostics('export type c = Commands<"fcntl64", "cmdd", { F_GETFD: {} }>;')).toEqual([
      expect.stringMatching(/c: argument "cmdd" of fcntl64 does not exist \(did you mean "cmd"\?\)$/),
    ]);
    expect(diagnostics('export type c = Commands<"fcntl64", "fd", { F_GETFD: {} }>;')).toEqual([
      expect.stringMatching(/c: argument "fd" of fcntl64 is not an enum \(OneOf<\.\.\.>\)$/),
    ]);
    expect(
      diagnostics(
        'export type c = Commands<"fcntl64", "cmd", { F_GETFDX: {}; F_SETLK: { argx: Ptr<In<flock>> } }>;',
      ),
    ).toEqual([
      expect.stringMatching(/:3:46: c: F_GETFDX is not a member of FcntlCmd \(did you mean "F_GETFD"\?\)$/),
      expect.stringMatching(
        /:3:71: c\.F_SETLK: fcntl64 has no argument "argx" besides cmd \(did you mean "arg"\?\)$/,
      ),
    ]);
    expect(diagnostics('export type c = Commands<"fcntl64", "cmd", { F_GETFD: int }>;')).toEqual([
      expect.stringMatching(/c\.F_GETFD: expected the arguments it uses \(\{ arg: type \} or \{\}\), found /),
    ]);
    expect(diagnostics('export type c = Commands<"fcntl64", 1, {}>;')).toEqual([
      expect.stringMatching(
        /type c: expected Commands<"syscall", "argument", \{ COMMAND: \{ argument: type \} \}>/,
      ),
    ]);
    // One table per syscall: the real fcntl_commands already describes fcntl.
    expect(diagnostics('export type c = Commands<"fcntl", "cmd", { F_GETFD: {} }>;')).toEqual([
      expect.stringMatching(/c: syscall fcntl already has its commands declared$/),
    ]);
  });
});
