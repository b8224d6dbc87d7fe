// Hand-written facts that the C prototypes do not carry: which ABI reads which syscall table,
// pointer directions, which strings are paths, which integers are file descriptors or lengths,
// which flag sets exist, and how syscalls are grouped into files.

/** One syscall table of the source tree and the registry ABIs that use its rows. */
export interface AbiRow {
  table: string;
  /** Values of the table's ABI column that these ABIs use. */
  abis: string[];
  registryAbis: string[];
  /** Use the compat entry column when there is one (s390 31-bit). */
  compat?: true;
}
export const ABI_ROWS: AbiRow[] = [
  { table: "arch/x86/entry/syscalls/syscall_64.tbl", abis: ["common", "64"], registryAbis: ["x86_64"] },
  { table: "arch/x86/entry/syscalls/syscall_64.tbl", abis: ["common", "x32"], registryAbis: ["x32"] },
  { table: "arch/x86/entry/syscalls/syscall_32.tbl", abis: ["i386"], registryAbis: ["i386"] },
  {
    table: "scripts/syscall.tbl",
    abis: ["common", "64", "renameat", "rlimit", "memfd_secret"],
    registryAbis: ["aarch64"],
  },
  {
    table: "scripts/syscall.tbl",
    abis: ["common", "64", "riscv", "rlimit", "memfd_secret"],
    registryAbis: ["riscv64"],
  },
  { table: "scripts/syscall.tbl", abis: ["common", "64"], registryAbis: ["loongarch64"] },
  { table: "arch/arm/tools/syscall.tbl", abis: ["common", "eabi"], registryAbis: ["arm"] },
  {
    table: "arch/powerpc/kernel/syscalls/syscall.tbl",
    abis: ["common", "32", "nospu"],
    registryAbis: ["ppc"],
  },
  {
    table: "arch/powerpc/kernel/syscalls/syscall.tbl",
    abis: ["common", "64", "nospu"],
    registryAbis: ["ppc64", "ppc64le"],
  },
  { table: "arch/s390/kernel/syscalls/syscall.tbl", abis: ["common", "64"], registryAbis: ["s390x"] },
  {
    table: "arch/s390/kernel/syscalls/syscall.tbl",
    abis: ["common", "32"],
    registryAbis: ["s390"],
    compat: true,
  },
  { table: "arch/mips/kernel/syscalls/syscall_o32.tbl", abis: ["o32"], registryAbis: ["mips", "mipsel"] },
  {
    table: "arch/mips/kernel/syscalls/syscall_n32.tbl",
    abis: ["n32"],
    registryAbis: ["mips64n32", "mipsel64n32"],
  },
  {
    table: "arch/mips/kernel/syscalls/syscall_n64.tbl",
    abis: ["n64"],
    registryAbis: ["mips64", "mips64el"],
  },
  { table: "arch/parisc/kernel/syscalls/syscall.tbl", abis: ["common", "32"], registryAbis: ["parisc"] },
  { table: "arch/parisc/kernel/syscalls/syscall.tbl", abis: ["common", "64"], registryAbis: ["parisc64"] },
  { table: "arch/sparc/kernel/syscalls/syscall.tbl", abis: ["common", "32"], registryAbis: ["sparc"] },
  { table: "arch/sparc/kernel/syscalls/syscall.tbl", abis: ["common", "64"], registryAbis: ["sparc64"] },
  { table: "arch/alpha/kernel/syscalls/syscall.tbl", abis: ["common"], registryAbis: ["alpha"] },
  { table: "arch/m68k/kernel/syscalls/syscall.tbl", abis: ["common"], registryAbis: ["m68k"] },
  { table: "arch/sh/kernel/syscalls/syscall.tbl", abis: ["common"], registryAbis: ["sh"] },
];

/** Prototype sources, the generic header first (the first prototype of a name wins). */
export const HEADER_FILES = [
  "include/linux/syscalls.h",
  "include/asm-generic/syscalls.h",
  "arch/x86/include/asm/syscalls.h",
  "arch/arm/include/asm/syscalls.h",
  "arch/powerpc/include/asm/syscalls.h",
  "arch/mips/include/asm/syscalls.h",
  "arch/m68k/include/asm/syscalls.h",
  "arch/sh/include/asm/syscalls.h",
  "arch/sh/include/asm/syscalls_32.h",
  "arch/sparc/include/asm/syscalls.h",
];

