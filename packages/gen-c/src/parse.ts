import type { GeneratorContext } from "@sysargs/codegen";
import {
  type Abi,
  type CompositeDecl,
  type Param,
  SCALARS,
  type Signature,
  type SyscallDecl,
  type TypeRef,
} from "@sysargs/model";
import { syscallMacro, typeMacro } from "./names.js";

/**
 * Syscalls whose entry refuses a NULL struct pointer with EINVAL before it copies anything:
 * sched_setattr tests `!uattr` with its pid and flags (1); open_tree_attr does unless the size
 * is 0, which means no attributes (2). The registry has no annotation for this yet: this table
 * is the one fact of the parsers not taken from it (found by the differential test).
 */
const NULL_IS_EINVAL: Readonly<Record<string, 1 | 2>> = { sched_setattr: 1, open_tree_attr: 2 };

/**
 * Bounds of nested arrays the kernel copies after a struct, by "struct.member": the registry says
 * which member counts the array (CountedArray) but not the kernel's limit yet.
 * clone_args.set_tid: MAX_PID_NS_LEVEL (include/linux/pid_namespace.h).
 */
const NESTED_BOUNDS: Readonly<Record<string, number>> = { "clone_args.set_tid": 32 };

/**
 * One syscall argument the early parser handles: a pointer to an extensible struct. `copy` is what
 * this syscall does with it, decided by the pointer's direction (In<>/InOut<>: the kernel copies
 * it in; Out<>: it writes it), not by the struct's `extensible.copy`, which names the direction
 * its size rules were written for (file_attr's block describes file_getattr; file_setattr copies
 * the same struct in).
 */
export interface ParsedArgument {
  readonly syscall: SyscallDecl;
  readonly signature: Signature;
  readonly param: Param;
  readonly index: number;
  readonly struct: CompositeDecl;
  readonly copy: "in" | "out";
}

const pointee = (t: TypeRef): string | undefined =>
  t.kind === "pointer" && t.to.kind === "named" ? t.to.name : undefined;

/**
 * The extensible-struct arguments of an ABI's syscalls that get a parser, by syscall name:
 * - copied in (In<> or InOut<> pointer): a full copy with copy_struct_from_user's rules;
 * - copied out (Out<> pointer) of a struct whose extensible block is written for the copy out
 *   (`copy: "out"`, file_getattr): the size checks the kernel makes before it works, and nothing
 *   copied (status SYSARGS_ARG_OUT);
 * - copied out of a struct whose block describes the copy in (sched_getattr's sched_attr): none,
 *   since the block's size rules are the setter's, not the getter's.
 */
export function parsedArguments(ctx: GeneratorContext, abi: Abi): ParsedArgument[] {
  const out: ParsedArgument[] = [];
  const table = ctx.index.table(abi.name);
  const present = new Set(table?.entries.map((e) => e.name) ?? []);
  for (const syscall of [...ctx.registry.syscalls].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!present.has(syscall.name)) continue;
    const signature = ctx.signature(syscall, abi.name);
    if (!signature) continue;
    signature.params.forEach((param, index) => {
      const name = pointee(param.type);
      if (!name || param.type.kind !== "pointer") return;
      const struct = ctx.index.composite(name, abi.name);
      if (!struct?.extensible) return;
      const copy = param.type.direction === "out" ? "out" : "in";
      if (copy === "out" && struct.extensible.copy !== "out") return;
      out.push({ syscall, signature, param, index, struct, copy });
    });
  }
  return out;
}

/** sysargs/<abi>/parse.h: one early-parse function per struct argument, and its record size. */
export function parseHeader(ctx: GeneratorContext, abi: Abi): string[] {
  const lines = [
    "/* Early parsing: each function copies one syscall's struct argument into a struct sysargs_record",
    "   with the kernel's rules (sysargs_runtime.h, docs/deep-record.md), reading the target's memory",
    "   through the reader it is given. It returns 0 or the negative errno the kernel's copy returns. */",
    "#include <sysargs_runtime.h>",
  ];
  for (const a of parsedArguments(ctx, abi)) lines.push("", ...parseFunction(ctx, abi, a));
  return lines;
}

function parseFunction(ctx: GeneratorContext, abi: Abi, a: ParsedArgument): string[] {
  try {
    return parseFunctionOrThrow(ctx, abi, a);
  } catch (e) {
    if (!(e instanceof Unseen)) throw e;
    return [`/* ${a.syscall.name}: no parser on ${abi.name}: ${e.message}. */`];
  }
}

/** An argument seccomp_data does not carry on the ABI (m68k's sixth): nothing to parse from. */
class Unseen extends Error {}

