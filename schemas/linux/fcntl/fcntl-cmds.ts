import type { EnumSet, FlagSet, On, PerAbi } from "@sysargs/dsl";
import type { arch_alpha, arch_mips, arch_parisc, arch_sparc } from "../../abi/index.js";

/**
 * F_* commands of fcntl(2) and fcntl64, per ABI.
 *
 * The default values are asm-generic's (include/uapi/asm-generic/fcntl.h); alpha, sparc, mips and parisc move
 * the record-lock and owner commands. The Linux-specific commands (F_LINUX_SPECIFIC_BASE 1024 and up, from
 * include/uapi/linux/fcntl.h) are the same everywhere.
 * Not members: F_GETLK64, F_SETLK64 and F_SETLKW64, which the UAPI headers define only for 32-bit ABIs (12, 13
 * and 14; 33, 34 and 35 on mips o32 and n32) and which fcntl64 takes; F_CANCELLK (1029), reserved for the kernel's
 * own lock cancellation; F_DUPFD_QUERY (6.10) and F_CREATED_QUERY (6.12), newer than the cross headers (6.1) and
 * defined in linux/fcntl.h from asm-generic's F_LINUX_SPECIFIC_BASE, so no source of `sysargs verify` proves them.
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 * @source arch/alpha/include/uapi/asm/fcntl.h (6.18)
 * @source arch/sparc/include/uapi/asm/fcntl.h (6.18)
 * @source arch/mips/include/uapi/asm/fcntl.h (6.18)
 * @source arch/parisc/include/uapi/asm/fcntl.h (6.18)
 * @source include/uapi/linux/fcntl.h (6.18) - the Linux-specific commands
 */
export type FcntlCmd = EnumSet<{
  /** Duplicate the descriptor to the lowest free number >= `arg`. */
  F_DUPFD: 0;
  /** Get the descriptor flags (FD_CLOEXEC). */
  F_GETFD: 1;
  /** Set the descriptor flags to `arg` (FD_CLOEXEC). */
  F_SETFD: 2;
  /** Get the file status flags and access mode (O_*). */
  F_GETFL: 3;
  /** Set the file status flags to `arg` (O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME, FASYNC). */
  F_SETFL: 4;
  /** Test for a POSIX record lock (`arg`: struct flock *). */
  F_GETLK: PerAbi<5, [On<arch_sparc | arch_alpha, 7>, On<arch_mips, 14>]>;
  /** Set or clear a POSIX record lock without waiting (`arg`: struct flock *). */
  F_SETLK: PerAbi<6, [On<arch_sparc | arch_alpha, 8>]>;
  /** Set or clear a POSIX record lock, waiting for it (`arg`: struct flock *). */
  F_SETLKW: PerAbi<7, [On<arch_sparc | arch_alpha, 9>]>;
  /** Set the process or process group that receives SIGIO and SIGURG. */
  F_SETOWN: PerAbi<8, [On<arch_alpha, 5>, On<arch_mips, 24>, On<arch_parisc, 12>, On<arch_sparc, 6>]>;
  /** Get the process (or negated process group) that receives SIGIO and SIGURG. */
  F_GETOWN: PerAbi<9, [On<arch_alpha, 6>, On<arch_mips, 23>, On<arch_parisc, 11>, On<arch_sparc, 5>]>;
  /** Set the signal sent when I/O is possible. */
  F_SETSIG: PerAbi<10, [On<arch_parisc, 13>]>;
  /** Get the signal sent when I/O is possible. */
  F_GETSIG: PerAbi<11, [On<arch_parisc, 14>]>;
  /** Set the owner as a thread, process or process group (`arg`: struct f_owner_ex *). */
  F_SETOWN_EX: 15;
  /** Get the owner (`arg`: struct f_owner_ex *). */
  F_GETOWN_EX: 16;
  /** Get the owner's credentials (`arg`: uid_t[2]). */
  F_GETOWNER_UIDS: 17;
  /** Test for an open file description lock (`arg`: struct flock *). */
  F_OFD_GETLK: 36;
  /** Set or clear an open file description lock without waiting. */
  F_OFD_SETLK: 37;
  /** Set or clear an open file description lock, waiting for it. */
  F_OFD_SETLKW: 38;
  /** Set a file lease (F_RDLCK, F_WRLCK or F_UNLCK). */
  F_SETLEASE: 1024;
  /** Get the lease type held. */
  F_GETLEASE: 1025;
  /** Request directory change notifications (dnotify DN_* in `arg`). */
  F_NOTIFY: 1026;
  /** F_DUPFD that also sets close-on-exec on the new descriptor. */
  F_DUPFD_CLOEXEC: 1030;
  /** Set the capacity of a pipe. */
  F_SETPIPE_SZ: 1031;
  /** Get the capacity of a pipe. */
  F_GETPIPE_SZ: 1032;
  /** Add file seals (F_SEAL_* in `arg`) to a memfd or shmem file. */
  F_ADD_SEALS: 1033;
  /** Get the file seals. */
  F_GET_SEALS: 1034;
  /** Get the inode's write-lifetime hint (`arg`: u64 *). */
  F_GET_RW_HINT: 1035;
  /** Set the inode's write-lifetime hint (`arg`: u64 *). */
  F_SET_RW_HINT: 1036;
  /** Get the open file's write-lifetime hint (`arg`: u64 *). */
  F_GET_FILE_RW_HINT: 1037;
  /** Set the open file's write-lifetime hint (`arg`: u64 *). */
  F_SET_FILE_RW_HINT: 1038;
}>;

/**
 * FD_* descriptor flags: the `arg` of fcntl(F_SETFD) and the result of F_GETFD.
 * @source include/uapi/asm-generic/fcntl.h (6.18)
 */
export type FdFlags = FlagSet<{
  /** Close the descriptor on execve(2). */
  FD_CLOEXEC: 1;
}>;
