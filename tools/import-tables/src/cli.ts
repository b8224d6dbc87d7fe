#!/usr/bin/env node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defaultDataPaths, importTables } from "./import-tables.js";

const USAGE = `usage: import-tables --source <linux tree dir or tarball> [--out schemas/tables]
                     [--additions <tsv> | --no-additions] [--since <tsv> | --no-since]
                     [--abi <name>]... [--check]

Rebuilds <out>/<abi>.tbl for every ABI of the registry. By default the data files
<out>/additions-6.13-6.18.tsv, <out>/since-versions.tsv, <out>/since-libseccomp.tsv
and <out>/history.tsv are merged when present (--no-since drops both since files).
--check writes nothing and exits 1 when a file would change.`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: "string" },
      out: { type: "string", default: "schemas/tables" },
      additions: { type: "string" },
      "no-additions": { type: "boolean", default: false },
      since: { type: "string" },
      "no-since": { type: "boolean", default: false },
      abi: { type: "string", multiple: true },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.source) {
    process.stderr.write(`import-tables: --source is required\n${USAGE}\n`);
    return 2;
  }
  const out = values.out;
  const defaults = defaultDataPaths(out);
  const additionsPath = values["no-additions"] ? null : (values.additions ?? defaults.additionsPath);
  const sincePath = values["no-since"] ? null : (values.since ?? defaults.sincePath);

  const result = importTables({
    source: values.source,
    additionsPath,
    sincePath,
    // The derived since values and the history travel with the hand-maintained since file.
    derivedSincePath: values["no-since"] ? null : defaults.derivedSincePath,
    historyPath: defaults.historyPath,
    ...(values.abi ? { abis: values.abi } : {}),
  });

  process.stdout.write(`source tree: ${result.treeLabel} ${result.treeVersion}\n`);
  if (!values.check) mkdirSync(out, { recursive: true });
  let stale = 0;
  for (const table of result.tables) {
    const path = join(out, table.fileName);
    const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    const changed = before !== table.text;
    if (values.check) {
      if (changed) stale++;
    } else if (changed) {
      writeFileSync(path, table.text);
    }
    const r = table.resolved;
    const extra = [
      r.additions.length > 0 ? `${r.additions.length} added` : "",
      r.skippedAdditions.length > 0 ? `${r.skippedAdditions.length} additions redundant` : "",
    ]
      .filter((s) => s !== "")
      .join(", ");
    const status = values.check ? (changed ? "STALE" : "ok") : changed ? "written" : "unchanged";
    process.stdout.write(
      `${table.abi.padEnd(12)} ${String(r.present.length).padStart(4)} syscalls` +
        `${extra ? ` (${extra})` : ""}  ${status}\n`,
    );
  }
  const redundant = result.tables.flatMap((t) => t.resolved.skippedAdditions);
  if (additionsPath !== null && redundant.length > 0) {
    process.stdout.write(
      `note: ${redundant.length} addition(s) are already covered by the tree; once none is merged any more, ` +
        "move their since versions to since-versions.tsv and retire the additions file\n",
    );
  }
  if (values.check && stale > 0) {
    process.stderr.write(`import-tables: ${stale} table(s) out of date\n`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`import-tables: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
