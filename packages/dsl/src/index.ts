/**
 * @sysargs/dsl: the words of the sysargs schema language.
 *
 * Schemas are TypeScript declarations (interfaces, type aliases, `declare function`).
 * Nothing here exists at run time: the TypeScript compiler uses these types to check
 * that every name a schema mentions exists and every parameter has the right shape,
 * and the sysargs loader reads the same declarations syntactically into the IR.
 * Every word is documented with the C construct it stands for.
 */

declare const scalarBrand: unique symbol;
declare const markBrand: unique symbol;

/** A C scalar type. The layout of each name on each ABI comes from the ABI model. */
export interface Scalar<Name extends string> {
  readonly [scalarBrand]?: Name;
}
/** An annotation intersected with a field or argument type (`u64 & Flags<CloneFlags>`). */
export interface Mark<Name extends string, Arg = unknown> {
  readonly [markBrand]?: [Name, Arg];
}

// ---- fixed-width integers (linux/types.h) ----
export type u8 = Scalar<"u8">;
export type u16 = Scalar<"u16">;
export type u32 = Scalar<"u32">;
export type u64 = Scalar<"u64">;
export type s8 = Scalar<"s8">;
export type s16 = Scalar<"s16">;
export type s32 = Scalar<"s32">;
export type s64 = Scalar<"s64">;
/** `__aligned_u64`: a u64 aligned to 8 bytes on every ABI (i386 aligns a plain u64 to 4). */
export type aligned_u64 = Scalar<"aligned_u64">;
/** `__aligned_s64`: see aligned_u64. */
export type aligned_s64 = Scalar<"aligned_s64">;

// ---- C integer types whose width depends on the ABI ----
export type char = Scalar<"char">;
export type schar = Scalar<"schar">;
export type uchar = Scalar<"uchar">;
export type short = Scalar<"short">;
export type ushort = Scalar<"ushort">;
export type int = Scalar<"int">;
export type uint = Scalar<"uint">;
export type long = Scalar<"long">;
export type ulong = Scalar<"ulong">;
export type longlong = Scalar<"longlong">;
export type ulonglong = Scalar<"ulonglong">;
/** `__kernel_long_t`: 64-bit on x32 although `long` is 32-bit there. */
export type kernel_long_t = Scalar<"kernel_long_t">;
export type kernel_ulong_t = Scalar<"kernel_ulong_t">;
export type size_t = Scalar<"size_t">;
export type ssize_t = Scalar<"ssize_t">;
/** Kernel typedefs, each fixed to the kernel's own definition (include/linux/types.h). */
export type pid_t = Scalar<"pid_t">;
export type uid_t = Scalar<"uid_t">;
export type gid_t = Scalar<"gid_t">;
export type umode_t = Scalar<"umode_t">;
export type off_t = Scalar<"off_t">;
export type loff_t = Scalar<"loff_t">;
export type key_serial_t = Scalar<"key_serial_t">;
export type clockid_t = Scalar<"clockid_t">;
export type timer_t = Scalar<"timer_t">;
export type mqd_t = Scalar<"mqd_t">;
export type qid_t = Scalar<"qid_t">;
export type aio_context_t = Scalar<"aio_context_t">;
export type rwf_t = Scalar<"rwf_t">;
export type cap_user_header_t = Scalar<"cap_user_header_t">;
/** `void` as a pointee or return type. */
export type void_t = Scalar<"void">;
/** A NUL-terminated string in user memory (pointee only). */
export type cstring = Scalar<"cstring">;

// ---- pointers ----
/** Pointer direction: the kernel reads (In), writes (Out) or both (InOut). */
export interface In<T> {
  readonly __in?: T;
}
export interface Out<T> {
  readonly __out?: T;
}
export interface InOut<T> {
  readonly __inout?: T;
}
/** A native user pointer (`T __user *`): as wide as the ABI's pointers. */
export interface Ptr<T> {
  readonly __ptr?: T;
}
/**
 * A user pointer carried in a 64-bit integer field (`__aligned_u64` by default, as in
 * clone_args); pass `u64` as Storage where the kernel uses a plain `__u64`.
 */
