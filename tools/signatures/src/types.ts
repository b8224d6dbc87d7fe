// Maps C parameter types to schema-language words and renders declarations.
import { join } from "node:path";
import type { SyscallDoc } from "./docs.js";
import {
  COUNTED_POINTEES,
  DOC_NOTES,
  FDS,
  IN_PTRS,
  INOUT_PTRS,
  LEN_NAMES,
  LEN_OVERRIDES,
  NOT_FDS,
  PATHS,
  REGISTRY_POINTEES,
  SETS,
  SPLIT_NOTE,
  TYPEDEF_POINTEES,
} from "./rules.js";
import { REPO, type SchemaFacts } from "./schemas.js";

export interface CParam {
  /** Normalized C type without `__user`: "const char *", "struct stat *", "unsigned int". */
  type: string;
  name: string;
}
export interface SigOut {
  lines: string[];
  /** The parameter list as rendered, to compare overloads. */
  paramsText: string;
  dslWords: Set<string>;
  /** Type or set name -> declaring file (absolute). */
  namedTypes: Map<string, string>;
}

/** Single ABIs of `this: Only<...>` are imported from here (groups from their own file). */
const abiIndex = join(REPO, "schemas/abi/index.ts");

const SCALAR: Record<string, string> = {
  int: "int",
  "unsigned int": "uint",
  long: "long",
  "unsigned long": "ulong",
  "long long": "longlong",
  "unsigned long long": "ulonglong",
  short: "short",
  "unsigned short": "ushort",
  char: "char",
  "unsigned char": "uchar",
  size_t: "size_t",
  ssize_t: "ssize_t",
  pid_t: "pid_t",
  uid_t: "uid_t",
  gid_t: "gid_t",
  umode_t: "umode_t",
  loff_t: "loff_t",
  off_t: "off_t",
  key_serial_t: "key_serial_t",
  clockid_t: "clockid_t",
  timer_t: "timer_t",
  mqd_t: "mqd_t",
  qid_t: "qid_t",
  aio_context_t: "aio_context_t",
  rwf_t: "rwf_t",
  cap_user_header_t: "cap_user_header_t",
  u8: "u8",
  u16: "u16",
  u32: "u32",
  u64: "u64",
  s32: "s32",
  s64: "s64",
  __u32: "u32",
  __u64: "u64",
  __s32: "s32",
  __s64: "s64",
  void: "void_t",
};
/** Kernel typedefs without a scalar word: the word of the same width and signedness, and a note. */
const TYPEDEF_SCALAR: Record<string, string> = {
  key_t: "int",
  old_uid_t: "ushort",
  old_gid_t: "ushort",
  old_sigset_t: "ulong",
  __kernel_old_time_t: "kernel_long_t",
  old_time32_t: "s32",
  __kernel_old_uid_t: "ushort",
  "enum landlock_rule_type": "int",
  qid_t: "qid_t",
  compat_size_t: "u32",
  __sighandler_t: "ulong",
};

