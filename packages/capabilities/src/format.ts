/**
 * The capability list: which syscalls support deep argument inspection, of which fields, on which
 * ABI and kernel. Written by the "capabilities" generator (packages/gen-caps) into data/ of this
 * package, read by `openCapabilities`:
 *
 *   capabilities.json         this document (format below), one file
 *   capabilities.schema.json  its JSON Schema (CAPABILITIES_SCHEMA)
 *   c/sysargs_caps.h, .c      the same facts as a C table: lookup by AUDIT_ARCH and number, and a
 *                             per-ABI bitmap of deep-inspectable syscalls
 *
 * Facts the ABIs share are stored once: a syscall's arguments are grouped by the ABIs on which
 * they look the same (`variants`), a struct's fields by the ABIs on which they lie the same
 * (`layouts`).
 */
export const CAPS_FORMAT = 1;

/**
 * How a filter can look at one syscall argument:
 * - `register`: a value in seccomp_data.args that a classic filter compares (width, signedness);
 * - `fd`: a file descriptor in a register (its number is comparable, the object it names is not);
 * - `multiplexer`: a register value that selects a command or sub-call; what the other arguments
 *   mean depends on it (`commands`);
 * - `extensible-struct`: a pointer to a versioned struct copied with copy_struct_from_user
 *   semantics: each field can be inspected once the kernel copies it first (`fields`);
 * - `struct`, `union`, `array`: pointers to fixed-size data that a parser can copy (`count` says
 *   where an array's length comes from);
 * - `path`, `string`: NUL-terminated strings in user memory: never safely decidable from user
 *   memory (the kernel reads them again); an LSM (Landlock) decides on the kernel object;
 * - `buffer`: opaque bytes (data to write, memory to read into);
 * - `output`: memory the kernel writes; nothing to inspect on entry.
 */
export const ARG_CLASSES = [
  "register",
  "fd",
  "multiplexer",
  "extensible-struct",
  "struct",
  "union",
  "array",
  "path",
  "string",
  "buffer",
  "output",
] as const;
export type ArgClass = (typeof ARG_CLASSES)[number];

/**
 * How a classic filter must compare a register argument: `full` the whole slot; `low32` only bits
 * 0-31 (a 32-bit argument in a 64-bit slot: the kernel ignores the upper half, which the caller
 * controls, so a filter comparing all 64 bits can be fooled); `pair` a 64-bit value split over two
 * 32-bit slots (`slots` lists the low word first).
 */
export type Compare = "full" | "low32" | "pair";

export interface CapArg {
  name: string;
  /** Position in the signature. */
  index: number;
  class: ArgClass;
  /** The registry's argument kind (scalar, flags, enum, fd, pid, signal, pointer, path, size, length, multiplexer). */
  kind: string;
  /** seccomp_data.args indexes that carry it (low word first for pairs); null where seccomp does not see a slot. */
  slots: (number | null)[];
  /** Size of the value in bytes (a pointer: the pointer's size). */
  width: number;
  /** Register values: whether the kernel treats it as signed. */
  signed?: boolean;
  compare?: Compare;
  /** Flag set or enum of the value. */
  set?: string;
  /** Multiplexers: the commands or sub-calls behind it (the enum's members). */
  commands?: string[];
  /** Pointers: the direction of the data. */
  direction?: "in" | "out" | "inout";
  /** Pointers: the C type pointed at. */
  type?: string;
  /** struct/union/extensible-struct: the registry type; for a per-ABI variant, the alternative this ABI uses. */
  struct?: string;
  /** Fixed-size pointee: its size on this ABI. */
  size?: number;
  /** Arrays and counted buffers: where the element count or byte length comes from. */
  count?: { argument: string } | { fixed: number } | { terminator: "NUL" | "NULL" };
  /** Whether a filter could decide on it safely once the kernel copies it first. */
  inspectable: boolean;
  /** One line: why it is (not) inspectable and how. */
  why: string;
}

