export { btfNameOf, compareBtf } from "./btf-check.js";
export { ElfError, type ElfObject, type ElfSymbol, readElf, readInt64s } from "./elf.js";
export { HEADER_MAP, type HeaderEntry, type HeaderMapValue, type NoHeader, uapiHeaderOf } from "./headers.js";
export {
  type AbiSummary,
  type Check,
  type Entry,
  formatMismatch,
  type ProvedBy,
  provedBy,
  type Report,
  type Source,
  type Status,
} from "./report.js";
export {
  locateToolchain,
  missingToolchainMessage,
  type Toolchain,
  toolchainInstalled,
  toolchainsRequired,
} from "./toolchain.js";
export { hostAbi, registryItems, type VerifyOptions, verify } from "./verify.js";
