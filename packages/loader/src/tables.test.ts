import type { Diagnostic } from "@sysargs/model";
import { describe, expect, it } from "vitest";
import { parseTable } from "./tables.js";

const HEAD = "# abi columns selected: common,64\n";
const parse = (body: string) => {
  const diagnostics: Diagnostic[] = [];
  const table = parseTable(HEAD + body, "x86_64", "t.tbl", diagnostics);
  return { table, messages: diagnostics.map((d) => `${d.loc.line}:${d.loc.col}: ${d.message}`) };
};

describe("parseTable: since values and the history of reserved numbers", () => {
  it("reads '?', a release and '<=' a release", () => {
    const { table, messages } = parse(
      "0\tcommon\tread\tsys_read\t-\t<=3.0\n435\tcommon\tclone3\tsys_clone3\t-\t5.3\n",
    );
    expect(messages).toEqual([]);
    expect(table.entries).toEqual([
      {
        number: 0,
        name: "read",
        column: "common",
        entry: "sys_read",
        compat: "-",
        since: null,
        sinceAtMost: "3.0",
      },
      { number: 435, name: "clone3", column: "common", entry: "sys_clone3", compat: "-", since: "5.3" },
    ]);
  });

  it("reads #ni rows with and without history", () => {
    const { table, messages } = parse(
      [
        "#ni\t134\t64\tuselib\t-\t-\t?",
        "#ni\t156\t64\t_sysctl\tsys_ni_syscall\t-\t<=3.0\tremoved\t5.5\tman syscalls(2)",
        "#ni\t212\tcommon\tlookup_dcookie\t-\t-\t?\tremoved\t?\tcommit be65de6b03aa",
        "#ni\t184\tcommon\ttuxcall\t-\t-\t?\tnever\t-\tman unimplemented(2)",
        "",
      ].join("\n"),
    );
    expect(messages).toEqual([]);
    expect(table.notImplemented).toEqual([
      { number: 134, name: "uselib" },
      {
        number: 156,
        name: "_sysctl",
        sinceAtMost: "3.0",
        status: "removed",
        removedIn: "5.5",
        source: "man syscalls(2)",
      },
      {
        number: 212,
        name: "lookup_dcookie",
        status: "removed",
        removedIn: null,
        source: "commit be65de6b03aa",
      },
      { number: 184, name: "tuxcall", status: "never", source: "man unimplemented(2)" },
    ]);
  });

  it("names the line of every malformed since or history, and keeps no partial row", () => {
    const { table, messages } = parse(
      [
        "0\tcommon\tread\tsys_read\t-\t>=3.0",
        "#ni\t156\t64\t_sysctl\t-\t-\tsoon",
        "#ni\t157\t64\ta\t-\t-\t?\tremoved\t5.5",
        "#ni\t158\t64\tb\t-\t-\t?\tgone\t5.5\tsrc",
        "#ni\t159\t64\tc\t-\t-\t?\tremoved\tlater\tsrc",
        "#ni\t160\t64\td\t-\t-\t?\tnever\t5.5\tsrc",
        "#ni\t161\t64\te\t-\t-\t?\tremoved",
        "",
      ].join("\n"),
    );
    expect(table.entries).toEqual([]);
    expect(table.notImplemented).toEqual([]);
    expect(messages).toEqual([
      '2:1: since ">=3.0" is neither "?", a kernel version nor "<=" and a version',
      '3:1: since "soon" of reserved _sysctl is neither "?", a kernel version nor "<=" and a version',
      "4:1: #ni row of a: history needs exactly status, removed and source after since (found 8 columns)",
      '5:1: #ni row of b: status "gone" is neither "removed" nor "never"',
      '6:1: #ni row of c: removed "later" is neither a kernel version nor "?"',
      '7:1: #ni row of d: a never-implemented name has "-" as removed, not "5.5"',
      "8:1: #ni row of e: history needs exactly status, removed and source after since (found 7 columns)",
    ]);
  });
});
