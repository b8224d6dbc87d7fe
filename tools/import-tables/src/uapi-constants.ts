/**
 * Number bases and ARM private syscall numbers, read from the architectures' unistd.h headers
 * rather than hard-coded, so a new tree is checked against what it says.
 */

function parseIntLiteral(text: string): number {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t.slice(2), 16);
  if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
  throw new Error(`not an integer literal: "${text}"`);
}

/** `__X32_SYSCALL_BIT` from arch/x86/include/uapi/asm/unistd.h. */
export function parseX32SyscallBit(header: string): number {
  const m = /^#define\s+__X32_SYSCALL_BIT\s+(\S+)/m.exec(header);
  if (!m?.[1]) throw new Error("arch/x86/include/uapi/asm/unistd.h: no __X32_SYSCALL_BIT");
  return parseIntLiteral(m[1]);
}

export type MipsSim = "_MIPS_SIM_ABI32" | "_MIPS_SIM_ABI64" | "_MIPS_SIM_NABI32";

/** `__NR_Linux` inside `#if _MIPS_SIM == <sim>` of arch/mips/include/uapi/asm/unistd.h. */
export function parseMipsNrLinux(header: string, sim: MipsSim): number {
  const lines = header.split("\n");
  let inBlock = false;
  for (const raw of lines) {
    const line = raw.trim();
    const cond = /^#if\s+_MIPS_SIM\s*==\s*(\w+)/.exec(line);
    if (cond) {
      inBlock = cond[1] === sim;
      continue;
    }
    if (line.startsWith("#endif")) {
      inBlock = false;
      continue;
    }
    const def = /^#define\s+__NR_Linux\s+(\S+)/.exec(line);
    if (inBlock && def?.[1]) return parseIntLiteral(def[1]);
  }
  throw new Error(`arch/mips/include/uapi/asm/unistd.h: no __NR_Linux for ${sim}`);
}

/** `__NR_SYSCALL_BASE` of the EABI branch (`#if defined(__thumb__) || defined(__ARM_EABI__)`). */
export function parseArmEabiBase(header: string): number {
  const m = /^#if[^\n]*defined\(__ARM_EABI__\)[^\n]*\n#define\s+__NR_SYSCALL_BASE\s+(\S+)/m.exec(header);
  if (!m?.[1]) throw new Error("arch/arm/include/uapi/asm/unistd.h: no EABI __NR_SYSCALL_BASE");
  return parseIntLiteral(m[1]);
}

export interface ArmPrivateSyscall {
  readonly name: string;
  /** Offset from __ARM_NR_BASE. */
  readonly offset: number;
}

export interface ArmPrivateSyscalls {
  /** `__ARM_NR_BASE` minus `__NR_SYSCALL_BASE` (0x0f0000). */
  readonly baseOffset: number;
  readonly calls: readonly ArmPrivateSyscall[];
}

/** `__ARM_NR_BASE` and the `__ARM_NR_<name> (__ARM_NR_BASE+n)` defines of arch/arm's uapi unistd.h. */
export function parseArmPrivate(header: string): ArmPrivateSyscalls {
  const base = /^#define\s+__ARM_NR_BASE\s+\(\s*__NR_SYSCALL_BASE\s*\+\s*(\w+)\s*\)/m.exec(header);
  if (!base?.[1]) throw new Error("arch/arm/include/uapi/asm/unistd.h: no __ARM_NR_BASE");
  const calls: ArmPrivateSyscall[] = [];
  for (const m of header.matchAll(/^#define\s+__ARM_NR_(\w+)\s+\(\s*__ARM_NR_BASE\s*\+\s*(\w+)\s*\)/gm)) {
    if (m[1] && m[2]) calls.push({ name: m[1], offset: parseIntLiteral(m[2]) });
  }
  return { baseOffset: parseIntLiteral(base[1]), calls };
}

/**
 * ARM private calls the arm64 compat layer handles (`__ARM_NR_compat_<name>` in
 * arch/arm64/include/asm/unistd.h), as offsets from `__ARM_NR_COMPAT_BASE`.
 */
export function parseArm64CompatPrivate(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of header.matchAll(
    /^#define\s+__ARM_NR_compat_(\w+)\s+\(\s*__ARM_NR_COMPAT_BASE\s*\+\s*(\w+)\s*\)/gm,
  )) {
    if (m[1] && m[2]) out.set(m[1], parseIntLiteral(m[2]));
  }
  return out;
}

/** `case NR(<name>):` labels of arm_syscall() in arch/arm/kernel/traps.c. */
export function parseArmTrapsCases(trapsC: string): Set<string> {
  const out = new Set<string>();
  if (!/\barm_syscall\s*\(/.test(trapsC)) return out;
  for (const m of trapsC.matchAll(/case\s+NR\((\w+)\)\s*:/g)) if (m[1]) out.add(m[1]);
  return out;
}