function parseFunctionOrThrow(ctx: GeneratorContext, abi: Abi, a: ParsedArgument): string[] {
  const ext = a.struct.extensible!;
  // The struct's size rules hold in both directions; what the direction changes is the copy.
  // Copied in, every extensible struct goes through copy_struct_from_user (or perf's copy of the
  // same rule): a larger size needs a zero tail, whichever direction the block was written for.
  const tailMustBeZero = a.copy === "in" && (ext.copy === "out" || ext.tailMustBeZero);
  if (a.copy === "out" && ext.sizeIn.kind !== "argument")
    throw new Error(
      `gen-c: ${a.syscall.name}: a copied-out ${a.struct.name} takes its size from ${ext.sizeIn.kind === "field" ? `its member ${ext.sizeIn.field}` : ext.sizeIn.kind}, which the kernel would be about to write: no rule for this`,
    );
  if (a.copy !== ext.copy && ext.sizeIn.kind !== "argument")
    throw new Error(
      `gen-c: ${a.syscall.name}: ${a.struct.name} is copied ${a.copy} but its extensible block describes the copy ${ext.copy} with the size in ${ext.sizeIn.kind}: no rule for this direction`,
    );
  const members = ctx.members(a.struct.name, abi.name);
  const slots = ctx.slots(a.signature, abi.name);
  if ("error" in slots) throw new Error(`gen-c: ${a.syscall.name} on ${abi.name}: ${slots.error}`);
  const slotOf = (index: number): number => {
    const s = slots.params[index]?.seccomp[0];
    if (s === null || s === undefined)
      throw new Unseen(`argument ${a.signature.params[index]?.name ?? index} is not in seccomp_data.args`);
    return s;
  };
  let sizeArg = 0;
  let sizeOffset = 0;
  let sizeFrom: string;
  if (ext.sizeIn.kind === "field") {
    const field = ext.sizeIn.field;
    const m = members.find((x) => x.path === field);
    if (m?.size !== 4) throw new Error(`gen-c: ${a.struct.name}.${field} is not a 32-bit size member`);
    sizeOffset = m.offset;
    sizeFrom = `its member ${field}`;
  } else {
    const i = a.signature.params.findIndex((p) => p.ann.kind === "size" && p.ann.of === a.param.name);
    if (i < 0) throw new Error(`gen-c: ${a.syscall.name}: no size argument for ${a.param.name}`);
    sizeArg = slotOf(i);
    sizeFrom = `argument ${a.signature.params[i]!.name} (seccomp_data.args[${sizeArg}])`;
  }
  const flagRule = ext.flagMinSize[0];
  let flag = { offset: 0, min: 0, value: "0" };
  if (flagRule) {
    const m = members.find((x) => x.path === flagRule.field);
    const c = ctx.constants(abi.name).find((x) => x.set === flagRule.set && x.name === flagRule.flag);
    if (m?.size !== 8 || !c)
      throw new Error(`gen-c: ${a.struct.name}: flag rule on ${flagRule.field} unusable`);
    flag = { offset: m.offset, min: flagRule.size, value: `SYSARGS_${flagRule.flag}` };
  }
  // A nested array: a u64 pointer member to a CountedArray, with a bound the kernel enforces.
  let nested = { ptr: 0, count: 0, size: 0, max: 0, at: "0", member: "" };
  for (const f of a.struct.fields) {
    const t = f.type;
    if (t.kind !== "pointer" || t.width !== "u64" || t.to.kind !== "array" || !("countedBy" in t.to.length))
      continue;
    const max = NESTED_BOUNDS[`${a.struct.name}.${f.name}`];
    if (max === undefined) throw new Error(`gen-c: ${a.struct.name}.${f.name}: no bound for its nested copy`);
    const counter = t.to.length.countedBy;
    const ptrM = members.find((x) => x.path === f.name);
    const countM = members.find((x) => x.path === counter);
    if (ptrM?.size !== 8 || countM?.size !== 8 || t.to.of.kind !== "scalar")
      throw new Error(`gen-c: ${a.struct.name}.${f.name}: nested copy unusable`);
    const elemSize = t.to.of.kind === "scalar" ? scalarSize(t.to.of.name, abi) : 0;
    nested = { ptr: ptrM.offset, count: countM.offset, size: elemSize, max, at: "", member: f.name };
  }
  const stem = typeMacro(a.struct.name);
  const fn = `sysargs_parse_${a.syscall.name}`;
  const rec = `SYSARGS_RECORD_${syscallMacro(a.syscall.name).slice("SYSARGS_SYS_".length)}`;
  const first = ext.versions[0]!;
  const nestedLines: string[] = [];
  let recordSize = `(SYSARGS_RECORD_ARG_OFFSET + ${stem}_SIZEOF)`;
  if (a.copy === "out" && (flagRule || nested.max))
    throw new Error(
      `gen-c: ${a.syscall.name}: a copied-out ${a.struct.name} cannot have flag or nested rules`,
    );
  if (nested.max) {
    const m = `${rec}_${nested.member.toUpperCase()}`;
    nested.at = `${m}_OFFSET`;
    nestedLines.push(
      `/* The ${nested.member} array (at most ${nested.max} entries of ${nested.size} bytes) follows the struct, 8-aligned. */`,
      `#define ${m}_OFFSET (SYSARGS_RECORD_ARG_OFFSET + ((${stem}_SIZEOF + 7) / 8) * 8)`,
      `#define ${m}_MAX ${nested.max}`,
    );
    recordSize = `(${m}_OFFSET + ${m}_MAX * ${nested.size})`;
  }
  const comment = [
    `/* ${a.syscall.name}: struct ${a.struct.name} at argument ${a.param.name} (seccomp_data.args[${slotOf(a.index)}]),`,
    `   size from ${sizeFrom}; ${ext.versions.map((v) => `${v.size} bytes since ${v.since}`).join(", ")}.`,
  ];
  if (a.copy === "out")
    comment.push(
      "   Copied out by the kernel after the call's work: the parser makes the size checks the kernel",
      "   makes before it and copies nothing (status SYSARGS_ARG_OUT, the struct area zero).",
    );
  else if (ext.copy === "out")
    comment.push("   Copied in with copy_struct_from_user: a larger size needs a zero tail (E2BIG).");
  comment[comment.length - 1] += " */";
  return [
    ...nestedLines,
    ...comment,
    `#define ${rec}_SIZE ${recordSize}`,
    `SYSARGS_STATIC_ASSERT(${rec}_SIZE <= SYSARGS_RECORD_SIZE, "${a.syscall.name} fits the record");`,
    `static inline int ${fn}(const struct sysargs_reader *reader, const struct sysargs_seccomp_data *data,`,
    `${" ".repeat(fn.length + 19)}struct sysargs_record *rec)`,
    "{",
    "\tstatic const struct sysargs_copy_rules rules = {",
    `\t\t${stem}_SIZEOF, /* known_size */`,
    `\t\t${first.size}, /* first_size (${first.since}) */`,
    `\t\tSYSARGS_PAGE_SIZE,`,
    `\t\t${ext.belowMin}, /* below the first size */`,
    `\t\t${ext.abovePage}, /* above the page size */`,
    `\t\t${tailMustBeZero ? 1 : 0}, /* tail_must_be_zero */`,
    `\t\t${ext.sizeIn.kind === "field" ? 1 : 0}, /* size_in_struct */`,
    `\t\t${ext.zeroMeansFirst ? 1 : 0}, /* zero_means_first */`,
    `\t\t${NULL_IS_EINVAL[a.syscall.name] ?? 0}, /* null_is_einval */`,
    `\t\t${a.copy === "out" ? 1 : 0}, /* copy_out */`,
    `\t\t${sizeOffset}, /* size_offset */`,
    `\t\t${sizeArg}, /* size_arg */`,
    `\t\t${slotOf(a.index)}, /* ptr_arg */`,
    `\t\t${a.index}, /* arg_index */`,
    `\t\t${abi.bits === 32 ? 1 : 0}, /* narrow: ${abi.bits}-bit arguments */`,
    `\t\t${flag.offset}, /* flag_offset */`,
    `\t\t${flag.min}, /* flag_min_size */`,
    `\t\t${flag.value}, /* flag */`,
    `\t\t${nested.ptr}, /* nested_ptr_offset${nested.member ? `: ${nested.member}` : ""} */`,
    `\t\t${nested.count}, /* nested_count_offset */`,
    `\t\t${nested.size}, /* nested_size */`,
    `\t\t${nested.max}, /* nested_max */`,
    `\t\t${nested.max ? nested.at : 0}, /* nested_at */`,
    "\t};",
    "\treturn sysargs_copy_struct(&rules, reader, data, rec);",
    "}",
  ];
}

/** The size of a scalar on an ABI (the element of a nested array). */
function scalarSize(name: string, abi: Abi): number {
  const info = SCALARS[name];
  if (!info || info.base === "void") throw new Error(`gen-c: "${name}" has no size`);
  return info.base === "aligned_u64" ? 8 : abi.scalars[info.base].size;
}
