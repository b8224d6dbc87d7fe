/**
 * How `sysargs probe` calls each extensible-struct syscall so that the call is SAFE: the kernel
 * copies the struct (which is what is measured) and then rejects it, before it creates a process,
 * a mount, a file, a socket or any other object. The size probe puts one non-zero byte at the end
 * of a growing size; while the size is within what the kernel knows, the verdict is the rejection
 * below (EINVAL), and the first size beyond it gives E2BIG (copy_struct_from_user: non-zero tail).
 *
 * Each rejection is one the kernel makes right after copying, and every other argument is chosen
 * so that, should the rejection ever not happen, the call still fails (bad fd, empty path) rather
 * than act. Code paths cited are Linux 6.12 (Debian linux-source-6.12) unless noted. The numbers,
 * argument positions, struct offsets and sizes come from the registry, never from here.
 */
export interface ProbeRecipe {
  syscall: string;
  /** The extensible struct the syscall copies in (its pointer argument is found from the signature). */
  struct: string;
  /** Other arguments by name: a number, or "" for a pointer to an empty string. Unnamed arguments are 0. */
  args: Record<string, number | "">;
  /** Top-level struct fields set to all ones or left zero so that the kernel rejects the copy. */
  reject: Record<string, "ones" | "zero">;
  /** Why this is safe, for the help and docs. */
  why: string;
}

export const PROBE_RECIPES: readonly ProbeRecipe[] = [
  {
    syscall: "clone3",
    struct: "clone_args",
    args: {},
    reject: { flags: "ones", exit_signal: "ones" },
    why: "exit_signal with bits above CSIGNAL is EINVAL in copy_clone_args_from_user right after the copy, and flags with unknown bits (and CSIGNAL bits) is EINVAL in clone3_args_valid: both before copy_process, so nothing is ever forked (kernel/fork.c)",
  },
  {
    syscall: "openat2",
    struct: "open_how",
    args: { dfd: -1, filename: "" },
    reject: { flags: "ones", mode: "ones", resolve: "ones" },
    why: "unknown O_* and RESOLVE_* bits are EINVAL in build_open_flags before any lookup (fs/open.c); dfd -1 and an empty path would fail anyway, so no file is opened or created",
  },
  {
    syscall: "sched_setattr",
    struct: "sched_attr",
    args: { pid: 0, flags: 0 },
    reject: { sched_policy: "ones" },
    why: "a negative sched_policy is EINVAL right after sched_copy_attr, before the task is looked up (kernel/sched/syscalls.c); flags must be 0 or the call fails before the copy",
  },
  {
    syscall: "perf_event_open",
    struct: "perf_event_attr",
    args: { pid: -1, cpu: -1, group_fd: -1, flags: 0 },
    reject: { sample_type: "ones", read_format: "ones" },
    why: "unknown sample_type and read_format bits are EINVAL in perf_copy_attr right after the copy (kernel/events/core.c); pid -1 with cpu -1 would be EINVAL anyway, so no event is created",
  },
  {
    syscall: "mount_setattr",
    struct: "mount_attr",
    args: { dfd: -1, path: "", flags: 0 },
    reject: { propagation: "ones", attr_set: "ones", attr_clr: "ones" },
    why: "unknown propagation bits are EINVAL in build_mount_kattr before any path lookup (fs/namespace.c); dfd -1 with an empty path would fail anyway, so no mount changes. Needs CAP_SYS_ADMIN: without it the kernel says EPERM before the copy",
  },
  {
    syscall: "landlock_create_ruleset",
    struct: "landlock_ruleset_attr",
    args: { flags: 0 },
    reject: { handled_access_fs: "ones" },
    why: "unknown handled_access_fs bits are EINVAL right after the copy, before a ruleset is created (security/landlock/syscalls.c)",
  },
  {
    syscall: "statmount",
    struct: "mnt_id_req",
    args: { bufsize: 0, flags: 0 },
    reject: { mnt_id: "zero", mnt_ns_fd: "zero" },
    why: "mnt_id 0 is EINVAL in copy_mnt_id_req right after the copy (fs/namespace.c); statmount only reads",
  },
  {
    syscall: "getxattrat",
    struct: "xattr_args",
    args: { dfd: -1, pathname: "", at_flags: 0, name: "" },
    reject: { flags: "ones" },
    why: "non-zero xattr_args.flags is EINVAL right after the copy, before any lookup (fs/xattr.c, Linux 6.13); getxattrat only reads",
  },
  {
    syscall: "file_setattr",
    struct: "file_attr",
    args: { dfd: -1, filename: "", at_flags: 0 },
    reject: { fa_xflags: "ones" },
    why: "unknown fa_xflags bits are EINVAL in file_attr_to_fileattr right after the copy, before any lookup (fs/file_attr.c, Linux 6.17); dfd -1 with an empty path would fail anyway",
  },
];

/**
 * Extensible-struct syscalls the probe does not call, and why: another syscall measures the same
 * struct safely, or the kernel writes the struct rather than reading it.
 */
export const NOT_PROBED: Readonly<Record<string, string>> = {
  listmount: "mnt_id_req is measured through statmount",
  open_tree_attr: "the path lookup comes before the copy; mount_attr is measured through mount_setattr",
  setxattrat: "a write; xattr_args is measured through getxattrat",
  file_getattr: "the kernel writes file_attr (copy_struct_to_user): no E2BIG to observe",
  sched_getattr: "the kernel writes sched_attr: no E2BIG to observe",
};