export function renderSignature(
  name: string,
  entryName: string,
  params: CParam[],
  abis: string[],
  source: string[],
  allAbis: string[],
  about: SyscallDoc,
  schemas: SchemaFacts,
): SigOut {
  const dsl = new Set<string>();
  const named = new Map<string, string>();
  const use = (w: string) => {
    dsl.add(w);
    return w;
  };
  const paramLines: string[] = [];
  const texts: string[] = [];
  const notes: string[] = [];
  params = params.map((p) => (RESERVED.has(p.name) ? { ...p, name: `${p.name}_` } : p));
  params.forEach((p, i) => {
    const key = `${name}.${p.name}`;
    const prev = params[i - 1];
    const t = /\*/.test(p.type) ? p.type : p.type.replace(/^const /, "");
    let doc = "";
    let ts: string;
    const ptrDepth = (t.match(/\*/g) ?? []).length;
    const isPath = ptrDepth === 1 && isPathParam(name, p);
    if (isPath) ts = use("Path");
    else if (ptrDepth > 0 || t === "cap_user_data_t") {
      const { text, note } = pointer(name, p, t, use, named, schemas);
      ts = text;
      doc = note;
    } else {
      const w = SCALAR[t] ?? TYPEDEF_SCALAR[t];
      if (!w) throw new Error(`${name}: no scalar word for "${t}" (${p.name})`);
      ts = use(w);
      if (!SCALAR[t]) doc = `${t}`;
      const marks: string[] = [];
      if (FDS.has(p.name) && !NOT_FDS.has(key)) marks.push(use("Fd"));
      if (t === "pid_t" || (name === "ptrace" && p.name === "pid")) marks.push(use("Pid"));
      if (/^(sig|signum|signo)$/.test(p.name) && /int$/.test(t)) marks.push(use("Signal"));
      const set = SETS[key];
      if (set) {
        const [, mark, setName] = /^(\w+)<(\w+)>$/.exec(set)!;
        const file = schemas.types.get(setName!);
        if (file) {
          marks.push(`${use(mark!)}<${setName}>`);
          named.set(setName!, file);
        }
      }
      let len = LEN_OVERRIDES[key];
      if (
        len === undefined &&
        LEN_NAMES.has(p.name) &&
        prev &&
        isBuffer(prev.type) &&
        !isPathParam(name, prev)
      )
        len = prev.name;
      if (len && params.some((q) => q.name === len && q.type.includes("*") && !/\*\*/.test(q.type)))
        marks.push(`${use("LenOf")}<"${len}">`);
      if (t === "loff_t" || (t === "u64" && /^(offset|nbytes|pos|len)$/.test(p.name)))
        notes.push(`\`${p.name}\`: ${SPLIT_NOTE}`);
      ts = [ts, ...marks].join(" & ");
    }
    texts.push(`${p.name}: ${ts}`);
    paramLines.push(doc ? `  /** ${doc} */\n  ${p.name}: ${ts},` : `  ${p.name}: ${ts},`);
  });
  if (!about.description) throw new Error(`${name}: no description`);
  const lines: string[] = ["/**", ` * ${about.description}`];
  if (entryName !== name) lines.push(` * Kernel entry point: sys_${entryName}.`);
  for (const n of DOC_NOTES[name] ?? []) lines.push(` * ${n}`);
  for (const n of notes) lines.push(` * ${n}`);
  if (about.since) lines.push(` * @since ${about.since}`);
  for (const s of source) lines.push(` * @source ${s}`);
  lines.push(" */");
  let only = "";
  if (abis.length) {
    const sel = selector(abis, allAbis, schemas.groups);
    for (const s of sel) named.set(s, schemas.groups.find((g) => g.name === s)?.file ?? abiIndex);
    dsl.add("Only");
    only = `this: Only<${sel.join(" | ")}>`;
  }
  const all = only ? [only, ...texts] : texts;
  const oneLine = `export declare function ${name}(${all.join(", ")}): long;`;
  const hasDocs = paramLines.some((l) => l.includes("/**"));
  if (!hasDocs && oneLine.length <= 110) lines.push(oneLine);
  else {
    lines.push(`export declare function ${name}(`);
    if (only) lines.push(`  ${only},`);
    lines.push(...paramLines, "): long;");
  }
  return { lines, paramsText: texts.join(", "), dslWords: dsl, namedTypes: named };
}

function pointer(
  name: string,
  p: CParam,
  t: string,
  use: (w: string) => string,
  named: Map<string, string>,
  schemas: SchemaFacts,
): { text: string; note: string } {
  const key = `${name}.${p.name}`;
  if (t.replace(/^const /, "") === "cap_user_data_t") {
    const dir = name === "capget" ? "Out" : "In";
    return { text: `${use("Ptr")}<${use(dir)}<${use("void_t")}>>`, note: "struct __user_cap_data_struct" };
  }
  const m = /^(const )?(.*?) ?(\*(?:const)? ?)?\*$/.exec(t);
  if (!m) throw new Error(`${name}: cannot parse pointer type "${t}"`);
  const isConst = !!m[1];
  const base = m[2]!;
  const inner = !!m[3];
  let dir = isConst ? "In" : INOUT_PTRS.has(key) ? "InOut" : IN_PTRS.has(key) ? "In" : "Out";
  if (isConst && INOUT_PTRS.has(key)) dir = "InOut";
  use("Ptr");
  use(dir);
  let pointee: string;
  let note = "";
  if (inner) {
    // T **: an array of pointers (execve argv, io_submit iocbpp, move_pages pages).
    const el = base === "char" ? use("cstring") : use("void_t");
    if (base !== "char" && base !== "void") note = `array of pointers to ${base}`;
    pointee = `${use("Ptr")}<${use("In")}<${el}>>`;
  } else if (base === "char")
    pointee = use((isConst || dir === "In") && !BYTE_BUFFERS.has(p.name) ? "cstring" : "char");
  else if (SCALAR[base]) pointee = use(SCALAR[base]!);
  else if (TYPEDEF_SCALAR[base]) {
    pointee = use(TYPEDEF_SCALAR[base]!);
    note = base;
  } else {
    const sm = /^(struct|union) (\w+)$/.exec(base);
    const tag = sm?.[2];
    const override = REGISTRY_POINTEES[key];
    const registryName =
      override ?? (sm?.[1] === "struct" && tag && REGISTRY_STRUCT_OK.has(tag) ? tag : undefined);
    const file = registryName ? schemas.types.get(registryName) : undefined;
    if (override && !file) throw new Error(`${key}: REGISTRY_POINTEES names the undeclared type ${override}`);
    if (registryName && file) {
      pointee = registryName;
      named.set(registryName, file);
    } else {
      pointee = use("void_t");
      note = TYPEDEF_POINTEES[base] ?? base;
    }
  }
  const count = COUNTED_POINTEES[key];
  if (count !== undefined) {
    if (inner || pointee === "void_t")
      throw new Error(`${key}: COUNTED_POINTEES needs a registry element type`);
    pointee = `${use("CountedArray")}<${pointee}, "${count}">`;
  }
  return { text: `Ptr<${dir}<${pointee}>>`, note };
}

