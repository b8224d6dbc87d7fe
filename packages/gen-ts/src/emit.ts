import { type Constant, type GeneratorContext, generatedHeader } from "@sysargs/codegen";
import { type Abi, type CompositeDecl, RegistryIndex } from "@sysargs/model";
import {
  type FunctionDeclarationStructure,
  IndentationText,
  type InterfaceDeclarationStructure,
  Project,
  QuoteKind,
  type StatementStructures,
  StructureKind,
  VariableDeclarationKind,
  type VariableStatementStructure,
  type WriterFunction,
  Writers,
} from "ts-morph";
import { type Element, type Member, planType, type TypePlan } from "./plan.js";

/** "__kernel_old_timeval" -> "KernelOldTimeval": the TypeScript name of a kernel type. */
export function pascal(name: string): string {
  return name
    .replace(/^_+/, "")
    .split("_")
    .filter((p) => p !== "")
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");
}

/** "__st_ino" -> "__StIno": leading underscores stay, so that it differs from "st_ino". */
const memberPascal = (name: string): string => `${/^_*/.exec(name)![0]}${pascal(name)}`;

/** "clone_args" -> "CLONE_ARGS": the prefix of a type's constants. */
const upper = (name: string): string => name.replace(/^_+/, "").toUpperCase();

const hex = (v: number): string => (v < 0 ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);
const lit = (s: string): string => JSON.stringify(s);
const at = (offset: number): string => (offset === 0 ? "o" : `o + ${offset}`);

/** The TypeScript type of a member's decoded value. */
function tsType(m: Member | Element): string {
  switch (m.kind) {
    case "int":
      return m.size === 8 ? "bigint" : "number";
    case "bits":
      return m.width > 32 ? "bigint" : "number";
    case "struct":
      return pascal(m.type);
    case "array":
      return `${tsType(m.of)}[]`;
    case "inline":
      return `{ ${m.members.map((x) => `${x.name}: ${tsType(x)}`).join("; ")} }`;
  }
}

function intGetter(size: 1 | 2 | 4 | 8, signed: boolean): string {
  const bits = size * 8;
  return size === 8 ? (signed ? "getBigInt64" : "getBigUint64") : `get${signed ? "Int" : "Uint"}${bits}`;
}

/** Emits the reader and writer expressions of one ABI (its endianness decides every multi-byte access). */
class Emitter {
  private readonly le: string;
  constructor(
    readonly abi: Abi,
    /** The decoded type's size: inline bitfield reads never reach past it. */
    private readonly typeSize: number,
  ) {
    this.le = abi.endian === "little" ? "true" : "false";
  }

  readElement(e: Element, offsetExpr: string): string {
    if (e.kind === "struct") return `read${pascal(e.type)}(view, ${offsetExpr})`;
    const get = intGetter(e.size, e.signed);
    return e.size === 1 ? `view.${get}(${offsetExpr})` : `view.${get}(${offsetExpr}, ${this.le})`;
  }

  read(m: Member): string {
    switch (m.kind) {
      case "int":
        return this.readElement(m, at(m.offset));
      case "struct":
        return this.readElement(m, at(m.offset));
      case "bits":
        return this.readBitsExpr(m.bit, m.width, "o");
      case "array": {
        if (m.length <= 8)
          return `[${Array.from({ length: m.length }, (_, i) => this.readElement(m.of, at(m.offset + i * m.stride))).join(", ")}]`;
        return `Array.from({ length: ${m.length} }, (_, i) => ${this.readElement(m.of, `${at(m.offset)} + i * ${m.stride}`)})`;
      }
      case "inline":
        return `{ ${m.members.map((x) => `${x.name}: ${this.read(x)}`).join(", ")} }`;
    }
  }

