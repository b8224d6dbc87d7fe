import type { ClassicEquivalent, Fallback } from "@sysargs/capabilities";

/**
 * Curated facts a policy author needs next: what callers do when a filter refuses a syscall, and
 * which struct fields an older syscall carries in registers, where a classic filter can compare
 * them today. Neither is in the kernel's declarations, so each entry names its source. The
 * generator checks every named syscall, argument and field against the registry and fails on a
 * name it does not know, so a renamed argument cannot leave a stale entry behind.
 */
export const FALLBACKS: Readonly<Record<string, Fallback>> = {
  clone3: {
    on: "ENOSYS",
    to: "clone",
    who: "glibc 2.34+ (pthread_create, posix_spawn, fork through __clone_internal)",
    note: "refusing clone3 with ENOSYS makes glibc retry with clone, whose flags a classic filter compares",
    provenance: "glibc sysdeps/unix/sysv/linux/clone-internal.c (2.34): clone3, then clone on ENOSYS",
  },
  openat2: {
    on: "ENOSYS",
    to: null,
    who: "nobody: libc has no fallback; callers invoke openat2 directly and decide themselves",
    note: "a caller that falls back to openat loses the RESOLVE_* guarantees; ENOSYS may break it",
    provenance: "openat2(2): no glibc wrapper before 2.41, callers use syscall(2)",
  },
  sched_setattr: {
    on: "ENOSYS",
    to: "sched_setscheduler",
    who: "callers (util-linux chrt for policies other than SCHED_DEADLINE)",
    note: "SCHED_DEADLINE and utilisation clamps have no older equivalent",
    provenance: "sched_setattr(2), sched_setscheduler(2)",
  },
  sched_getattr: {
    on: "ENOSYS",
    to: "sched_getscheduler",
    who: "callers (util-linux chrt)",
    note: "output only: nothing to inspect on entry",
    provenance: "sched_getattr(2)",
  },
  mount_setattr: {
    on: "ENOSYS",
    to: "mount",
    who: "util-linux libmount (classic mount(2) with MS_REMOUNT|MS_BIND)",
    note: "mount's flags are a register, but MS_* and MOUNT_ATTR_* are different encodings",
    provenance: "util-linux libmount: new mount API hooks fall back to mount(2) when unavailable",
  },
  open_tree_attr: {
    on: "ENOSYS",
    to: "open_tree",
    who: "callers (open_tree, then mount_setattr on the result)",
    note: "two syscalls instead of one: both are filtered separately",
    provenance: "open_tree_attr was added in Linux 6.15 as open_tree + mount_setattr in one call",
  },
  perf_event_open: {
    on: "ENOSYS",
    to: null,
    who: "nobody: perf and profilers report the error",
    note: "there is no older interface",
    provenance: "perf_event_open(2)",
  },
  landlock_create_ruleset: {
    on: "ENOSYS",
    to: null,
    who: "Landlock users (best-effort sandboxing: they run without Landlock)",
    note: "refusing it silently disables the caller's own sandbox",
    provenance: "Documentation/userspace-api/landlock.rst: best-effort use of the ABI version",
  },
  statmount: {
    on: "ENOSYS",
    to: "openat",
    who: "libmount, systemd (parse /proc/self/mountinfo)",
    note: "the fallback reads a file: a path, not a struct",
    provenance: "statmount(2) was added in Linux 6.8; earlier kernels only have /proc/self/mountinfo",
  },
  listmount: {
    on: "ENOSYS",
    to: "openat",
    who: "libmount, systemd (parse /proc/self/mountinfo)",
    note: "the fallback reads a file: a path, not a struct",
    provenance: "listmount(2) was added in Linux 6.8; earlier kernels only have /proc/self/mountinfo",
  },
  setxattrat: {
    on: "ENOSYS",
    to: "setxattr",
    who: "callers (setxattr, lsetxattr, fsetxattr by at-flags)",
    note: "the older calls carry flags and size in registers",
    provenance: "setxattrat(2) was added in Linux 6.13 as the *at form of setxattr",
  },
  getxattrat: {
    on: "ENOSYS",
    to: "getxattr",
    who: "callers (getxattr, lgetxattr, fgetxattr by at-flags)",
    note: "the older calls carry the size in a register",
    provenance: "getxattrat(2) was added in Linux 6.13 as the *at form of getxattr",
  },
  file_getattr: {
    on: "ENOSYS",
    to: "ioctl",
    who: "xfsprogs, e2fsprogs (FS_IOC_FSGETXATTR on an open fd)",
    note: "output only: nothing to inspect on entry",
    provenance: "file_getattr was added in Linux 6.17 as the path form of FS_IOC_FSGETXATTR",
  },
  file_setattr: {
    on: "ENOSYS",
    to: "ioctl",
    who: "xfsprogs, e2fsprogs (FS_IOC_FSSETXATTR on an open fd)",
    note: "the ioctl's struct fsxattr is no more inspectable than file_attr",
    provenance: "file_setattr was added in Linux 6.17 as the path form of FS_IOC_FSSETXATTR",
  },
  faccessat2: {
    on: "ENOSYS",
    to: "faccessat",
    who: "glibc (emulates AT_EACCESS and AT_SYMLINK_NOFOLLOW with fstatat)",
    note: "the flags argument exists only in faccessat2",
    provenance: "glibc sysdeps/unix/sysv/linux/faccessat.c: faccessat2, then faccessat on ENOSYS",
  },
};

/** Struct fields an older syscall carries in registers, where a classic filter compares them. */
export const CLASSIC_EQUIVALENTS: Readonly<Record<string, ClassicEquivalent>> = {
  clone3: {
    syscall: "clone",
    fields: [
      { field: "flags", arg: "clone_flags" },
      { field: "exit_signal", arg: "clone_flags" },
    ],
    note: "clone carries the exit signal in the low byte of its flags (CSIGNAL); clone3's flags above bit 31 have no clone equivalent",
    provenance:
      "include/uapi/linux/sched.h: CSIGNAL, CLONE_CLEAR_SIGHAND and CLONE_INTO_CGROUP are clone3-only",
  },
  openat2: {
    syscall: "openat",
    fields: [
      { field: "flags", arg: "flags" },
      { field: "mode", arg: "mode" },
    ],
    note: "resolve has no equivalent; openat ignores unknown O_* bits where openat2 rejects them",
    provenance: "openat2(2)",
  },
  sched_setattr: {
    syscall: "sched_setscheduler",
    fields: [{ field: "sched_policy", arg: "policy" }],
    note: "the priority travels in struct sched_param; deadline parameters and clamps have no equivalent",
    provenance: "sched_setattr(2)",
  },
  mount_setattr: {
    syscall: "mount",
    fields: [{ field: "attr_set", arg: "flags" }],
    note: "MS_* flags (mount) and MOUNT_ATTR_* (mount_setattr) encode the same attributes differently",
    provenance: "mount_setattr(2)",
  },
  setxattrat: {
    syscall: "setxattr",
    fields: [
      { field: "flags", arg: "flags" },
      { field: "size", arg: "size" },
    ],
    note: "the value itself is user memory in both",
    provenance: "setxattrat(2)",
  },
  getxattrat: {
    syscall: "getxattr",
    fields: [{ field: "size", arg: "size" }],
    note: "the value buffer is output in both",
    provenance: "getxattrat(2)",
  },
};