/**
 * Hand-written files of schemas/linux/syscalls (per-ABI overloads, multiplexers, architecture-private
 * syscalls): the generator never writes or deletes them and generates none of the syscalls they declare.
 * Any other file there must be named `<topic>.generated.ts` and carry the generated header, or the
 * generator stops.
 */
export const HAND_WRITTEN = ["arch-private.ts", "clone.ts", "file-offsets.ts", "multiplexers.ts"];

/** File (topic) of each syscall: the first matching rule wins; the rest go to misc.generated.ts. */
export const TOPICS: [string, RegExp][] = [
  [
    "compat-32bit",
    /^(_llseek|llseek|_newselect|fcntl64|fstat64|fstatat64|fstatfs64|ftruncate64|truncate64|lstat64|stat64|statfs64|mmap2|sigreturn|sigaction|signal|sigpending|sigprocmask|sigsuspend|old\w*|olduname|oldolduname|oldumount|readdir|waitpid|nice|stime|sgetmask|ssetmask|\w+32|\w+_time64|ugetrlimit|arm_\w+|sync_file_range2|fadvise64_64|umount|select|recv|send|pciconfig_\w+|ipc|socketcall|vm86|vm86old)$/,
  ],
  [
    "memory",
    /^(mmap|munmap|mremap|mprotect|pkey_\w+|madvise|process_madvise|mlock\w*|munlock\w*|mincore|msync|brk|mbind|get_mempolicy|set_mempolicy\w*|migrate_pages|move_pages|remap_file_pages|userfaultfd|memfd_\w+|membarrier|mseal|process_mrelease|map_shadow_stack|cachestat|swapon|swapoff|subpage_prot|cacheflush|cachectl)$/,
  ],
  [
    "signals",
    /^(kill|tkill|tgkill|rt_\w+|sigaltstack|signalfd\w*|pidfd_send_signal|pause|restart_syscall|alarm)$/,
  ],
  [
    "time",
    /^(time|stime|gettimeofday|settimeofday|adjtimex|clock_\w+|timer_\w+|timerfd_\w+|nanosleep|getitimer|setitimer|times|utime|utimes|futimesat|utimensat)$/,
  ],
  [
    "net",
    /^(socket|socketpair|bind|connect|listen|accept4?|getsockname|getpeername|sendto|recvfrom|setsockopt|getsockopt|shutdown|sendmmsg|recvmmsg|sendfile)$/,
  ],
  ["ipc", /^(sem\w+|msg\w+|shm\w+|mq_\w+|pipe2?|eventfd2?|futex\w*|set_robust_list|get_robust_list|kcmp)$/],
  [
    "process",
    /^(fork|vfork|execve|execveat|exit|exit_group|wait4|waitid|getpid|getppid|gettid|getpgid|setpgid|getpgrp|getsid|setsid|[gs]et[rfe]*[ug]id|[gs]etres[ug]id|[gs]etgroups|setfs[ug]id|capget|capset|prctl|arch_prctl|personality|unshare|setns|set_tid_address|sched_\w+|getpriority|setpriority|[gs]etrlimit|prlimit64|getrusage|pidfd_open|pidfd_getfd|ptrace|process_vm_\w+|seccomp|rseq|getcpu|ioprio_\w+|set_thread_area|get_thread_area|modify_ldt|iopl|ioperm|uprobe|uretprobe|lsm_\w+|getxpid|getxuid|getxgid|setpgrp)$/,
  ],
  ["events", /^(poll|ppoll|pselect6|epoll_\w+|inotify_\w+|fanotify_\w+|io_\w+|io_uring_\w+)$/],
  ["xattr", /^[lf]?(set|get|list|remove)xattr(at)?$/],
  [
    "mount",
    /^(mount|umount2|pivot_root|chroot|fsopen|fsconfig|fsmount|fspick|move_mount|open_tree|statfs|fstatfs|ustat|sysfs|quotactl\w*|sync|syncfs)$/,
  ],
  [
    "files",
    /^(read|write|pread64|pwrite64|preadv2?|pwritev2?|open|openat|creat|close|close_range|lseek|dup[23]?|fcntl|ioctl|flock|fsync|fdatasync|truncate|ftruncate|fallocate|fadvise64|readahead|sync_file_range|sendfile|splice|tee|vmsplice|copy_file_range|access|faccessat2?|chdir|fchdir|getcwd|mkdir|mkdirat|rmdir|mknod|mknodat|link|linkat|symlink|symlinkat|unlink|unlinkat|rename|renameat2?|readlink|readlinkat|chmod|fchmod|fchmodat2?|chown|fchown|lchown|fchownat|umask|stat|lstat|statx|getdents(64)?|name_to_handle_at|open_by_handle_at|cachestat)$/,
  ],
  [
    "system",
    /^(uname|sethostname|setdomainname|gethostname|getdomainname|sysinfo|syslog|reboot|acct|kexec_\w+|init_module|finit_module|delete_module|bpf|perf_\w+|add_key|request_key|keyctl|getrandom|vhangup|personality|uselib|getpagesize|getdtablesize)$/,
  ],
];