export interface Ptr64<T, Storage extends aligned_u64 | u64 = aligned_u64> {
  readonly __ptr64?: [T, Storage];
}
/** A path string: a pointer to a NUL-terminated name, never safely inspectable from user memory. */
export type Path = Ptr<In<cstring>>;

// ---- arrays ----
/** `T name[N]`. */
export interface FixedArray<T, N extends number> {
  readonly __array?: [T, N];
}
/** An array whose element count is held by another field or argument. */
export interface CountedArray<T, CountField extends string> {
  readonly __counted?: [T, CountField];
}
/** A flexible array member `T name[]`, the last field of a struct. */
export interface FlexArray<T> {
  readonly __flex?: T;
}
/** A bitfield `Base name : Width`. */
export interface Bits<Base extends Scalar<string>, Width extends number> {
  readonly __bits?: [Base, Width];
}
/** An anonymous union inside a struct; the property name is only a label. */
export interface AnonUnion<Members extends object> {
  readonly __anonUnion?: Members;
}
/** An anonymous struct inside a struct or union; the property name is only a label. */
export interface AnonStruct<Members extends object> {
  readonly __anonStruct?: Members;
}

// ---- ABIs ----
/** Kernel version, "major.minor". */
export type KernelVersion = `${number}.${number}`;
export type Endian = "little" | "big";
/** Size and in-struct alignment of a C scalar on one ABI, in bytes. */
export interface ScalarLayout<Size extends number, Align extends number> {
  readonly __scalar?: [Size, Align];
}
/**
 * An ABI model (schemas/abi). `Config` lists the facts the layout engine needs; see
 * docs/how-to-add-an-abi.md.
 */
export interface Abi<Config extends AbiConfig> {
  readonly __abi?: Config;
}
export interface AbiConfig {
  /** Kernel architecture directory (arch/<family>). */
  family: string;
  endian: Endian;
  /** Width of pointers and `long`, in bits. */
  bits: 32 | 64;
  /** AUDIT_ARCH_* value (linux/audit.h), as seen in seccomp_data.arch. */
  auditArch: number;
  /** Name of the AUDIT_ARCH_* macro. */
  auditArchName: string;
  /** libseccomp's names for this ABI, accepted as aliases. */
  aliases: string[];
  /** Default PAGE_SIZE of the architecture's default configuration. */
  pageSize: number;
  /** Whether `char` is signed. */
  charSigned: boolean;
  /** Size and alignment of every base scalar (char is always 1/1). */
  short: ScalarLayout<number, number>;
  int: ScalarLayout<number, number>;
  long: ScalarLayout<number, number>;
  longlong: ScalarLayout<number, number>;
  pointer: ScalarLayout<number, number>;
  kernel_long_t: ScalarLayout<number, number>;
  size_t: ScalarLayout<number, number>;
  /**
   * Whether a bitfield's declared type constrains its placement and the struct's alignment
   * (GCC's PCC_BITFIELD_TYPE_MATTERS; false only on m68k).
   */
  bitfieldTypeMatters: boolean;
  /** Syscall number offset of the ABI's table (mips o32 4000, n64 5000, n32 6000, x32 bit). */
  syscallBase?: number;
  /**
   * How the kernel's syscall entry takes a 64-bit argument (`loff_t`, `u64`) from the argument
   * slots, the registers that seccomp reports as `seccomp_data.args[]`
   * (docs/decisions/0004-argument-slots.md):
   * - "register": one slot (every 64-bit ABI, and x32 and mips n32, whose registers are 64-bit);
   * - "pair": two consecutive 32-bit slots from the next free one;
   * - "aligned-pair": two consecutive 32-bit slots from the next even one; a slot skipped this
   *   way stays unused (arm EABI, ppc32, mips o32).
   */
  arg64: Arg64Passing;
  /** For pairs: the half the lower-numbered slot holds ("low": bits 0-31). */
  arg64First?: "low" | "high";
  /**
   * For pairs: the first slot passed on the C stack when a pair never straddles the last
   * register and the stack (sh: 4, after r4-r7). A pair that would start in the last register
   * slot starts at this one instead, and the next 32-bit argument takes the skipped slot.
   */
  arg64Boundary?: number;
  /**
   * Argument slots the syscall entry passes to the kernel's function (default 6). mips o32: 8, as
   * scall32-o32.S copies arguments 5 to 8 from the user stack; seccomp still reports only 6.
   */
  argSlots?: number;
  /**
   * `seccomp_data.args[slot + seccompArgShift]` holds argument slot `slot` (default 0). m68k: 1,
   * because its syscall_get_arguments() reports the syscall number (orig_d0) as args[0].
   */
  seccompArgShift?: number;
  /** Debian cross toolchain that proves this ABI: gcc triplet and extra flags. */
  toolchain?: { triplet: string; flags?: string[]; package: string };
}
/** How a 64-bit syscall argument occupies argument slots: see AbiConfig.arg64. */
export type Arg64Passing = "register" | "pair" | "aligned-pair";

