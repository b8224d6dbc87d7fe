import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import {
  type Abi,
  type CompositeDecl,
  type Diagnostic,
  defaultCFacts,
  didYouMean,
  IR_VERSION,
  type Registry,
  type Signature,
  type SourceLoc,
  type SyscallDecl,
  sortDiagnostics,
  type TypeDecl,
  type ValueSet,
  type VariantDecl,
} from "@sysargs/model";
import { Node, Project, type SourceFile, ts } from "ts-morph";
import { type DiffersSelector, readCFacts } from "./c-facts.js";
import { attachCommands, type PendingCommands, readCommands } from "./commands.js";
import {
  ABI_SCALAR_KEYS,
  checkVersionTag,
  num,
  parseExtensible,
  parseFields,
  parseMember,
  parseMemberType,
  props,
  provenanceOf,
  type RawMember,
  scalarLayout,
  selectorNames,
  str,
} from "./interpret.js";
import { readTables } from "./tables.js";
import { describe, jsDocOf, LocFactory, Reporter, type TypeValue, toValue } from "./type-values.js";
import { validate } from "./validate.js";

export interface LoadOptions {
  /** Paths in diagnostics and locations are relative to this directory (default: schemas' parent). */
  displayBase?: string;
  /** The kernel release the schemas describe. */
  kernel?: string;
  /** Extra in-memory files (path relative to the schemas root -> text), used by tests. */
  overlay?: Record<string, string>;
}

export interface LoadResult {
  /** The registry, present only when there are no diagnostics. */
  registry?: Registry;
  diagnostics: Diagnostic[];
}

/** An ABI group of schemas/abi/ (`export type lp64 = x86_64 | ...`) with the ABIs it stands for. */
export interface AbiGroup {
  name: string;
  /** Sorted ABI names (nested groups expanded). */
  abis: string[];
  loc: SourceLoc;
}

/**
 * What the schemas declare, read but not validated: for tools that write schema files (the
 * signature generator), which must see the hand-written declarations even while the tree does not
 * validate yet (a table row whose signature is still to be generated).
 */
export interface Declarations {
  /** Every declaration read, selectors resolved; `tables` is empty and nothing is checked. */
  registry: Registry;
  /** ABI groups in declaration order. The IR has no groups: they are resolved into ABI lists. */
  groups: AbiGroup[];
  /** Problems found while reading (syntax, malformed words, unknown ABIs); no validation. */
  diagnostics: Diagnostic[];
}

type Selector = { name: string; loc: SourceLoc }[];

interface Pending {
  abis: Abi[];
  groups: Map<string, { members: Selector; loc: SourceLoc }>;
  /** Filled by resolveSelectors. */
  resolvedGroups: AbiGroup[];
  packedOn: Map<CompositeDecl, Selector>;
  variants: Map<VariantDecl, Selector[]>;
  sets: Map<ValueSet, RawMember[]>;
  signatures: Map<Signature, Selector>;
  /** `@header-differs` selectors of types' C facts. */
  differs: Map<TypeDecl, DiffersSelector>;
}

/** Lists the schema sources under `root`, sorted, skipping tests and declaration outputs. */
export function schemaFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== "node_modules" && name !== "dist" && name !== "tables") walk(p);
      } else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")) out.push(p);
    }
  };
  for (const sub of ["abi", "linux"]) {
    const d = join(root, sub);
    try {
      if (statSync(d).isDirectory()) walk(d);
    } catch {
      // A missing folder is reported by validation (no ABIs) rather than here.
    }
  }
  return out;
}

/**
 * Reads schemas/ into the IR. Syntax only (no type checker: `tsc` checks schemas/ in its own
 * task); every problem becomes a diagnostic, and no registry is returned when there is any.
 */