/** Parameters (`syscall.param`, or `*.param` for every syscall) that name a filesystem path. */
export const PATHS = new Set([
  "*.filename",
  "*.pathname",
  "*.path",
  "*.oldname",
  "*.newname",
  "*.oldpath",
  "*.newpath",
  "*.dir_name",
  "*.specialfile",
  "*.library",
  "*.new_root",
  "*.put_old",
  "*.from_pathname",
  "*.to_pathname",
  "*.special",
  "*.dirname",
  "acct.name",
  "umount.name",
  "umount2.name",
  "oldumount.name",
  "open_tree.filename",
]);

/** Integer parameter names that are file descriptors. */
export const FDS = new Set([
  "fd",
  "dfd",
  "olddfd",
  "newdfd",
  "epfd",
  "pidfd",
  "group_fd",
  "fd_in",
  "fd_out",
  "in_fd",
  "out_fd",
  "oldfd",
  "newfd",
  "ufd",
  "fildes",
  "from_dfd",
  "to_dfd",
  "fs_fd",
  "tfd",
  "fdin",
  "fdout",
]);
/** Exceptions: a name in FDS that is not a descriptor in this syscall. */
export const NOT_FDS = new Set(["pipe.fildes", "pipe2.fildes"]);

/**
 * Non-const pointers the kernel only reads (In) or reads and writes (InOut); every other non-const
 * pointer is Out, every const pointer In.
 */
