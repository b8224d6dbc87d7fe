import { readFileSync } from "node:fs";
import { type Btf, parseBtf } from "./btf.js";

/** Where kernels built with CONFIG_DEBUG_INFO_BTF expose their own type information. */
export const KERNEL_BTF_PATH = "/sys/kernel/btf/vmlinux";

/**
 * Reads and parses the running kernel's BTF. Returns undefined when the file does not
 * exist (kernel without CONFIG_DEBUG_INFO_BTF, or not Linux), because callers treat
 * "no BTF here" as a normal condition; any other failure (permissions, a corrupt blob)
 * still throws, since silently ignoring it would hide a real problem.
 */
export function loadKernelBtf(path: string = KERNEL_BTF_PATH): Btf | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
  return parseBtf(bytes);
}
