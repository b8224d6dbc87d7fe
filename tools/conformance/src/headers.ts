/**
 * Where each registry type lives in the UAPI headers of a cross toolchain, and how C spells it.
 *
 * Keyed by registry type name (a per-ABI variant is probed through its own name; its alternatives
 * are never probed by name). A type missing here falls back to the UAPI header its provenance
 * names (`@source include/uapi/linux/x.h` -> <linux/x.h>, spelled `struct <name>`); a type with
 * neither is reported as "no header mapping". `since` marks types newer than the Debian cross
 * toolchains' headers (Linux 6.1), for which "not in headers" is the expected outcome.
 */

export interface HeaderEntry {
  /** C spelling: "struct clone_args", "stack_t". */
  readonly c: string;
  /** Headers to include, as written between <>. */
  readonly headers: readonly string[];
  /** Name of the struct/union in the running kernel's BTF when it differs from the C tag; null: none. */
  readonly btf?: string | null;
  /**
   * Only these ABIs' headers declare the struct the registry describes; on the others the
   * header's type is a different one (e.g. the old sigaction) and the type is "no header".
   */
  readonly abis?: readonly string[];
  /** Why `abis` is restricted (reported with "no header" on the other ABIs). */
  readonly otherAbis?: string;
  /** Kernel version that added the type, when newer than Linux 6.1 (the cross headers). */
  readonly since?: string;
  /** Macros to define before any #include (UAPI opt-ins such as sparc's __WANT_POSIX1B_SIGNALS__). */
  readonly defines?: readonly string[];
}

/** A type the UAPI headers do not declare at all: BTF (x86_64) is its only source. */
export interface NoHeader {
  readonly none: string;
  /** Name of the struct/union in the running kernel's BTF when it differs from the registry's. */
  readonly btf?: string;
}

export type HeaderMapValue = HeaderEntry | NoHeader;

export const isNoHeader = (v: HeaderMapValue): v is NoHeader => "none" in v;

// Every ABI except MIPS n32 (see `stat`).
const ALL_BUT_N32 = [
  "x86_64",
  "i386",
  "x32",
  "aarch64",
  "arm",
  "riscv64",
  "loongarch64",
  "ppc",
  "ppc64",
  "ppc64le",
  "s390",
  "s390x",
  "mips",
  "mipsel",
  "mips64",
  "mips64el",
  "parisc",
  "parisc64",
  "sparc",
  "sparc64",
  "alpha",
  "m68k",
  "sh",
];

// Every ABI except x32 and 31-bit s390 (see `statfs`).
const ALL_BUT_X32_S390 = ALL_BUT_N32.filter((a) => a !== "x32" && a !== "s390").concat([
  "mips64n32",
  "mipsel64n32",
]);

// ABIs with statfs64/fstatfs64, whose <asm/statfs.h> `struct statfs64` is the registry's statfs64.
const STATFS64_ABIS = [
  "i386",
  "arm",
  "ppc",
  "ppc64",
  "ppc64le",
  "s390",
  "s390x",
  "mips",
  "mipsel",
  "mips64n32",
  "mipsel64n32",
  "parisc",
  "parisc64",
  "sparc",
  "sparc64",
  "alpha",
  "m68k",
  "sh",
];

// ABIs with fstat64/fstatat64, whose <asm/stat.h> `struct stat64` is the registry's stat64.
const STAT64_ABIS = [
  "i386",
  "arm",
  "ppc",
  "s390",
  "mips",
  "mipsel",
  "parisc",
  "parisc64",
  "sparc",
  "sparc64",
  "alpha",
  "m68k",
  "sh",
];

// ABIs whose <asm/signal.h> `sigset_t` is the kernel's (a struct of _NSIG bits in longs): the
// asm-generic definition (arm64, riscv, sh, loongarch), powerpc's, mips' (128 signals) and
// sparc's when __WANT_POSIX1B_SIGNALS__ is defined. x86, arm, alpha, m68k and s390 expose the
// old one-word sigset_t, parisc none.
const SIGSET_ABIS = [
  "aarch64",
  "riscv64",
  "loongarch64",
  "sh",
  "ppc",
  "ppc64",
  "ppc64le",
  "mips",
  "mipsel",
  "mips64",
  "mips64el",
  "mips64n32",
  "mipsel64n32",
  "sparc",
  "sparc64",
];
// sparc's <asm/signal.h> declares the kernel's sigset_t and sigaction only with this opt-in.
const SPARC_NEW_SIGNALS = "__WANT_POSIX1B_SIGNALS__ 1";

