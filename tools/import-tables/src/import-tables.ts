import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { openKernelSource } from "@sysargs/kernel-source";
import { ABI_SPECS, type AbiSpec } from "./abi-specs.js";
import {
  type Addition,
  type HistoryFact,
  parseAdditions,
  parseHistory,
  parseSinceFacts,
  type SinceFact,
} from "./facts-files.js";
import { renderTable } from "./render-table.js";
import { type ResolvedTable, resolveAbi } from "./resolve-abi.js";
import { TARBALL_MEMBERS } from "./tree-files.js";

export const DEFAULT_ADDITIONS_FILE = "additions-6.13-6.18.tsv";
export const DEFAULT_SINCE_FILE = "since-versions.tsv";
/** Since values derived from libseccomp's per-version columns by libseccomp-since.ts. */
export const DERIVED_SINCE_FILE = "since-libseccomp.tsv";
export const DEFAULT_HISTORY_FILE = "history.tsv";

export interface ImportOptions {
  /** Kernel source directory or tarball. */
  readonly source: string;
  /** Additions file path, or `null` for none. */
  readonly additionsPath: string | null;
  /** Since-facts file path, or `null` for none. */
  readonly sincePath: string | null;
  /** Derived since-facts file (since-libseccomp.tsv), or `null`/absent for none. */
  readonly derivedSincePath?: string | null;
  /** History of reserved numbers (history.tsv), or `null`/absent for none. */
  readonly historyPath?: string | null;
  /** Restrict to these ABIs (default: all of the registry). */
  readonly abis?: readonly string[];
}

export interface ImportedTable {
  readonly abi: string;
  readonly fileName: string;
  readonly text: string;
  readonly resolved: ResolvedTable;
}

export interface ImportResult {
  readonly treeLabel: string;
  readonly treeVersion: string;
  readonly tables: readonly ImportedTable[];
}

/** Default data-file locations: next to the generated tables, when they exist. */
export function defaultDataPaths(outDir: string): {
  additionsPath: string | null;
  sincePath: string | null;
  derivedSincePath: string | null;
  historyPath: string | null;
} {
  const at = (file: string): string | null => (existsSync(join(outDir, file)) ? join(outDir, file) : null);
  return {
    additionsPath: at(DEFAULT_ADDITIONS_FILE),
    sincePath: at(DEFAULT_SINCE_FILE),
    derivedSincePath: at(DERIVED_SINCE_FILE),
    historyPath: at(DEFAULT_HISTORY_FILE),
  };
}

export function importTables(options: ImportOptions): ImportResult {
  const additions: Addition[] =
    options.additionsPath === null
      ? []
      : parseAdditions(readFileSync(options.additionsPath, "utf8"), basename(options.additionsPath));
  const sinceFacts: SinceFact[] = [options.sincePath, options.derivedSincePath ?? null].flatMap((path) =>
    path === null ? [] : parseSinceFacts(readFileSync(path, "utf8"), basename(path)),
  );
  const historyPath = options.historyPath ?? null;
  const history: HistoryFact[] =
    historyPath === null ? [] : parseHistory(readFileSync(historyPath, "utf8"), basename(historyPath));

  let specs: readonly AbiSpec[] = ABI_SPECS;
  if (options.abis) {
    const unknown = options.abis.filter((a) => !ABI_SPECS.some((s) => s.abi === a));
    if (unknown.length > 0) throw new Error(`unknown ABI(s): ${unknown.join(", ")}`);
    specs = ABI_SPECS.filter((s) => options.abis?.includes(s.abi));
  }
  for (const a of additions) {
    if (a.abis === "generic") continue;
    for (const abi of a.abis) {
      if (!ABI_SPECS.some((s) => s.abi === abi))
        throw new Error(`additions: ${a.name} names unknown ABI ${abi}`);
    }
  }

  const src = openKernelSource(options.source, TARBALL_MEMBERS);
  try {
    const ctx = {
      additionsFile: options.additionsPath === null ? undefined : basename(options.additionsPath),
      sinceFile: options.sincePath === null ? undefined : basename(options.sincePath),
      historyFile: historyPath === null ? undefined : basename(historyPath),
    };
    const tables = specs.map((spec) => {
      const resolved = resolveAbi(src, spec, { additions, sinceFacts, history });
      return { abi: spec.abi, fileName: `${spec.abi}.tbl`, text: renderTable(resolved, ctx), resolved };
    });
    // A history row that explains nothing is stale (checked when every ABI is imported).
    if (!options.abis) {
      for (const fact of history) {
        if (!tables.some((t) => t.resolved.historyApplied.includes(fact)))
          throw new Error(
            `history line ${fact.line}: no ABI reserves ${fact.name} without an implementation`,
          );
      }
    }
    return { treeLabel: src.label, treeVersion: src.version, tables };
  } finally {
    src.dispose();
  }
}
