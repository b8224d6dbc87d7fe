import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { TypeLayout } from "@sysargs/layout";
import type {
  Abi,
  CompositeDecl,
  Registry,
  ReservedNumber,
  SyscallDecl,
  SyscallTable,
  TableEntry,
  TypeDecl,
  ValueSet,
} from "@sysargs/model";
import {
  type AbisFile,
  DATA_FORMAT,
  type IndexFile,
  type LayoutGroup,
  type SetsFile,
  type StoredLayout,
  type SyscallFile,
  type TableFile,
  type TypeFile,
} from "./format.js";

/**
 * Registry data that is missing, unreadable or not what the generator writes. The message names
 * the file and what was wrong with it; recognise it by `name`, which survives duplicate copies of
 * this package where `instanceof` does not.
 */
export class RegistryDataError extends Error {
  override name = "RegistryDataError";
}

/** The whole registry as one document: the IR without source locations, with every layout. */
export interface RegistryDocument extends Registry {
  /** layouts[abi][type] */
  layouts: Record<string, Record<string, StoredLayout>>;
}

/**
 * This package's own data folder, found by resolving the package itself rather than relative to
 * this module, so that it stays right when a program bundles this reader (the sysargs CLI does).
 */
export const DEFAULT_DATA_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@sysargs/registry/package.json")),
  "data",
);

/**
 * Opens a registry data folder (by default the one this package ships). Nothing is read until it
 * is asked for, and each file is read at most once: `layout("clone_args", "aarch64")` reads the
 * index and one type file.
 */
export function openRegistry(dir: string = DEFAULT_DATA_DIR): SysargsRegistry {
  return new SysargsRegistry(resolve(dir));
}

