/**
 * The sysargs IR: what the loader produces from schemas/ and every generator consumes.
 * Plain JSON data only (no classes, no bigint, no undefined values), so that it can be
 * written to registry.json and read back by any language. `ir.schema.json` describes it.
 */

export const IR_VERSION = 1;

/** Where a fact was declared in schemas/ (repository-relative path, 1-based line and column). */
export interface SourceLoc {
  file: string;
  line: number;
  col: number;
}

/** Where a fact comes from: kernel header and version, or another named source. */
export interface Provenance {
  /** e.g. "include/uapi/linux/sched.h" */
  source: string;
  /** e.g. "6.18" */
  kernel?: string;
  note?: string;
}

export type Endian = "little" | "big";

/**
 * How the kernel's syscall entry takes a 64-bit argument from the argument slots (the registers
 * seccomp reports as `seccomp_data.args[]`): one slot, two consecutive 32-bit slots, or two
 * consecutive 32-bit slots from an even one (docs/decisions/0004-argument-slots.md).
 */
export type Arg64Passing = "register" | "pair" | "aligned-pair";

export interface ScalarLayout {
  size: number;
  align: number;
}

/** Base C scalars that the ABI model lays out; every other scalar name is an alias of one. */
export const BASE_SCALARS = [
  "char",
  "short",
  "int",
  "long",
  "longlong",
  "pointer",
  "kernel_long_t",
  "size_t",
] as const;
export type BaseScalar = (typeof BASE_SCALARS)[number];

export interface Abi {
  name: string;
  family: string;
  endian: Endian;
  bits: 32 | 64;
  auditArch: number;
  auditArchName: string;
  aliases: string[];
  pageSize: number;
  charSigned: boolean;
  scalars: Record<BaseScalar, ScalarLayout>;
  bitfieldTypeMatters: boolean;
  syscallBase: number;
  /** How a 64-bit syscall argument occupies argument slots. */
  arg64: Arg64Passing;
  /** For pairs: the half the lower-numbered slot holds ("low": bits 0-31); null for "register". */
  arg64First: "low" | "high" | null;
  /**
   * For pairs: the first stack slot, where a pair never straddles registers and stack and the
   * next 32-bit argument takes the skipped register slot (sh: 4); null elsewhere.
   */
  arg64Boundary: number | null;
  /** Argument slots the syscall entry passes (6; mips o32: 8). */
  argSlots: number;
  /** seccomp_data.args[slot + seccompArgShift] holds argument slot `slot` (0; m68k: 1). */
  seccompArgShift: number;
  toolchain: { triplet: string; flags: string[]; package: string } | null;
  doc: string;
  provenance: Provenance[];
  loc: SourceLoc;
}

/** Every scalar name a schema may use, with its signedness and the base scalar it is laid out as. */
export interface ScalarInfo {
  /** The base scalar whose ABI layout it takes; "aligned_u64" is 8 bytes, 8-aligned everywhere. */
  base: BaseScalar | "aligned_u64" | "void";
  signed: boolean;
  /**
   * The C spelling used in generated code, layout output and conformance probes. It compiles in a
   * file that includes only <linux/types.h> and <linux/posix_types.h> (no libc), so kernel
   * typedefs are spelt as their UAPI `__kernel_*` names or as their definition.
   */
  c: string;
  /**
   * Set on kernel typedefs that only kernel-internal headers name (umode_t, key_serial_t): `c` is
   * then a plain C type, so compiling it proves nothing about the typedef.
   */
  internal?: true;
}

export type Direction = "in" | "out" | "inout";

export type TypeRef =
  | { kind: "scalar"; name: string }
  | { kind: "named"; name: string }
  | {
      kind: "pointer";
      /** "native": an ABI-width pointer; "u64": carried in a 64-bit integer. */
      width: "native" | "u64";
      /** For width "u64": the integer storage type ("aligned_u64" or "u64"). */
      storage?: string;
      direction: Direction;
      to: TypeRef;
    }
  | { kind: "array"; of: TypeRef; length: ArrayLength }
  | { kind: "bits"; base: string; width: number }
  | { kind: "anon"; composite: "struct" | "union"; fields: Field[] };

