// Documentation of generated syscalls: the one-line description (required) and the first kernel release.
import { DESCRIPTIONS } from "./descriptions.js";
import { SINCE } from "./since.js";

export interface SyscallDoc {
  description: string;
  since?: string;
}

const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** The description and @since of a syscall; an empty description when there is none. */
export function docOf(name: string): SyscallDoc {
  const description = has(DESCRIPTIONS, name) ? (DESCRIPTIONS[name] ?? "").trim() : "";
  const since = has(SINCE, name) ? SINCE[name] : undefined;
  return since === undefined ? { description } : { description, since };
}

/**
 * Checks the documentation of the syscalls about to be generated. Throws, listing the names, when a
 * syscall has no description or a malformed one or @since; returns table entries no generated syscall
 * uses (syscalls now hand-written or gone), which are harmless but worth pruning.
 */
export function checkDocs(names: readonly string[]): { unusedDescriptions: string[]; unusedSince: string[] } {
  const generated = new Set(names);
  const problems: string[] = [];
  const missing = [...generated].filter((n) => !docOf(n).description).sort();
  if (missing.length)
    problems.push(
      `${missing.length} generated syscall(s) without a description in tools/signatures/src/descriptions.ts: ${missing.join(", ")}`,
    );
  const malformed = Object.entries(DESCRIPTIONS)
    .filter(([, d]) => /[\r\n]|\*\//.test(d) || !/\S/.test(d))
    .map(([n]) => n);
  if (malformed.length)
    problems.push(`descriptions that are empty, span lines or contain "*/": ${malformed.join(", ")}`);
  const badSince = Object.entries(SINCE)
    .filter(([, v]) => !/^\d+\.\d+(\.\d+)?$/.test(v))
    .map(([n, v]) => `${n} (${JSON.stringify(v)})`);
  if (badSince.length)
    problems.push(`@since values that are not major.minor[.patch]: ${badSince.join(", ")}`);
  if (problems.length) throw new Error(problems.join("\n"));
  return {
    unusedDescriptions: Object.keys(DESCRIPTIONS).filter((n) => !generated.has(n)),
    unusedSince: Object.keys(SINCE).filter((n) => !generated.has(n)),
  };
}
