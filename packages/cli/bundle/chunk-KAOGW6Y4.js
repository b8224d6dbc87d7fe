import {
  RegistryIndex
} from "./chunk-XQVPLUMH.js";

// ../model/dist/scalars.js
var SCALARS = {
  u8: { base: "char", signed: false, c: "__u8" },
  s8: { base: "char", signed: true, c: "__s8" },
  u16: { base: "short", signed: false, c: "__u16" },
  s16: { base: "short", signed: true, c: "__s16" },
  u32: { base: "int", signed: false, c: "__u32" },
  s32: { base: "int", signed: true, c: "__s32" },
  u64: { base: "longlong", signed: false, c: "__u64" },
  s64: { base: "longlong", signed: true, c: "__s64" },
  aligned_u64: { base: "aligned_u64", signed: false, c: "__aligned_u64" },
  aligned_s64: { base: "aligned_u64", signed: true, c: "__aligned_s64" },
  char: { base: "char", signed: true, c: "char" },
  schar: { base: "char", signed: true, c: "signed char" },
  uchar: { base: "char", signed: false, c: "unsigned char" },
  short: { base: "short", signed: true, c: "short" },
  ushort: { base: "short", signed: false, c: "unsigned short" },
  int: { base: "int", signed: true, c: "int" },
  uint: { base: "int", signed: false, c: "unsigned int" },
  long: { base: "long", signed: true, c: "long" },
  ulong: { base: "long", signed: false, c: "unsigned long" },
  longlong: { base: "longlong", signed: true, c: "long long" },
  ulonglong: { base: "longlong", signed: false, c: "unsigned long long" },
  kernel_long_t: { base: "kernel_long_t", signed: true, c: "__kernel_long_t" },
  kernel_ulong_t: { base: "kernel_long_t", signed: false, c: "__kernel_ulong_t" },
  size_t: { base: "size_t", signed: false, c: "size_t" },
  ssize_t: { base: "size_t", signed: true, c: "ssize_t" },
  pid_t: { base: "int", signed: true, c: "pid_t" },
  uid_t: { base: "int", signed: false, c: "uid_t" },
  gid_t: { base: "int", signed: false, c: "gid_t" },
  umode_t: { base: "short", signed: false, c: "umode_t" },
  off_t: { base: "kernel_long_t", signed: true, c: "off_t" },
  loff_t: { base: "longlong", signed: true, c: "loff_t" },
  key_serial_t: { base: "int", signed: true, c: "key_serial_t" },
  clockid_t: { base: "int", signed: true, c: "clockid_t" },
  timer_t: { base: "int", signed: true, c: "timer_t" },
  mqd_t: { base: "int", signed: true, c: "mqd_t" },
  qid_t: { base: "int", signed: false, c: "qid_t" },
  aio_context_t: { base: "kernel_long_t", signed: false, c: "aio_context_t" },
  rwf_t: { base: "int", signed: true, c: "rwf_t" },
  cap_user_header_t: { base: "pointer", signed: false, c: "cap_user_header_t" },
  void: { base: "void", signed: false, c: "void" },
  cstring: { base: "void", signed: false, c: "char" }
};