export function loadSchemas(root: string, options: LoadOptions = {}): LoadResult {
  const absRoot = resolve(root);
  const base = resolve(options.displayBase ?? join(absRoot, ".."));
  const { registry, diagnostics: read } = readDeclarations(root, options);
  // A file that does not parse is reported alone. The parser recovers by dropping or mangling
  // declarations, and everything checked after that (unsupported statements, empty structs, sizes
  // and versions of every type that uses them, signatures against tables) would be a follow-on of
  // the one stray token, burying it: the issue that motivated this saw 57 messages for one token.
  const syntax = read.filter((d) => d.message.startsWith(SYNTAX_ERROR));
  if (syntax.length > 0) return { diagnostics: syntax };
  const tables = readTables(
    absRoot,
    registry.abis.map((a) => a.name),
    (abs) => relative(base, abs).split(sep).join("/"),
  );
  registry.tables = tables.tables;
  const diagnostics = sortDiagnostics([
    ...read,
    ...tables.diagnostics,
    ...validate(registry, {
      abiDir: relative(base, join(absRoot, "abi")).split(sep).join("/"),
      brokenTables: tables.tables
        .filter((t) => tables.diagnostics.some((d) => d.loc.file === t.loc.file))
        .map((t) => t.abi),
    }),
  ]);
  return diagnostics.length ? { diagnostics } : { registry, diagnostics };
}

