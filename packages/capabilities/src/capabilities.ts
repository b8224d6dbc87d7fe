import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { compareVersions } from "@sysargs/model";
import {
  type ArgClass,
  CAPS_FORMAT,
  type CapAbi,
  type CapArg,
  type CapabilitiesFile,
  type CapField,
  type CapStruct,
  type CapSyscall,
  type ClassicEquivalent,
  type Fallback,
  type LandlockCover,
  type LandlockFacts,
} from "./format.js";

/**
 * Capability data that is missing, unreadable or not what the generator writes, or a question
 * about an ABI the data does not know. Recognise it by `name` (duplicate copies of this package
 * break `instanceof`).
 */
export class CapabilitiesError extends Error {
  override name = "CapabilitiesError";
}

/** This package's data folder, found by resolving the package itself (right when bundled). */
export const DEFAULT_CAPS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@sysargs/capabilities/package.json")),
  "data",
);

/** One argument on one ABI; an extensible struct's fields are inlined (and filtered by kernel). */
export interface ArgCapability extends CapArg {
  fields?: CapField[];
  /** Extensible structs: the newest version the kernel of the query knows, or the registry's newest. */
  structVersion?: { version: number; size: number; since: string };
}

/** Everything about one syscall on one ABI. */
export interface SyscallCapability {
  name: string;
  abi: string;
  number: number;
  since: string | null;
  until: string | null;
  deep: boolean;
  doc: string;
  args: ArgCapability[];
  landlock?: LandlockCover & { abi: number };
  fallback?: Fallback;
  classic?: ClassicEquivalent & {
    /** Where each classic field travels on this ABI: the older syscall's seccomp_data.args indexes. */
    slots: { field: string; arg: string; slots: (number | null)[]; compare?: string }[];
  };
}

export interface CapabilityQuery {
  /** One ABI (a name from `abis`); all ABIs when absent. */
  abi?: string;
  /** Only syscalls that exist in this kernel version, with the struct fields it knows. */
  kernel?: string;
  /** Only syscalls with an extensible struct the kernel copies in. */
  inspectable?: boolean;
  /** Only syscalls with an argument or a struct field of this name (the others are dropped from `args`). */
  field?: string;
  /** Only syscalls with an argument of this class. */
  class?: ArgClass;
  /** Only syscalls with a path argument (Landlock's business). */
  landlock?: boolean;
  /** Only these syscalls. */
  syscalls?: readonly string[];
}

/** Opens a capability data folder (by default the one this package ships); read on first use. */
export function openCapabilities(dir: string = DEFAULT_CAPS_DIR): Capabilities {
  return new Capabilities(resolve(dir));
}

export class Capabilities {
  readonly dir: string;
  private data?: CapabilitiesFile;
  private bySyscall?: Map<string, CapSyscall>;
  private byStruct?: Map<string, CapStruct>;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The whole document, read and checked on first use. */
  get file(): CapabilitiesFile {
    if (this.data) return this.data;
    const path = join(this.dir, "capabilities.json");
    let value: CapabilitiesFile;
    try {
      value = JSON.parse(readFileSync(path, "utf8")) as CapabilitiesFile;
    } catch (e) {
      throw new CapabilitiesError(`${path}: ${(e as Error).message}`);
    }
    if (value?.format !== CAPS_FORMAT || !Array.isArray(value.syscalls) || !Array.isArray(value.abis))
      throw new CapabilitiesError(`${path}: not sysargs capability data of format ${CAPS_FORMAT}`);
    this.data = value;
    return value;
  }

  get kernel(): string {
    return this.file.kernel;
  }
  get abis(): readonly CapAbi[] {
    return this.file.abis;
  }
  get landlock(): LandlockFacts {
    return this.file.landlock;
  }
  get syscallNames(): string[] {
    return this.file.syscalls.map((s) => s.name);
  }

  /** The ABI named `name`; throws CapabilitiesError on an unknown one. */
  abi(name: string): CapAbi {
    const abi = this.file.abis.find((a) => a.name === name);
    if (!abi) throw new CapabilitiesError(`unknown ABI "${name}"`);
    return abi;
  }

  /** The raw entry of a syscall (every ABI), or undefined. */
  syscall(name: string): CapSyscall | undefined {
    this.bySyscall ??= new Map(this.file.syscalls.map((s) => [s.name, s]));
    return this.bySyscall.get(name);
  }

  /** An extensible struct with its versions and layouts, or undefined. */
  struct(name: string): CapStruct | undefined {
    this.byStruct ??= new Map(this.file.structs.map((s) => [s.name, s]));
    return this.byStruct.get(name);
  }