  /**
   * A bitfield from one 32-bit word where it fits in one (every bitfield of the registry today):
   * little-endian ABIs count bits from the word's least significant end, big-endian ones from its
   * most significant end. Otherwise the runtime's bit-by-bit reader.
   */
  readBitsExpr(bit: number, width: number, base: string): string {
    // Wider than 32 bits (no UAPI struct has one today): exact as a bigint, bit by bit.
    if (width > 32) return `readBitsBig(view, ${base}, ${bit}, ${width}, ${this.le})`;
    // The aligned word holding the field where it fits in one, else the word from its first byte.
    const aligned = (bit >>> 5) * 4;
    const window =
      bit - aligned * 8 + width <= 32 && aligned + 4 <= this.typeSize
        ? aligned
        : Math.max(0, Math.min(bit >>> 3, this.typeSize - 4));
    const p = bit - window * 8;
    if (this.typeSize >= 4 && p >= 0 && p + width <= 32) {
      // In a whole-struct reader each word is read once into a local (`w40`) that every
      // bitfield in it shares; a single-member accessor reads its word directly.
      const read = `view.getUint32(${window === 0 ? base : `${base} + ${window}`}, ${this.le})`;
      let word = read;
      if (this.words) {
        this.words.set(window, read);
        word = `w${window}`;
      }
      const shift = this.abi.endian === "little" ? p : 32 - p - width;
      const shifted = shift === 0 ? word : `(${word} >>> ${shift})`;
      return width === 32 ? `${shifted} >>> 0` : `${shifted} & ${hex(2 ** width - 1)}`;
    }
    this.usesReadBits = true;
    return `readBits(view, ${base}, ${bit}, ${width}, ${this.le})`;
  }

  usesReadBits = false;
  /** While printing a whole-struct reader: the 32-bit words its bitfields share, by offset. */
  words: Map<number, string> | undefined;

  /** Statements that write member `m` of `value` (an expression) at `o`. */
  write(m: Member, value: string, type: string): string[] {
    const v = `${value}.${m.name}`;
    switch (m.kind) {
      case "int":
        return [this.writeElement(m, at(m.offset), v, type, m.path)];
      case "struct":
        return [this.writeElement(m, at(m.offset), v, type, m.path)];
      case "bits":
        return m.width > 32
          ? [
              `writeBitsBig(view, o, ${m.bit}, ${m.width}, ${this.le}, checkBigBits(${lit(type)}, ${lit(m.path)}, ${v}, ${m.width}));`,
            ]
          : [
              `writeBits(view, o, ${m.bit}, ${m.width}, ${this.le}, checkInt(${lit(type)}, ${lit(m.path)}, ${v}, ${m.width}, false));`,
            ];
      case "array":
        return [
          `checkLength(${lit(type)}, ${lit(m.path)}, ${v}, ${m.length}).forEach((e, i) => {`,
          `  ${this.writeElement(m.of, `${at(m.offset)} + i * ${m.stride}`, "e", type, m.path)}`,
          "});",
        ];
      case "inline":
        return m.members.flatMap((x) => this.write(x, v, type));
    }
  }

  writeElement(e: Element, offsetExpr: string, v: string, type: string, path: string): string {
    if (e.kind === "struct") return `write${pascal(e.type)}(view, ${offsetExpr}, ${v});`;
    const set = intGetter(e.size, e.signed).replace(/^get/, "set");
    const checked =
      e.size === 8
        ? `checkBigInt(${lit(type)}, ${lit(path)}, ${v}, ${e.signed})`
        : `checkInt(${lit(type)}, ${lit(path)}, ${v}, ${e.size * 8}, ${e.signed})`;
    return e.size === 1
      ? `view.${set}(${offsetExpr}, ${checked});`
      : `view.${set}(${offsetExpr}, ${checked}, ${this.le});`;
  }
}

