import { NOT_IMPLEMENTED_PREFIX } from "./render-table.js";

/** One line of a generated schemas/tables/<abi>.tbl file. */
export interface TableEntry {
  readonly number: number;
  readonly abi: string;
  readonly name: string;
  readonly entry: string;
  readonly compat: string;
  readonly since: string;
}

export interface ParsedTable {
  /** Implemented syscalls, in file order. */
  readonly present: readonly TableEntry[];
  /** Numbers listed as `#ni` comments. */
  readonly notImplemented: readonly TableEntry[];
  /** Header comment lines, without the leading `# `. */
  readonly header: readonly string[];
}

function entry(fields: string[], where: string): TableEntry {
  const [number, abi, name, ep, compat, since] = fields;
  if (fields.length !== 6 || !number || !abi || !name || !ep || !compat || !since || !/^\d+$/.test(number)) {
    throw new Error(
      `${where}: expected 6 tab-separated columns <number> <abi> <name> <entry> <compat> <since>`,
    );
  }
  return { number: Number.parseInt(number, 10), abi, name, entry: ep, compat, since };
}

export function parseGeneratedTable(text: string, file = "<table>"): ParsedTable {
  const present: TableEntry[] = [];
  const notImplemented: TableEntry[] = [];
  const header: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line === "") return;
    const where = `${file}:${i + 1}`;
    if (line.startsWith(NOT_IMPLEMENTED_PREFIX)) {
      notImplemented.push(entry(line.slice(NOT_IMPLEMENTED_PREFIX.length).split("\t"), where));
    } else if (line.startsWith("#")) {
      header.push(line.replace(/^# ?/, ""));
    } else {
      present.push(entry(line.split("\t"), where));
    }
  });
  return { present, notImplemented, header };
}

/** Number of an implemented syscall by name, or `undefined`. */
export function numberOf(table: ParsedTable, name: string): number | undefined {
  return table.present.find((e) => e.name === name)?.number;
}
