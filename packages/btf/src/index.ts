export type { BtfComposite, BtfEnum, BtfEnumerator, BtfMember } from "./btf.js";
export { Btf, parseBtf } from "./btf.js";
export { BtfError } from "./btf-error.js";
export { KERNEL_BTF_PATH, loadKernelBtf } from "./load-kernel-btf.js";
