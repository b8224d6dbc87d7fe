import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { constants, endianness, tmpdir } from "node:os";
import { join } from "node:path";
import { CliError } from "./errors.js";
import { type Io, json, table } from "./io.js";
import { NOT_PROBED } from "./probe-recipes.js";
import { probeSource, type ResolvedRecipe, resolveRecipes } from "./probe-source.js";
import { loadRegistry } from "./query.js";

/** The registry ABI of this machine's Node.js, or undefined where the registry has none. */
export function hostAbi(arch: string = process.arch, endian: string = endianness()): string | undefined {
  const byArch: Record<string, string> = {
    x64: "x86_64",
    ia32: "i386",
    arm64: "aarch64",
    arm: "arm",
    riscv64: "riscv64",
    s390x: "s390x",
    loong64: "loongarch64",
    ppc64: endian === "LE" ? "ppc64le" : "ppc64",
    mips64el: "mips64el",
    mipsel: "mipsel",
  };
  return byArch[arch];
}

/** What the kernel said about one extensible struct. */
export interface StructProbe {
  syscall: string;
  struct: string;
  /** "measured": known size found; "absent": ENOSYS; "refused": the kernel refused before the copy (errno). */
  status: "measured" | "absent" | "refused";
  errno?: string;
  /** Largest size the kernel accepts with a non-zero last byte (bytes), when measured. */
  bytes?: number;
  /** The newest registry version that fits, with its kernel version and the fields it brings. */
  version?: { index: number; size: number; since: string; exact: boolean };
  /** Registry versions and fields newer than what this kernel knows (it ignores or rejects them). */
  unknownFields?: string[];
  sentence: string;
}

export interface ProbeReport {
  abi: string;
  kernel: string;
  registryKernel: string;
  structs: StructProbe[];
  notProbed: { syscall: string; why: string }[];
  /** Per syscall of the ABI's table: what /proc/kallsyms says of its entry point. */
  syscalls: { name: string; number: number; present: boolean | null; how: string }[];
}

const ERRNO_NAMES = new Map<number, string>(
  Object.entries(constants.errno).map(([name, n]) => [n as number, name] as const),
);
const errnoName = (n: number): string => ERRNO_NAMES.get(n) ?? String(n);

/** Where compiled helpers are kept, keyed by the hash of their source and the compiler. */
function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(process.env.HOME || tmpdir(), ".cache");
  return join(base, "sysargs", "probe");
}

/** Compiles the helper once per source and compiler; a clear error when there is no compiler. */
function compileHelper(source: string): string {
  const cc = process.env.CC || "cc";
  const version = spawnSync(cc, ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0)
    throw new CliError(
      `probe needs a C compiler to build its helper, and "${cc}" ${version.error ? "was not found" : "does not run"} (install one, e.g. apt-get install gcc, or set CC)`,
      1,
    );
  const key = createHash("sha256").update(source).update(version.stdout).digest("hex").slice(0, 16);
  const dir = cacheDir();
  const exe = join(dir, `helper-${key}`);
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `helper-${key}.${process.pid}.c`);
  const tmp = `${exe}.${process.pid}.tmp`;
  writeFileSync(src, source);
  const r = spawnSync(cc, ["-O1", "-o", tmp, src], { encoding: "utf8" });
  rmSync(src, { force: true });
  if (r.status !== 0) {
    rmSync(tmp, { force: true });
    throw new CliError(
      `probe: ${cc} could not build the helper: ${(r.stderr || String(r.error)).split("\n")[0]}`,
      1,
    );
  }
  chmodSync(tmp, 0o755);
  renameSync(tmp, exe); // atomic: a concurrent run finds a complete helper or none
  return exe;
}

/** Entry-point symbols of the running kernel: name -> nm type letter (T: code, W: a weak ENOSYS stub). */
function kernelSymbols(): Map<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync("/proc/kallsyms", "utf8");
  } catch {
    return undefined;
  }
  const m = new Map<string, string>();
  for (const line of text.split("\n")) {
    const [, type, name] = line.split(" ");
    if (name && type && name.includes("sys_") && !name.includes("\t")) m.set(name, type);
  }
  return m;
}

const WRAPPER_PREFIXES = [
  "",
  "__x64_",
  "__ia32_",
  "__arm64_",
  "__riscv_",
  "__s390x_",
  "__s390_",
  "__loongarch_",
];