// ../model/dist/versions.js
function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.isNaN(pa[i] ?? 0) ? 0 : pa[i] ?? 0;
    const y = Number.isNaN(pb[i] ?? 0) ? 0 : pb[i] ?? 0;
    if (x !== y)
      return x < y ? -1 : 1;
  }
  return 0;
}
function laterVersion(a, b) {
  if (a === void 0)
    return b;
  if (b === void 0)
    return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

// ../layout/dist/arg-slots.js
var SECCOMP_ARGS = 6;
var ArgSlotsError = class extends Error {
  name = "ArgSlotsError";
};
function paramSize(ref, abi) {
  if (ref.kind === "scalar") {
    const info = SCALARS[ref.name];
    if (!info)
      throw new ArgSlotsError(`unknown scalar "${ref.name}"`);
    if (info.base === "void")
      throw new ArgSlotsError(`"${ref.name}" is not a value`);
    return info.base === "aligned_u64" ? 8 : abi.scalars[info.base].size;
  }
  if (ref.kind === "pointer")
    return ref.width === "u64" ? 8 : abi.scalars.pointer.size;
  throw new ArgSlotsError(`a ${ref.kind} type cannot be a syscall argument (only scalars and pointers)`);
}
function argumentSlots(signature, abi, sizeOf = (ref) => paramSize(ref, abi)) {
  const params = [];
  const padding = [];
  let next = 0;
  let backfill = null;
  const seccomp = (slot) => {
    const i = slot + abi.seccompArgShift;
    return i < SECCOMP_ARGS ? i : null;
  };
  signature.params.forEach((p, index) => {
    const size = sizeOf(p.type);
    if (size <= 4 || size <= 8 && abi.arg64 === "register") {
      let slot;
      if (backfill !== null) {
        slot = backfill;
        backfill = null;
      } else
        slot = next++;
      params.push({ name: p.name, index, size, slots: [slot], seccomp: [seccomp(slot)] });
      return;
    }
    if (size !== 8)
      throw new ArgSlotsError(`${p.name}: a ${size}-byte value does not fit an argument slot`);
    let start = next;
    if (abi.arg64 === "aligned-pair" && start % 2 === 1)
      padding.push(start++);
    if (abi.arg64Boundary !== null && start === abi.arg64Boundary - 1) {
      if (backfill === null)
        backfill = start;
      else
        padding.push(start);
      start++;
    }
    next = start + 2;
    const [low, high] = abi.arg64First === "high" ? [start + 1, start] : [start, start + 1];
    params.push({
      name: p.name,
      index,
      size,
      slots: [start, start + 1],
      low,
      high,
      seccomp: [seccomp(start), seccomp(start + 1)]
    });
  });
  if (backfill !== null)
    padding.push(backfill);
  padding.sort((a, b) => a - b);
  const used = Math.max(0, ...params.flatMap((p) => p.slots.map((s) => s + 1)));
  const out = { abi: abi.name, params, padding, used, capacity: abi.argSlots };
  if (used > abi.argSlots)
    out.error = `needs ${used} argument slots; the ${abi.name} syscall entry passes ${abi.argSlots}`;
  return out;
}
function describeArg64(abi) {
  if (abi.arg64 === "register")
    return "one 64-bit register";
  const first = `${abi.arg64First ?? "low"} word in the lower slot`;
  const kind = abi.arg64 === "aligned-pair" ? "pair from an even slot" : "pair of consecutive slots";
  const boundary = abi.arg64Boundary !== null ? `, never split at slot ${abi.arg64Boundary} (the next 32-bit argument takes the skipped slot)` : "";
  return `${kind}, ${first}${boundary}`;
}

// ../layout/dist/layout.js
var LayoutError = class extends Error {
  name = "LayoutError";
};
var LayoutEngine = class {
  index;
  cache = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  constructor(registry) {
    this.index = registry instanceof RegistryIndex ? registry : new RegistryIndex(registry);
  }
  abiOf(abiName) {
    const abi = this.index.abi(abiName);
    if (!abi)
      throw new LayoutError(`unknown ABI "${abiName}"`);
    return abi;
  }
  /** Layout of a named struct, union or per-ABI variant on an ABI (name or alias). */
  layout(typeName, abiName) {
    const abi = this.abiOf(abiName);
    const laid = this.named(typeName, abi);
    return {
      abi: abi.name,
      name: typeName,
      kind: laid.kind ?? "struct",
      size: laid.size,
      align: laid.align,
      fields: laid.fields ?? []
    };
  }
  /** Size and alignment of a scalar word on an ABI. */
  scalar(name, abiName) {
    return this.scalarOf(name, this.abiOf(abiName));
  }
  /** Size, alignment and C spelling of any type reference on an ABI. */
  typeRef(ref, abiName) {
    const { size, align, c } = this.ref(ref, this.abiOf(abiName));
    return { size, align, c };
  }
  scalarOf(name, abi) {
    const info = SCALARS[name];
    if (!info)
      throw new LayoutError(`unknown scalar "${name}"`);
    if (info.base === "void")
      throw new LayoutError(`"${name}" has no size`);
    if (info.base === "aligned_u64")
      return { size: 8, align: 8 };
    return abi.scalars[info.base];
  }
  named(name, abi) {
    const key = `${abi.name}\0${name}`;
    const hit = this.cache.get(key);
    if (hit)
      return hit;
    const decl = this.index.type(name);
    if (!decl)
      throw new LayoutError(`unknown type "${name}"`);
    const comp = this.index.composite(name, abi.name);
    if (!comp)
      throw new LayoutError(`type "${name}" has no variant for ABI ${abi.name}`);
    if (this.active.has(key))
      throw new LayoutError(`type "${name}" contains itself by value`);
    this.active.add(key);
    try {
      const laid = this.composite(comp, abi);
      const named = { ...laid, c: `${comp.kind} ${name}` };
      this.cache.set(key, named);
      return named;
    } finally {
      this.active.delete(key);
    }
  }
  ref(ref, abi) {
    switch (ref.kind) {
      case "scalar": {
        const s = this.scalarOf(ref.name, abi);
        return { ...s, c: SCALARS[ref.name].c };
      }
      case "named":
        return this.named(ref.name, abi);
      case "pointer": {
        if (ref.width === "u64") {
          const storage = ref.storage ?? "aligned_u64";
          return { ...this.scalarOf(storage, abi), c: SCALARS[storage].c };
        }
        return { ...abi.scalars.pointer, c: `${pointeeC(ref.to, this, abi)} *` };
      }
      case "array": {
        const el = this.ref(ref.of, abi);
        if ("fixed" in ref.length)
          return { size: el.size * ref.length.fixed, align: el.align, c: `${el.c}[${ref.length.fixed}]` };
        return { size: 0, align: el.align, c: `${el.c}[]` };
      }
      case "bits":
        return { ...this.scalarOf(ref.base, abi), c: SCALARS[ref.base].c };
      case "anon":
        return { ...this.fields(ref.composite, ref.fields, abi, false, null), c: ref.composite };
    }
  }
  composite(decl, abi) {
    const packed = decl.packedOn.includes(abi.name);
    return this.fields(decl.kind, decl.fields, abi, packed, decl.aligned);
  }
  fields(kind, fields, abi, packed, aligned) {
    let bit = 0;
    let align = 1;
    const out = [];
    for (const f of fields) {
      const laid = this.ref(f.type, abi);
      const memberAlign = packed ? attributeAlign(f.type) : laid.align;
      if (f.type.kind === "bits") {
        const width = f.type.width;
        const unitBits = laid.align * 8;
        let at = kind === "union" ? 0 : bit;
        if (!packed && abi.bitfieldTypeMatters) {
          const spans = Math.floor((at % unitBits + width + unitBits - 1) / unitBits);
          if (spans > Math.floor(laid.size * 8 / unitBits))
            at = roundUp(at, unitBits);
          align = Math.max(align, laid.align);
        } else if (!packed && width === laid.size * 8 && at % unitBits === 0) {
          align = Math.max(align, laid.align);
        }
        out.push({
          name: f.name,
          offset: Math.floor(at / 8),
          size: laid.size,
          type: laid.c,
          bitOffset: at,
          bitSize: width
        });
        bit = kind === "union" ? Math.max(bit, width) : at + width;
        continue;
      }
      const offset = kind === "union" ? 0 : roundUp(Math.ceil(bit / 8), memberAlign);
      const fl = { name: f.name, offset, size: laid.size, type: laid.c };
      if (laid.fields)
        fl.fields = laid.fields;
      if (f.anonymous)
        fl.anonymous = true;
      out.push(fl);
      align = Math.max(align, memberAlign);
      bit = kind === "union" ? Math.max(bit, laid.size * 8) : (offset + laid.size) * 8;
    }
    if (aligned !== null)
      align = Math.max(align, aligned);
    return { size: roundUp(Math.ceil(bit / 8), align), align, kind, fields: out, c: kind };
  }
};
function pointeeC(to, engine, abi) {
  if (to.kind === "scalar")
    return SCALARS[to.name]?.c ?? to.name;
  if (to.kind === "named") {
    const t = engine.index.type(to.name);
    return t && t.kind !== "variant" ? `${t.kind} ${to.name}` : `struct ${to.name}`;
  }
  if (to.kind === "array")
    return pointeeC(to.of, engine, abi);
  if (to.kind === "pointer")
    return `${pointeeC(to.to, engine, abi)} *`;
  return "void";
}
function attributeAlign(t) {
  const storage = t.kind === "scalar" ? t.name : t.kind === "pointer" && t.width === "u64" ? t.storage ?? "aligned_u64" : void 0;
  return storage !== void 0 && SCALARS[storage]?.base === "aligned_u64" ? 8 : 1;
}
function roundUp(n, to) {
  return Math.ceil(n / to) * to;
}
function holes(layout) {
  if (layout.kind === "union")
    return [];
  const out = [];
  let end = 0;
  let prev = "";
  for (const f of layout.fields) {
    const fEnd = f.bitSize !== void 0 ? Math.ceil((f.bitOffset + f.bitSize) / 8) : f.offset + f.size;
    const start = f.bitSize !== void 0 ? Math.floor(f.bitOffset / 8) : f.offset;
    if (start > end)
      out.push({ after: prev, offset: end, size: start - end });
    end = Math.max(end, fEnd);
    prev = f.name;
  }
  if (layout.size > end)
    out.push({ after: "", offset: end, size: layout.size - end });
  return out;
}

// ../codegen/dist/flatten.js
function signedness(ref, abi) {
  const word = ref.kind === "scalar" ? ref.name : ref.kind === "pointer" && ref.width === "u64" ? ref.storage ?? "aligned_u64" : void 0;
  if (word === void 0)
    return void 0;
  const info = SCALARS[word];
  if (!info || info.base === "void")
    return void 0;
  return word === "char" ? abi.charSigned : info.signed;
}
function flatten(engine, layout, abi) {
  const decl = engine.index.composite(layout.name, abi.name);
  const out = [];
  if (decl)
    walk(engine, abi, decl.fields, layout.fields, { c: "", ir: "", owner: decl.name, ownerIr: "" }, 0, out);
  return out;
}
function walk(engine, abi, fields, layouts, prefix, base, out) {
  fields.forEach((f, i) => {
    const l = layouts[i];
    if (!l)
      return;
    const irPath = `${prefix.ir}${f.name}`;
    const ownerPath = `${prefix.ownerIr}${f.name}`;
    const offset = base + l.offset;
    const since = laterVersion(prefix.since, f.ann.since);
    const nested = nestedFields(engine, abi, f.type);
    if (f.anonymous) {
      if (nested && l.fields) {
        const inner = { c: prefix.c, ir: `${irPath}.`, owner: prefix.owner, ownerIr: `${ownerPath}.`, since };
        walk(engine, abi, nested.fields, l.fields, inner, offset, out);
      }
      return;
    }
    const path = `${prefix.c}${f.name}`;
    const sized = !(f.type.kind === "array" && !("fixed" in f.type.length));
    const signed = signedness(f.type, abi);
    const flat = { path, irPath, owner: prefix.owner, ownerPath, offset, size: l.size, sized };
    if (since !== void 0)
      flat.since = since;
    if (l.bitSize !== void 0 && l.bitOffset !== void 0) {
      flat.bitOffset = base * 8 + l.bitOffset;
      flat.bitSize = l.bitSize;
    } else if (signed !== void 0)
      flat.signed = signed;
    out.push(flat);
    if (nested && l.fields) {
      const inner = nested.owner ? { c: `${path}.`, ir: `${irPath}.`, owner: nested.owner, ownerIr: "", since } : { c: `${path}.`, ir: `${irPath}.`, owner: prefix.owner, ownerIr: `${ownerPath}.`, since };
      walk(engine, abi, nested.fields, l.fields, inner, offset, out);
    }
  });
}
function nestedFields(engine, abi, ref) {
  if (ref.kind === "anon")
    return { fields: ref.fields };
  if (ref.kind === "named") {
    const decl = engine.index.composite(ref.name, abi.name);
    return decl ? { fields: decl.fields, owner: decl.name } : void 0;
  }
  return void 0;
}

// ../codegen/dist/context.js
var GeneratorContext = class {
  registry;
  index;
  engine;
  membersCache = /* @__PURE__ */ new Map();
  constantsCache = /* @__PURE__ */ new Map();
  constructor(registry) {
    this.registry = registry;
    this.index = new RegistryIndex(registry);
    this.engine = new LayoutEngine(this.index);
  }
  /** Every ABI model, in the registry's order. */
  get abis() {
    return this.registry.abis;
  }
  /** The ABI named `name` (or a libseccomp alias); throws on an unknown name. */
  abi(name) {
    const abi = this.index.abi(name);
    if (!abi)
      throw new Error(`unknown ABI "${name}"`);
    return abi;
  }
  /** The layout of a type on an ABI (cached by the engine). */
  layout(type, abi) {
    return this.engine.layout(type, abi);
  }
  /** The signature a syscall has on an ABI: its ABI-specific one, else its default, else none. */
  signature(syscall, abi) {
    return signatureFor(syscall, abi);
  }
  /** Where each argument travels in seccomp_data.args on an ABI, or why it cannot be placed. */
  slots(signature, abi) {
    try {
      return argumentSlots(signature, this.abi(abi));
    } catch (e) {
      return { error: e.message };
    }
  }
  /**
   * Every member of a type on an ABI, flattened to C designators ("attr.sched_util_min"), with
   * absolute offsets, bit positions, signedness and the kernel version that introduced it.
   */
  members(type, abi) {
    const key = `${abi}\0${type}`;
    let m = this.membersCache.get(key);
    if (!m) {
      m = flatten(this.engine, this.layout(type, abi), this.abi(abi));
      this.membersCache.set(key, m);
    }
    return m;
  }
  /** Every flag and enum member with its value on an ABI, sorted by set, then declaration order. */
  constants(abi) {
    const name = this.abi(abi).name;
    let c = this.constantsCache.get(name);
    if (!c) {
      c = [...this.registry.sets].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).flatMap((s) => s.members.map((m) => ({
        set: s.name,
        name: m.name,
        value: RegistryIndex.memberValue(m, name),
        composite: m.composite,
        since: m.since
      })));
      this.constantsCache.set(name, c);
    }
    return c;
  }
  /** The C spelling of a type reference, as a declaration would write it. */
  cType(ref) {
    return cType(ref, this.index);
  }
};
function signatureFor(syscall, abi) {
  return syscall.signatures.find((s) => s.abis.includes(abi)) ?? syscall.signatures.find((s) => s.abis.length === 0);
}
function cType(t, index) {
  switch (t.kind) {
    case "scalar":
      return SCALARS[t.name]?.c ?? t.name;
    case "named": {
      const d = index.type(t.name);
      return d && d.kind !== "variant" ? `${d.kind} ${t.name}` : `struct ${t.name}`;
    }
    case "pointer": {
      const inner = cType(t.to, index);
      const dir = t.direction === "in" ? "const " : "";
      return t.width === "u64" ? `${SCALARS[t.storage ?? "aligned_u64"].c} /* ${dir}${inner} * */` : `${dir}${inner} *`;
    }
    case "array":
      return `${cType(t.of, index)}[${"fixed" in t.length ? t.length.fixed : ""}]`;
    case "bits":
      return `${SCALARS[t.base]?.c ?? t.base}:${t.width}`;
    case "anon":
      return t.composite;
  }
}

export {
  SECCOMP_ARGS,
  argumentSlots,
  describeArg64,
  holes,
  GeneratorContext,
  signatureFor,
  cType
};
