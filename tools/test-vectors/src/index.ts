import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openRegistry } from "@sysargs/registry";

/**
 * Test vectors: real bytes of UAPI structs with the values a C program set, per ABI, stored as
 * JSON in tools/test-vectors/vectors/ for the decoders of every language (TypeScript now, C
 * later). See README.md beside this folder.
 */
export const VECTORS_DIR = fileURLToPath(new URL("../vectors/", import.meta.url));
const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** One struct in a vector file: its bytes as the ABI's compiler laid them out, and the values set. */
export interface StructVector {
  readonly size: number;
  readonly hex: string;
  /** Member values as C read them back, as decimal strings (signed members may be negative). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface VectorFile {
  readonly abi: string;
  readonly structs: Readonly<Record<string, StructVector>>;
}

/** A struct a real syscall was given (syscalls.c), with what the kernel answered. */
export interface SyscallVector extends StructVector {
  readonly syscall: string;
  readonly result: number;
  readonly ok: boolean;
}

/**
 * The ABIs fill.c runs on here: those whose cross compiler, static C library and qemu-user are
 * Debian packages (x86_64 runs natively). Each one adds something the others lack: big-endian
 * (s390x, ppc, ppc64, mips, sparc64), 32-bit (i386 with 4-byte-aligned u64, arm, ppc, mips, mipsel).
 */
export const RUNNERS: Readonly<Record<string, { qemu: string | null; libc: string }>> = {
  x86_64: { qemu: null, libc: "libc6-dev" },
  i386: { qemu: "qemu-i386", libc: "libc6-dev-i386-cross" },
  aarch64: { qemu: "qemu-aarch64", libc: "libc6-dev-arm64-cross" },
  arm: { qemu: "qemu-arm", libc: "libc6-dev-armhf-cross" },
  riscv64: { qemu: "qemu-riscv64", libc: "libc6-dev-riscv64-cross" },
  ppc: { qemu: "qemu-ppc", libc: "libc6-dev-powerpc-cross" },
  ppc64: { qemu: "qemu-ppc64", libc: "libc6-dev-ppc64-cross" },
  s390x: { qemu: "qemu-s390x", libc: "libc6-dev-s390x-cross" },
  mips: { qemu: "qemu-mips", libc: "libc6-dev-mips-cross" },
  mipsel: { qemu: "qemu-mipsel", libc: "libc6-dev-mipsel-cross" },
  sparc64: { qemu: "qemu-sparc64", libc: "libc6-dev-sparc64-cross" },
};

function onPath(file: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((d) => d !== "" && existsSync(join(d, file)));
}

/** The compiler command of an ABI and its flags (the ABI model's toolchain; gcc for x86_64). */
function compiler(abi: string): { gcc: string; flags: string[]; sysroot: string | null } {
  if (abi === "x86_64") return { gcc: "gcc", flags: [], sysroot: null };
  const tc = openRegistry().abi(abi)?.toolchain;
  if (!tc) throw new Error(`${abi} has no toolchain in its ABI model`);
  return { gcc: `${tc.triplet}-gcc`, flags: tc.flags, sysroot: `/usr/${tc.triplet}` };
}

/** What building and running fill.c for an ABI needs that this machine lacks (Debian package names). */
export function missingFor(abi: string): { what: string; packages: string[] }[] {
  const runner = RUNNERS[abi];
  if (!runner) throw new Error(`no runner for ${abi}`);
  const { gcc, sysroot } = compiler(abi);
  const missing: { what: string; packages: string[] }[] = [];
  if (!onPath(gcc))
    missing.push({ what: `${gcc}`, packages: [gcc.replace(/-gcc$/, "").replace(/^/, "gcc-")] });
  if (sysroot && !existsSync(join(sysroot, "lib", "libc.a")))
    missing.push({ what: `${sysroot}/lib/libc.a`, packages: [runner.libc] });
  if (runner.qemu && !onPath(runner.qemu)) missing.push({ what: runner.qemu, packages: ["qemu-user"] });
  return missing;
}

/** Compiles `source` (in src/) statically for `abi` and runs it (under qemu-user); returns its stdout. */
export function buildAndRun(abi: string, source: string, defines: string[] = []): string {
  const { gcc, flags } = compiler(abi);
  const dir = mkdtempSync(join(tmpdir(), "sysargs-vectors-"));
  try {
    const exe = join(dir, "prog");
    execFileSync(gcc, [...flags, "-static", "-O0", "-w", ...defines, "-o", exe, join(SRC, source)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const qemu = RUNNERS[abi]?.qemu ?? null;
    const r = qemu
      ? spawnSync(qemu, [exe], { encoding: "utf8", timeout: 60_000 })
      : spawnSync(exe, [], { encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${source} for ${abi} exited with ${r.status}: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** fill.c's output for an ABI, formatted as the committed vector file is. */
export function fillVectors(abi: string): string {
  const doc = JSON.parse(buildAndRun(abi, "fill.c", [`-DABI_NAME="${abi}"`])) as VectorFile;
  return formatVectors(doc);
}

/** One struct per line, so that a changed byte is a one-line diff. */
export function formatVectors(doc: VectorFile): string {
  const lines = Object.entries(doc.structs).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "abi": ${JSON.stringify(doc.abi)},\n  "source": "tools/test-vectors/src/fill.c",\n  "structs": {\n${lines.join(",\n")}\n  }\n}\n`;
}

/** The committed vector files: fill-<abi>.json. */
export function readVectors(): VectorFile[] {
  return readdirSync(VECTORS_DIR)
    .filter((f) => /^fill-.+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(VECTORS_DIR, f), "utf8")) as VectorFile);
}

/** The committed real-syscall vectors (x86_64). */
export function readSyscallVectors(): Record<string, SyscallVector> {
  const doc = JSON.parse(readFileSync(join(VECTORS_DIR, "syscalls-x86_64.json"), "utf8")) as {
    structs: Record<string, SyscallVector>;
  };
  return doc.structs;
}

/** Runs syscalls.c on this machine (x86_64) and returns what it passed and got. */
export function runSyscalls(): Record<string, SyscallVector> {
  return (JSON.parse(buildAndRun("x86_64", "syscalls.c")) as { structs: Record<string, SyscallVector> })
    .structs;
}

/** What the kernel answered for one struct of an unusual size (copy-rules.c). */
export interface CopyRuleCase {
  readonly type: string;
  /** The size passed (argument), or the struct's bytes when the size is inside it. */
  readonly size: number;
  readonly answer: "ok" | "EINVAL" | "E2BIG";
  /** The first min(size, 4096) bytes; the rest are zero. */
  readonly hex: string;
}

/** The committed answers of the running kernel to copy-rules.c (x86_64). */
export function readCopyRuleCases(): CopyRuleCase[] {
  return (
    JSON.parse(readFileSync(join(VECTORS_DIR, "copy-rules-x86_64.json"), "utf8")) as { cases: CopyRuleCase[] }
  ).cases;
}

/** Runs copy-rules.c on this machine's kernel (x86_64). */
export function runCopyRules(): CopyRuleCase[] {
  return (JSON.parse(buildAndRun("x86_64", "copy-rules.c")) as { cases: CopyRuleCase[] }).cases;
}
