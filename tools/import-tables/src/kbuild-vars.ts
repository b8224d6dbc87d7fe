/**
 * The two Kbuild variables that decide which rows of the generic table (`scripts/syscall.tbl`) an
 * architecture gets: `syscall_abis_32`/`syscall_abis_64` and `syscalltbl`. Defaults come from
 * `scripts/Makefile.asm-headers`, which then includes `arch/$(SRCARCH)/kernel/Makefile.syscalls`.
 */

export interface GenericTableSelection {
  /** Table path relative to the tree root, `%` already replaced by the word size. */
  readonly table: string;
  /** ABI columns, in the order the Makefiles name them. */
  readonly abis: readonly string[];
}

interface Vars {
  abis32: string[];
  abis64: string[];
  syscalltbl: string | undefined;
}

function words(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

function apply(vars: Vars, makefile: string): void {
  for (const raw of makefile.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    const m = /^(syscall_abis_32|syscall_abis_64|syscalltbl)\s*(\+=|:=|\?=|=)\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, name, op, value = ""] = m;
    if (name === "syscalltbl") {
      if (op !== "?=" || vars.syscalltbl === undefined) vars.syscalltbl = value.trim();
      continue;
    }
    const key = name === "syscall_abis_32" ? "abis32" : "abis64";
    if (op === "+=") vars[key].push(...words(value));
    else if (op !== "?=" || vars[key].length === 0) vars[key] = words(value);
  }
}

/**
 * @param asmHeaders text of scripts/Makefile.asm-headers (may be undefined for old trees: then the
 *   defaults `common,32`, `common,64` and `scripts/syscall.tbl` are assumed)
 * @param archSyscalls text of arch/<arch>/kernel/Makefile.syscalls
 */
export function genericTableSelection(
  asmHeaders: string | undefined,
  archSyscalls: string,
  bits: 32 | 64,
): GenericTableSelection {
  const vars: Vars = { abis32: [], abis64: [], syscalltbl: undefined };
  apply(vars, asmHeaders ?? "syscall_abis_32 += common,32\nsyscall_abis_64 += common,64\n");
  apply(vars, archSyscalls);
  const table = (vars.syscalltbl ?? "$(srctree)/scripts/syscall.tbl")
    .replace(/^\$\(srctree\)\//, "")
    .replaceAll("%", String(bits));
  const abis = bits === 32 ? vars.abis32 : vars.abis64;
  return { table, abis: [...new Set(abis)] };
}
