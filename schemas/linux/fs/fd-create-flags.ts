import type { FlagSet, On, PerAbi } from "@sysargs/dsl";
import type { arch_alpha, arch_mips, arch_parisc, arch_sparc } from "../../abi/index.js";

/**
 * IN_* flags of inotify_init1(2), per ABI: they are O_CLOEXEC and O_NONBLOCK, whose values differ on alpha, mips,
 * parisc and sparc (see OpenFlags).
 * @source include/uapi/linux/inotify.h (6.18)
 */
export type InotifyInitFlags = FlagSet<{
  /** Set close-on-exec on the new descriptor (O_CLOEXEC). */
  IN_CLOEXEC: PerAbi<0x80000, [On<arch_parisc | arch_alpha, 0x200000>, On<arch_sparc, 0x400000>]>;
  /** Non-blocking reads (O_NONBLOCK). */
  IN_NONBLOCK: PerAbi<
    0x800,
    [On<arch_alpha, 0x4>, On<arch_mips, 0x80>, On<arch_parisc, 0x10000>, On<arch_sparc, 0x4000>]
  >;
}>;

/**
 * SFD_* flags of signalfd4(2), per ABI: they are O_CLOEXEC and O_NONBLOCK (see OpenFlags).
 * @source include/uapi/linux/signalfd.h (6.18)
 */
export type SignalfdFlags = FlagSet<{
  /** Set close-on-exec on the new descriptor (O_CLOEXEC). */
  SFD_CLOEXEC: PerAbi<0x80000, [On<arch_parisc | arch_alpha, 0x200000>, On<arch_sparc, 0x400000>]>;
  /** Non-blocking reads (O_NONBLOCK). */
  SFD_NONBLOCK: PerAbi<
    0x800,
    [On<arch_alpha, 0x4>, On<arch_mips, 0x80>, On<arch_parisc, 0x10000>, On<arch_sparc, 0x4000>]
  >;
}>;

/**
 * PIDFD_* flags of pidfd_open(2), per ABI: PIDFD_NONBLOCK is O_NONBLOCK (see OpenFlags).
 *
 * Not a member: PIDFD_THREAD (O_EXCL, since 6.9), which the 6.1 cross headers lack and linux-source-6.12 defines
 * through O_EXCL, a name of another header, so no source of `sysargs verify` proves it.
 * @source include/uapi/linux/pidfd.h (6.18)
 */
export type PidfdOpenFlags = FlagSet<{
  /** The pidfd is non-blocking: waitid(P_PIDFD) returns EAGAIN instead of waiting (since 5.10). */
  PIDFD_NONBLOCK: PerAbi<
    0x800,
    [On<arch_alpha, 0x4>, On<arch_mips, 0x80>, On<arch_parisc, 0x10000>, On<arch_sparc, 0x4000>]
  >;
}>;