/** The statements of a whole-struct reader: the shared bitfield words, then one object literal. */
function wholeReader(e: Emitter, plan: TypePlan): string[] {
  e.words = new Map();
  const entries = plan.members.map((m) => `  ${m.name}: ${e.read(m)}`);
  const words = [...e.words.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([at, read]) => `const w${at} = ${read};`);
  e.words = undefined;
  return [...words, `return {\n${entries.join(",\n")}\n};`];
}

/** Every member that has a flag set or enum, by its path in the decoded object. */
function setsOf(members: readonly Member[], out: Record<string, string> = {}): Record<string, string> {
  for (const m of members) {
    if ((m.kind === "int" || m.kind === "bits") && m.set) out[m.path] = m.set;
    if (m.kind === "inline") setsOf(m.members, out);
  }
  return out;
}

/** Members a single-field accessor reads: integers and bitfields, also inside inline members. */
function scalars(members: readonly Member[]): (Member & { kind: "int" | "bits" })[] {
  return members.flatMap((m) =>
    m.kind === "int" || m.kind === "bits" ? [m] : m.kind === "inline" ? scalars(m.members) : [],
  );
}

/** The copy rules of a type on an ABI, as the object literal the decoder passes to copyIn. */
function rulesLiteral(
  ctx: GeneratorContext,
  decl: CompositeDecl,
  plan: TypePlan,
  abi: Abi,
): Record<string, string | WriterFunction> {
  const rules: Record<string, string | WriterFunction> = {
    type: lit(plan.name),
    size: String(plan.size),
    littleEndian: String(abi.endian === "little"),
  };
  const ext = decl.extensible;
  if (!ext) return rules;
  const members = ctx.members(plan.name, abi.name);
  const field = (name: string) => {
    const f = members.find((m) => m.path === name);
    if (!f) throw new Error(`${plan.name} on ${abi.name}: no member ${name}`);
    return f;
  };
  const extensible: Record<string, string> = {
    minimum: String(Math.min(...ext.versions.map((v) => v.size))),
    belowMin: lit(ext.belowMin),
    maximum: String(abi.pageSize),
    abovePage: lit(ext.abovePage),
    tailMustBeZero: String(ext.tailMustBeZero),
  };
  if (ext.sizeIn.kind === "field") {
    const f = field(ext.sizeIn.field);
    extensible.sizeField = `{ offset: ${f.offset}, width: ${f.size}, zeroMeansFirst: ${ext.zeroMeansFirst} }`;
  }
  if (ext.flagMinSize.length > 0) {
    const entries = ext.flagMinSize.map((fm) => {
      const f = field(fm.field);
      const member = ctx.index.set(fm.set)?.members.find((m) => m.name === fm.flag);
      if (!member) throw new Error(`${plan.name}: no member ${fm.flag} in ${fm.set}`);
      const value = RegistryIndex.memberValue(member, abi.name);
      return `{ name: ${lit(fm.flag)}, offset: ${f.offset}, width: ${f.size}, flag: ${hex(value)}n, minimum: ${fm.size} }`;
    });
    extensible.flagMinSize = `[${entries.join(", ")}]`;
  }
  rules.extensible = Writers.object(extensible);
  return rules;
}

const constStatement = (
  name: string,
  initializer: string | WriterFunction,
  docs?: string,
  type?: string,
  exported = true,
): VariableStatementStructure => ({
  kind: StructureKind.VariableStatement,
  isExported: exported,
  declarationKind: VariableDeclarationKind.Const,
  ...(docs ? { docs: [docs] } : {}),
  declarations: [{ name, initializer, ...(type ? { type } : {}) }],
});