/**
 * Registry structs that a pointer argument may name: only those whose registry declaration is the
 * kernel's user-space layout of that struct tag on every ABI.
 */
const REGISTRY_STRUCT_OK = new Set([
  "clone_args",
  "open_how",
  "mount_attr",
  "mnt_id_req",
  "xattr_args",
  "file_attr",
  "sched_attr",
  "sembuf",
  // time types (schemas/linux/time/)
  "__kernel_timespec",
  "__kernel_old_timespec",
  "__kernel_old_timeval",
  "__kernel_old_itimerval",
  "__kernel_itimerspec",
  "old_timespec32",
  "old_itimerspec32",
  "old_timeval32",
  "old_itimerval32",
  "timezone",
  // resources, scheduling, system information
  "rusage",
  "rlimit",
  "rlimit64",
  "tms",
  "sched_param",
  "sysinfo",
  "new_utsname",
  "old_utsname",
  "oldold_utsname",
  // files, polling, queues, futexes, AIO, sockets, System V messages
  "iovec",
  "pollfd",
  "mq_attr",
  "futex_waitv",
  "cachestat_range",
  "cachestat",
  "io_event",
  "iocb",
  "linux_dirent64",
  "file_handle",
  "mmsghdr",
  "msgbuf",
  "lsm_ctx",
  "utimbuf",
  "old_utimbuf32",
  "robust_list_head",
  "linux_dirent",
  "io_uring_params",
]);

/** Covers `abis` with ABI groups where a whole group is included, then single ABIs. */
function selector(abis: string[], allAbis: string[], groups: SchemaFacts["groups"]): string[] {
  const left = new Set(abis);
  const out: string[] = [];
  if (abis.length === allAbis.length) return ["*"];
  for (const { name: g, abis: members } of groups) {
    if (g === "lp64" || g === "ilp32") {
      if (members.length === left.size && members.every((x) => left.has(x))) {
        out.push(g);
        for (const x of members) left.delete(x);
      }
      continue;
    }
    if (members.length > 1 && members.every((x) => left.has(x))) {
      out.push(g);
      for (const x of members) left.delete(x);
    }
  }
  return [...out, ...[...left].sort()];
}

function isPathParam(name: string, p: CParam): boolean {
  return /^(const )?char \*$/.test(p.type) && (PATHS.has(`${name}.${p.name}`) || PATHS.has(`*.${p.name}`));
}

/** A pointer to bytes or to a struct (not to a single integer such as loff_t *). */
function isBuffer(t: string): boolean {
  const m = /^(?:const )?(.*?) ?\*$/.exec(t);
  return !!m && !/\*/.test(m[1]!) && (m[1] === "void" || m[1] === "char" || /^(struct|union) /.test(m[1]!));
}

/** `char *` parameters that are byte buffers rather than NUL-terminated strings. */
const BYTE_BUFFERS = new Set(["buf", "ubuf", "buff", "value", "user_buffer"]);

/** TypeScript reserved words that kernel parameter names use: written with a trailing underscore. */
const RESERVED = new Set(["new", "function", "this", "var", "delete", "class", "default"]);