export const IN_PTRS = new Set([
  "umount.name",
  "umount2.name",
  "oldumount.name",
  "mmap.arg",
  "old_mmap.arg",
  "select.arg",
  "bind.umyaddr",
  "connect.uservaddr",
  "sendto.addr",
  "sendto.buff",
  "send.buff",
  "mount.dev_name",
  "mount.type",
  "mount.data",
  "semop.tsops",
  "semtimedop.tsops",
  "semtimedop.sops",
  "semtimedop_time64.sops",
  "msgsnd.msgp",
  "sched_setparam.param",
  "sched_setscheduler.param",
  "setrlimit.rlim",
  "settimeofday.tv",
  "settimeofday.tz",
  "stime.tptr",
  "clock_settime.tp",
  "sethostname.name",
  "setdomainname.name",
  "io_submit.iocbpp",
  "io_cancel.iocb",
  "rt_sigqueueinfo.uinfo",
  "rt_tgsigqueueinfo.uinfo",
  "rt_sigsuspend.unewset",
  "signalfd.user_mask",
  "signalfd4.user_mask",
  "sigsuspend.mask",
  "ssetmask.newmask",
  "timer_create.timer_event_spec",
  "mq_notify.u_notification",
  "setgroups.grouplist",
  "setgroups16.grouplist",
  "setgroups32.grouplist",
  "msgctl.buf",
  "shmctl.buf",
  "semctl.arg",
  "kexec_load.segments",
  "delete_module.name_user",
  "init_module.umod",
  "set_robust_list.head",
  "rseq.rseq",
  "lsm_set_self_attr.ctx",
  "bpf.uattr",
  "ptrace.data",
  "sigaction.act",
  "uselib.library",
  "swapon.specialfile",
  "swapoff.specialfile",
  "pciconfig_write.buf",
  "s390_pci_mmio_write.user_buffer",
  "s390_guarded_storage.gscb",
  "futex_waitv.waiters",
  "cachestat.cstat_range",
  "sys_debug_setcontext.ctx",
  "swapcontext.new_ctx",
  "vm86old.user_vm86",
  "sched_setaffinity.user_mask_ptr",
  "setitimer.value",
  "utime.times",
  "utimes.utimes",
  "futimesat.utimes",
  "utimensat.utimes",
  "select.tvp",
  "futex.utime",
  "map_shadow_stack.addr",
  "mbind.nmask",
  "set_mempolicy.nmask",
  "migrate_pages.old_nodes",
  "migrate_pages.new_nodes",
  "move_pages.pages",
  "move_pages.nodes",
  "riscv_flush_icache.start",
  "landlock_add_rule.rule_attr",
  "quotactl.addr",
  "quotactl_fd.addr",
]);
export const INOUT_PTRS = new Set([
  "accept.upeer_addrlen",
  "accept4.upeer_addrlen",
  "getsockname.usockaddr_len",
  "getpeername.usockaddr_len",
  "recvfrom.addr_len",
  "getsockopt.optlen",
  "select.inp",
  "select.outp",
  "select.exp",
  "select.tvp",
  "_newselect.inp",
  "_newselect.outp",
  "_newselect.exp",
  "_newselect.tvp",
  "pselect6.inp",
  "pselect6.outp",
  "pselect6.exp",
  "pselect6.tsp",
  "pselect6_time64.inp",
  "pselect6_time64.outp",
  "pselect6_time64.exp",
  "pselect6_time64.tsp",
  "pselect6.sig",
  "pselect6_time64.sig",
  "poll.ufds",
  "ppoll.ufds",
  "ppoll_time64.ufds",
  "clock_adjtime.utx",
  "clock_adjtime64.utx",
  "adjtimex.txc_p",
  "old_adjtimex.txc_p",
  "sendfile.offset",
  "sendfile64.offset",
  "copy_file_range.off_in",
  "copy_file_range.off_out",
  "splice.off_in",
  "splice.off_out",
  "io_uring_setup.params",
  "get_mempolicy.nmask",
  "futex.uaddr",
  "futex.uaddr2",
  "futex_time64.uaddr",
  "futex_time64.uaddr2",
  "futex_wake.uaddr",
  "futex_wait.uaddr",
  "futex_requeue.waiters",
  "msgctl.buf",
  "prctl.arg2",
  "keyctl.arg2",
  "mq_getsetattr.u_omqstat",
  "name_to_handle_at.handle",
  "open_by_handle_at.handle",
  "statmount.buf",
  "getcpu.cache",
  "nanosleep.rmtp",
  "capget.header",
  "capset.header",
  "lsm_get_self_attr.size",
  "lsm_list_modules.size",
  "llseek.result",
  "_llseek.result",
  "uretprobe.arg0",
  "subpage_prot.map",
  "io_setup.ctxp",
  "sysctl.args",
  "modify_ldt.ptr",
  "io_pgetevents.usig",
  "io_pgetevents_time64.usig",
  "s390_guarded_storage.gscb",
  "s390_runtime_instr.signum",
]);

/**
 * Integer parameters that give the byte length of the pointer parameter named by the value.
 * Computed: a size_t/int/uint/ulong parameter named as in LEN_NAMES right after a pointer;
 * overrides here (`"syscall.param": "target"`, or "" to drop a computed one).
 */
export const LEN_NAMES = new Set([
  "count",
  "len",
  "size",
  "bufsiz",
  "buflen",
  "plen",
  "addrlen",
  "addr_len",
  "optlen",
  "msgsz",
  "sizemask",
  "sigsetsize",
  "usize",
  "bytecount",
  "length",
  "sz",
  "nbytes",
]);
export const LEN_OVERRIDES: Record<string, string> = {
  "rt_sigprocmask.sigsetsize": "nset",
  "rt_sigpending.sigsetsize": "uset",
  "rt_sigtimedwait.sigsetsize": "uthese",
  "rt_sigtimedwait_time64.sigsetsize": "uthese",
  "rt_sigsuspend.sigsetsize": "unewset",
  "epoll_pwait2.sigsetsize": "sigmask",
  "ppoll.sigsetsize": "sigmask",
  "ppoll_time64.sigsetsize": "sigmask",
  "sched_setaffinity.len": "user_mask_ptr",
  "sched_getaffinity.len": "user_mask_ptr",
  "signalfd.sizemask": "user_mask",
  "signalfd4.sizemask": "user_mask",
  "getgroups.gidsetsize": "",
  "setgroups.gidsetsize": "",
  "msgrcv.msgsz": "",
  "msgsnd.msgsz": "",
  "set_robust_list.len": "head",
  "sendto.len": "buff",
  "send.len": "buff",
  "recvfrom.size": "ubuf",
  "recv.size": "ubuf",
  "io_uring_register.nr_args": "",
  "lsm_get_self_attr.size": "",
  "lsm_list_modules.size": "",
  "lsm_set_self_attr.size": "ctx",
  "cachestat.cstat": "",
  "s390_pci_mmio_read.length": "user_buffer",
  "s390_pci_mmio_write.length": "user_buffer",
  "init_module.len": "umod",
  "pciconfig_read.len": "buf",
  "pciconfig_write.len": "buf",
  "mseal.len": "",
  "listxattrat.size": "list",
  "removexattrat.size": "",
};