/** Selects ABIs: an ABI type from schemas/abi or a union of them. */
export type AbiSelector = Abi<AbiConfig>;

/** One per-ABI alternative of a type, a value or a signature. */
export interface On<Abis extends AbiSelector, T> {
  readonly __on?: [Abis, T];
}
/** A type whose definition differs per ABI (`struct stat`); every ABI must be covered once. */
export interface Variants<Alternatives extends On<AbiSelector, unknown>[]> {
  readonly __variants?: Alternatives;
}
/** A constant whose value differs per ABI: `PerAbi<0x40, [On<alpha, 0x200>]>`. */
export interface PerAbi<Default extends number, Overrides extends On<AbiSelector, number>[]> {
  readonly __perAbi?: [Default, Overrides];
}

// ---- struct attributes ----
export interface StructConfig {
  /** `__attribute__((packed))`, on every ABI (true) or on the selected ones. */
  packed?: true | AbiSelector;
  /** `__attribute__((aligned(N)))`. */
  aligned?: number;
  /** The struct is extensible: see Extensible. */
  extensible?: ExtensibleConfig;
}
/** Marks an interface as a C struct with attributes (a plain interface is a plain struct). */
export interface Struct<Config extends StructConfig = {}> {
  readonly __struct?: Config;
}
/** Marks an interface as a C union. */
export interface Union {
  readonly __union?: true;
}

/** One published size of an extensible struct: bytes, kernel version, and the size macro if any. */
export interface Version<Size extends number, Since extends KernelVersion, Macro extends string = never> {
  readonly __version?: [Size, Since, Macro];
}
/** How the kernel treats a user size below the first version. */
export type BelowMin = "EINVAL" | "E2BIG";
/** How the kernel treats a user size above its own (or above the page size). */
export type AboveMax = "E2BIG" | "EINVAL";
/**
 * Extensible-struct semantics (copy_struct_from_user and its variants; see
 * docs/schema-language.md#extensible-structs).
 */
export interface ExtensibleConfig {
  /** Every published size, increasing, with the kernel version that introduced it. */
  versions: Version<number, KernelVersion, string>[];
  /**
   * Where the size travels: "argument" (a SizeOf<> argument of the syscall), a field of the
   * struct itself (its name), or "ioctl" (the size bits of the ioctl number).
   */
  sizeIn: "argument" | "ioctl" | { field: string };
  /** Direction of the copy: "in" = copy_struct_from_user, "out" = copy_struct_to_user. */
  copy: "in" | "out";
  /** Result of a size below the first version. */
  belowMin: BelowMin;
  /** Result of a size above PAGE_SIZE. */
  abovePage: AboveMax;
  /** In-struct size 0 means the first version (sched_attr, perf_event_attr). */
  zeroMeansFirst?: true;
  /** The kernel writes its own size back into the size field on E2BIG. */
  writesBackSize?: true;
  /** A larger user struct must have an all-zero tail (E2BIG otherwise). */
  tailMustBeZero?: true;
  /** Output copies clear the user's bytes past the kernel's size. */
  zeroesTail?: true;
  /** Minimum sizes that particular flag bits require (CLONE_INTO_CGROUP needs 88). */
  flagMinSize?: AnyFlagMinSize[];
}
/** Any FlagMinSize<...> (the constraint of ExtensibleConfig.flagMinSize). */
export interface AnyFlagMinSize {
  readonly __flagMinSize?: [unknown, string, string, number];
}
/** `Flag` of flag set `Set`, when set in field `Field`, requires a user size of at least `Size`. */
export interface FlagMinSize<
  Set extends FlagSet<object>,
  Field extends string,
  Flag extends keyof FlagMembers<Set> & string,
  Size extends number,
