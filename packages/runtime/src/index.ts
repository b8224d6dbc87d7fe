export {
  checkBigBits,
  checkBigInt,
  checkInt,
  checkLength,
  readBits,
  readBitsBig,
  writeBits,
  writeBitsBig,
} from "./bits.js";
export type { SyscallInfo, SyscallParam, TypeCodec } from "./codec.js";
export {
  type Copied,
  type CopyRules,
  copyIn,
  type DecodeOptions,
  type ExtensibleRules,
  type FlagMinSize,
} from "./copy.js";
export {
  EncodeRangeError,
  type Errno,
  FlagRequiresSizeError,
  isSysargsError,
  NonZeroTailError,
  StructTooLargeError,
  StructTooSmallError,
  SYSARGS_ERROR_NAMES,
  SysargsError,
  type SysargsErrorName,
  TruncatedInputError,
  UnknownFlagError,
} from "./errors.js";
export { type Described, EnumSet, FlagSet, type Member } from "./flags.js";
