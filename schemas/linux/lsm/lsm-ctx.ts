import type { FlexArray, u8, u64 } from "@sysargs/dsl";

/**
 * One security-module attribute of lsm_get_self_attr(2) (which writes a sequence of them, each `len` bytes)
 * and lsm_set_self_attr(2) (which reads one). The fixed part is 32 bytes everywhere.
 * @source include/uapi/linux/lsm.h (6.18)
 * @since 6.8
 */
export interface lsm_ctx {
  /** The LSM_ID_* of the security module. */
  id: u64;
  /** Module-specific flags (0 unless the module defines some). */
  flags: u64;
  /** Size of this entry: the 32-byte header, ctx_len and any padding. */
  len: u64;
  /** Size of ctx in bytes. */
  ctx_len: u64;
  /** The attribute value, ctx_len bytes (a string's NUL included). */
  ctx: FlexArray<u8>;
}