> {
  readonly __flagMinSize?: [Set, Field, Flag, Size];
}

// ---- field and argument annotations ----
/** Bits of this value are the flags of `Set`. */
export type Flags<Set extends FlagSet<object>> = Mark<"flags", Set>;
/** This value is one of the values of `Set`. */
export type OneOf<Set extends EnumSet<object>> = Mark<"enum", Set>;
/** A file descriptor. */
export type Fd = Mark<"fd">;
/** A process id. */
export type Pid = Mark<"pid">;
/** A signal number. */
export type Signal = Mark<"signal">;
/** The byte length of the buffer in the named field or argument. */
export type LenOf<Field extends string> = Mark<"lenOf", Field>;
/** The byte size of the struct behind the named pointer argument (extensible structs). */
export type SizeOf<Arg extends string> = Mark<"sizeOf", Arg>;
/** The field appeared in this kernel version (within a version size, or in reserved space). */
export type Since<V extends KernelVersion> = Mark<"since", V>;
/** The field took over reserved space formerly named `Old` (no size change). */
export type Was<Old extends string> = Mark<"was", Old>;
/** Reserved: must be zero. */
export type Reserved = Mark<"reserved">;
/** A multiplexer argument: the sub-call selector of socketcall/ipc. */
export type Mux<Set extends EnumSet<object>> = Mark<"mux", Set>;

// ---- flag sets and enums ----
/** One flag member with metadata: `Flag<0x100000000, "5.5">`. */
export interface Flag<
  Value extends number | PerAbi<number, On<AbiSelector, number>[]>,
  Since extends KernelVersion = never,
> {
  readonly __flag?: [Value, Since];
}
/** A mask or combination of other members (CSIGNAL, SCHED_FLAG_ALL): exempt from overlap checks. */
export interface Composite<
  Value extends number | PerAbi<number, On<AbiSelector, number>[]>,
  Since extends KernelVersion = never,
> {
  readonly __composite?: [Value, Since];
}
type MemberValue =
  | number
  | PerAbi<number, On<AbiSelector, number>[]>
  | Flag<never, never>
  | Composite<never, never>;
/** A set of bit flags: `FlagSet<{ CLONE_VM: 0x100; ... }>`. */
export interface FlagSet<Members extends object> {
  readonly __flagSet?: Members;
}
/** A set of exclusive values (an enum). */
export interface EnumSet<Members extends object> {
  readonly __enumSet?: Members;
}
/** The members of a flag set or enum (for constraints such as FlagMinSize). */
export type FlagMembers<S> = S extends FlagSet<infer M> ? M : S extends EnumSet<infer M> ? M : never;
export type { MemberValue };

/**
 * What a syscall's other arguments mean for each value of its command argument (issue 8 item 3):
 * `Commands<"fcntl", "cmd", { F_DUPFD: { arg: int & Fd }; F_GETFD: {}; ... }>`. `Selector` names
 * the argument that holds an enum (`OneOf<...>`); each key of `Cases` is a member of that enum, and
 * maps the arguments that command uses to their type for it (`{}`: it uses none).
 */
export interface Commands<Syscall extends string, Selector extends string, Cases extends object> {
  readonly __commands?: [Syscall, Selector, Cases];
}

/**
 * Restricts a syscall signature to some ABIs, written as the `this` parameter (which is not
 * an argument): `export declare function clone(this: Only<s390 | s390x>, newsp: ulong, ...)`.
 */
export interface Only<Abis extends AbiSelector> {
  readonly __only?: Abis;
}