/** Flag sets and enums declared elsewhere in schemas/linux, by parameter. */
export const SETS: Record<string, string> = {
  "clone.clone_flags": "Flags<CloneFlags>",
  "unshare.unshare_flags": "Flags<CloneFlags>",
  "fchownat.flag": "Flags<AtFlags>",
  "utimensat.flags": "Flags<AtFlags>",
  "utimensat_time64.flags": "Flags<AtFlags>",
  "fchmodat2.flags": "Flags<AtFlags>",
  "sched_setscheduler.policy": "OneOf<SchedPolicy>",
  "fsmount.attr_flags": "Flags<MountAttrFlags>",
  "mmap.prot": "Flags<ProtFlags>",
  "mmap.flags": "Flags<MmapFlags>",
  "mmap2.prot": "Flags<ProtFlags>",
  "mmap2.flags": "Flags<MmapFlags>",
  "mprotect.prot": "Flags<ProtFlags>",
  "pkey_mprotect.prot": "Flags<ProtFlags>",
  "mremap.flags": "Flags<MremapFlags>",
  "madvise.behavior": "OneOf<MadviseAdvice>",
  "process_madvise.behavior": "OneOf<MadviseAdvice>",
  "memfd_create.flags": "Flags<MemfdFlags>",
  "mlock2.flags": "Flags<Mlock2Flags>",
  "mlockall.flags": "Flags<MlockallFlags>",
  "msync.flags": "Flags<MsyncFlags>",
  "socket.family": "OneOf<AddressFamily>",
  "socket.protocol": "OneOf<IpProtocol>",
  "socketpair.family": "OneOf<AddressFamily>",
  "socketpair.protocol": "OneOf<IpProtocol>",
  "rt_sigprocmask.how": "OneOf<SigprocmaskHow>",
  "sigprocmask.how": "OneOf<SigprocmaskHow>",
  "fcntl.cmd": "OneOf<FcntlCmd>",
  "fcntl64.cmd": "OneOf<FcntlCmd>",
  "renameat2.flags": "Flags<RenameFlags>",
  "close_range.flags": "Flags<CloseRangeFlags>",
  "getrandom.flags": "Flags<GetrandomFlags>",
  "timerfd_create.clockid": "OneOf<ClockId>",
  "timerfd_create.flags": "Flags<TimerfdCreateFlags>",
  "timerfd_settime.flags": "Flags<TimerfdSettimeFlags>",
  "timerfd_settime64.flags": "Flags<TimerfdSettimeFlags>",
  "waitid.which": "OneOf<WaitIdType>",
  "waitid.options": "Flags<WaitOptions>",
  "wait4.options": "Flags<WaitOptions>",
  "waitpid.options": "Flags<WaitOptions>",
  "getrlimit.resource": "OneOf<RlimitResource>",
  "setrlimit.resource": "OneOf<RlimitResource>",
  "prlimit64.resource": "OneOf<RlimitResource>",
  "ugetrlimit.resource": "OneOf<RlimitResource>",
  "clock_gettime.which_clock": "OneOf<ClockId>",
  "clock_settime.which_clock": "OneOf<ClockId>",
  "clock_getres.which_clock": "OneOf<ClockId>",
  "clock_nanosleep.which_clock": "OneOf<ClockId>",
  "clock_gettime64.which_clock": "OneOf<ClockId>",
  "clock_settime64.which_clock": "OneOf<ClockId>",
  "clock_getres_time64.which_clock": "OneOf<ClockId>",
  "clock_nanosleep_time64.which_clock": "OneOf<ClockId>",
  "clock_adjtime.which_clock": "OneOf<ClockId>",
  "clock_adjtime64.which_clock": "OneOf<ClockId>",
  "timer_create.which_clock": "OneOf<ClockId>",
  "clock_nanosleep.flags": "Flags<TimerFlags>",
  "clock_nanosleep_time64.flags": "Flags<TimerFlags>",
  "timer_settime.flags": "Flags<TimerFlags>",
  "timer_settime64.flags": "Flags<TimerFlags>",
  "futex.op": "Flags<FutexOp>",
  "futex_time64.op": "Flags<FutexOp>",
  "seccomp.op": "OneOf<SeccompOp>",
  "seccomp.flags": "Flags<SeccompFilterFlags>",
  "prctl.option": "OneOf<PrctlOption>",
  "inotify_init1.flags": "Flags<InotifyInitFlags>",
  "signalfd4.flags": "Flags<SignalfdFlags>",
  "pidfd_open.flags": "Flags<PidfdOpenFlags>",
  "keyctl.option": "OneOf<KeyctlOp>",
  "ptrace.request": "OneOf<PtraceRequest>",
};