export type ArrayLength = { fixed: number } | { countedBy: string } | { flexible: true };

export type ArgKind =
  | "scalar"
  | "flags"
  | "enum"
  | "fd"
  | "pid"
  | "signal"
  | "pointer"
  | "path"
  | "size"
  | "length"
  | "multiplexer";

export interface Annotations {
  /** Flag set (for kind "flags") or enum (for kind "enum"/"multiplexer") name. */
  set?: string;
  kind?: ArgKind;
  since?: string;
  was?: string;
  reserved?: true;
  /** LenOf / SizeOf target. */
  of?: string;
}

export interface Field {
  name: string;
  /** An anonymous member (C `union { ... };`); the name is a label only. */
  anonymous?: true;
  type: TypeRef;
  ann: Annotations;
  doc: string;
  loc: SourceLoc;
}

export interface ExtensibleVersion {
  size: number;
  since: string;
  macro: string | null;
  /** Where the Version<> was written, for diagnostics. */
  loc: SourceLoc;
}

export interface FlagMinSize {
  set: string;
  field: string;
  flag: string;
  size: number;
  loc: SourceLoc;
}

export interface Extensible {
  versions: ExtensibleVersion[];
  sizeIn: { kind: "argument" } | { kind: "ioctl" } | { kind: "field"; field: string };
  copy: "in" | "out";
  belowMin: "EINVAL" | "E2BIG";
  abovePage: "E2BIG" | "EINVAL";
  zeroMeansFirst: boolean;
  writesBackSize: boolean;
  tailMustBeZero: boolean;
  zeroesTail: boolean;
  flagMinSize: FlagMinSize[];
}

/**
 * The C facts of a type (JSDoc tags `@header`, `@c`, `@btf`, `@header-differs`, `@define`,
 * `@since`; docs/schema-language.md). Always filled: the loader derives what no tag states.
 */
export interface CFacts {
  /** How C spells the type (`@c`): "struct clone_args", "stack_t"; default `struct <name>`/`union <name>`. */
  spelling: string;
  /**
   * UAPI headers that declare it, as written between <> (`@header`); default: the UAPI headers
   * of its `@source` provenance (see `headersFrom`). Empty: no UAPI header declares it.
   */
  headers: string[];
  /** Whether `headers` were stated by `@header` tags or derived from `@source` provenance. */
  headersFrom: "header" | "source";
  /** Why no UAPI header declares it (`@header none - <why>`: it is kernel-internal); else null. */
  noHeader: string | null;
  /**
   * ABIs whose UAPI headers declare another type under this spelling, or none, and why
   * (`@header-differs <abis> - <why>`); null when every ABI's headers declare this type.
   */
  differs: { abis: string[]; why: string } | null;
  /** The struct/union name in kernel BTF (`@btf`); default the tag of `spelling`, else the name; null: none. */
  btf: string | null;
  /** Macros to define before including `headers` (`@define NAME value`), as "NAME value". */
  defines: string[];
  /** Kernel version that added the type (`@since`); null when not recorded. */
  since: string | null;
}

export interface CompositeDecl {
  kind: "struct" | "union";
  name: string;
  fields: Field[];
  /** ABIs on which the struct is packed (all ABIs when packed everywhere). */
  packedOn: string[];
  aligned: number | null;
  extensible: Extensible | null;
  c: CFacts;
  doc: string;
  provenance: Provenance[];
  loc: SourceLoc;
}

/** A type defined differently per ABI: each ABI maps to one composite. */
export interface VariantDecl {
  kind: "variant";
  name: string;
  /** One entry per alternative: the ABIs it covers and the composite that describes them. */
  alternatives: { abis: string[]; type: string }[];
  /** The C facts of the type the alternatives share a spelling as (`struct stat`). */
  c: CFacts;
  doc: string;
  provenance: Provenance[];
  loc: SourceLoc;
}

export type TypeDecl = CompositeDecl | VariantDecl;