  /** The fields of an extensible struct on an ABI (optionally only those a kernel version knows). */
  fields(struct: string, abi: string, kernel?: string): CapField[] | undefined {
    const s = this.struct(struct);
    const layout = s?.layouts.find((l) => l.abis.includes(abi));
    if (!layout) return undefined;
    return kernel === undefined
      ? layout.fields
      : layout.fields.filter((f) => compareVersions(f.since, kernel) <= 0);
  }

  /**
   * One syscall on one ABI; undefined when the ABI has no such syscall (or the kernel version
   * given does not have it). Throws on an unknown ABI.
   */
  get(syscall: string, abi: string, kernel?: string): SyscallCapability | undefined {
    this.abi(abi);
    const s = this.syscall(syscall);
    if (!s || !(abi in s.numbers)) return undefined;
    if (kernel !== undefined && !existsIn(s, abi, kernel)) return undefined;
    const variant = s.variants.find((v) => v.abis.includes(abi));
    const args = (variant?.args ?? []).map((a) => this.resolveArg(a, abi, kernel));
    const out: SyscallCapability = {
      name: s.name,
      abi,
      number: s.numbers[abi]!,
      since: s.sinceOn?.[abi] ?? s.since,
      until: s.until,
      deep: args.some((a) => a.class === "extensible-struct" && a.inspectable),
      doc: s.doc,
      args,
    };
    if (s.landlock) {
      const abiOf = (r: string) => this.file.landlock.rights.find((x) => x.name === r)?.abi ?? 1;
      out.landlock = { ...s.landlock, abi: Math.max(1, ...s.landlock.rights.map(abiOf)) };
    }
    if (s.fallback) out.fallback = s.fallback;
    if (s.classic) {
      const older = this.syscall(s.classic.syscall);
      const olderArgs = older?.variants.find((v) => v.abis.includes(abi))?.args ?? [];
      out.classic = {
        ...s.classic,
        slots: s.classic.fields.map((f) => {
          const a = olderArgs.find((x) => x.name === f.arg);
          return { ...f, slots: a?.slots ?? [], ...(a?.compare ? { compare: a.compare } : {}) };
        }),
      };
    }
    return out;
  }

  /** Every (syscall, ABI) that matches, sorted by ABI (registry order), then syscall name. */
  query(q: CapabilityQuery = {}): SyscallCapability[] {
    const abis = q.abi !== undefined ? [this.abi(q.abi).name] : this.file.abis.map((a) => a.name);
    const names = q.syscalls ?? this.file.syscalls.map((s) => s.name);
    const out: SyscallCapability[] = [];
    for (const abi of abis)
      for (const name of names) {
        const c = this.get(name, abi, q.kernel);
        if (!c) continue;
        if (q.inspectable && !c.deep) continue;
        if (q.class && !c.args.some((a) => a.class === q.class)) continue;
        if (q.landlock && !c.args.some((a) => a.class === "path")) continue;
        if (q.field !== undefined) {
          const f = q.field;
          const args = c.args.flatMap((a): ArgCapability[] => {
            if (a.name === f) return [a];
            const fields = a.fields?.filter((x) => x.path === f || x.path.endsWith(`.${f}`));
            return fields?.length ? [{ ...a, fields }] : [];
          });
          if (args.length === 0) continue;
          out.push({ ...c, args });
          continue;
        }
        out.push(c);
      }
    return out;
  }

  private resolveArg(a: CapArg, abi: string, kernel: string | undefined): ArgCapability {
    if (a.class !== "extensible-struct" || !a.struct) return a;
    const s = this.struct(a.struct);
    const fields = this.fields(a.struct, abi, kernel);
    if (!s || !fields) return a;
    const known = s.versions.filter((v) => kernel === undefined || compareVersions(v.since, kernel) <= 0);
    const v = known[known.length - 1] ?? s.versions[0]!;
    return { ...a, fields, structVersion: { version: v.version, size: v.size, since: v.since } };
  }
}

function existsIn(s: CapSyscall, abi: string, kernel: string): boolean {
  const since = s.sinceOn?.[abi] ?? s.since;
  if (since && compareVersions(since, kernel) > 0) return false;
  return !(s.until && compareVersions(s.until, kernel) <= 0);
}

let shared: Capabilities | undefined;

/** `get` on the data this package ships. */
export function get(syscall: string, abi: string, kernel?: string): SyscallCapability | undefined {
  shared ??= openCapabilities();
  return shared.get(syscall, abi, kernel);
}

/** `query` on the data this package ships. */
export function query(q: CapabilityQuery = {}): SyscallCapability[] {
  shared ??= openCapabilities();
  return shared.query(q);
}