/**
 * Pointer parameters whose pointee is a registry type under another name than the C prototype's struct
 * tag (`syscall.param` -> registry type). msgctl's prototype says `struct msqid_ds *`, but with IPC_64
 * (implied by every msgctl entry point except sys_old_msgctl) the kernel copies a struct msqid64_ds.
 */
export const REGISTRY_POINTEES: Record<string, string> = {
  "msgctl.buf": "msqid64_ds",
};

/** Pointer parameters to an array whose element count is another parameter (`syscall.param` -> count). */
export const COUNTED_POINTEES: Record<string, string> = {
  "semop.tsops": "nsops",
  "semtimedop.tsops": "nsops",
  "semtimedop.sops": "nsops",
  "semtimedop_time64.sops": "nsops",
};

/**
 * Prose after the one-line description of a generated syscall (one string per comment line, at most
 * 110 characters each).
 */
export const DOC_NOTES: Record<string, string[]> = {
  fcntl: [
    "F_GETLK, F_SETLK and F_SETLKW (and on 64-bit ABIs F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW) take a",
    "`struct flock *` as `arg` (schemas/linux/fcntl/flock.ts); 32-bit ABIs need fcntl64 and struct flock64",
    "for the OFD commands. On a 64-bit kernel, i386's fcntl is compat_sys_fcntl64 and also takes the fcntl64",
    "commands. `arg` is an int or unused for most other commands (struct f_owner_ex for F_GETOWN_EX and",
    "F_SETOWN_EX).",
  ],
  fcntl64: [
    "F_GETLK64, F_SETLK64, F_SETLKW64 and F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW take a `struct flock64 *` as",
    "`arg` (schemas/linux/fcntl/flock.ts); F_GETLK, F_SETLK and F_SETLKW a `struct flock *`; other commands",
    "are those of fcntl.",
  ],
  msgctl: [
    "`buf` is a struct msqid64_ds for IPC_STAT, MSG_STAT and MSG_STAT_ANY (written) and IPC_SET (read);",
    "IPC_INFO and MSG_INFO write a struct msginfo there instead, and IPC_RMID ignores it. On alpha, arm and",
    "mips n32 and n64 (sys_old_msgctl) the kernel uses msqid64_ds only when `cmd` includes IPC_64 (0x100),",
    "and the old struct msqid_ds otherwise. Elsewhere msgctl always uses msqid64_ds: the native entry",
    "rejects IPC_64 in `cmd` with EINVAL, the compat entry of a 64-bit kernel ignores it.",
  ],
  semop: ["At most SEMOPM operations (kernel.sem, 500 by default): more give E2BIG, none EINVAL."],
  semtimedop: ["At most SEMOPM operations (kernel.sem, 500 by default): more give E2BIG, none EINVAL."],
  semtimedop_time64: [
    "At most SEMOPM operations (kernel.sem, 500 by default): more give E2BIG, none EINVAL.",
  ],
};

/** Struct tags of pointees whose typedef name the kernel uses. */
export const TYPEDEF_POINTEES: Record<string, string> = {
  sigset_t: "sigset_t",
  siginfo_t: "siginfo_t",
  stack_t: "stack_t",
  fd_set: "fd_set",
  cap_user_data_t: "struct __user_cap_data_struct",
};

/** Notes on 64-bit arguments carried in two registers by 32-bit ABIs. */
export const SPLIT_NOTE =
  "A 64-bit argument: on 32-bit ABIs it takes two argument slots, with padding where the ABI aligns pairs; `sysargs syscall <name> --abi <abi>` shows the slots.";
