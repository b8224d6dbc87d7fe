/**
 * The data files next to the generated tables:
 *
 * - additions (`additions-<from>-<to>.tsv`): syscalls newer than the imported tree, merged into the
 *   tables until a tree that has them is imported;
 * - since facts (`since-versions.tsv`, hand-maintained; `since-libseccomp.tsv`, derived by
 *   `libseccomp-since.ts` from libseccomp's per-version columns and checked there): the kernel
 *   version a syscall appeared in on an ABI, where established, or `<=X.Y` when a source only
 *   establishes that X.Y already had it;
 * - history (`history.tsv`): why a number the tree reserves has no implementation: a syscall that
 *   was removed (and in which release), or a name that was never implemented.
 *
 * Both are tab-separated, `#` starts a comment line, and the first other line names the columns.
 */

export interface Addition {
  readonly name: string;
  /**
   * For `abis: "generic"`, the asm-generic number (scripts/syscall.tbl), mapped onto each ABI's own
   * numbering by the importer; otherwise the number as written in those ABIs' source table.
   */
  readonly number: number;
  readonly abis: "generic" | readonly string[];
  readonly since: string;
  readonly source: string;
  readonly line: number;
}

export interface SinceFact {
  /** Base name of the data file it came from. */
  readonly file?: string;
  readonly name: string;
  /** ABIs the fact is about; `*` for all. */
  readonly abis: "*" | readonly string[];
  readonly since: string;
  readonly source: string;
  readonly line: number;
}

export type HistoryStatus = "removed" | "never";

export interface HistoryFact {
  readonly name: string;
  /** ABIs the fact is about; `*` for every ABI whose tree reserves the name without an implementation. */
  readonly abis: "*" | readonly string[];
  readonly status: HistoryStatus;
  /** Release that removed it (status removed), `?` when no source establishes it; `-` for never. */
  readonly removed: string;
  readonly source: string;
  readonly line: number;
}

export const HISTORY_COLUMNS = ["name", "abis", "status", "removed", "source"] as const;
export const ADDITIONS_COLUMNS = ["name", "number", "abis", "since", "source"] as const;
export const SINCE_COLUMNS = ["name", "abis", "since", "source"] as const;

const NAME = /^[a-z_][a-z0-9_]*$/;
const VERSION = /^\d+\.\d+(\.\d+)?$/;
/** A since value: a release, or `<=` and a release when a source only bounds it from above. */
const SINCE = /^(<=)?\d+\.\d+(\.\d+)?$/;

function tsvRows(
  text: string,
  file: string,
  columns: readonly string[],
): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let header = false;
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.startsWith("#")) return;
    const fields = line.split("\t");
    if (!header) {
      if (fields.join("\t") !== columns.join("\t")) {
        throw new Error(`${file}:${i + 1}: expected column header "${columns.join("\\t")}"`);
      }
      header = true;
      return;
    }
    if (fields.length !== columns.length) {
      throw new Error(
        `${file}:${i + 1}: expected ${columns.length} tab-separated fields, got ${fields.length}`,
      );
    }
    out.push({ fields, line: i + 1 });
  });
  if (!header) throw new Error(`${file}: no column header line`);
  return out;
}

function abiList(value: string, file: string, line: number): string[] {
  const abis = value.split(",").map((a) => a.trim());
  if (abis.some((a) => a === "")) throw new Error(`${file}:${line}: empty ABI in "${value}"`);
  return abis;
}

export function parseAdditions(text: string, file = "<additions>"): Addition[] {
  const seen = new Set<string>();
  return tsvRows(text, file, ADDITIONS_COLUMNS).map(({ fields, line }) => {
    const [name = "", number = "", abis = "", since = "", source = ""] = fields;
    if (!NAME.test(name)) throw new Error(`${file}:${line}: bad syscall name "${name}"`);
    if (!/^\d+$/.test(number)) throw new Error(`${file}:${line}: bad number "${number}"`);
    if (!VERSION.test(since)) throw new Error(`${file}:${line}: bad since version "${since}"`);
    if (source.trim() === "") throw new Error(`${file}:${line}: empty source`);
    const key = `${name}/${abis}`;
    if (seen.has(key)) throw new Error(`${file}:${line}: duplicate addition ${name} for ${abis}`);
    seen.add(key);
    return {
      name,
      number: Number.parseInt(number, 10),
      abis: abis === "generic" ? "generic" : abiList(abis, file, line),
      since,
      source: source.trim(),
      line,
    };
  });
}

export function parseSinceFacts(text: string, file = "<since>"): SinceFact[] {
  return tsvRows(text, file, SINCE_COLUMNS).map(({ fields, line }) => {
    const [name = "", abis = "", since = "", source = ""] = fields;
    if (!NAME.test(name)) throw new Error(`${file}:${line}: bad syscall name "${name}"`);
    if (!SINCE.test(since)) throw new Error(`${file}:${line}: bad since version "${since}"`);
    if (source.trim() === "") throw new Error(`${file}:${line}: empty source`);
    return {
      file,
      name,
      abis: abis === "*" ? "*" : abiList(abis, file, line),
      since,
      source: source.trim(),
      line,
    };
  });
}

export function additionAppliesTo(addition: Addition, abi: string): boolean {
  return addition.abis === "generic" || addition.abis.includes(abi);
}

export function sinceFactAppliesTo(fact: SinceFact, abi: string): boolean {
  return fact.abis === "*" || fact.abis.includes(abi);
}

export function parseHistory(text: string, file = "<history>"): HistoryFact[] {
  const seen = new Set<string>();
  return tsvRows(text, file, HISTORY_COLUMNS).map(({ fields, line }) => {
    const [name = "", abis = "", status = "", removed = "", source = ""] = fields;
    if (!NAME.test(name)) throw new Error(`${file}:${line}: bad syscall name "${name}"`);
    if (status !== "removed" && status !== "never")
      throw new Error(`${file}:${line}: status "${status}" is neither "removed" nor "never"`);
    if (status === "removed" && removed !== "?" && !VERSION.test(removed))
      throw new Error(`${file}:${line}: removed "${removed}" is neither a kernel version nor "?"`);
    if (status === "never" && removed !== "-")
      throw new Error(`${file}:${line}: a never-implemented name has "-" as removed, not "${removed}"`);
    if (source.trim() === "") throw new Error(`${file}:${line}: empty source`);
    const list = abis === "*" ? "*" : abiList(abis, file, line);
    for (const abi of list === "*" ? ["*"] : list) {
      const key = `${name}/${abi}`;
      if (
        seen.has(key) ||
        seen.has(`${name}/*`) ||
        (abi === "*" && [...seen].some((k) => k.startsWith(`${name}/`)))
      )
        throw new Error(`${file}:${line}: ${name} has more than one history row for ${abi}`);
      seen.add(key);
    }
    return { name, abis: list, status, removed, source: source.trim(), line };
  });
}

export function historyAppliesTo(fact: HistoryFact, abi: string): boolean {
  return fact.abis === "*" || fact.abis.includes(abi);
}