export interface CapVariant {
  /** The ABIs on which the arguments are exactly `args`. */
  abis: string[];
  args: CapArg[];
}

export interface Fallback {
  /** The error a filter answers with to trigger it. */
  on: string;
  /** The syscall callers use instead, or null when there is none. */
  to: string | null;
  /** Who falls back (glibc, util-linux, ...) or "nobody". */
  who: string;
  note: string;
  provenance: string;
}

export interface ClassicEquivalent {
  /** The older syscall whose register arguments carry the same values. */
  syscall: string;
  /** Struct field (of the deep syscall) -> argument of the older syscall that carries it. */
  fields: { field: string; arg: string }[];
  note: string;
  provenance: string;
}

export interface LandlockCover {
  /** LANDLOCK_ACCESS_FS_* rights that restrict the operation on the path (may be empty). */
  rights: string[];
  /** "restricted": the rights cover it; "denied": a Landlock domain denies it outright; "unrestricted": Landlock cannot restrict it. */
  status: "restricted" | "denied" | "unrestricted";
  note: string;
}

export interface CapSyscall {
  name: string;
  /** Kernel version that added it (registry), null when not recorded. */
  since: string | null;
  /** Kernel version that removed it, null while it exists. */
  until: string | null;
  doc: string;
  /** Some argument is an extensible struct the kernel copies in: deep inspection applies. */
  deep: boolean;
  /** Syscall number per ABI it exists on. */
  numbers: Record<string, number>;
  /** Per-ABI kernel versions where a table records one that differs from `since`. */
  sinceOn?: Record<string, string>;
  variants: CapVariant[];
  landlock?: LandlockCover;
  fallback?: Fallback;
  classic?: ClassicEquivalent;
}

export interface CapField {
  /** C member designator ("cgroup", "sample_period"). */
  path: string;
  type: string;
  offset: number;
  size: number;
  bitOffset?: number;
  bitSize?: number;
  signed?: boolean;
  /** The struct version (index into `versions`) whose size first contains the member. */
  version: number;
  /** Kernel version that introduced the member (its own @since, else its struct version's). */
  since: string;
}

export interface CapStruct {
  name: string;
  /** "in": the kernel copies it from user memory (inspectable); "out": the kernel writes it. */
  copy: "in" | "out";
  /** Where the size travels: a syscall argument or a field of the struct itself. */
  sizeIn: { argument: true } | { field: string } | { ioctl: true };
  zeroMeansFirst: boolean;
  belowMin: string;
  versions: { version: number; size: number; since: string; macro: string | null }[];
  layouts: { abis: string[]; size: number; align: number; fields: CapField[] }[];
}

export interface CapAbi {
  name: string;
  auditArch: number;
  auditArchName: string;
  /** The first syscall number of the ABI's table (x32: 0x40000000, mips: 4000/5000/6000). */
  syscallBase: number;
  bits: 32 | 64;
  endian: "little" | "big";
  /** Deep-inspectable syscalls on this ABI, by name (the C bitmap's bits). */
  deep: string[];
}

export interface LandlockRight {
  name: string;
  value: number;
  /** Landlock ABI version that introduced it (LANDLOCK_CREATE_RULESET_VERSION returns it). */
  abi: number;
  /** Kernel version of that Landlock ABI. */
  since: string;
}

export interface LandlockFacts {
  rights: LandlockRight[];
  /** Landlock ABI versions and the kernel that brought each. */
  abis: { abi: number; since: string; adds: string }[];
  provenance: string[];
}

export interface CapabilitiesFile {
  $comment: string;
  format: typeof CAPS_FORMAT;
  /** The kernel release the registry describes. */
  kernel: string;
  abis: CapAbi[];
  landlock: LandlockFacts;
  structs: CapStruct[];
  syscalls: CapSyscall[];
}