// ABIs whose <asm/signal.h> `struct sigaction` is the one rt_sigaction(2) reads: those of
// SIGSET_ABIS (n32 and sparc32 through compat_sigaction, which has the same layout) and x86_64
// (whose UAPI sigset_t is one unsigned long, as wide as the kernel's). Elsewhere UAPI exposes
// the old sigaction (i386, arm, alpha, m68k, s390: a handler union and old sigset_t first) or
// nothing (parisc), and x32 uses compat_sigaction, which its UAPI header does not describe.
const RT_SIGACTION_ABIS = ["x86_64", ...SIGSET_ABIS];
const RT_SIGACTION_OTHERS =
  "the UAPI struct sigaction of this ABI is the old sigaction (or absent); rt_sigaction's struct is kernel-internal";

export const HEADER_MAP: Readonly<Record<string, HeaderMapValue>> = {
  // ---- sched ----
  // clone3(2) arguments; CLONE_ARGS_SIZE_VER* alongside.
  clone_args: { c: "struct clone_args", headers: ["linux/sched.h"] },
  // sched_setattr/getattr; moved to linux/sched/types.h in 4.x.
  sched_attr: { c: "struct sched_attr", headers: ["linux/sched/types.h"] },
  // sched_setparam/getparam.
  sched_param: { c: "struct sched_param", headers: ["linux/sched/types.h"] },

  // ---- files, paths, mounts ----
  // openat2(2); OPEN_HOW_SIZE_VER0 is kernel-internal, so only the struct is in UAPI.
  open_how: { c: "struct open_how", headers: ["linux/openat2.h"] },
  // file_getattr/file_setattr, Linux 6.17: absent from 6.1 headers.
  file_attr: { c: "struct file_attr", headers: ["linux/fs.h"], since: "6.17" },
  // setxattrat/getxattrat, Linux 6.13.
  xattr_args: { c: "struct xattr_args", headers: ["linux/xattr.h"], since: "6.13" },
  // FS_IOC_FSGETXATTR; the ancestor of file_attr.
  fsxattr: { c: "struct fsxattr", headers: ["linux/fs.h"] },
  // mount_setattr(2) and open_tree_attr(2).
  mount_attr: { c: "struct mount_attr", headers: ["linux/mount.h"] },
  // statmount/listmount request, Linux 6.8.
  mnt_id_req: { c: "struct mnt_id_req", headers: ["linux/mount.h"], since: "6.8" },
  // statmount(2) result, Linux 6.8.
  statmount: { c: "struct statmount", headers: ["linux/mount.h"], since: "6.8" },
  // statx(2) result and its timestamps.
  statx: { c: "struct statx", headers: ["linux/stat.h"] },
  statx_timestamp: { c: "struct statx_timestamp", headers: ["linux/stat.h"] },
  // stat/fstat/newfstatat: the arch's own struct stat; per-ABI variants in the registry.
  stat: {
    c: "struct stat",
    headers: ["asm/stat.h"],
    // n32's stat/fstat/newfstatat are sys_newstat & co. of the 64-bit kernel (syscall_n32.tbl), so
    // they write the n64 layout; the UAPI n32 `struct stat` is the o32 one, which no n32 syscall uses.
    abis: ALL_BUT_N32,
    otherAbis:
      "n32's fstat/newfstatat write the 64-bit kernel's struct stat (n64 layout); UAPI declares the o32 one",
  },
  // fstat64/fstatat64 (the has_fstat64 ABIs, sparc64 and alpha included).
  stat64: {
    c: "struct stat64",
    headers: ["asm/stat.h"],
    // A 64-bit kernel's BTF struct stat64 is its 32-bit compat layout, not the registry's alternative.
    btf: null,
    abis: STAT64_ABIS,
    otherAbis: "this ABI has no stat64 syscall: the registry's stat64 is its struct stat (proved as `stat`)",
  },
  // statfs/fstatfs: the arch's asm/statfs.h (asm-generic by default); per-ABI variants in the registry.
  statfs: {
    c: "struct statfs",
    headers: ["asm/statfs.h"],
    // x32's statfs is the 64-bit sys_statfs (120 bytes), but its UAPI header (__BITS_PER_LONG 32) declares
    // the 64-byte __u32 one; s390's 64-bit kernels write the 64-byte compat_statfs (f_spare[4]), not the
    // 68-byte UAPI struct (f_spare[5]). Both are the asm-generic layouts proved on the other ABIs.
    abis: ALL_BUT_X32_S390,
    otherAbis:
      "the kernel writes another layout than this ABI's UAPI struct statfs (x32: the 64-bit one; s390: struct compat_statfs, 64 bytes)",
  },
  // statfs64/fstatfs64, on the ABIs that have them; the others' registry statfs64 is their struct statfs.
  statfs64: {
    c: "struct statfs64",
    headers: ["asm/statfs.h"],
    abis: STATFS64_ABIS,
    otherAbis:
      "this ABI has no statfs64 syscall: the registry's statfs64 is its struct statfs (proved as `statfs`)",
  },
  // The f_fsid of statfs: a typedef of an anonymous struct (no BTF name to look up).
  __kernel_fsid_t: { c: "__kernel_fsid_t", headers: ["linux/posix_types.h"], btf: null },
  // fcntl F_GETLK/F_SETLK locks; arch overrides in asm/fcntl.h. On 64-bit ABIs the UAPI struct flock64 has
  // the layout of struct flock, which is what the registry's flock64 is there.
  flock: { c: "struct flock", headers: ["linux/fcntl.h"] },
  flock64: { c: "struct flock64", headers: ["linux/fcntl.h"] },
  f_owner_ex: { c: "struct f_owner_ex", headers: ["linux/fcntl.h"] },
  // getdents64 entries: kernel-internal include/linux/dirent.h.
  linux_dirent64: { none: "declared in the kernel-internal include/linux/dirent.h" },
  // name_to_handle_at: kernel-internal include/linux/fs.h (glibc has its own).
  file_handle: { none: "declared in the kernel-internal include/linux/fs.h" },
  // FICLONERANGE.
  file_clone_range: { c: "struct file_clone_range", headers: ["linux/fs.h"] },
  // cachestat(2), Linux 6.5.
  cachestat_range: { c: "struct cachestat_range", headers: ["linux/mman.h"], since: "6.5" },
  cachestat: { c: "struct cachestat", headers: ["linux/mman.h"], since: "6.5" },
  // utime(2).
  utimbuf: { c: "struct utimbuf", headers: ["linux/utime.h"] },

  // ---- landlock ----
  landlock_ruleset_attr: { c: "struct landlock_ruleset_attr", headers: ["linux/landlock.h"] },
  landlock_path_beneath_attr: { c: "struct landlock_path_beneath_attr", headers: ["linux/landlock.h"] },
  // LANDLOCK_RULE_NET_PORT, Linux 6.7.
  landlock_net_port_attr: { c: "struct landlock_net_port_attr", headers: ["linux/landlock.h"], since: "6.7" },

  // ---- perf, bpf ----
  perf_event_attr: { c: "struct perf_event_attr", headers: ["linux/perf_event.h"] },
  // bpf(2) takes a union of per-command anonymous structs.
  bpf_attr: { c: "union bpf_attr", headers: ["linux/bpf.h"] },
  bpf_insn: { c: "struct bpf_insn", headers: ["linux/bpf.h"] },

  // ---- epoll, poll, select ----
  // packed on x86_64 and x32 only (EPOLL_PACKED).
  epoll_event: { c: "struct epoll_event", headers: ["linux/eventpoll.h"] },
  // EPIOCSPARAMS, Linux 6.9.
  epoll_params: { c: "struct epoll_params", headers: ["linux/eventpoll.h"], since: "6.9" },
  pollfd: { c: "struct pollfd", headers: ["linux/poll.h"] },
  __kernel_fd_set: { c: "__kernel_fd_set", headers: ["linux/posix_types.h"], btf: null },

  // ---- I/O vectors, messages, sockets ----
  iovec: { c: "struct iovec", headers: ["linux/uio.h"] },
  // sendmsg/recvmsg header: the UAPI headers do not declare it (glibc's struct msghdr is a libc type).
  user_msghdr: { none: "declared in the kernel-internal include/linux/socket.h" },
  msghdr: { none: "the user-space msghdr is the kernel-internal struct user_msghdr", btf: "user_msghdr" },
  // sendmmsg/recvmmsg entries: kernel-internal include/linux/socket.h.
  mmsghdr: { none: "declared in the kernel-internal include/linux/socket.h" },
  // struct sockaddr is kernel-internal (include/linux/socket.h); UAPI only has the storage type.
  sockaddr: { none: "declared in the kernel-internal include/linux/socket.h" },
  __kernel_sockaddr_storage: { c: "struct __kernel_sockaddr_storage", headers: ["linux/socket.h"] },
  sockaddr_storage: {
    c: "struct __kernel_sockaddr_storage",
    headers: ["linux/socket.h"],
    btf: "__kernel_sockaddr_storage",
  },

  // ---- time ----
  // y2038-safe time types, Linux 5.1 (linux/time_types.h).
  __kernel_timespec: { c: "struct __kernel_timespec", headers: ["linux/time_types.h"] },
  __kernel_itimerspec: { c: "struct __kernel_itimerspec", headers: ["linux/time_types.h"] },
  __kernel_old_timespec: { c: "struct __kernel_old_timespec", headers: ["linux/time_types.h"] },
  __kernel_old_timeval: { c: "struct __kernel_old_timeval", headers: ["linux/time_types.h"] },
  __kernel_sock_timeval: { c: "struct __kernel_sock_timeval", headers: ["linux/time_types.h"] },
  __kernel_old_itimerval: { c: "struct __kernel_old_itimerval", headers: ["linux/time_types.h"] },
  // The traditional ones in linux/time.h (the kernel itself no longer has struct timespec).
  timespec: { c: "struct timespec", headers: ["linux/time.h"] },
  timeval: { c: "struct timeval", headers: ["linux/time.h"] },
  itimerspec: { c: "struct itimerspec", headers: ["linux/time.h"] },
  itimerval: { c: "struct itimerval", headers: ["linux/time.h"] },
  timezone: { c: "struct timezone", headers: ["linux/time.h"] },
  // adjtimex/clock_adjtime: struct timex in UAPI; the kernel's 64-bit-time one is __kernel_timex.
  timex: { c: "struct timex", headers: ["linux/timex.h"] },
  __kernel_timex: { c: "struct __kernel_timex", headers: ["linux/timex.h"] },
  tms: { c: "struct tms", headers: ["linux/times.h"] },

  // ---- resources, system info ----
  rusage: { c: "struct rusage", headers: ["linux/resource.h"] },
  rlimit: { c: "struct rlimit", headers: ["linux/resource.h"] },
  rlimit64: { c: "struct rlimit64", headers: ["linux/resource.h"] },
  sysinfo: { c: "struct sysinfo", headers: ["linux/sysinfo.h"] },
  new_utsname: { c: "struct new_utsname", headers: ["linux/utsname.h"] },
  old_utsname: { c: "struct old_utsname", headers: ["linux/utsname.h"] },
  oldold_utsname: { c: "struct oldold_utsname", headers: ["linux/utsname.h"] },

  // ---- signals ----
  // The kernel's rt_sigaction struct (include/linux/signal_types.h); UAPI matches only on some ABIs.
  sigaction: {
    c: "struct sigaction",
    headers: ["asm/signal.h"],
    abis: RT_SIGACTION_ABIS,
    otherAbis: RT_SIGACTION_OTHERS,
    defines: [SPARC_NEW_SIGNALS],
  },
  kernel_sigaction: {
    c: "struct sigaction",
    headers: ["asm/signal.h"],
    btf: "sigaction",
    abis: RT_SIGACTION_ABIS,
    otherAbis: RT_SIGACTION_OTHERS,
    defines: [SPARC_NEW_SIGNALS],
  },
  rt_sigaction: {
    c: "struct sigaction",
    headers: ["asm/signal.h"],
    btf: "sigaction",
    abis: RT_SIGACTION_ABIS,
    otherAbis: RT_SIGACTION_OTHERS,
    defines: [SPARC_NEW_SIGNALS],
  },
  // sigaltstack(2): stack_t (field order differs on mips).
  sigaltstack: { c: "stack_t", headers: ["asm/signal.h"] },
  stack_t: { c: "stack_t", headers: ["asm/signal.h"], btf: "sigaltstack" },
  // The kernel's signal set (rt_sigprocmask, rt_sigaction); in BTF it is a typedef of an
  // anonymous struct, which the BTF reader cannot look up by name.
  sigset_t: {
    c: "sigset_t",
    headers: ["asm/signal.h"],
    btf: null,
    abis: SIGSET_ABIS,
    otherAbis:
      "the UAPI sigset_t of this ABI is the old one-word set (or absent); the kernel's is kernel-internal",
    defines: [SPARC_NEW_SIGNALS],
  },
  kernel_sigset_t: {
    none: "the kernel's sigset_t is declared in the kernel-internal include/linux/signal_types.h",
  },
  // siginfo_t and sigevent (asm-generic/siginfo.h, with arch overrides).
  siginfo: { c: "siginfo_t", headers: ["asm/siginfo.h"] },
  siginfo_t: { c: "siginfo_t", headers: ["asm/siginfo.h"], btf: "siginfo" },
  sigevent: { c: "struct sigevent", headers: ["asm/siginfo.h"] },
  signalfd_siginfo: { c: "struct signalfd_siginfo", headers: ["linux/signalfd.h"] },

  // ---- io_uring, aio ----
  io_uring_params: { c: "struct io_uring_params", headers: ["linux/io_uring.h"] },
  io_sqring_offsets: { c: "struct io_sqring_offsets", headers: ["linux/io_uring.h"] },
  io_cqring_offsets: { c: "struct io_cqring_offsets", headers: ["linux/io_uring.h"] },
  io_uring_sqe: { c: "struct io_uring_sqe", headers: ["linux/io_uring.h"] },
  io_uring_cqe: { c: "struct io_uring_cqe", headers: ["linux/io_uring.h"] },
  io_uring_getevents_arg: { c: "struct io_uring_getevents_arg", headers: ["linux/io_uring.h"] },
  io_uring_rsrc_register: { c: "struct io_uring_rsrc_register", headers: ["linux/io_uring.h"] },
  io_uring_rsrc_update2: { c: "struct io_uring_rsrc_update2", headers: ["linux/io_uring.h"] },
  iocb: { c: "struct iocb", headers: ["linux/aio_abi.h"] },
  io_event: { c: "struct io_event", headers: ["linux/aio_abi.h"] },

  // ---- futex, rseq ----
  futex_waitv: { c: "struct futex_waitv", headers: ["linux/futex.h"] },
  robust_list_head: { c: "struct robust_list_head", headers: ["linux/futex.h"] },
  robust_list: { c: "struct robust_list", headers: ["linux/futex.h"] },
  rseq: { c: "struct rseq", headers: ["linux/rseq.h"] },
  rseq_cs: { c: "struct rseq_cs", headers: ["linux/rseq.h"] },

  // ---- seccomp, filters, capabilities ----
  seccomp_data: { c: "struct seccomp_data", headers: ["linux/seccomp.h"] },
  seccomp_notif: { c: "struct seccomp_notif", headers: ["linux/seccomp.h"] },
  seccomp_notif_resp: { c: "struct seccomp_notif_resp", headers: ["linux/seccomp.h"] },
  seccomp_notif_sizes: { c: "struct seccomp_notif_sizes", headers: ["linux/seccomp.h"] },
  seccomp_notif_addfd: { c: "struct seccomp_notif_addfd", headers: ["linux/seccomp.h"] },
  sock_fprog: { c: "struct sock_fprog", headers: ["linux/filter.h"] },
  sock_filter: { c: "struct sock_filter", headers: ["linux/filter.h"] },
  __user_cap_header_struct: { c: "struct __user_cap_header_struct", headers: ["linux/capability.h"] },
  __user_cap_data_struct: { c: "struct __user_cap_data_struct", headers: ["linux/capability.h"] },

  // ---- IPC, message queues ----
  mq_attr: { c: "struct mq_attr", headers: ["linux/mqueue.h"] },
  sembuf: { c: "struct sembuf", headers: ["linux/sem.h"] },
  // The *64_ds structs live in the arch headers; <linux/shm.h> itself needs libc's <unistd.h>.
  ipc64_perm: { c: "struct ipc64_perm", headers: ["asm/ipcbuf.h"] },
  msqid64_ds: {
    c: "struct msqid64_ds",
    headers: ["asm/msgbuf.h"],
    // n32's msgctl (compat_sys_old_msgctl) writes the 88-byte compat_msqid64_ds (o32's layout); the n32 UAPI
    // header takes the __mips64 branch and declares 76 bytes with 32-bit long times.
    abis: ALL_BUT_N32,
    otherAbis:
      "n32's msgctl writes struct compat_msqid64_ds (o32's 88-byte layout); UAPI declares a 76-byte one",
  },
  semid64_ds: { c: "struct semid64_ds", headers: ["asm/sembuf.h"] },
  shmid64_ds: { c: "struct shmid64_ds", headers: ["asm/shmbuf.h"] },

  // ---- processes, keys, ptrace ----
  pidfd_info: { c: "struct pidfd_info", headers: ["linux/pidfd.h"], since: "6.13" },
  ptrace_peeksiginfo_args: { c: "struct ptrace_peeksiginfo_args", headers: ["linux/ptrace.h"] },
  ptrace_syscall_info: { c: "struct ptrace_syscall_info", headers: ["linux/ptrace.h"] },
  keyctl_dh_params: { c: "struct keyctl_dh_params", headers: ["linux/keyctl.h"] },
  keyctl_kdf_params: { c: "struct keyctl_kdf_params", headers: ["linux/keyctl.h"] },
  keyctl_pkey_query: { c: "struct keyctl_pkey_query", headers: ["linux/keyctl.h"] },
  keyctl_pkey_params: { c: "struct keyctl_pkey_params", headers: ["linux/keyctl.h"] },
  // lsm_get_self_attr/lsm_set_self_attr, Linux 6.8.
  lsm_ctx: { c: "struct lsm_ctx", headers: ["linux/lsm.h"], since: "6.8" },
};

