import type { GeneratorContext } from "./context.js";

/**
 * Parameter names that carry flags, a mode, an operation or another choice from a set of
 * constants: an argument so named should have a flag set or an enum (issue 8's list: flags, mode,
 * prot, op, cmd, advice, which, how, domain, type, protocol, and their spellings in the kernel's
 * prototypes).
 */
const FLAG_LIKE =
  /^(flags?|[a-z_]*_flags|mode|prot|op|cmd|advice|which|which_clock|how|domain|family|type|protocol|option|resource|request|options|idtype|behavior)$/;

/** How completely the registry describes one ABI's syscall arguments. */
export interface AbiCoverage {
  readonly abi: string;
  /** Syscalls in the ABI's table (each has a signature). */
  readonly syscalls: number;
  /** Pointer arguments, and those whose pointee is declared (not `void`). */
  readonly pointers: number;
  readonly typedPointers: number;
  /** Flag-like arguments (by name, or carrying a set), and those with a flag set or enum. */
  readonly flagLike: number;
  readonly withSet: number;
}

/** Coverage of every ABI's implemented syscalls, in registry order. */
export function coverage(ctx: GeneratorContext): AbiCoverage[] {
  return ctx.abis.map((abi) => {
    const c = { abi: abi.name, syscalls: 0, pointers: 0, typedPointers: 0, flagLike: 0, withSet: 0 };
    for (const entry of ctx.index.table(abi.name)?.entries ?? []) {
      const sc = ctx.index.syscall(entry.name);
      const sig = sc && ctx.signature(sc, abi.name);
      if (!sig) continue;
      c.syscalls++;
      for (const p of sig.params) {
        if (p.type.kind === "pointer") {
          c.pointers++;
          if (!(p.type.to.kind === "scalar" && p.type.to.name === "void")) c.typedPointers++;
        } else if (p.ann.set || FLAG_LIKE.test(p.name)) {
          c.flagLike++;
          if (p.ann.set) c.withSet++;
        }
      }
    }
    return c;
  });
}