export class SysargsRegistry {
  readonly dir: string;
  private readonly cache = new Map<string, unknown>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Reads and checks one data file; every failure names the file. */
  private read<T>(relative: string, check: (v: Record<string, unknown>) => string | undefined): T {
    const hit = this.cache.get(relative);
    if (hit !== undefined) return hit as T;
    // A folder without an index is no registry at all: say that, not which file is missing.
    if (relative !== "index.json") void this.index;
    const file = join(this.dir, relative);
    let text: string;
    try {
      text = readWaiting(this.dir, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new RegistryDataError(
        code === "ENOENT"
          ? `${file}: missing from the registry data; regenerate it with "sysargs gen registry"`
          : `${file}: cannot be read (${(e as Error).message})`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new RegistryDataError(
        `${file}: not valid JSON (${(e as Error).message}); regenerate it with "sysargs gen registry"`,
      );
    }
    const problem =
      value === null || typeof value !== "object" || Array.isArray(value)
        ? "not a JSON object"
        : check(value as Record<string, unknown>);
    if (problem)
      throw new RegistryDataError(
        `${file}: not sysargs registry data (${problem}); regenerate it with "sysargs gen registry"`,
      );
    this.cache.set(relative, value);
    return value as T;
  }

  private get index(): IndexFile {
    const cached = this.cache.get("index.json");
    if (cached !== undefined) return cached as IndexFile;
    if (!existsSync(join(this.dir, "index.json")) && waitForDir(this.dir)) return this.index;
    if (!existsSync(join(this.dir, "index.json")))
      throw new RegistryDataError(
        `${this.dir}: no sysargs registry here (no index.json); generate one with "sysargs gen registry"`,
      );
    return this.read<IndexFile>("index.json", (v) =>
      v.format !== DATA_FORMAT
        ? `data format ${JSON.stringify(v.format)}, expected ${DATA_FORMAT}`
        : v.irVersion !== 1
          ? `IR version ${JSON.stringify(v.irVersion)}, expected 1`
          : ["abis", "types", "sets", "syscalls"].find((k) => !isStringArray(v[k]))
            ? `"${["abis", "types", "sets", "syscalls"].find((k) => !isStringArray(v[k]))}" is not a list of names`
            : typeof v.kernel !== "string" || !isRecord(v.aliases)
              ? `"kernel" or "aliases" is missing`
              : undefined,
    );
  }

  /** The kernel release the registry describes ("6.18"). */
  get kernel(): string {
    return this.index.kernel;
  }

  // ---- ABIs

  abiNames(): readonly string[] {
    return this.index.abis;
  }

  abis(): readonly Abi[] {
    return this.read<AbisFile>("abis.json", (v) => (Array.isArray(v.abis) ? undefined : `no "abis" list`))
      .abis;
  }

  /** An ABI by name or alias (libseccomp's "x86", "aarch64", ...). */
  abi(nameOrAlias: string): Abi | undefined {
    const i = this.index;
    const name = Object.hasOwn(i.aliases, nameOrAlias)
      ? i.aliases[nameOrAlias]
      : i.abis.includes(nameOrAlias)
        ? nameOrAlias
        : undefined;
    if (name === undefined) return undefined;
    const abi = this.abis().find((a) => a.name === name);
    if (!abi)
      throw new RegistryDataError(`${join(this.dir, "abis.json")}: ABI "${name}" of index.json is missing`);
    return abi;
  }

  /** Every ABI name and alias, for suggestions. */
  abiNamesAndAliases(): string[] {
    return [...this.index.abis, ...Object.keys(this.index.aliases)];
  }

  // ---- types and layouts

  typeNames(): readonly string[] {
    return this.index.types;
  }

  private typeFile(name: string): TypeFile | undefined {
    if (!this.index.types.includes(name)) return undefined;
    return this.read<TypeFile>(`types/${name}.json`, (v) =>
      !isRecord(v.type) || (v.type as { name?: unknown }).name !== name
        ? `no declaration of "${name}"`
        : !isRecord(v.layouts) || !isLayoutGroup((v.layouts as Record<string, unknown>).common)
          ? "no common layout"
          : !Array.isArray((v.layouts as Record<string, unknown>).differences) ||
              !(v.layouts as { differences: unknown[] }).differences.every(isLayoutGroup)
            ? "malformed per-ABI layouts"
            : undefined,
    );
  }

  /** A struct, union or per-ABI variant by name. */
  type(name: string): TypeDecl | undefined {
    return this.typeFile(name)?.type;
  }

  /** The struct or union that describes `name` on an ABI, resolving per-ABI variants. */
  composite(name: string, abi: string): CompositeDecl | undefined {
    const t = this.type(name);
    if (t?.kind !== "variant") return t;
    const alt = t.alternatives.find((a) => a.abis.includes(abi));
    const c = alt ? this.type(alt.type) : undefined;
    return c && c.kind !== "variant" ? c : undefined;
  }

  /** The layout of a type on an ABI (name or alias); undefined for an unknown type or ABI. */
  layout(type: string, abi: string): TypeLayout | undefined {
    const a = this.abi(abi);
    const f = this.typeFile(type);
    if (!a || !f) return undefined;
    const { common, differences } = f.layouts;
    const group =
      differences.find((g) => g.abis.includes(a.name)) ?? (common.abis.includes(a.name) ? common : undefined);
    if (!group)
      throw new RegistryDataError(`${join(this.dir, "types", `${type}.json`)}: no layout for ABI ${a.name}`);
    const { abis: _abis, ...layout } = group;
    return { abi: a.name, name: type, ...layout };
  }

  // ---- flag sets and enums

  sets(): readonly ValueSet[] {
    return this.read<SetsFile>("sets.json", (v) => (Array.isArray(v.sets) ? undefined : `no "sets" list`))
      .sets;
  }

  set(name: string): ValueSet | undefined {
    return this.sets().find((s) => s.name === name);
  }

  // ---- syscalls and tables

  syscallNames(): readonly string[] {
    return this.index.syscalls;
  }

  private syscallFile(name: string): SyscallFile | undefined {
    if (!this.index.syscalls.includes(name)) return undefined;
    return this.read<SyscallFile>(`syscalls/${name}.json`, (v) =>
      !isRecord(v.syscall) || (v.syscall as { name?: unknown }).name !== name
        ? `no declaration of "${name}"`
        : !isRecord(v.numbers)
          ? `no "numbers"`
          : undefined,
    );
  }

  syscall(name: string): SyscallDecl | undefined {
    return this.syscallFile(name)?.syscall;
  }

  /** A syscall's table entry on every ABI that implements it. */
  numbers(name: string): Readonly<Record<string, TableEntry>> | undefined {
    return this.syscallFile(name)?.numbers;
  }

  /** An ABI's syscall table (by ABI name or alias). */
  table(abi: string): SyscallTable | undefined {
    const a = this.abi(abi);
    if (!a) return undefined;
    return this.read<TableFile>(`tables/${a.name}.json`, (v) =>
      !isRecord(v.table) || !Array.isArray((v.table as { entries?: unknown }).entries)
        ? "no table entries"
        : undefined,
    ).table;
  }

  /**
   * Where a name is a reserved number without an implementation (a removed or never-implemented
   * syscall, docs/decisions/0010-syscall-history.md), by ABI; undefined when no table reserves it.
   * Reads every ABI's table.
   */
  reserved(name: string): Readonly<Record<string, ReservedNumber>> | undefined {
    const out: Record<string, ReservedNumber> = {};
    for (const a of this.abis()) {
      const r = this.table(a.name)?.notImplemented.find((e) => e.name === name);
      if (r) out[a.name] = r;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /** The whole registry as one document (what `sysargs export --json` prints); reads every file. */
  document(): RegistryDocument {
    const abis = [...this.abis()];
    const types = this.index.types.map((t) => this.type(t)!);
    const layouts: RegistryDocument["layouts"] = {};
    for (const a of abis) {
      const perAbi: Record<string, StoredLayout> = {};
      for (const t of this.index.types) {
        const { abi: _a, name: _n, ...l } = this.layout(t, a.name)!;
        perAbi[t] = l;
      }
      layouts[a.name] = perAbi;
    }
    return {
      irVersion: 1,
      kernel: this.kernel,
      abis,
      types,
      sets: [...this.sets()],
      syscalls: this.index.syscalls.map((s) => this.syscall(s)!),
      // The IR lists tables sorted by ABI name.
      tables: abis
        .flatMap((a) => this.table(a.name) ?? [])
        .sort((x, y) => (x.abi < y.abi ? -1 : x.abi > y.abi ? 1 : 0)),
      layouts,
    } as RegistryDocument;
  }
}

/**
 * How long a reader waits for a data folder that is missing: `sysargs gen` replaces the folder
 * with two renames (old aside, new in), and for the instant between them it does not exist
 * (docs/decisions/0006-output-folder-swap.md). A folder that stays missing is reported as before.
 */
const SWAP_WAIT_MS = 500;

/** Waits up to SWAP_WAIT_MS for a missing folder to reappear; true if it was missing and came back. */
function waitForDir(dir: string): boolean {
  if (existsSync(dir)) return false;
  const deadline = Date.now() + SWAP_WAIT_MS;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() < deadline) {
    Atomics.wait(cell, 0, 0, 5);
    if (existsSync(dir)) return true;
  }
  return false;
}

/** Reads a data file, once more if it was missing because the whole folder was being swapped. */
function readWaiting(dir: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && waitForDir(dir)) return readFileSync(file, "utf8");
    throw e;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");
const isLayoutGroup = (v: unknown): v is LayoutGroup =>
  isRecord(v) &&
  isStringArray(v.abis) &&
  typeof v.size === "number" &&
  typeof v.align === "number" &&
  (v.kind === "struct" || v.kind === "union") &&
  Array.isArray(v.fields);
