#!/usr/bin/env node
/**
 * Writes schemas/tables/since-libseccomp.tsv from libseccomp's syscalls.csv files (read from a
 * libseccomp git checkout; nothing of libseccomp is committed here):
 *
 *   node tools/import-tables/dist/libseccomp-since-cli.js --repo <libseccomp.git> \
 *     [--kver 031024a] [--tables schemas/tables] [--tree-version 6.12]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ABI_SPECS } from "./abi-specs.js";
import { DERIVED_SINCE_FILE } from "./import-tables.js";
import { deriveSince, renderSinceFile } from "./libseccomp-since.js";
import { parseGeneratedTable } from "./read-table.js";

/** Release tables whose `#syscall (vX.Y...)` header states the kernel they were generated from. */
const SNAPSHOTS = ["v2.5.0", "v2.5.2", "v2.5.3", "v2.5.4", "v2.5.5", "v2.6.0"];

const { values } = parseArgs({
  options: {
    repo: { type: "string" },
    kver: { type: "string", default: "031024a" },
    tables: { type: "string", default: "schemas/tables" },
    "tree-version": { type: "string", default: "6.12" },
  },
  strict: true,
});
if (!values.repo) {
  process.stderr.write("libseccomp-since: --repo <libseccomp git directory> is required\n");
  process.exit(2);
}
const show = (rev: string): string =>
  execFileSync("git", ["--git-dir", values.repo as string, "show", `${rev}:src/syscalls.csv`], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
const tables = new Map(
  ABI_SPECS.map((s) => [
    s.abi,
    parseGeneratedTable(readFileSync(join(values.tables, `${s.abi}.tbl`), "utf8"), `${s.abi}.tbl`),
  ]),
);
const { derived, rejected } = deriveSince(
  show(values.kver),
  SNAPSHOTS.map((label) => ({ label, text: show(label) })),
  tables,
  values["tree-version"],
);
const out = join(values.tables, DERIVED_SINCE_FILE);
writeFileSync(
  out,
  renderSinceFile(derived, rejected, {
    kver: `commit ${values.kver} (pull request #457, unmerged)`,
    snapshots: SNAPSHOTS,
  }),
);
process.stdout.write(`${out}: ${derived.length} values kept, ${rejected.length} rejected\n`);
