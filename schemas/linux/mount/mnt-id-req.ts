import type {
  CountedArray,
  Fd,
  Flag,
  FlagSet,
  Flags,
  In,
  LenOf,
  long,
  Out,
  Ptr,
  Since,
  Struct,
  size_t,
  u32,
  u64,
  uint,
  Version,
  void_t,
  Was,
} from "@sysargs/dsl";

/**
 * LISTMOUNT_* flags of listmount(2).
 * @source include/uapi/linux/mount.h (6.18)
 */
export type ListmountFlags = FlagSet<{
  /** List later mounts first. */
  LISTMOUNT_REVERSE: Flag<0x1, "6.11">;
}>;

/**
 * Which mount (and mount namespace) statmount(2) and listmount(2) look at.
 * The size travels in the `size` field and has no "0 means first version" rule.
 * @source include/uapi/linux/mount.h (6.18)
 * @source fs/namespace.c (6.18) - copy_mnt_id_req
 * @header linux/mount.h
 * @since 6.8
 */
export interface mnt_id_req
  extends Struct<{
    extensible: {
      versions: [Version<24, "6.8", "MNT_ID_REQ_SIZE_VER0">, Version<32, "6.11", "MNT_ID_REQ_SIZE_VER1">];
      sizeIn: { field: "size" };
      copy: "in";
      belowMin: "EINVAL";
      abovePage: "E2BIG";
      tailMustBeZero: true;
    };
  }> {
  /** Size of the struct as the caller knows it. */
  size: u32;
  /** Mount namespace fd (alternative to mnt_ns_id); was the reserved `spare` field. */
  mnt_ns_fd: u32 & Fd & Since<"6.18"> & Was<"spare">;
  /** Unique mount id (statmount), or the last id listed so far / LSMT_ROOT (listmount). */
  mnt_id: u64;
  /** STATMOUNT_* request mask (statmount), or the last mount id returned (listmount). */
  param: u64;
  /** Mount namespace id (0 = the caller's). */
  mnt_ns_id: u64 & Since<"6.11">;
}

/**
 * Get information about a mount into `buf`: a struct statmount (512 bytes of fixed fields in 6.18)
 * followed by its variable-length strings. `buf` is typed void here rather than as struct statmount,
 * whose fixed part grows in its reserved space and whose flexible `str[]` holds the strings.
 * `flags` must be 0 in 6.18.
 * @since 6.8
 * @source include/linux/syscalls.h (6.18)
 * @source fs/namespace.c (6.18)
 */
export declare function statmount(
  req: Ptr<In<mnt_id_req>>,
  buf: Ptr<Out<void_t>>,
  bufsize: size_t & LenOf<"buf">,
  flags: uint,
): long;

/**
 * List the unique ids of the mounts below a mount; returns the number of ids written.
 * @since 6.8
 * @source include/linux/syscalls.h (6.18)
 * @source fs/namespace.c (6.18)
 */
export declare function listmount(
  req: Ptr<In<mnt_id_req>>,
  mnt_ids: Ptr<Out<CountedArray<u64, "nr_mnt_ids">>>,
  nr_mnt_ids: size_t,
  flags: uint & Flags<ListmountFlags>,
): long;
