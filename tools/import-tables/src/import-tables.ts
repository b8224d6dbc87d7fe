import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { openKernelSource } from "@sysargs/kernel-source";
import { ABI_SPECS, type AbiSpec } from "./abi-specs.js";
import { type Addition, parseAdditions, parseSinceFacts, type SinceFact } from "./facts-files.js";
import { renderTable } from "./render-table.js";
import { type ResolvedTable, resolveAbi } from "./resolve-abi.js";
import { TARBALL_MEMBERS } from "./tree-files.js";

export const DEFAULT_ADDITIONS_FILE = "additions-6.13-6.18.tsv";
export const DEFAULT_SINCE_FILE = "since-versions.tsv";

export interface ImportOptions {
  /** Kernel source directory or tarball. */
  readonly source: string;
  /** Additions file path, or `null` for none. */
  readonly additionsPath: string | null;
  /** Since-facts file path, or `null` for none. */
  readonly sincePath: string | null;
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
export function defaultDataPaths(outDir: string): { additionsPath: string | null; sincePath: string | null } {
  const additions = join(outDir, DEFAULT_ADDITIONS_FILE);
  const since = join(outDir, DEFAULT_SINCE_FILE);
  return {
    additionsPath: existsSync(additions) ? additions : null,
    sincePath: existsSync(since) ? since : null,
  };
}

export function importTables(options: ImportOptions): ImportResult {
  const additions: Addition[] =
    options.additionsPath === null
      ? []
      : parseAdditions(readFileSync(options.additionsPath, "utf8"), basename(options.additionsPath));
  const sinceFacts: SinceFact[] =
    options.sincePath === null
      ? []
      : parseSinceFacts(readFileSync(options.sincePath, "utf8"), basename(options.sincePath));

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
    };
    const tables = specs.map((spec) => {
      const resolved = resolveAbi(src, spec, { additions, sinceFacts });
      return { abi: spec.abi, fileName: `${spec.abi}.tbl`, text: renderTable(resolved, ctx), resolved };
    });
    return { treeLabel: src.label, treeVersion: src.version, tables };
  } finally {
    src.dispose();
  }
}
