/**
 * Curated Landlock facts: which Landlock ABI version brought each filesystem access right, and
 * which rights restrict the operation of each path syscall. The registry holds the rights' values
 * (flag set LandlockAccessFs); what it cannot hold is the mapping from syscalls to rights, which
 * the kernel states only in prose. Every entry names where it comes from.
 *
 * Sources (Linux 6.12, Debian linux-source-6.12):
 * - [H] include/uapi/linux/landlock.h: the LANDLOCK_ACCESS_FS_* definitions and their comments
 *   ("available since the second/third/fifth version of the Landlock ABI"; the warning that
 *   chdir, stat, flock, chmod, chown, setxattr, utime, fcntl and access cannot be restricted);
 * - [D] Documentation/userspace-api/landlock.rst, "Current limitations": a sandboxed thread
 *   cannot mount(2) or pivot_root(2); chroot(2) is not denied; the ABI history;
 * - [S] Landlock ABI 7 (Linux 6.15) added only LANDLOCK_RESTRICT_SELF_LOG_* flags and the errata
 *   query; no filesystem right was added after ABI 5 up to Linux 6.18 (the registry's
 *   LandlockAccessFs set, 6.18 UAPI, has the same sixteen rights as 6.12).
 */

export const LANDLOCK_PROVENANCE = [
  "include/uapi/linux/landlock.h (Linux 6.12): LANDLOCK_ACCESS_FS_* and the ABI version of each",
  "Documentation/userspace-api/landlock.rst (Linux 6.12): Current limitations",
  "include/uapi/linux/landlock.h (Linux 6.18, the registry's LandlockAccessFs): no filesystem right after ABI 5",
];

/** Landlock ABI versions and the kernel release that brought each [D][S]. */
export const LANDLOCK_ABIS: readonly { abi: number; since: string; adds: string }[] = [
  { abi: 1, since: "5.13", adds: "filesystem access rights EXECUTE .. MAKE_SYM" },
  { abi: 2, since: "5.19", adds: "LANDLOCK_ACCESS_FS_REFER" },
  { abi: 3, since: "6.2", adds: "LANDLOCK_ACCESS_FS_TRUNCATE" },
  { abi: 4, since: "6.7", adds: "network rights (TCP bind, connect)" },
  { abi: 5, since: "6.10", adds: "LANDLOCK_ACCESS_FS_IOCTL_DEV" },
  { abi: 6, since: "6.12", adds: "scopes (abstract UNIX sockets, signals)" },
  { abi: 7, since: "6.15", adds: "audit logging flags of landlock_restrict_self, errata query" },
];

/** The Landlock ABI that introduced each filesystem right; rights not listed came with ABI 1 [H]. */
export const RIGHT_ABI: Readonly<Record<string, number>> = {
  LANDLOCK_ACCESS_FS_REFER: 2,
  LANDLOCK_ACCESS_FS_TRUNCATE: 3,
  LANDLOCK_ACCESS_FS_IOCTL_DEV: 5,
};

const FS = (names: string[]): string[] => names.map((n) => `LANDLOCK_ACCESS_FS_${n}`);
const MAKE_ANY = ["MAKE_REG", "MAKE_CHAR", "MAKE_BLOCK", "MAKE_FIFO", "MAKE_SOCK", "MAKE_SYM", "MAKE_DIR"];
const OPEN = FS(["READ_FILE", "WRITE_FILE", "READ_DIR", "MAKE_REG", "TRUNCATE", "IOCTL_DEV"]);
const OPEN_NOTE =
  "READ_FILE/WRITE_FILE by access mode, READ_DIR for directories, MAKE_REG with O_CREAT, TRUNCATE with O_TRUNC, IOCTL_DEV for later ioctls on a device [H]";

export interface CuratedCover {
  status: "restricted" | "denied";
  rights: string[];
  note: string;
}

