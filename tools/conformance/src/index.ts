export {
  type ArgProbe,
  type ArgSlotsReport,
  CORNER_PROBES,
  proveArgSlots,
  registryProbes,
} from "./arg-slots.js";
export { compareBtf } from "./btf-check.js";
export { ElfError, type ElfObject, type ElfSymbol, readElf, readInt64s } from "./elf.js";
export { formatReport } from "./format-report.js";
export { BASE_HEADERS } from "./headers.js";
export {
  type Define,
  defineClosure,
  KERNEL_SOURCE_CACHE,
  KERNEL_SOURCE_PACKAGE,
  KERNEL_SOURCE_TARBALL,
  type KernelSource,
  kernelSourceEntries,
  kernelSourceInstalled,
  missingKernelSourceMessage,
  type OpenedKernelSource,
  openKernelSource,
  parseDefines,
} from "./kernel-source.js";
export {
  type AbiSummary,
  type Check,
  type Entry,
  formatMismatch,
  type KernelSourceInfo,
  type ProvedBy,
  provedBy,
  type Report,
  type Source,
  type Status,
} from "./report.js";
export {
  compilerPackage,
  type ExecResult,
  headersPackage,
  locateToolchain,
  type MissingRequirement,
  missingToolchainMessage,
  missingToolchains,
  pool,
  run,
  type Toolchain,
  type ToolchainPresence,
  toolchainInstalled,
  toolchainPackages,
  toolchainPresence,
  toolchainsRequired,
  UAPI_HEADER_FILES,
} from "./toolchain.js";
export { hostAbi, registryItems, type VerifyOptions, verify } from "./verify.js";
