// Each ABI comes from its own file: index.ts re-exports this one, so importing from it would be a cycle.
import type { aarch64 } from "./aarch64.js";
import type { alpha } from "./alpha.js";
import type { arm } from "./arm.js";
import type { i386 } from "./i386.js";
import type { loongarch64 } from "./loongarch64.js";
import type { m68k } from "./m68k.js";
import type { mips } from "./mips.js";
import type { mips64 } from "./mips64.js";
import type { mips64el } from "./mips64el.js";
import type { mips64n32 } from "./mips64n32.js";
import type { mipsel } from "./mipsel.js";
import type { mipsel64n32 } from "./mipsel64n32.js";
import type { parisc } from "./parisc.js";
import type { parisc64 } from "./parisc64.js";
import type { ppc } from "./ppc.js";
import type { ppc64 } from "./ppc64.js";
import type { ppc64le } from "./ppc64le.js";
import type { riscv64 } from "./riscv64.js";
import type { s390 } from "./s390.js";
import type { s390x } from "./s390x.js";
import type { sh } from "./sh.js";
import type { sparc } from "./sparc.js";
import type { sparc64 } from "./sparc64.js";
import type { x32 } from "./x32.js";
import type { x86_64 } from "./x86_64.js";

/**
 * ABI groups: every ABI of a kernel architecture (arch/<family>), and other useful sets.
 * A group is a union of ABI types; selectors such as On<arch_mips, ...> accept both.
 */
export type arch_x86 = x86_64 | i386 | x32;
export type arch_arm64 = aarch64;
export type arch_arm = arm;
export type arch_riscv = riscv64;
export type arch_loongarch = loongarch64;
export type arch_powerpc = ppc | ppc64 | ppc64le;
export type arch_s390 = s390 | s390x;
export type arch_mips = mips | mipsel | mips64 | mips64el | mips64n32 | mipsel64n32;
export type arch_parisc = parisc | parisc64;
export type arch_sparc = sparc | sparc64;
export type arch_alpha = alpha;
export type arch_m68k = m68k;
export type arch_sh = sh;
/** MIPS o32 (both endians). */
export type mips_o32 = mips | mipsel;
/** MIPS n64 (both endians). */
export type mips_n64 = mips64 | mips64el;
/** MIPS n32 (both endians). */
export type mips_n32 = mips64n32 | mipsel64n32;
/** Every ABI whose pointers and `long` are 64-bit. */
export type lp64 =
  | x86_64
  | aarch64
  | riscv64
  | loongarch64
  | ppc64
  | ppc64le
  | s390x
  | mips64
  | mips64el
  | parisc64
  | sparc64
  | alpha;
/** Every ABI whose pointers and `long` are 32-bit. */
export type ilp32 =
  | i386
  | x32
  | arm
  | ppc
  | s390
  | mips
  | mipsel
  | mips64n32
  | mipsel64n32
  | parisc
  | sparc
  | m68k
  | sh;
/**
 * ABIs whose kernel provides fstat64 and fstatat64 with a `struct stat64` (__ARCH_WANT_STAT64, or the
 * compat entries of a 64-bit kernel). Exactly the ABIs outside has_newfstatat.
 */
export type has_fstat64 =
  | i386
  | arm
  | ppc
  | s390
  | mips
  | mipsel
  | parisc
  | parisc64
  | sparc
  | sparc64
  | alpha
  | m68k
  | sh;
/** ABIs whose kernel provides newfstatat, which fills the 64-bit-clean native `struct stat`. */
export type has_newfstatat =
  | x86_64
  | x32
  | aarch64
  | riscv64
  | loongarch64
  | ppc64
  | ppc64le
  | s390x
  | mips64
  | mips64el
  | mips64n32
  | mipsel64n32;