/** Path syscalls whose operation Landlock restricts, or denies outright in a domain [H][D]. */
export const LANDLOCK_COVER: Readonly<Record<string, CuratedCover>> = {
  open: { status: "restricted", rights: OPEN, note: OPEN_NOTE },
  openat: { status: "restricted", rights: OPEN, note: OPEN_NOTE },
  openat2: { status: "restricted", rights: OPEN, note: OPEN_NOTE },
  creat: {
    status: "restricted",
    rights: FS(["WRITE_FILE", "MAKE_REG", "TRUNCATE"]),
    note: "creat is open with O_CREAT|O_WRONLY|O_TRUNC [H]",
  },
  execve: { status: "restricted", rights: FS(["EXECUTE"]), note: "executing the file [H]" },
  execveat: { status: "restricted", rights: FS(["EXECUTE"]), note: "executing the file [H]" },
  uselib: { status: "restricted", rights: FS(["EXECUTE"]), note: "opens the library for execution [H]" },
  mkdir: { status: "restricted", rights: FS(["MAKE_DIR"]), note: "creating a directory [H]" },
  mkdirat: { status: "restricted", rights: FS(["MAKE_DIR"]), note: "creating a directory [H]" },
  mknod: {
    status: "restricted",
    rights: FS(["MAKE_REG", "MAKE_CHAR", "MAKE_BLOCK", "MAKE_FIFO", "MAKE_SOCK"]),
    note: "the right of the node type created [H]",
  },
  mknodat: {
    status: "restricted",
    rights: FS(["MAKE_REG", "MAKE_CHAR", "MAKE_BLOCK", "MAKE_FIFO", "MAKE_SOCK"]),
    note: "the right of the node type created [H]",
  },
  symlink: { status: "restricted", rights: FS(["MAKE_SYM"]), note: "creating a symbolic link [H]" },
  symlinkat: { status: "restricted", rights: FS(["MAKE_SYM"]), note: "creating a symbolic link [H]" },
  link: {
    status: "restricted",
    rights: FS([...MAKE_ANY.filter((m) => m !== "MAKE_DIR"), "REFER"]),
    note: "MAKE_* of the linked file's type; REFER across directories with different rules (ABI 2) [H]",
  },
  linkat: {
    status: "restricted",
    rights: FS([...MAKE_ANY.filter((m) => m !== "MAKE_DIR"), "REFER"]),
    note: "MAKE_* of the linked file's type; REFER across directories with different rules (ABI 2) [H]",
  },
  rename: {
    status: "restricted",
    rights: FS(["REMOVE_FILE", "REMOVE_DIR", ...MAKE_ANY, "REFER"]),
    note: "REMOVE_* at the source, MAKE_* at the destination, REFER across directories (ABI 2) [H]",
  },
  renameat: {
    status: "restricted",
    rights: FS(["REMOVE_FILE", "REMOVE_DIR", ...MAKE_ANY, "REFER"]),
    note: "REMOVE_* at the source, MAKE_* at the destination, REFER across directories (ABI 2) [H]",
  },
  renameat2: {
    status: "restricted",
    rights: FS(["REMOVE_FILE", "REMOVE_DIR", ...MAKE_ANY, "REFER"]),
    note: "REMOVE_* at the source, MAKE_* at the destination, REFER across directories (ABI 2) [H]",
  },
  unlink: { status: "restricted", rights: FS(["REMOVE_FILE"]), note: "removing a file [H]" },
  unlinkat: {
    status: "restricted",
    rights: FS(["REMOVE_FILE", "REMOVE_DIR"]),
    note: "REMOVE_DIR with AT_REMOVEDIR, else REMOVE_FILE [H]",
  },
  rmdir: { status: "restricted", rights: FS(["REMOVE_DIR"]), note: "removing a directory [H]" },
  truncate: { status: "restricted", rights: FS(["TRUNCATE"]), note: "truncating by path (ABI 3) [H]" },
  truncate64: { status: "restricted", rights: FS(["TRUNCATE"]), note: "truncating by path (ABI 3) [H]" },
  mount: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
  umount: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
  umount2: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
  oldumount: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
  pivot_root: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
  move_mount: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
  mount_setattr: {
    status: "denied",
    rights: [],
    note: "a sandboxed thread cannot change the filesystem topology [D]",
  },
};

/** What is said of a path syscall Landlock neither restricts nor denies [H]. */
export const UNRESTRICTED_NOTE =
  "no Landlock right covers it (landlock.h: chdir, stat, flock, chmod, chown, setxattr, utime, fcntl and access cannot be restricted; chroot is not denied); decide with a mount namespace or deny the syscall";
