import {
  type GeneratedFile,
  type GenerateOptions,
  type Generator,
  type GeneratorContext,
  generatedHeader,
} from "@sysargs/codegen";
import type { Abi } from "@sysargs/model";
import { abiGuard, constantMacro, MacroSet, syscallMacro, tagOf } from "./names.js";
import { parseHeader } from "./parse.js";
import { byteOrderMacro, TARGETS, targetCondition } from "./target.js";
import { definition, type EmittedType, layoutAsserts, layoutMacros, typesOf } from "./types.js";

export * from "./names.js";
export { TARGETS, targetCondition } from "./target.js";
export { scalarC, typesOf } from "./types.js";

const NAME = "c";

/**
 * Generator "c": the header tree of @sysargs/c. Per ABI, one header per topic
 * (`sysargs/<abi>/layout.h`: size, offset and alignment macros and version sizes, usable on any
 * host; `types.h`: the `sysargs_` structs with static assertions, for that ABI's compiler only;
 * `constants.h`; `syscalls.h`: numbers and argument slots) and `sysargs/<abi>.h` including all
 * four; `sysargs.h` picks the ABI from the compiler's target macros.
 */
export const cGenerator: Generator = {
  name: NAME,
  description: "C headers per ABI: sysargs_ structs, offset/size macros, constants, syscall slots",
  outDir: "packages/c/generated",
  selectsAbis: true,
  generate(ctx: GeneratorContext, options: GenerateOptions = {}): GeneratedFile[] {
    const abis = options.abis ? options.abis.map((a) => ctx.abi(a)) : [...ctx.abis];
    const files: GeneratedFile[] = [
      { path: "include/sysargs.h", content: dispatcher(abis, ctx) },
      { path: "include/sysargs/common.h", content: common() },
      { path: "include/sysargs_parse.h", content: parseDispatcher(abis, ctx) },
    ];
    for (const abi of abis) files.push(...abiHeaders(ctx, abi));
    return files;
  },
};

const header = (from: readonly string[] = ["schemas/"]) => `/* ${generatedHeader(NAME, from)} */`;

function guarded(guard: string, from: readonly string[], body: string[]): string {
  return [
    header(from),
    `#ifndef ${guard}`,
    `#define ${guard}`,
    "",
    ...body,
    "",
    `#endif /* ${guard} */`,
    "",
  ].join("\n");
}

/** sysargs.h: the one header a program includes; it selects the ABI the compiler targets. */
function dispatcher(abis: readonly Abi[], ctx: GeneratorContext): string {
  const have = new Set(abis.map((a) => a.name));
  const known = new Set(ctx.abis.map((a) => a.name));
  const lines = [
    "/*",
    " * sysargs: Linux system-call argument layouts for the ABI this compiler targets.",
    " *",
    " * Include it next to the kernel's linux/ headers if you like: every name here starts with sysargs_ or SYSARGS_.",
    " * To describe another ABI than the target (a supervisor of 32-bit tasks), include",
    ' * "sysargs/<abi>/layout.h", "constants.h" or "syscalls.h" directly: they hold macros only.',
    " */",
  ];
  TARGETS.filter((t) => known.has(t.abi)).forEach((t, i) => {
    lines.push(`#${i === 0 ? "if" : "elif"} ${t.when}`);
    lines.push(
      have.has(t.abi)
        ? `#include "sysargs/${t.abi}.h"`
        : `#error "sysargs: the headers of ABI ${t.abi} were not generated (sysargs gen c --abi ${t.abi})"`,
    );
  });
  lines.push(
    "#else",
    '#error "sysargs: unknown target ABI: no Linux ABI of the registry matches the compiler\'s target macros"',
    "#endif",
  );
  return guarded("SYSARGS_H", ["schemas/abi/"], lines);
}

/**
 * sysargs_parse.h: sysargs.h and the early-parse functions of the target ABI. It needs the
 * hand-written sysargs_runtime.h of @sysargs/c on the include path (pkg-config sysargs says where).
 */
function parseDispatcher(abis: readonly Abi[], ctx: GeneratorContext): string {
  const have = new Set(abis.map((a) => a.name));
  const known = new Set(ctx.abis.map((a) => a.name));
  const lines = [
    "/* Early parsing of syscall struct arguments for the ABI this compiler targets. */",
    '#include "sysargs.h"',
  ];
  TARGETS.filter((t) => known.has(t.abi) && have.has(t.abi)).forEach((t, i) => {
    lines.push(`#${i === 0 ? "if" : "elif"} ${t.when}`, `#include "sysargs/${t.abi}/parse.h"`);
  });
  if (lines.length > 2) lines.push("#endif");
  return guarded("SYSARGS_PARSE_H", ["schemas/abi/"], lines);
}