/** Reads schemas/ into unvalidated declarations (see `Declarations`); `loadSchemas` validates them. */
export function readDeclarations(root: string, options: LoadOptions = {}): Declarations {
  const absRoot = resolve(root);
  const base = resolve(options.displayBase ?? join(absRoot, ".."));
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  const texts = new Map<string, string>();
  for (const f of schemaFiles(absRoot)) texts.set(f, readFileSync(f, "utf8"));
  for (const [rel, text] of Object.entries(options.overlay ?? {})) texts.set(join(absRoot, rel), text);
  const display = new Map<string, string>();
  const files: SourceFile[] = [];
  for (const [abs, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sf = project.createSourceFile(abs, text, { overwrite: true });
    display.set(sf.getFilePath(), relative(base, abs).split(sep).join("/"));
    files.push(sf);
  }
  const locs = new LocFactory((sf) => display.get(sf.getFilePath()) ?? sf.getFilePath());
  const r = new Reporter();
  const pending: Pending = {
    abis: [],
    groups: new Map(),
    resolvedGroups: [],
    packedOn: new Map(),
    variants: new Map(),
    sets: new Map(),
    signatures: new Map(),
    differs: new Map(),
  };
  const types: TypeDecl[] = [];
  const sets: ValueSet[] = [];
  const syscalls = new Map<string, SyscallDecl>();
  const commands: PendingCommands[] = [];
  const abiDir = `${join(absRoot, "abi")}${sep}`;

  for (const sf of files) {
    reportSyntaxErrors(sf, locs, r);
    const inAbiDir = sf.getFilePath().startsWith(abiDir.split(sep).join("/"));
    for (const st of sf.getStatements()) {
      const loc = locs.of(st);
      if (Node.isImportDeclaration(st)) continue;
      if (Node.isExportDeclaration(st)) continue;
      if (Node.isInterfaceDeclaration(st)) {
        if (!st.isExported()) r.error(loc, `interface ${st.getName()} must be exported`);
        const decl = readComposite(st, locs, r, pending);
        if (decl) types.push(decl);
        continue;
      }
      if (Node.isTypeAliasDeclaration(st)) {
        if (!st.isExported()) r.error(loc, `type ${st.getName()} must be exported`);
        const name = st.getName();
        const { doc, tags } = jsDocOf(st);
        const typeNode = st.getTypeNode();
        if (!typeNode) {
          r.error(loc, `type ${name} has no type`);
          continue;
        }
        const v = toValue(typeNode, locs);
        if (v.t === "ref" && v.name === "Abi") {
          if (!inAbiDir) r.error(loc, `ABI ${name} must be declared under schemas/abi/`);
          const abi = readAbi(name, v, doc, tags, loc, r);
          if (abi) pending.abis.push(abi);
        } else if (inAbiDir && (v.t === "union" || (v.t === "ref" && v.args.length === 0))) {
          pending.groups.set(name, { members: selectorNames(v, r), loc });
        } else if (v.t === "ref" && (v.name === "FlagSet" || v.name === "EnumSet")) {
          const set = readSet(name, v, doc, tags, loc, r, pending);
          if (set) sets.push(set);
        } else if (v.t === "ref" && v.name === "Commands") {
          const table = readCommands(name, v, doc, loc, r);
          if (table) commands.push(table);
        } else if (v.t === "ref" && v.name === "Variants") {
          const decl = readVariants(st, name, v, doc, tags, loc, locs, r, pending);
          if (decl) types.push(decl);
        } else {
          r.error(
            locs.of(typeNode),
            `type ${name}: expected Abi<>, FlagSet<>, EnumSet<>, Variants<> or Commands<> (or an ABI group under schemas/abi/), found ${describe(v)}`,
          );
        }
        continue;
      }
      if (Node.isFunctionDeclaration(st)) {
        readSyscall(st, locs, r, pending, syscalls);
        continue;
      }
      r.error(loc, `unsupported statement: schemas declare interfaces, types and "declare function" only`);
    }
  }

  const registry = resolveSelectors(
    {
      irVersion: IR_VERSION,
      kernel: options.kernel ?? "6.18",
      abis: pending.abis.sort((a, b) => (a.name < b.name ? -1 : 1)),
      types: types.sort((a, b) => (a.name < b.name ? -1 : 1)),
      sets: sets.sort((a, b) => (a.name < b.name ? -1 : 1)),
      syscalls: [...syscalls.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
      tables: [],
    },
    pending,
    r,
  );
  attachCommands(commands, registry, r);
  return { registry, groups: pending.resolvedGroups, diagnostics: sortDiagnostics(r.diagnostics) };
}

function readAbi(
  name: string,
  v: Extract<TypeValue, { t: "ref" }>,
  doc: string,
  tags: Record<string, string[]>,
  loc: SourceLoc,
  r: Reporter,
): Abi | undefined {
  const p = props(v.args[0], `ABI ${name}`, r, loc);
  const at = (k: string) => p.get(k)?.value;
  const family = str(at("family"), `ABI ${name} family`, r, loc);
  const endian = str(at("endian"), `ABI ${name} endian`, r, loc);
  const bits = num(at("bits"), `ABI ${name} bits`, r, loc);
  const auditArch = num(at("auditArch"), `ABI ${name} auditArch`, r, loc);
  const auditArchName = str(at("auditArchName"), `ABI ${name} auditArchName`, r, loc);
  const pageSize = num(at("pageSize"), `ABI ${name} pageSize`, r, loc);
  const charSigned = at("charSigned");
  const btm = at("bitfieldTypeMatters");
  const aliasesV = at("aliases");
  const aliases: string[] = [];
  if (aliasesV?.t === "tuple")
    for (const a of aliasesV.items)
      if (a.t === "string") aliases.push(a.value);
      else r.error(a.loc, `ABI ${name} aliases: expected string literals`);
  else r.error(aliasesV?.loc ?? loc, `ABI ${name} aliases: expected a tuple of strings`);
  const scalars: Partial<Abi["scalars"]> = { char: { size: 1, align: 1 } };
  for (const k of ABI_SCALAR_KEYS) {
    const s = scalarLayout(at(k), `ABI ${name} ${k}`, r, loc);
    if (s) scalars[k] = s;
  }
  let toolchain: Abi["toolchain"] = null;
  const tc = at("toolchain");
  if (tc) {
    const tp = props(tc, `ABI ${name} toolchain`, r, loc);
    const triplet = str(tp.get("triplet")?.value, "toolchain triplet", r, loc);
    const pkg = str(tp.get("package")?.value, "toolchain package", r, loc);
    const flags: string[] = [];
    const fv = tp.get("flags")?.value;
    if (fv?.t === "tuple") for (const f of fv.items) if (f.t === "string") flags.push(f.value);
    if (triplet && pkg) toolchain = { triplet, flags, package: pkg };
  }
  const sb = at("syscallBase");
  const slotsModel = readArgSlotsModel(name, at, bits, loc, r);
  // A missing endian was already reported by str(); only a wrong value needs its own message.
  if (endian !== undefined && endian !== "little" && endian !== "big")
    r.error(at("endian")?.loc ?? loc, `ABI ${name}: endian must be "little" or "big"`);
  if (bits !== 32 && bits !== 64) r.error(at("bits")?.loc ?? loc, `ABI ${name}: bits must be 32 or 64`);
  if (charSigned?.t !== "boolean")
    r.error(charSigned?.loc ?? loc, `ABI ${name}: charSigned must be true or false`);
  if (btm?.t !== "boolean")
    r.error(btm?.loc ?? loc, `ABI ${name}: bitfieldTypeMatters must be true or false`);
  if (
    family === undefined ||
    (endian !== "little" && endian !== "big") ||
    (bits !== 32 && bits !== 64) ||
    auditArch === undefined ||
    auditArchName === undefined ||
    pageSize === undefined ||
    charSigned?.t !== "boolean" ||
    btm?.t !== "boolean" ||
    Object.keys(scalars).length !== ABI_SCALAR_KEYS.length + 1 ||
    slotsModel === undefined
  )
    return undefined;
  return {
    name,
    family,
    endian,
    bits,
    auditArch,
    auditArchName,
    aliases,
    pageSize,
    charSigned: charSigned.value,
    scalars: scalars as Abi["scalars"],
    bitfieldTypeMatters: btm.value,
    syscallBase: sb?.t === "number" ? sb.value : 0,
    ...slotsModel,
    toolchain,
    doc,
    provenance: provenanceOf(tags),
    loc,
  };
}

type ArgSlotsModel = Pick<Abi, "arg64" | "arg64First" | "arg64Boundary" | "argSlots" | "seccompArgShift">;

/** The argument-slot facts of an ABI (arg64 and friends; docs/decisions/0004-argument-slots.md). */
function readArgSlotsModel(
  name: string,
  at: (k: string) => TypeValue | undefined,
  bits: number | undefined,
  loc: SourceLoc,
  r: Reporter,
): ArgSlotsModel | undefined {
  const where = (k: string) => at(k)?.loc ?? loc;
  const optNum = (k: string, ok: (n: number) => boolean, rule: string): number | null | false => {
    const v = at(k);
    if (v === undefined) return null;
    const n = num(v, `ABI ${name} ${k}`, r, loc);
    if (n === undefined) return false;
    if (!Number.isInteger(n) || !ok(n)) {
      r.error(v.loc, `ABI ${name}: ${k} must be ${rule}`);
      return false;
    }
    return n;
  };
  const arg64 = str(at("arg64"), `ABI ${name} arg64`, r, loc);
  let ok = arg64 !== undefined;
  if (arg64 !== undefined && arg64 !== "register" && arg64 !== "pair" && arg64 !== "aligned-pair") {
    r.error(where("arg64"), `ABI ${name}: arg64 must be "register", "pair" or "aligned-pair"`);
    ok = false;
  }
  const firstV = at("arg64First");
  let first: "low" | "high" | null = null;
  if (firstV !== undefined) {
    const f = str(firstV, `ABI ${name} arg64First`, r, loc);
    if (f === "low" || f === "high") first = f;
    else {
      if (f !== undefined) r.error(firstV.loc, `ABI ${name}: arg64First must be "low" or "high"`);
      ok = false;
    }
  }
  const boundary = optNum("arg64Boundary", (n) => n >= 1, "a positive integer");
  const argSlots = optNum("argSlots", (n) => n >= 6, "an integer of at least 6");
  const shift = optNum("seccompArgShift", (n) => n >= 0 && n < 6, "an integer from 0 to 5");
  if (boundary === false || argSlots === false || shift === false) ok = false;
  if (arg64 === "register") {
    if (firstV !== undefined)
      r.error(firstV.loc, `ABI ${name}: arg64First is only for pairs (arg64 is "register")`);
    if (at("arg64Boundary") !== undefined)
      r.error(where("arg64Boundary"), `ABI ${name}: arg64Boundary is only for pairs (arg64 is "register")`);
    if (firstV !== undefined || at("arg64Boundary") !== undefined) ok = false;
  } else if ((arg64 === "pair" || arg64 === "aligned-pair") && firstV === undefined) {
    r.error(where("arg64"), `ABI ${name}: arg64 "${arg64}" needs arg64First ("low" or "high")`);
    ok = false;
  }
  if (bits === 64 && arg64 !== undefined && arg64 !== "register") {
    r.error(
      where("arg64"),
      `ABI ${name}: a 64-bit ABI passes a 64-bit argument in one register (arg64 "register")`,
    );
    ok = false;
  }
  if (!ok || arg64 === undefined) return undefined;
  return {
    arg64: arg64 as Abi["arg64"],
    arg64First: first,
    arg64Boundary: boundary === false ? null : boundary,
    argSlots: argSlots === false || argSlots === null ? 6 : argSlots,
    seccompArgShift: shift === false || shift === null ? 0 : shift,
  };
}

function readComposite(
  st: import("ts-morph").InterfaceDeclaration,
  locs: LocFactory,
  r: Reporter,
  pending: Pending,
): CompositeDecl | undefined {
  const name = st.getName();
  const loc = locs.of(st);
  const { doc, tags } = jsDocOf(st);
  let kind: "struct" | "union" = "struct";
  let aligned: number | null = null;
  let extensible: CompositeDecl["extensible"] = null;
  const provenance = provenanceOf(tags);
  const decl: CompositeDecl = {
    kind,
    name,
    fields: [],
    packedOn: [],
    aligned,
    extensible,
    c: defaultCFacts({ kind, name, provenance }),
    doc,
    provenance,
    loc,
  };
  for (const h of st.getExtends()) {
    const hname = h.getExpression().getText();
    const hloc = locs.of(h);
    const args = h.getTypeArguments().map((a) => toValue(a, locs));
    if (hname === "Union") {
      kind = "union";
      continue;
    }
    if (hname !== "Struct") {
      r.error(hloc, `interface ${name} may extend only Struct<{...}> or Union, not ${hname}`);
      continue;
    }
    if (!args[0]) continue;
    const cfg = props(args[0], `struct ${name}`, r, hloc);
    for (const [k, pv] of cfg) {
      if (k === "packed") {
        if (pv.value.t === "boolean" && pv.value.value)
          pending.packedOn.set(decl, [{ name: "*", loc: pv.loc }]);
        else pending.packedOn.set(decl, selectorNames(pv.value, r));
      } else if (k === "aligned") {
        const n = num(pv.value, `struct ${name} aligned`, r, pv.loc);
        if (n !== undefined) {
          if (n <= 0 || (n & (n - 1)) !== 0)
            r.error(pv.loc, `struct ${name}: aligned(${n}) is not a power of two`);
          else aligned = n;
        }
      } else if (k === "extensible") {
        extensible = parseExtensible(pv.value, r) ?? null;
      } else
        r.error(pv.loc, `struct ${name}: unknown setting "${k}" (expected packed, aligned or extensible)`);
    }
  }
  const members = st.getMembers();
  const propsList = members.map((m) => {
    if (!Node.isPropertySignature(m) || !m.getTypeNode()) {
      return {
        name: "",
        value: { t: "unsupported" as const, text: m.getText(), loc: locs.of(m) },
        doc: "",
        tags: {},
        loc: locs.of(m),
      };
    }
    const js = jsDocOf(m);
    return {
      name: m.getName(),
      value: toValue(m.getTypeNode()!, locs),
      doc: js.doc,
      tags: js.tags,
      loc: locs.of(m),
    };
  });
  decl.kind = kind;
  decl.aligned = aligned;
  decl.extensible = extensible;
  // Read once the kind is known: a union's default spelling is `union <name>`.
  const facts = readCFacts(st, decl, locs, r);
  decl.c = facts.c;
  if (facts.differs) pending.differs.set(decl, facts.differs);
  decl.fields = parseFields(propsList, r);
  return decl;
}

function readVariants(
  st: Node,
  name: string,
  v: Extract<TypeValue, { t: "ref" }>,
  doc: string,
  tags: Record<string, string[]>,
  loc: SourceLoc,
  locs: LocFactory,
  r: Reporter,
  pending: Pending,
): VariantDecl | undefined {
  const list = v.args[0];
  if (list?.t !== "tuple" || list.items.length === 0) {
    r.error(list?.loc ?? loc, `Variants<[On<abis, type>, ...]> of ${name} needs a non-empty tuple`);
    return undefined;
  }
  const provenance = provenanceOf(tags);
  const facts = readCFacts(st, { kind: "variant", name, provenance }, locs, r);
  const decl: VariantDecl = { kind: "variant", name, alternatives: [], c: facts.c, doc, provenance, loc };
  if (facts.differs) pending.differs.set(decl, facts.differs);
  const selectors: Selector[] = [];
  for (const item of list.items) {
    if (item.t !== "ref" || item.name !== "On" || item.args.length !== 2 || item.args[1]?.t !== "ref") {
      r.error(item.loc, `expected On<abis, type name>, found ${describe(item)}`);
      continue;
    }
    selectors.push(selectorNames(item.args[0]!, r));
    decl.alternatives.push({ abis: [], type: item.args[1].name });
  }
  pending.variants.set(decl, selectors);
  return decl;
}

function readSet(
  name: string,
  v: Extract<TypeValue, { t: "ref" }>,
  doc: string,
  tags: Record<string, string[]>,
  loc: SourceLoc,
  r: Reporter,
  pending: Pending,
): ValueSet | undefined {
  const body = v.args[0];
  if (body?.t !== "object") {
    r.error(body?.loc ?? loc, `${v.name}<{...}> of ${name} expects an object type literal of members`);
    return undefined;
  }
  const raws: RawMember[] = [];
  for (const p of body.props) {
    if (!p.name) {
      r.error(p.loc, `${name}: unsupported member ${describe(p.value)}`);
      continue;
    }
    const m = parseMember(p, r);
    if (m) raws.push(m);
  }
  const set: ValueSet = {
    kind: v.name === "FlagSet" ? "flags" : "enum",
    name,
    members: [],
    doc,
    provenance: provenanceOf(tags),
    loc,
  };
  pending.sets.set(set, raws);
  return set;
}

function readSyscall(
  st: import("ts-morph").FunctionDeclaration,
  locs: LocFactory,
  r: Reporter,
  pending: Pending,
  syscalls: Map<string, SyscallDecl>,
): void {
  const loc = locs.of(st);
  const name = st.getName();
  if (!name) {
    r.error(loc, "a syscall declaration needs a name");
    return;
  }
  if (!st.hasDeclareKeyword() || st.getBody())
    r.error(loc, `syscall ${name} must be "export declare function" without a body`);
  const { doc, tags } = jsDocOf(st);
  let selector: Selector = [];
  const params: Signature["params"] = [];
  for (const p of st.getParameters()) {
    const ploc = locs.of(p);
    const tn = p.getTypeNode();
    if (!tn) {
      r.error(ploc, `parameter ${p.getName()} of ${name} has no type`);
      continue;
    }
    const v = toValue(tn, locs);
    if (p.getName() === "this") {
      if (v.t === "ref" && v.name === "Only" && v.args[0]) selector = selectorNames(v.args[0], r);
      else r.error(ploc, `"this" of ${name} selects ABIs: expected Only<abis>, found ${describe(v)}`);
      continue;
    }
    const t = parseMemberType(v, r);
    if (!t) continue;
    const pd = jsDocOf(p);
    params.push({ name: p.getName(), type: t.type, ann: t.ann, doc: pd.doc, loc: ploc });
  }
  const rt = st.getReturnTypeNode();
  let returns: Signature["returns"] = { kind: "scalar", name: "long" };
  if (rt) {
    const t = parseMemberType(toValue(rt, locs), r);
    if (t) returns = t.type;
  } else r.error(loc, `syscall ${name} needs a return type`);
  const sig: Signature = { abis: [], params, returns, loc };
  pending.signatures.set(sig, selector);
  const existing = syscalls.get(name);
  const sinceTag = tags.since?.[0];
  const since = sinceTag !== undefined ? (checkVersionTag(sinceTag, loc, r) ?? null) : null;
  if (existing) {
    existing.signatures.push(sig);
    if (doc && !existing.doc) existing.doc = doc;
    existing.provenance.push(...provenanceOf(tags));
    if (since && !existing.since) existing.since = since;
  } else syscalls.set(name, { name, signatures: [sig], since, doc, provenance: provenanceOf(tags), loc });
}

/** Turns ABI/group names into sorted ABI name lists now that every ABI is known. */
function resolveSelectors(registry: Registry, pending: Pending, r: Reporter): Registry {
  const abiNames = new Set(registry.abis.map((a) => a.name));
  const cache = new Map<string, string[]>();
  const expand = (name: string, loc: SourceLoc, stack: string[]): string[] => {
    if (name === "*") return [...abiNames].sort();
    if (abiNames.has(name)) return [name];
    const hit = cache.get(name);
    if (hit) return hit;
    const g = pending.groups.get(name);
    if (!g) {
      r.error(
        loc,
        `unknown ABI or ABI group "${name}"${didYouMean(name, [...abiNames, ...pending.groups.keys()])}`,
      );
      return [];
    }
    if (stack.includes(name)) {
      r.error(loc, `ABI group "${name}" includes itself`);
      return [];
    }
    const out = [...new Set(g.members.flatMap((m) => expand(m.name, m.loc, [...stack, name])))].sort();
    cache.set(name, out);
    return out;
  };
  const resolveSel = (sel: Selector) => [...new Set(sel.flatMap((s) => expand(s.name, s.loc, [])))].sort();
  for (const [name, g] of pending.groups)
    pending.resolvedGroups.push({ name, abis: resolveSel(g.members), loc: g.loc });
  for (const [decl, sel] of pending.packedOn) decl.packedOn = resolveSel(sel);
  for (const [decl, sels] of pending.variants)
    for (const [i, s] of sels.entries()) decl.alternatives[i]!.abis = resolveSel(s);
  for (const [sig, sel] of pending.signatures) sig.abis = resolveSel(sel);
  for (const [decl, sel] of pending.differs) if (decl.c.differs) decl.c.differs.abis = resolveSel(sel);
  for (const [set, raws] of pending.sets) {
    set.members = raws.map(({ member, overrides }) => {
      const given = new Map<string, number>();
      for (const o of overrides)
        for (const abi of resolveSel(o.selector)) {
          if (given.has(abi) && given.get(abi) !== o.value)
            r.error(o.loc, `${set.name}.${member.name}: ABI ${abi} is given two different values`);
          given.set(abi, o.value);
        }
      // Only values that differ from the default are kept, so equal outputs stay byte-identical.
      const perAbi: Record<string, number> = {};
      for (const [abi, value] of given) if (value !== member.value) perAbi[abi] = value;
      return {
        ...member,
        perAbi: Object.fromEntries(Object.entries(perAbi).sort(([a], [b]) => (a < b ? -1 : 1))),
      };
    });
  }
  return registry;
}

const SYNTAX_ERROR = "syntax error: ";

/** The parser's own syntax errors (the compiler node keeps them even without a type checker). */
function reportSyntaxErrors(sf: SourceFile, locs: LocFactory, r: Reporter): void {
  const diags =
    (sf.compilerNode as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  for (const d of diags) {
    const { line, column } = sf.getLineAndColumnAtPos(d.start);
    const file = locs.of(sf).file;
    r.error(
      { file, line, col: column },
      `${SYNTAX_ERROR}${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
    );
  }
}