/** The statements of one type on one ABI: interface, constants, rules, readers, writers, accessors. */
function typeStatements(ctx: GeneratorContext, plan: TypePlan, abi: Abi): StatementStructures[] {
  const decl = ctx.index.composite(plan.name, abi.name)!;
  const P = pascal(plan.name);
  const U = upper(plan.name);
  const e = new Emitter(abi, plan.size);
  const what = `${decl.c.spelling} on ${abi.name}`;
  const iface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: P,
    isExported: true,
    docs: [
      `${decl.doc ? `${decl.doc}\n\n` : ""}${what}: ${plan.size} bytes.${plan.omitted.length ? ` Not decoded: ${plan.omitted.join(", ")} (past the fixed size).` : ""}`,
    ],
    properties: plan.members.map((m) => ({ name: m.name, type: tsType(m) })),
  };
  const offsets = Object.fromEntries(
    ctx
      .members(plan.name, abi.name)
      .filter((f) => f.bitSize === undefined && f.sized)
      .map((f) => [lit(f.path), String(f.offset)]),
  );
  const reader: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: `read${P}`,
    isExported: true,
    docs: [`Reads ${what} at \`offset\` without the kernel's copy rules (the caller checked the bounds).`],
    parameters: [
      { name: "view", type: "DataView" },
      { name: "o", type: "number", initializer: "0" },
    ],
    returnType: P,
    statements: wholeReader(e, plan),
  };
  const writer: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: `write${P}`,
    isExported: true,
    docs: [`Writes ${what} at \`offset\`; throws EncodeRangeError for a value that does not fit its member.`],
    parameters: [
      { name: "view", type: "DataView" },
      { name: "o", type: "number" },
      { name: "value", type: P },
    ],
    returnType: "void",
    statements: plan.members.flatMap((m) => e.write(m, "value", plan.name)),
  };
  // Extensible structs whose size is an argument: bytes of exactly the known size need no copy rule
  // (they are within every limit and no flag needs more), so they skip the runtime's checks.
  const fastPath =
    decl.extensible === null || decl.extensible.sizeIn.kind !== "field"
      ? [
          `if (options === undefined && bytes.length === ${plan.size}) return read${P}(new DataView(bytes.buffer, bytes.byteOffset, ${plan.size}), 0);`,
        ]
      : [];
  const decode: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: `decode${P}`,
    isExported: true,
    docs: [
      `Decodes ${what} from \`bytes\` as the kernel copies it: ${decl.extensible ? "too few bytes, too many, or a non-zero tail throw the error the kernel's answer corresponds to; a smaller (older) struct reads as zero-filled" : `needs ${plan.size} bytes`}.`,
    ],
    parameters: [
      { name: "bytes", type: "Uint8Array" },
      { name: "options", type: "DecodeOptions", hasQuestionToken: true },
    ],
    returnType: P,
    statements: [
      ...fastPath,
      `const c = copyIn(${camel(P)}Rules, bytes, options);`,
      `return read${P}(c.view, c.offset);`,
    ],
  };
  const encode: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: `encode${P}`,
    isExported: true,
    docs: [`Encodes ${what} into ${plan.size} new bytes (padding zero).`],
    parameters: [{ name: "value", type: P }],
    returnType: "Uint8Array",
    statements: [
      `const bytes = new Uint8Array(${plan.size});`,
      `write${P}(new DataView(bytes.buffer), 0, value);`,
      "return bytes;",
    ],
  };
  const accessors: FunctionDeclarationStructure[] = scalars(plan.members).map((m) => ({
    kind: StructureKind.Function,
    name: `get${P}${m.path.split(".").map(memberPascal).join("")}`,
    isExported: true,
    docs: [`Reads only \`${m.path}\` of ${what} at \`offset\` in \`view\`.`],
    parameters: [
      { name: "view", type: "DataView" },
      { name: "o", type: "number", initializer: "0" },
    ],
    returnType: tsType(m),
    statements: [`return ${e.read(m)};`],
  }));
  const rules = rulesLiteral(ctx, decl, plan, abi);
  return [
    iface,
    constStatement(`${U}_SIZE`, String(plan.size), `Size of ${what}.`),
    constStatement(
      `${U}_OFFSETS`,
      asConst(offsets),
      `Byte offsets of the members of ${what}, by C member path.`,
    ),
    constStatement(`${camel(P)}Rules`, Writers.object(rules), undefined, "CopyRules", false),
    reader,
    writer,
    decode,
    encode,
    ...accessors,
  ];
}