/** common.h: what every ABI's types.h needs, spelt for C99, C11 and C++. */
function common(): string {
  return guarded(
    "SYSARGS_COMMON_H",
    ["schemas/"],
    [
      "#include <stddef.h> /* offsetof */",
      "",
      "/* Static assertions in every language the headers support: C11 and C++11 have them; in C99",
      "   gcc and clang accept _Static_assert as an extension, which __extension__ keeps quiet. */",
      "#if defined(__cplusplus) && __cplusplus >= 201103L",
      '#define SYSARGS_STATIC_ASSERT(cond, what) static_assert(cond, "sysargs: " what)',
      "#define SYSARGS_ALIGNOF(type) alignof(type)",
      "#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L",
      '#define SYSARGS_STATIC_ASSERT(cond, what) _Static_assert(cond, "sysargs: " what)',
      "#define SYSARGS_ALIGNOF(type) _Alignof(type)",
      "#else",
      '#define SYSARGS_STATIC_ASSERT(cond, what) __extension__ _Static_assert(cond, "sysargs: " what)',
      "/* __alignof__ of a struct is its ABI alignment (it differs from it only for some scalars). */",
      "#define SYSARGS_ALIGNOF(type) __alignof__(type)",
      "#endif",
      "",
      "/* The kernel's __aligned_u64: 8-byte aligned even where a 64-bit integer is not (i386, m68k). */",
      "typedef unsigned long long sysargs_aligned_u64 __attribute__((__aligned__(8)));",
      "typedef long long sysargs_aligned_s64 __attribute__((__aligned__(8)));",
      "",
      "/* struct seccomp_data: where a classic BPF filter loads a syscall's number, ABI and arguments. */",
      "#define SYSARGS_SECCOMP_DATA_NR_OFFSET 0",
      "#define SYSARGS_SECCOMP_DATA_ARCH_OFFSET 4",
      "#define SYSARGS_SECCOMP_DATA_INSTRUCTION_POINTER_OFFSET 8",
      "#define SYSARGS_SECCOMP_DATA_ARGS_OFFSET 16",
      "#define SYSARGS_SECCOMP_DATA_SIZE 64",
      "/* The 8 bytes of seccomp_data.args[i]. */",
      "#define SYSARGS_SECCOMP_DATA_ARG_OFFSET(i) (SYSARGS_SECCOMP_DATA_ARGS_OFFSET + 8 * (i))",
    ],
  );
}

/** Which schema files one ABI's facts come from: its model and every type it declares. */
function sourcesOf(abi: Abi, types: readonly EmittedType[]): string[] {
  return [abi.loc.file, ...types.map((t) => t.declared.loc.file)];
}

