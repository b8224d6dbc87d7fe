import type { FieldLayout } from "@sysargs/layout";
import type { Abi, SyscallDecl, SyscallTable, TableEntry, TypeDecl, ValueSet } from "@sysargs/model";

/**
 * The on-disk format of the registry data (data/ in this package), written by the "registry"
 * generator (packages/gen-registry) and read by `openRegistry`. One small file per question a
 * query asks, so that a query reads only what it needs:
 *
 *   index.json              names of every ABI (and alias), type, set and syscall
 *   abis.json               the ABI models
 *   sets.json               flag sets and enums with per-ABI values
 *   types/<name>.json       one struct, union or per-ABI variant with its layouts
 *   syscalls/<name>.json    one syscall's signatures and its number on each ABI
 *   tables/<abi>.json       one ABI's syscall table
 *   ir.schema.json          JSON Schema of the whole document (`sysargs export --json`)
 *
 * Every file is line-diffable JSON whose first key, `$comment`, is the generated-file header.
 * Source locations are not published: reformatting a schema changes no byte here.
 */
export const DATA_FORMAT = 1;

export interface IndexFile {
  $comment: string;
  format: typeof DATA_FORMAT;
  irVersion: 1;
  /** The kernel release the registry describes. */
  kernel: string;
  abis: string[];
  /** libseccomp ABI names and other aliases -> ABI name. */
  aliases: Record<string, string>;
  types: string[];
  sets: string[];
  syscalls: string[];
}

export interface AbisFile {
  $comment: string;
  abis: Abi[];
}

export interface SetsFile {
  $comment: string;
  sets: ValueSet[];
}

/** A type's layout, as computed for one or more ABIs. */
export interface StoredLayout {
  kind: "struct" | "union";
  size: number;
  align: number;
  fields: FieldLayout[];
}

/** A layout and the ABIs that share it. */
export interface LayoutGroup extends StoredLayout {
  abis: string[];
}

/**
 * A type with its layout on every ABI, stored once as the layout most ABIs share plus the
 * layouts that differ (the idea of Go x/sys's mkmerge): the diff of a schema change shows which
 * ABIs it touched.
 */
export interface TypeFile {
  $comment: string;
  type: TypeDecl;
  layouts: { common: LayoutGroup; differences: LayoutGroup[] };
}

export interface SyscallFile {
  $comment: string;
  syscall: SyscallDecl;
  /** The syscall's table entry on every ABI that has one. */
  numbers: Record<string, TableEntry>;
}

export interface TableFile {
  $comment: string;
  table: SyscallTable;
}
