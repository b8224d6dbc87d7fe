import type { EnumSet } from "@sysargs/dsl";

/**
 * KEYCTL_* operations: the `option` of keyctl(2). The values are the same on every ABI.
 * @source include/uapi/linux/keyctl.h (6.18)
 */
export type KeyctlOp = EnumSet<{
  /** Get the ID of a special keyring (KEY_SPEC_*), optionally creating it. */
  KEYCTL_GET_KEYRING_ID: 0;
  /** Join or start a named session keyring. */
  KEYCTL_JOIN_SESSION_KEYRING: 1;
  /** Update a key's payload. */
  KEYCTL_UPDATE: 2;
  /** Revoke a key. */
  KEYCTL_REVOKE: 3;
  /** Set a key's owner and group. */
  KEYCTL_CHOWN: 4;
  /** Set a key's permissions mask. */
  KEYCTL_SETPERM: 5;
  /** Describe a key (type, uid, gid, perm, description). */
  KEYCTL_DESCRIBE: 6;
  /** Clear a keyring. */
  KEYCTL_CLEAR: 7;
  /** Link a key into a keyring. */
  KEYCTL_LINK: 8;
  /** Unlink a key from a keyring. */
  KEYCTL_UNLINK: 9;
  /** Search a keyring tree for a key. */
  KEYCTL_SEARCH: 10;
  /** Read a key's payload or a keyring's list of keys. */
  KEYCTL_READ: 11;
  /** Instantiate a partially constructed key. */
  KEYCTL_INSTANTIATE: 12;
  /** Negatively instantiate a partially constructed key. */
  KEYCTL_NEGATE: 13;
  /** Set the default keyring for request_key(2). */
  KEYCTL_SET_REQKEY_KEYRING: 14;
  /** Set a key's expiry timeout. */
  KEYCTL_SET_TIMEOUT: 15;
  /** Assume the authority to instantiate a key. */
  KEYCTL_ASSUME_AUTHORITY: 16;
  /** Get a key's LSM security label. */
  KEYCTL_GET_SECURITY: 17;
  /** Install the caller's session keyring on its parent. */
  KEYCTL_SESSION_TO_PARENT: 18;
  /** Negatively instantiate a key with a given error. */
  KEYCTL_REJECT: 19;
  /** Instantiate a key from an iovec array. */
  KEYCTL_INSTANTIATE_IOV: 20;
  /** Invalidate a key. */
  KEYCTL_INVALIDATE: 21;
  /** Get a user's persistent keyring. */
  KEYCTL_GET_PERSISTENT: 22;
  /** Compute a Diffie-Hellman shared secret or public key. */
  KEYCTL_DH_COMPUTE: 23;
  /** Query an asymmetric key's parameters. */
  KEYCTL_PKEY_QUERY: 24;
  /** Encrypt data with an asymmetric key. */
  KEYCTL_PKEY_ENCRYPT: 25;
  /** Decrypt data with an asymmetric key. */
  KEYCTL_PKEY_DECRYPT: 26;
  /** Create a signature with an asymmetric key. */
  KEYCTL_PKEY_SIGN: 27;
  /** Verify a signature with an asymmetric key. */
  KEYCTL_PKEY_VERIFY: 28;
  /** Restrict the keys that may be linked into a keyring. */
  KEYCTL_RESTRICT_KEYRING: 29;
  /** Move a key from one keyring to another. */
  KEYCTL_MOVE: 30;
  /** Get the keyrings facility's capabilities. */
  KEYCTL_CAPABILITIES: 31;
  /** Watch a key or keyring for changes (notification queue). */
  KEYCTL_WATCH_KEY: 32;
}>;