function abiHeaders(ctx: GeneratorContext, abi: Abi): GeneratedFile[] {
  const types = typesOf(ctx, abi);
  const macros = new MacroSet();
  const dir = `include/sysargs/${abi.name}`;
  const typeSources = sourcesOf(abi, types);
  const layout = guarded(abiGuard(abi.name, "layout"), typeSources, [
    `/* Layouts on ${abi.name} (${abi.endian}-endian, ${abi.bits}-bit, AUDIT_ARCH ${abi.auditArchName}): sizes,`,
    "   alignments and member offsets in bytes, as macros, so that a filter compiler or a supervisor",
    "   can use them on any host. Bitfields give their bit offset in allocation order (from the",
    `   ${abi.endian === "little" ? "least" : "most"} significant bit of byte 0 on ${abi.name}) and their width. */`,
    "",
    `#define SYSARGS_ABI_NAME "${abi.name}"`,
    `#define SYSARGS_AUDIT_ARCH 0x${abi.auditArch.toString(16).toUpperCase()}U /* ${abi.auditArchName} */`,
    `#define SYSARGS_PAGE_SIZE ${abi.pageSize}`,
    `/* The 32-bit words of seccomp_data.args[i] (a 64-bit value in ${abi.endian}-endian order). */`,
    `#define SYSARGS_SECCOMP_DATA_ARG_LO_OFFSET(i) (16 + 8 * (i) + ${abi.endian === "little" ? 0 : 4})`,
    `#define SYSARGS_SECCOMP_DATA_ARG_HI_OFFSET(i) (16 + 8 * (i) + ${abi.endian === "little" ? 4 : 0})`,
    ...types.flatMap((t) => ["", `/* ${t.decl.kind} ${t.name} */`, ...layoutMacros(t, macros)]),
  ]);
  const typesH = guarded(abiGuard(abi.name, "types"), typeSources, [
    `#if !(${targetCondition(abi)})`,
    `#error "sysargs/${abi.name}/types.h describes ${abi.name} structs: compile it for ${abi.name}, or use sysargs/${abi.name}/layout.h"`,
    "#endif",
    "",
    '#include "../common.h"',
    `#include "layout.h"`,
    "",
    "/* Trailing flexible arrays (file_handle.f_handle) are C99 but no C++ standard has them: g++",
    "   accepts them under __extension__, clang++ wants its warning switched off. */",
    "#if defined(__cplusplus) && defined(__clang__)",
    "#pragma clang diagnostic push",
    '#pragma clang diagnostic ignored "-Wc99-extensions"',
    "#endif",
    "",
    ...macroGuards(types, "push"),
    "/* Forward declarations: a pointer member may name a type defined further down. */",
    ...types.map((t) => `${t.decl.kind} ${tagOf(t.name)};`),
    "",
    ...types.flatMap((t) => [definition(t, abi, ctx), ""]),
    "/* Every layout above, pinned: a compiler that disagrees with the registry stops here. */",
    ...types.flatMap((t) => layoutAsserts(t)),
    "",
    ...macroGuards(types, "pop"),
    "#if defined(__cplusplus) && defined(__clang__)",
    "#pragma clang diagnostic pop",
    "#endif",
  ]);
  const constants = guarded(
    abiGuard(abi.name, "constants"),
    ctx.registry.sets.map((s) => s.loc.file),
    constantLines(ctx, abi, macros),
  );
  const syscalls = guarded(
    abiGuard(abi.name, "syscalls"),
    syscallSources(ctx, abi),
    syscallLines(ctx, abi, macros),
  );
  const all = guarded(
    abiGuard(abi.name, "all"),
    [abi.loc.file],
    [
      `/* Everything sysargs knows about ${abi.name}. */`,
      `#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != ${byteOrderMacro(abi)}`,
      `#error "sysargs: ${abi.name} is ${abi.endian}-endian, and this compiler targets the other byte order"`,
      "#endif",
      `#include "${abi.name}/layout.h"`,
      `#include "${abi.name}/types.h"`,
      `#include "${abi.name}/constants.h"`,
      `#include "${abi.name}/syscalls.h"`,
    ],
  );
  const parse = guarded(abiGuard(abi.name, "parse"), typeSources, [
    `#include "../${abi.name}.h"`,
    ...parseHeader(ctx, abi),
  ]);
  return [
    { path: `${dir}/parse.h`, content: parse },
    { path: `${dir}/layout.h`, content: layout },
    { path: `${dir}/types.h`, content: typesH },
    { path: `${dir}/constants.h`, content: constants },
    { path: `${dir}/syscalls.h`, content: syscalls },
    { path: `include/sysargs/${abi.name}.h`, content: all },
  ];
}

/**
 * Member names that the kernel's or the C library's headers define as macros for their own
 * structs: <asm/signal.h> has `#define sa_handler _u._sa_handler` on several ABIs, glibc's
 * <sys/stat.h> `#define st_atime st_atim.tv_sec`. Our structs keep the kernel's member names,
 * so the header sets such macros aside while it declares them and restores them after.
 */
export const MEMBER_MACROS = ["sa_handler", "sa_sigaction", "st_atime", "st_ctime", "st_mtime"] as const;

function macroGuards(types: readonly EmittedType[], what: "push" | "pop"): string[] {
  const used = new Set(types.flatMap((t) => t.members.map((m) => m.path.split(".").at(-1)!)));
  const names = MEMBER_MACROS.filter((n) => used.has(n));
  if (names.length === 0) return [];
  return [
    what === "push"
      ? "/* The kernel's <asm/signal.h> and the C library define some member names as macros for their own structs. */"
      : "/* Their macros again, as the program had them. */",
    ...names.flatMap((n) =>
      what === "push" ? [`#pragma push_macro("${n}")`, `#undef ${n}`] : [`#pragma pop_macro("${n}")`],
    ),
    "",
  ];
}

