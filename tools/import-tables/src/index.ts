export { ABI_SPECS, type AbiSpec, abiSpec } from "./abi-specs.js";
export { type Addition, parseAdditions, parseSinceFacts, type SinceFact } from "./facts-files.js";
export {
  DEFAULT_ADDITIONS_FILE,
  DEFAULT_SINCE_FILE,
  defaultDataPaths,
  type ImportOptions,
  type ImportResult,
  importTables,
} from "./import-tables.js";
export { numberOf, type ParsedTable, parseGeneratedTable, type TableEntry } from "./read-table.js";
export { NOT_IMPLEMENTED_PREFIX, renderTable, TABLE_COLUMNS } from "./render-table.js";
export { type ResolvedRow, type ResolvedTable, resolveAbi, UNIFIED_FIRST_NUMBER } from "./resolve-abi.js";
export { isImplementedEntry, parseTbl, selectAbis, type TblRow } from "./tbl-parser.js";
export { TARBALL_MEMBERS } from "./tree-files.js";