/** An object literal `as const`. */
const asConst =
  (entries: Record<string, string>): WriterFunction =>
  (w) => {
    if (Object.keys(entries).length === 0) w.write("{}");
    else Writers.object(entries)(w);
    w.write(" as const");
  };

const camel = (p: string): string => p[0]!.toLowerCase() + p.slice(1);

/** The names `planTypes` emits on an ABI, in order: every type that lays out there, and what they use. */
export function planTypes(ctx: GeneratorContext, abi: Abi): TypePlan[] {
  // Alternatives of a per-ABI variant are reached through the variant's name ("flock", not "flock_sparc").
  const alternatives = new Set(
    ctx.registry.types.flatMap((t) => (t.kind === "variant" ? t.alternatives.map((a) => a.type) : [])),
  );
  const plans = new Map<string, TypePlan>();
  const want = ctx.registry.types.map((t) => t.name).filter((n) => !alternatives.has(n));
  const add = (name: string, required: boolean) => {
    if (plans.has(name)) return;
    let plan: TypePlan;
    try {
      plan = planType(ctx, name, abi);
    } catch (err) {
      // A variant without an alternative for this ABI does not exist there; anything else is a bug.
      if (!required && ctx.index.composite(name, abi.name) === undefined) return;
      throw err;
    }
    plans.set(name, plan);
    for (const u of plan.uses) add(u, true);
  };
  for (const n of want) add(n, false);
  return [...plans.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function setStatements(constants: readonly Constant[], ctx: GeneratorContext): StatementStructures[] {
  const bySet = new Map<string, Constant[]>();
  for (const c of constants) bySet.set(c.set, [...(bySet.get(c.set) ?? []), c]);
  return [...bySet.entries()].map(([name, members]) => {
    const set = ctx.index.set(name)!;
    const cls = set.kind === "flags" ? "FlagSet" : "EnumSet";
    const literal = Object.fromEntries(
      members.map((m) => [m.name, `{ value: ${hex(m.value)}n${m.composite ? ", composite: true" : ""} }`]),
    );
    return constStatement(
      name,
      (w) => {
        w.write(`new ${cls}(${lit(name)}, `);
        Writers.object(literal)(w);
        w.write(")");
      },
      set.doc.split("\n")[0] || `${name} on this ABI.`,
    );
  });
}

function syscallStatement(ctx: GeneratorContext, abi: Abi): VariableStatementStructure {
  const table = ctx.index.table(abi.name);
  const entries: Record<string, string> = {};
  for (const e of [...(table?.entries ?? [])].sort((a, b) => a.number - b.number)) {
    const decl = ctx.index.syscall(e.name);
    const sig = decl ? ctx.signature(decl, abi.name) : undefined;
    if (!sig) {
      entries[e.name] = `{ number: ${e.number} }`;
      continue;
    }
    const params = sig.params.map((p) => {
      const extra = `${p.ann.kind ? `, kind: ${lit(p.ann.kind)}` : ""}${p.ann.set ? `, set: ${lit(p.ann.set)}` : ""}`;
      return `{ name: ${lit(p.name)}, type: ${lit(ctx.cType(p.type))}${extra} }`;
    });
    entries[e.name] =
      `{ number: ${e.number}, params: [${params.join(", ")}], returns: ${lit(ctx.cType(sig.returns))} }`;
  }
  return constStatement(
    "SYSCALLS",
    Writers.object(entries),
    `Every syscall the kernel implements on ${abi.name}: its number and signature.`,
    "Readonly<Record<string, SyscallInfo>>",
  );
}

/** The in-memory project the modules are printed in (two-space indents, double quotes). */
export function tsProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
}

/** The module of one ABI: every type, flag set, enum and syscall, as TypeScript source. */
export function abiModule(ctx: GeneratorContext, project: Project, abi: Abi): string {
  const plans = planTypes(ctx, abi);
  const exported = new Map<string, string>();
  const claim = (name: string, by: string) => {
    const prior = exported.get(name);
    if (prior) throw new Error(`${abi.name}: export ${name} of ${by} clashes with ${prior}`);
    exported.set(name, by);
  };
  const typeStmts = plans.flatMap((p) => {
    const stmts = typeStatements(ctx, p, abi);
    for (const s of stmts) {
      if (s.kind === StructureKind.Interface || s.kind === StructureKind.Function) claim(s.name!, p.name);
      if (s.kind === StructureKind.VariableStatement) claim(s.declarations[0]!.name, p.name);
    }
    return stmts;
  });
  const constants = ctx.constants(abi.name);
  const sets = [...new Set(constants.map((c) => c.set))];
  for (const s of sets) claim(s, `set ${s}`);
  const codecs: Record<string, WriterFunction> = Object.fromEntries(
    plans.map((p) => {
      const P = pascal(p.name);
      const fields: Record<string, string> = {
        name: lit(p.name),
        kind: lit(p.kind),
        size: String(p.size),
        rules: `${camel(P)}Rules`,
        decode: `decode${P}`,
        encode: `encode${P}`,
        sets: JSON.stringify(setsOf(p.members)),
        omitted: JSON.stringify(p.omitted),
      };
      return [p.name, Writers.object(fields)];
    }),
  );
  const text = [
    "checkBigBits",
    "checkBigInt",
    "checkInt",
    "checkLength",
    "copyIn",
    "type CopyRules",
    "type DecodeOptions",
    "EnumSet",
    "FlagSet",
    "readBits",
    "readBitsBig",
    "type SyscallInfo",
    "type TypeCodec",
    "writeBits",
    "writeBitsBig",
  ];
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@sysargs/runtime",
      namedImports: text,
      leadingTrivia: `// ${generatedHeader("ts", fromFiles(ctx))}\n// The structs, unions, flag sets and syscalls of Linux ${ctx.registry.kernel} on ${abi.name}.\n\n`,
    },
    constStatement(
      "ABI",
      asConst({
        name: lit(abi.name),
        endian: lit(abi.endian),
        bits: String(abi.bits),
        auditArch: hex(abi.auditArch),
        pageSize: String(abi.pageSize),
      }),
      `The ABI this module describes (AUDIT_ARCH ${abi.auditArchName}).`,
    ),
    ...typeStmts,
    ...setStatements(constants, ctx),
    constStatement(
      "SETS",
      Writers.object(Object.fromEntries(sets.map((s) => [s, s]))),
      "Every flag set and enum, by name.",
    ),
    constStatement(
      "TYPES",
      Writers.object(codecs),
      "Every struct and union by its kernel name, for code that picks one at run time.",
      "Readonly<Record<string, TypeCodec>>",
    ),
    syscallStatement(ctx, abi),
  ];
  const sf = project.createSourceFile(`${abi.name}.ts`, { statements }, { overwrite: true });
  // Drop imports this ABI does not use (readBits where every bitfield fits one word).
  const imports = sf.getImportDeclarations()[0]!;
  const body = sf.getFullText().slice(imports.getEnd());
  const unused = imports.getNamedImports().filter((n) => !new RegExp(`\\b${n.getName()}\\b`).test(body));
  const out =
    unused.length === 0
      ? sf.getFullText()
      : (() => {
          for (const n of unused) n.remove();
          return sf.getFullText();
        })();
  project.removeSourceFile(sf);
  return out;
}

function fromFiles(ctx: GeneratorContext): string[] {
  return [...new Set([...ctx.registry.types, ...ctx.registry.sets].map((d) => d.loc.file))];
}