/** Headers every probe file includes: fixed-width types, posix types, AUDIT_ARCH_*, the header version. */
export const BASE_HEADERS = [
  "linux/types.h",
  "linux/posix_types.h",
  "asm/posix_types.h",
  "linux/version.h",
  "linux/audit.h",
];

/**
 * UAPI spellings of the schema language's scalar words (packages/model SCALARS), for probing
 * each ABI's size, alignment and signedness of them. null: the kernel typedef is internal to
 * the kernel and has no UAPI spelling.
 */
export const SCALAR_C: Readonly<Record<string, string | null>> = {
  u8: "__u8",
  s8: "__s8",
  u16: "__u16",
  s16: "__s16",
  u32: "__u32",
  s32: "__s32",
  u64: "__u64",
  s64: "__s64",
  aligned_u64: "__aligned_u64",
  aligned_s64: "__aligned_s64",
  char: "char",
  schar: "signed char",
  uchar: "unsigned char",
  short: "short",
  ushort: "unsigned short",
  int: "int",
  uint: "unsigned int",
  long: "long",
  ulong: "unsigned long",
  longlong: "long long",
  ulonglong: "unsigned long long",
  kernel_long_t: "__kernel_long_t",
  kernel_ulong_t: "__kernel_ulong_t",
  size_t: "__kernel_size_t",
  ssize_t: "__kernel_ssize_t",
  pid_t: "__kernel_pid_t",
  // The kernel's uid_t/gid_t are the 32-bit ids (include/linux/types.h).
  uid_t: "__kernel_uid32_t",
  gid_t: "__kernel_gid32_t",
  // umode_t is `unsigned short` in the kernel-internal include/linux/types.h.
  umode_t: null,
  off_t: "__kernel_off_t",
  loff_t: "__kernel_loff_t",
  // key_serial_t is an int32_t in the kernel-internal include/linux/key.h.
  key_serial_t: null,
  clockid_t: "__kernel_clockid_t",
  timer_t: "__kernel_timer_t",
  mqd_t: "__kernel_mqd_t",
  // qid_t is a __kernel_uid32_t in the kernel-internal include/linux/quota.h.
  qid_t: "__kernel_uid32_t",
  aio_context_t: "aio_context_t",
  rwf_t: "__kernel_rwf_t",
  cap_user_header_t: "cap_user_header_t",
};