/** Flag and enum values on one ABI, grouped by set, in declaration order. */
function constantLines(ctx: GeneratorContext, abi: Abi, macros: MacroSet): string[] {
  const lines = [`/* Flag and enum values on ${abi.name}. */`];
  let set = "";
  for (const c of ctx.constants(abi.name)) {
    if (c.set !== set) {
      set = c.set;
      const decl = ctx.registry.sets.find((s) => s.name === set);
      lines.push("", `/* ${decl?.kind ?? "set"} ${set}${decl?.doc ? `: ${decl.doc.split("\n")[0]}` : ""} */`);
    }
    const name = constantMacro(c.name);
    const value = cLiteral(c.value, decl(ctx, c.set)?.kind === "flags");
    macros.define(name, value, `set ${c.set}`);
    const notes = [c.composite ? "mask" : "", c.since ? `since Linux ${c.since}` : ""].filter((s) => s);
    lines.push(`#define ${name} ${value}${notes.length ? ` /* ${notes.join(", ")} */` : ""}`);
  }
  return lines;
}

const decl = (ctx: GeneratorContext, name: string) => ctx.registry.sets.find((s) => s.name === name);

/** A C integer literal of the right type: hex for flags, U/ULL beyond int, negatives in parentheses. */
export function cLiteral(value: number, hex: boolean): string {
  if (value < 0) return value >= -0x80000000 ? `(${value})` : `(${value}LL)`;
  const digits = hex ? `0x${value.toString(16)}` : String(value);
  if (value > 0xffffffff) return `${digits}ULL`;
  if (value > 0x7fffffff) return `${digits}U`;
  return digits;
}

function syscallSources(ctx: GeneratorContext, abi: Abi): string[] {
  const table = ctx.index.table(abi.name);
  return [...(table ? [table.loc.file] : []), ...ctx.registry.syscalls.map((s) => s.loc.file)];
}

/**
 * Syscall numbers and, for each syscall with a signature, where each argument travels:
 * `..._<ARG>_INDEX` its position, `..._<ARG>_SLOT` the seccomp_data.args index that holds it (a
 * 64-bit value split over two 32-bit slots has `_SLOT_LO` and `_SLOT_HI`).
 */
function syscallLines(ctx: GeneratorContext, abi: Abi, macros: MacroSet): string[] {
  const table = ctx.index.table(abi.name);
  const lines = [
    `/* Syscalls of ${abi.name}: SYSARGS_SYS_<NAME>_NR is the number seccomp_data.nr holds;`,
    "   per argument, _INDEX is its position and _SLOT the seccomp_data.args[] entry holding it",
    "   (_SLOT_LO and _SLOT_HI for a 64-bit value split over two 32-bit slots). */",
  ];
  if (!table) return lines;
  const entries = [...table.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const stem = syscallMacro(e.name);
    const def = (name: string, value: string | number, comment = "") => {
      macros.define(name, String(value), `syscall ${e.name}`);
      lines.push(`#define ${name} ${value}${comment ? ` /* ${comment} */` : ""}`);
    };
    lines.push("");
    def(`${stem}_NR`, e.number, e.since ? `since Linux ${e.since}` : "");
    const sc = ctx.index.syscall(e.name);
    const sig = sc ? ctx.signature(sc, abi.name) : undefined;
    if (!sig) continue;
    const slots = ctx.slots(sig, abi.name);
    if ("error" in slots) {
      lines.push(`/* ${e.name}: arguments not placed on ${abi.name}: ${slots.error} */`);
      continue;
    }
    def(`${stem}_NARGS`, sig.params.length);
    for (const p of slots.params) {
      const pm = `${stem}_${p.name.toUpperCase()}`;
      const param = sig.params[p.index];
      def(`${pm}_INDEX`, p.index, param ? ctx.cType(param.type) : "");
      const seen = p.seccomp;
      if (seen.every((s) => s === null)) {
        lines.push(`/* ${e.name}: ${p.name} is not visible to seccomp on ${abi.name} */`);
        continue;
      }
      if (seen.length === 1) def(`${pm}_SLOT`, seen[0]!);
      else if (p.low !== undefined && p.high !== undefined) {
        const at = (slot: number) => seen[p.slots.indexOf(slot)];
        const lo = at(p.low);
        const hi = at(p.high);
        if (lo !== null && lo !== undefined) def(`${pm}_SLOT_LO`, lo);
        if (hi !== null && hi !== undefined) def(`${pm}_SLOT_HI`, hi);
      }
    }
  }
  return lines;
}
