/**
 * C names of the generated headers. Every identifier starts with `sysargs_` / `SYSARGS_`, so a
 * program can include the kernel's <linux/*.h> next to them: the kernel never declares a tag or
 * macro with that prefix. Leading underscores of registry names are dropped
 * (`__kernel_timespec` -> `sysargs_kernel_timespec`): an identifier containing `__` is reserved
 * in C++.
 */

/** The registry name without leading underscores. */
const bare = (name: string): string => name.replace(/^_+/, "");

/** The struct or union tag of a registry type: `sysargs_clone_args`. */
export function tagOf(typeName: string): string {
  return `sysargs_${bare(typeName)}`;
}

/** The macro stem of a registry type: `SYSARGS_CLONE_ARGS`. */
export function typeMacro(typeName: string): string {
  return `SYSARGS_${upper(typeName)}`;
}

/** The macro stem of a member path: `SYSARGS_SCHED_ATTR_SCHED_UTIL_MIN`, `..._TS_TV_SEC` for "ts.tv_sec". */
export function memberMacro(typeName: string, path: string): string {
  // Member names stay verbatim: stat64 has both `__st_ino` and `st_ino`.
  return `${typeMacro(typeName)}_${path.replaceAll(".", "_").toUpperCase()}`;
}

/**
 * The macro of a flag or enum constant: `SYSARGS_CLONE_INTO_CGROUP`. The name is kept verbatim,
 * leading underscores too: the kernel has both `O_SYNC` and `__O_SYNC`.
 */
export function constantMacro(name: string): string {
  return `SYSARGS_${name.toUpperCase()}`;
}

/** The macro stem of a syscall: `SYSARGS_SYS_CLONE3` (apart from types: `stat` is both). */
export function syscallMacro(name: string): string {
  return `SYSARGS_SYS_${upper(name)}`;
}

/** The file-name form of an ABI (ABI names are already plain). */
export function abiGuard(abi: string, topic: string): string {
  return `SYSARGS_${upper(abi)}_${upper(topic)}_H`;
}

function upper(s: string): string {
  return bare(s).toUpperCase();
}

/**
 * Collects the macros of one ABI's headers and refuses a name defined twice with two meanings:
 * two registry names that map to one macro (`a.b_c` and `a_b.c`) would otherwise silently
 * redefine each other.
 */
export class MacroSet {
  private readonly defined = new Map<string, string>();

  define(name: string, value: string, where: string): void {
    const before = this.defined.get(name);
    if (before !== undefined && before !== value)
      throw new Error(`gen-c: macro ${name} would mean both ${before} and ${value} (${where})`);
    this.defined.set(name, value);
  }
}