export interface SetMember {
  name: string;
  /** Value on ABIs without an override. */
  value: number;
  /** Per-ABI values that differ from `value`, keyed by ABI name (sorted). */
  perAbi: Record<string, number>;
  /** A mask or combination of other members; exempt from overlap checks. */
  composite: boolean;
  since: string | null;
  doc: string;
  loc: SourceLoc;
}

export interface ValueSet {
  kind: "flags" | "enum";
  name: string;
  members: SetMember[];
  doc: string;
  provenance: Provenance[];
  loc: SourceLoc;
}

export interface Param {
  name: string;
  type: TypeRef;
  ann: Annotations;
  doc: string;
  loc: SourceLoc;
}

export interface Signature {
  /** ABIs this signature applies to; empty means every ABI without a more specific one. */
  abis: string[];
  params: Param[];
  returns: TypeRef;
  loc: SourceLoc;
}

/** One command of a command-dependent syscall: the arguments it uses and their meaning. */
export interface CommandCase {
  /** A member of the selector argument's enum (FcntlCmd's F_GETLK). */
  command: string;
  /** The arguments this command uses, with their type for it; an argument not listed is unused. */
  params: Param[];
  doc: string;
  loc: SourceLoc;
}

/** A syscall whose arguments change meaning with a command (`Commands<>`, issue 8 item 3). */
export interface CommandTable {
  /** The argument that holds the command (an enum argument of every signature). */
  selector: string;
  /** The enum of the selector. */
  set: string;
  cases: CommandCase[];
  doc: string;
  loc: SourceLoc;
}

export interface SyscallDecl {
  name: string;
  signatures: Signature[];
  /** Per-command meaning of the other arguments, where declared. */
  commands?: CommandTable;
  since: string | null;
  doc: string;
  provenance: Provenance[];
  loc: SourceLoc;
}

/** One implemented syscall of an ABI's table (schemas/tables/<abi>.tbl). */
export interface TableEntry {
  /** The number user space passes on this ABI (x32 bit and mips bases included). */
  number: number;
  name: string;
  /** The kernel .tbl abi column the row came from (common, 64, x32, eabi, n64, ...). */
  column: string;
  /** Kernel entry point, and the compat entry point of a 32-bit ABI on a 64-bit kernel ("-": none). */
  entry: string;
  compat: string;
  /** Kernel version that added it on this ABI, or null where no source established it. */
  since: string | null;
  /**
   * When `since` is null but a source establishes that this release already had it (libseccomp's
   * per-version tables start at 3.0: "3.0" means 3.0 or earlier). Absent otherwise.
   */
  sinceAtMost?: string;
}

/**
 * A number the kernel reserves on an ABI without an implementation, with its history where a
 * source establishes it (schemas/tables/history.tsv; docs/decisions/0010-syscall-history.md).
 */
export interface ReservedNumber {
  number: number;
  name: string;
  /**
   * removed: older releases implemented it; never: Linux never implemented it. Absent: no history
   * recorded (a name the ABI never wired up, or one no source explains yet).
   */
  status?: "removed" | "never";
  /** The release that removed it (status removed); null when no source establishes it. */
  removedIn?: string | null;
  /** First release with it on this ABI, as for TableEntry. */
  since?: string;
  sinceAtMost?: string;
  /** Provenance of the status and removedIn. */
  source?: string;
}

export interface SyscallTable {
  abi: string;
  entries: TableEntry[];
  /** Numbers the kernel reserves on this ABI without an implementation. */
  notImplemented: ReservedNumber[];
  /** The table's provenance header (source tree, files, columns, additions). */
  provenance: string[];
  loc: SourceLoc;
}

export interface Registry {
  irVersion: typeof IR_VERSION;
  /** The kernel release the registry describes. */
  kernel: string;
  abis: Abi[];
  types: TypeDecl[];
  sets: ValueSet[];
  syscalls: SyscallDecl[];
  /** Syscall numbers per ABI, sorted by ABI name. */
  tables: SyscallTable[];
}
