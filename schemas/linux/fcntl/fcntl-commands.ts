import type { Commands, Flags, In, InOut, int, Out, Pid, Ptr, Signal, u64, uint } from "@sysargs/dsl";
import type { FdFlags } from "./fcntl-cmds.js";
import type { flock } from "./flock.js";
import type { OpenFlags } from "./open-flags.js";

/**
 * What fcntl's `arg` means for each command (fs/fcntl.c do_fcntl: the cases read `arg` as an
 * int, an unsigned long or a user pointer; man-pages fcntl(2)). A command with `{}` ignores `arg`.
 * Not yet described here: F_SETOWN_EX/F_GETOWN_EX (struct f_owner_ex), F_GETOWNER_UIDS and
 * F_GET_FILE_RW_HINT/F_SET_FILE_RW_HINT.
 * @source include/uapi/linux/fcntl.h, include/uapi/asm-generic/fcntl.h (Linux 6.12)
 */
export type fcntl_commands = Commands<
  "fcntl",
  "cmd",
  {
    /** The lowest free descriptor >= `arg` becomes a copy of fd. */
    F_DUPFD: { arg: uint };
    /** F_DUPFD with FD_CLOEXEC set on the copy. */
    F_DUPFD_CLOEXEC: { arg: uint };
    F_GETFD: {};
    /** The descriptor flags to set (FD_CLOEXEC). */
    F_SETFD: { arg: uint & Flags<FdFlags> };
    F_GETFL: {};
    /** The file status flags to set (only O_APPEND, O_ASYNC, O_DIRECT, O_NOATIME, O_NONBLOCK change). */
    F_SETFL: { arg: uint & Flags<OpenFlags> };
    /** A lock to test; the kernel writes back the conflicting lock or F_UNLCK. */
    F_GETLK: { arg: Ptr<InOut<flock>> };
    F_SETLK: { arg: Ptr<In<flock>> };
    F_SETLKW: { arg: Ptr<In<flock>> };
    /** Open-file-description locks: l_pid must be 0. */
    F_OFD_GETLK: { arg: Ptr<InOut<flock>> };
    F_OFD_SETLK: { arg: Ptr<In<flock>> };
    F_OFD_SETLKW: { arg: Ptr<In<flock>> };
    /** The process (> 0) or process group (< 0) to receive SIGIO/SIGURG. */
    F_SETOWN: { arg: int & Pid };
    F_GETOWN: {};
    /** The signal sent when I/O is possible (0: SIGIO). */
    F_SETSIG: { arg: int & Signal };
    F_GETSIG: {};
    /** F_RDLCK, F_WRLCK or F_UNLCK. */
    F_SETLEASE: { arg: int };
    F_GETLEASE: {};
    /** DN_* events to watch on a directory (DN_MULTISHOT keeps the watch). */
    F_NOTIFY: { arg: uint };
    /** The new pipe capacity in bytes. */
    F_SETPIPE_SZ: { arg: int };
    F_GETPIPE_SZ: {};
    /** F_SEAL_* bits to add to a memfd or shmem file. */
    F_ADD_SEALS: { arg: uint };
    F_GET_SEALS: {};
    /** Where the kernel writes the inode's write-life hint (RWH_WRITE_LIFE_*). */
    F_GET_RW_HINT: { arg: Ptr<Out<u64>> };
    /** The write-life hint to set. */
    F_SET_RW_HINT: { arg: Ptr<In<u64>> };
  }
>;