const str = { type: "string" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const strArr = { type: "array", items: str };
const version = { type: "string", pattern: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$" };
const nullable = (s: object) => ({ anyOf: [s, { type: "null" }] });
const obj = (properties: Record<string, unknown>, optional: string[] = []) => ({
  type: "object",
  additionalProperties: false,
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});

/** JSON Schema (draft 2020-12) of capabilities.json; the test suite validates the data against it. */
export const CAPABILITIES_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://sysargs.dev/schema/capabilities-1.json",
  title: "sysargs capability list (format 1)",
  ...obj({
    $comment: str,
    format: { const: CAPS_FORMAT },
    kernel: str,
    abis: { type: "array", items: { $ref: "#/$defs/abi" } },
    landlock: { $ref: "#/$defs/landlock" },
    structs: { type: "array", items: { $ref: "#/$defs/struct" } },
    syscalls: { type: "array", items: { $ref: "#/$defs/syscall" } },
  }),
  $defs: {
    abi: obj({
      name: str,
      auditArch: int,
      auditArchName: str,
      syscallBase: int,
      bits: { enum: [32, 64] },
      endian: { enum: ["little", "big"] },
      deep: strArr,
    }),
    landlock: obj({
      rights: {
        type: "array",
        items: obj({
          name: { type: "string", pattern: "^LANDLOCK_ACCESS_FS_" },
          value: int,
          abi: int,
          since: version,
        }),
      },
      abis: { type: "array", items: obj({ abi: int, since: version, adds: str }) },
      provenance: strArr,
    }),
    struct: obj({
      name: str,
      copy: { enum: ["in", "out"] },
      sizeIn: {
        oneOf: [obj({ argument: { const: true } }), obj({ field: str }), obj({ ioctl: { const: true } })],
      },
      zeroMeansFirst: bool,
      belowMin: str,
      versions: {
        type: "array",
        minItems: 1,
        items: obj({ version: int, size: int, since: version, macro: nullable(str) }),
      },
      layouts: {
        type: "array",
        minItems: 1,
        items: obj({
          abis: { ...strArr, minItems: 1 },
          size: int,
          align: int,
          fields: { type: "array", items: { $ref: "#/$defs/field" } },
        }),
      },
    }),
    field: obj(
      {
        path: str,
        type: str,
        offset: int,
        size: int,
        bitOffset: int,
        bitSize: int,
        signed: bool,
        version: int,
        since: version,
      },
      ["bitOffset", "bitSize", "signed"],
    ),
    syscall: obj(
      {
        name: str,
        since: nullable(version),
        until: nullable(version),
        doc: str,
        deep: bool,
        numbers: { type: "object", additionalProperties: int },
        sinceOn: { type: "object", additionalProperties: version },
        variants: {
          type: "array",
          items: obj({
            abis: { ...strArr, minItems: 1 },
            args: { type: "array", items: { $ref: "#/$defs/arg" } },
          }),
        },
        landlock: obj({
          rights: { type: "array", items: { type: "string", pattern: "^LANDLOCK_ACCESS_FS_" } },
          status: { enum: ["restricted", "denied", "unrestricted"] },
          note: str,
        }),
        fallback: obj({ on: str, to: nullable(str), who: str, note: str, provenance: str }),
        classic: obj({
          syscall: str,
          fields: { type: "array", items: obj({ field: str, arg: str }) },
          note: str,
          provenance: str,
        }),
      },
      ["sinceOn", "landlock", "fallback", "classic"],
    ),
    arg: obj(
      {
        name: str,
        index: int,
        class: { enum: [...ARG_CLASSES] },
        kind: str,
        slots: { type: "array", items: nullable(int) },
        width: int,
        signed: bool,
        compare: { enum: ["full", "low32", "pair"] },
        set: str,
        commands: strArr,
        direction: { enum: ["in", "out", "inout"] },
        type: str,
        struct: str,
        size: int,
        count: {
          oneOf: [
            obj({ argument: str }),
            obj({ fixed: int }),
            obj({ terminator: { enum: ["NUL", "NULL"] } }),
          ],
        },
        inspectable: bool,
        why: str,
      },
      ["signed", "compare", "set", "commands", "direction", "type", "struct", "size", "count"],
    ),
  },
} as const;
