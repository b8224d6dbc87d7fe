// What the test suite skips on this machine, said once at the end of the run.
//
// Tests decide at collection time whether what they need is here (a cross toolchain and its
// headers, the kernel source, scmp_sys_resolver, the kernel's BTF, tracefs). `gate` skips them
// when it is not, and records what is missing, with the Debian packages that provide it, as one
// JSON line in the file named by SYSARGS_SKIP_LOG (vitest.config.ts sets it for every worker).
// SkipSummaryReporter prints those lines, deduplicated, after vitest's own summary, ending with
// the one apt-get command that installs all of it. Nothing is printed when nothing was skipped.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";
import { toolchainsRequired } from "./tools/conformance/src/toolchain.js";

/**
 * CI mode, the suite's one detection: CI=true or CI=1, or SYSARGS_REQUIRE_TOOLCHAINS=1, the rule
 * `sysargs verify` applies to toolchains (toolchainsRequired). In CI mode nothing a test needs may
 * be missing: a test that would skip for a missing package or kernel facility (BTF, tracefs) runs
 * and fails, naming it, so that a CI machine that lost something cannot pass vacuously.
 */
export function ciMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return toolchainsRequired(env);
}

/** The environment variable naming the file skips are recorded in. */
export const SKIP_LOG_ENV = "SYSARGS_SKIP_LOG";

/** Something tests need that this machine lacks. */
export interface Missing {
  /** Short name, the key for deduplication: "x86_64 toolchain", "linux-source-6.12", "kernel BTF". */
  readonly what: string;
  /** The loud message: what is missing and how to get it. */
  readonly why: string;
  /** The Debian packages that provide it (none for BTF or tracefs, which come with the kernel). */
  readonly packages: readonly string[];
}

export interface Gate {
  readonly skip: boolean;
  /** The reasons, for the test titles ("" when nothing is missing). */
  readonly why: string;
}

/**
 * How tests that need something run: normally when nothing of it is missing; skipped, and the
 * missing things recorded for the end-of-run summary, when something is; and run anyway, so that
 * they fail (`requirePresent`), when it is `required` (`ciMode()`).
 */
export function gate(missing: readonly Missing[], required: boolean): Gate {
  if (missing.length === 0) return { skip: false, why: "" };
  const why = missing.map((m) => m.why).join("; ");
  if (required) return { skip: false, why };
  recordSkip(...missing);
  return { skip: true, why };
}

/**
 * For tests a gate let run although something is missing (CI mode): fails the test, naming what
 * is missing. Nothing happens when nothing is. Call it first in each test, or in `beforeEach`.
 */
export function requirePresent(g: Gate): void {
  if (g.why !== "") throw new Error(`required in CI mode, but missing: ${g.why}`);
}

/** Records skipped requirements for the summary (or warns right away when no run collects them). */
export function recordSkip(...missing: readonly Missing[]): void {
  const file = process.env[SKIP_LOG_ENV];
  if (!file) {
    for (const m of missing) console.warn(`*** SKIPPED: ${m.why}`);
    return;
  }
  appendFileSync(file, missing.map((m) => `${JSON.stringify(m)}\n`).join(""));
}

/** The recorded requirements, each once (first message wins), in the order first recorded. */
export function parseSkipLog(text: string): Missing[] {
  const byWhat = new Map<string, Missing>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let m: Missing;
    try {
      m = JSON.parse(line) as Missing;
    } catch {
      continue; // a torn line of a crashed worker
    }
    if (typeof m.what === "string" && !byWhat.has(m.what)) byWhat.set(m.what, m);
  }
  return [...byWhat.values()];
}

/** The end-of-run block: every missing thing, then the one command that installs all of it. */
export function formatSkipSummary(missing: readonly Missing[], skippedTests: number): string {
  if (missing.length === 0) return "";
  const packages = [...new Set(missing.flatMap((m) => m.packages))];
  const rule = "=".repeat(100);
  const lines = [
    rule,
    `SKIPPED on this machine: ${skippedTests} test(s), because ${missing.length === 1 ? "this is" : `these ${missing.length} are`} missing:`,
    ...missing.map((m) => `  - ${m.why}`),
  ];
  if (packages.length > 0)
    lines.push(
      "To run them, install (as root):",
      `  apt-get install -y --no-install-recommends ${packages.join(" ")}`,
    );
  lines.push(rule);
  return `${lines.join("\n")}\n`;
}

/** Prints the summary after vitest's own (list it after "default" in the reporters). */
export class SkipSummaryReporter implements Reporter {
  constructor(private readonly file: string) {}

  onInit(): void {
    writeFileSync(this.file, "");
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (!existsSync(this.file)) return;
    const missing = parseSkipLog(readFileSync(this.file, "utf8"));
    rmSync(this.file, { force: true });
    const skipped = testModules.reduce((n, m) => n + [...m.children.allTests("skipped")].length, 0);
    const text = formatSkipSummary(missing, skipped);
    if (text !== "") process.stdout.write(`\n${text}`);
  }
}