export function runProbe(): ProbeReport {
  const abi = hostAbi();
  if (!abi) throw new CliError(`probe: the registry has no ABI for this machine (${process.arch})`, 1);
  const registry = loadRegistry();
  const recipes = resolveRecipes(registry, abi);
  const exe = compileHelper(probeSource(recipes, abi));
  const r = spawnSync(exe, [], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0)
    throw new CliError(`probe: the helper failed: ${r.stderr || r.error || `status ${r.status}`}`, 1);
  const byName = new Map(recipes.map((x) => [x.recipe.syscall, x]));
  const structs: StructProbe[] = [];
  for (const line of r.stdout.split("\n")) {
    const m = /^probe (\S+) (-?\d+) (-?\d+) (\d) (-?\d+)$/.exec(line);
    if (!m) continue;
    const rec = byName.get(m[1]!)!;
    structs.push(interpret(rec, Number(m[2]), Number(m[3]), m[4] === "1", registry.type(rec.recipe.struct)));
  }
  const syms = kernelSymbols();
  const syscalls = (registry.table(abi)?.entries ?? []).map((e) => {
    if (!syms) return { name: e.name, number: e.number, present: null, how: "/proc/kallsyms unreadable" };
    const hit = WRAPPER_PREFIXES.map((p) => `${p}${e.entry}`).find((n) => syms.has(n));
    if (!hit)
      return { name: e.name, number: e.number, present: false, how: `no ${e.entry} in /proc/kallsyms` };
    const weak = /^[Ww]$/.test(syms.get(hit)!);
    return {
      name: e.name,
      number: e.number,
      present: !weak,
      how: weak ? `${hit} is a weak stub (ENOSYS)` : hit,
    };
  });
  // A syscall the helper called answers for itself: ENOSYS or not.
  for (const s of structs) {
    const row = syscalls.find((x) => x.name === s.syscall);
    if (row) {
      row.present = s.status !== "absent";
      row.how = s.status === "absent" ? "called: ENOSYS" : "called";
    }
  }
  const kernel = readFileSync("/proc/sys/kernel/osrelease", "utf8").trim();
  return {
    abi,
    kernel,
    registryKernel: registry.kernel,
    structs,
    notProbed: Object.entries(NOT_PROBED)
      .filter(([name]) => registry.numbers(name)?.[abi])
      .map(([syscall, why]) => ({ syscall, why })),
    syscalls,
  };
}

/** What one helper line means, merged with the registry's versions of the struct. */
export function interpret(
  rec: ResolvedRecipe,
  first: number,
  known: number,
  accepted: boolean,
  type: ReturnType<ReturnType<typeof loadRegistry>["type"]>,
): StructProbe {
  const base = { syscall: rec.recipe.syscall, struct: rec.recipe.struct };
  if (accepted)
    throw new CliError(
      `probe: the kernel accepted ${rec.recipe.syscall}; its recipe no longer makes the call fail`,
      1,
    );
  if (first === constants.errno.ENOSYS)
    return {
      ...base,
      status: "absent",
      errno: "ENOSYS",
      sentence: `this kernel has no ${rec.recipe.syscall}`,
    };
  if (known < 0)
    return {
      ...base,
      status: "refused",
      errno: errnoName(first),
      sentence: `${rec.recipe.syscall} answered ${errnoName(first)} before copying ${rec.recipe.struct}: size unknown`,
    };
  const fits = rec.versions.map((v, index) => ({ ...v, index })).filter((v) => v.size <= known);
  const v = fits[fits.length - 1] ?? { ...rec.versions[0]!, index: 0 };
  const exact = v.size === known;
  const fields =
    type && type.kind !== "variant"
      ? type.fields.filter((f) => f.ann.since && f.ann.since === v.since).map((f) => f.name)
      : [];
  const newer = rec.versions.filter((x) => x.size > known).map((x) => `${x.size} (Linux ${x.since})`);
  const brought =
    v.index > 0 && fields.length ? `: ${fields.join(", ")} ${fields.length > 1 ? "are" : "is"} honoured` : "";
  const beyond =
    known > rec.versions[rec.versions.length - 1]!.size
      ? `; larger than the registry's newest version (${rec.versions[rec.versions.length - 1]!.size}): the registry is behind this kernel`
      : newer.length
        ? `; it predates ${newer.join(", ")}`
        : "";
  return {
    ...base,
    status: "measured",
    bytes: known,
    version: { index: v.index, size: v.size, since: v.since, exact },
    ...(newer.length ? { unknownFields: newer } : {}),
    sentence: `this kernel knows ${rec.recipe.struct} up to ${known} bytes, i.e. ${exact ? "" : "at least "}version ${v.index} (Linux ${v.since})${brought}${beyond}`,
  };
}

/** `sysargs probe [--json]`. */
export function cmdProbe(opts: { json: boolean }, io: Io): number {
  const report = runProbe();
  if (opts.json) {
    io.out(json(report));
    return 0;
  }
  const present = report.syscalls.filter((s) => s.present === true).length;
  const absent = report.syscalls.filter((s) => s.present === false).map((s) => s.name);
  const lines = [
    `kernel ${report.kernel} (${report.abi}); registry: Linux ${report.registryKernel}`,
    `syscalls of the ${report.abi} table present: ${present} of ${report.syscalls.length}${absent.length ? `; absent: ${absent.join(" ")}` : ""}`,
    "",
    table([
      ["syscall", "struct", "bytes", "version", "since"],
      ...report.structs.map((s) => [
        s.syscall,
        s.struct,
        s.bytes !== undefined ? String(s.bytes) : (s.errno ?? "-"),
        s.version ? String(s.version.index) : "-",
        s.version?.since ?? "-",
      ]),
    ]),
    "",
    ...report.structs.map((s) => s.sentence),
    ...report.notProbed.map((n) => `${n.syscall}: not called (${n.why})`),
  ];
  io.out(lines.join("\n"));
  return 0;
}