/** Headers that the SCALAR_C spellings beyond BASE_HEADERS need. */
export const SCALAR_HEADERS = ["linux/aio_abi.h", "linux/fs.h", "linux/capability.h"];

/** C spelling of each ABI base scalar (the ABI model's `scalars`). */
export const BASE_SCALAR_C: Readonly<Record<string, string>> = {
  char: "char",
  short: "short",
  int: "int",
  long: "long",
  longlong: "long long",
  pointer: "void *",
  kernel_long_t: "__kernel_long_t",
  size_t: "__kernel_size_t",
};

/**
 * Maps a provenance source to the header user space includes, when it is a UAPI header:
 * include/uapi/linux/x.h -> linux/x.h; include/uapi/asm-generic/x.h and
 * arch/<a>/include/uapi/asm/x.h -> asm/x.h (the arch header, which may override the generic one).
 */
export function uapiHeaderOf(source: string): string | undefined {
  let m = /^include\/uapi\/(linux\/.+\.h)$/.exec(source);
  if (m) return m[1];
  m = /^include\/uapi\/asm-generic\/(.+\.h)$/.exec(source);
  if (m) return `asm/${m[1]}`;
  m = /^arch\/[^/]+\/include\/uapi\/(asm\/.+\.h)$/.exec(source);
  if (m) return m[1];
  return undefined;
}
