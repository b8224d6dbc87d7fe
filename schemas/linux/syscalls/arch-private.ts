// Hand-written: architecture-private syscalls whose prototypes exist only in arch/*/kernel sources
// (SYSCALL_DEFINEn in a .c file or an assembly entry point), so no header prototype describes them.
import type {
  char,
  cstring,
  Fd,
  FixedArray,
  In,
  InOut,
  int,
  LenOf,
  long,
  Only,
  Out,
  Path,
  Pid,
  Ptr,
  pid_t,
  Signal,
  size_t,
  u64,
  uint,
  ulong,
  void_t,
} from "@sysargs/dsl";
import type { arch_mips, arch_parisc, arch_s390, arch_sparc, mips_o32 } from "../../abi/groups.js";
import type { alpha, arm, i386, m68k, riscv64, sh, sparc, sparc64 } from "../../abi/index.js";
import type { timezone } from "../time/time-types.js";

// ---- alpha (OSF/1 compatibility and alpha-only calls) ----

/**
 * Syscall number 0 on alpha: takes no arguments and always fails with ENOSYS.
 * @source arch/alpha/kernel/entry.S (6.12) - alpha_syscall_zero
 */
export declare function osf_syscall(this: Only<alpha>): long;

/**
 * Wait for a child like wait4, filling the OSF/1 `struct rusage32` (32-bit timevals).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_wait4(
  this: Only<alpha>,
  pid: pid_t & Pid,
  ustatus: Ptr<Out<int>>,
  options: int,
  /** struct rusage32 */
  ur: Ptr<Out<void_t>>,
): long;

/**
 * Return the caller's PID; the parent's PID is returned as a second result in register a4 ($20).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function getxpid(this: Only<alpha>): long;

/**
 * OSF/1 mount: `typenr` picks the file system (1 ufs, mounted as ext2; 6 cdfs, as iso9660; 9 procfs).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_mount(
  this: Only<alpha>,
  typenr: ulong,
  path: Path,
  flag: int,
  /** struct ufs_args, cdfs_args or procfs_args, according to typenr */
  data: Ptr<In<void_t>>,
): long;

/**
 * Return the real UID; the effective UID is returned as a second result in register a4 ($20).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function getxuid(this: Only<alpha>): long;

/**
 * OSF/1 loader hint: moves the end of the code and the start of the heap to `bss_start + bss_len`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_set_program_attributes(
  this: Only<alpha>,
  text_start: ulong,
  text_len: ulong,
  bss_start: ulong,
  bss_len: ulong,
): long;

/**
 * Return the real GID; the effective GID is returned as a second result in register a4 ($20).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function getxgid(this: Only<alpha>): long;

/**
 * OSF/1 sigprocmask: the new mask is passed by value and the old mask is the return value.
 * @source arch/alpha/kernel/signal.c (6.12)
 */
export declare function osf_sigprocmask(this: Only<alpha>, how: int, newmask: ulong): long;

/**
 * Return the system-wide ceiling for a process's open-file limit (the fs.nr_open sysctl).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function getdtablesize(this: Only<alpha>): long;

/**
 * select with an OSF/1 `struct timeval32` timeout, which is not written back.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_select(
  this: Only<alpha>,
  n: int,
  /** fd_set */
  inp: Ptr<InOut<void_t>>,
  /** fd_set */
  outp: Ptr<InOut<void_t>>,
  /** fd_set */
  exp: Ptr<InOut<void_t>>,
  /** struct timeval32 */
  tvp: Ptr<In<void_t>>,
): long;

/**
 * BSD sigstack: install a signal stack given by its top address and report the old one.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_sigstack(
  this: Only<alpha>,
  /** struct sigstack */
  uss: Ptr<In<void_t>>,
  /** struct sigstack */
  uoss: Ptr<Out<void_t>>,
): long;

/**
 * gettimeofday with the OSF/1 `struct timeval32` (32-bit seconds and microseconds).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_gettimeofday(
  this: Only<alpha>,
  /** struct timeval32 */
  tv: Ptr<Out<void_t>>,
  tz: Ptr<Out<timezone>>,
): long;

/**
 * getrusage (RUSAGE_SELF or RUSAGE_CHILDREN) into the OSF/1 `struct rusage32`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_getrusage(
  this: Only<alpha>,
  who: int,
  /** struct rusage32 */
  ru: Ptr<Out<void_t>>,
): long;

/**
 * settimeofday with the OSF/1 `struct timeval32`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_settimeofday(
  this: Only<alpha>,
  /** struct timeval32 */
  tv: Ptr<In<void_t>>,
  tz: Ptr<In<timezone>>,
): long;

/**
 * utimes with two OSF/1 `struct timeval32` (access, then modification time).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_utimes(
  this: Only<alpha>,
  filename: Path,
  /** struct timeval32[2] */
  tvs: Ptr<In<void_t>>,
): long;

/**
 * Read directory entries as OSF/1 `struct osf_dirent` records; the offset of the first is stored in `*basep`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_getdirentries(
  this: Only<alpha>,
  fd: uint & Fd,
  /** struct osf_dirent */
  dirent: Ptr<Out<void_t>>,
  count: uint & LenOf<"dirent">,
  basep: Ptr<Out<long>>,
): long;

/**
 * statfs of a path into the OSF/1 `struct osf_statfs`, copying at most `bufsiz` bytes.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_statfs(
  this: Only<alpha>,
  pathname: Path,
  /** struct osf_statfs */
  buffer: Ptr<Out<void_t>>,
  bufsiz: ulong & LenOf<"buffer">,
): long;

/**
 * fstatfs of a descriptor into the OSF/1 `struct osf_statfs`, copying at most `bufsiz` bytes.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_fstatfs(
  this: Only<alpha>,
  fd: ulong & Fd,
  /** struct osf_statfs */
  buffer: Ptr<Out<void_t>>,
  bufsiz: ulong & LenOf<"buffer">,
): long;

/**
 * OSF/1 domainname: copy at most `namelen` (0..32, else 32) bytes of the NIS domain name.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_getdomainname(
  this: Only<alpha>,
  name: Ptr<Out<char>>,
  namelen: int & LenOf<"name">,
): long;

/**
 * OSF/1 uname: five 32-byte fields (sysname, nodename, release, version, machine).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_utsname(this: Only<alpha>, name: Ptr<Out<FixedArray<char, 160>>>): long;

/**
 * stat of a path into the OSF/1 `struct osf_stat`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_stat(
  this: Only<alpha>,
  name: Path,
  /** struct osf_stat */
  buf: Ptr<Out<void_t>>,
): long;

/**
 * lstat of a path (no final symlink follow) into the OSF/1 `struct osf_stat`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_lstat(
  this: Only<alpha>,
  name: Path,
  /** struct osf_stat */
  buf: Ptr<Out<void_t>>,
): long;

/**
 * fstat of a descriptor into the OSF/1 `struct osf_stat`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_fstat(
  this: Only<alpha>,
  fd: int & Fd,
  /** struct osf_stat */
  buf: Ptr<Out<void_t>>,
): long;

/**
 * statfs of a path into the OSF/1 `struct osf_statfs64`, copying at most `bufsiz` bytes.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_statfs64(
  this: Only<alpha>,
  pathname: Path,
  /** struct osf_statfs64 */
  buffer: Ptr<Out<void_t>>,
  bufsiz: ulong & LenOf<"buffer">,
): long;

/**
 * fstatfs of a descriptor into the OSF/1 `struct osf_statfs64`, copying at most `bufsiz` bytes.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_fstatfs64(
  this: Only<alpha>,
  fd: ulong & Fd,
  /** struct osf_statfs64 */
  buffer: Ptr<Out<void_t>>,
  bufsiz: ulong & LenOf<"buffer">,
): long;

/**
 * OSF/1 sysinfo: copy one system string (`command` 1..9: uname fields, "alpha", placeholders) into `buf`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_sysinfo(
  this: Only<alpha>,
  command: int,
  buf: Ptr<Out<char>>,
  count: long & LenOf<"buf">,
): long;

/**
 * OSF/1 property lists, implemented only as a stub that keeps no attributes.
 * `code` is enum pl_code (PL_SET..PL_FDEL): PL_SET/PL_FSET return `nbytes`, PL_GET/PL_FGET store 0 in
 * `*min_buf_size`, the delete codes return 0.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_proplist_syscall(
  this: Only<alpha>,
  /** enum pl_code */
  code: int,
  /** union pl_args, chosen by code */
  args: Ptr<In<void_t>>,
): long;

/**
 * Sleep for an OSF/1 `struct timeval32` interval and report the time left in `remain`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_usleep_thread(
  this: Only<alpha>,
  /** struct timeval32 */
  sleep: Ptr<In<void_t>>,
  /** struct timeval32 */
  remain: Ptr<Out<void_t>>,
): long;

/**
 * OSF/1 getsysinfo: read a system or per-thread setting selected by `op` (GSI_*) into `buffer`.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_getsysinfo(
  this: Only<alpha>,
  op: ulong,
  buffer: Ptr<Out<void_t>>,
  nbytes: ulong & LenOf<"buffer">,
  /** not used */
  start: Ptr<int>,
  /** not used */
  arg: Ptr<void_t>,
): long;

/**
 * OSF/1 setsysinfo: change a setting selected by `op` (SSI_*), e.g. the IEEE FP control word.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function osf_setsysinfo(
  this: Only<alpha>,
  op: ulong,
  buffer: Ptr<In<void_t>>,
  /** bytes, or the number of (key, value) pairs for SSI_NVPAIRS */
  nbytes: ulong,
  /** not used */
  start: Ptr<int>,
  /** not used */
  arg: Ptr<void_t>,
): long;

/**
 * Set the thread's hardware address extension (HAE) register value.
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function sethae(this: Only<alpha>, val: ulong): long;

/**
 * adjtimex with the OSF/1 `struct timex32` (32-bit `time` timeval).
 * @source arch/alpha/kernel/osf_sys.c (6.12)
 */
export declare function old_adjtimex(
  this: Only<alpha>,
  /** struct timex32 */
  txc_p: Ptr<InOut<void_t>>,
): long;

// ---- arm private calls (0x0f0000 + n, all dispatched by arm_syscall) ----

/**
 * Software breakpoint: step the PC back over the swi and raise SIGTRAP (TRAP_BRKPT).
 * r0 is returned unchanged.
 * @source arch/arm/kernel/traps.c (6.12) - arm_syscall
 */
export declare function breakpoint(this: Only<arm>): long;

/**
 * Switch the thread to 26-bit mode, only on CPUs with HWCAP_26BIT (SIGILL otherwise).
 * r0 is returned unchanged.
 * @source arch/arm/kernel/traps.c (6.12) - arm_syscall
 */
export declare function usr26(this: Only<arm>): long;

/**
 * Switch the thread to 32-bit mode, only on CPUs with HWCAP_26BIT (SIGILL otherwise).
 * r0 is returned unchanged.
 * @source arch/arm/kernel/traps.c (6.12) - arm_syscall
 */
export declare function usr32(this: Only<arm>): long;

/**
 * Set the thread's TLS pointer (TPIDRURO, or the emulated value).
 * @source arch/arm/kernel/traps.c (6.12) - arm_syscall
 * @source arch/arm64/kernel/sys_compat.c (6.12) - compat_arm_syscall
 */
export declare function set_tls(this: Only<arm>, val: ulong): long;

/**
 * Return the thread's TLS pointer.
 * @source arch/arm/kernel/traps.c (6.12) - arm_syscall
 */
export declare function get_tls(this: Only<arm>): long;

// ---- i386 virtual-8086 mode (32-bit kernels with CONFIG_VM86; not in the ia32 compat table) ----

/**
 * Enter virtual-8086 mode with the original `struct vm86_struct`; registers are written back on exit.
 * @source arch/x86/kernel/vm86_32.c (6.12)
 */
export declare function vm86old(
  this: Only<i386>,
  /** struct vm86_struct */
  user_vm86: Ptr<InOut<void_t>>,
): long;

/**
 * Enter virtual-8086 mode (vm86plus) or manage the IRQs forwarded to it, as selected by `cmd` (VM86_*).
 * `arg` is a `struct vm86plus_struct *` for VM86_ENTER and VM86_ENTER_NO_BYPASS, else an IRQ number
 * (for VM86_REQUEST_IRQ with the signal to deliver in bits 8 and up).
 * @source arch/x86/kernel/vm86_32.c (6.12)
 */
export declare function vm86(this: Only<i386>, cmd: ulong, arg: ulong): long;

// ---- mips ----

/**
 * o32 indirect syscall: run syscall `number` (4000-based) with the arguments that follow it.
 * There is no C prototype; only five nested arguments fit in six parameters (the nested sixth is the
 * next stack word). seccomp and audit see the nested number and arguments, never 4000.
 * @source arch/mips/kernel/scall32-o32.S (6.12) - sys_syscall
 * @source arch/mips/kernel/scall64-o32.S (6.12) - sys32_syscall
 * @source arch/mips/include/asm/syscall.h (6.12) - mips_syscall_is_indirect, syscall_get_arguments
 */
export declare function syscall(
  this: Only<mips_o32>,
  number: long,
  arg1: ulong,
  arg2: ulong,
  arg3: ulong,
  arg4: ulong,
  arg5: ulong,
): long;

/**
 * Make a range of pages cacheable or uncacheable (`op`, asm/cachectl.h).
 * Only a stub: it always fails with ENOSYS.
 * @source arch/mips/kernel/syscall.c (6.12)
 */
export declare function cachectl(
  this: Only<arch_mips>,
  addr: Ptr<char>,
  nbytes: int & LenOf<"addr">,
  op: int,
): long;

/**
 * MIPS-specific operations selected by `cmd`.
 * MIPS_ATOMIC_SET stores arg2 at user address arg1 and returns the old word; MIPS_FIXADE sets from arg1
 * whether unaligned accesses are fixed up (bit 0) and logged (bit 1); FLUSH_CACHE flushes all caches.
 * @source arch/mips/kernel/syscall.c (6.12)
 */
export declare function sysmips(this: Only<arch_mips>, cmd: long, arg1: long, arg2: long): long;

// ---- riscv ----

/**
 * Query RISC-V hardware capabilities as (key, value) pairs for a set of CPUs.
 * The kernel fills each pair's value for the CPUs in `cpus`; with RISCV_HWPROBE_WHICH_CPUS it instead
 * reduces `cpus` to the CPUs that match every pair.
 * @since 6.4
 * @source arch/riscv/kernel/sys_hwprobe.c (6.12)
 * @source https://github.com/golang/go/issues/61416 - states that Linux 6.4 introduced sys_riscv_hwprobe
 */
export declare function riscv_hwprobe(
  this: Only<riscv64>,
  /** struct riscv_hwprobe[pair_count] */
  pairs: Ptr<InOut<void_t>>,
  pair_count: size_t,
  cpusetsize: size_t & LenOf<"cpus">,
  /** cpu_set_t; NULL with cpusetsize 0 means all online CPUs */
  cpus: Ptr<InOut<ulong>>,
  flags: uint,
): long;

/**
 * Make the instruction cache coherent with earlier stores to code memory.
 * Applies to the whole process, or only the calling thread with SYS_RISCV_FLUSH_ICACHE_LOCAL (the only
 * valid flag); the address range is currently ignored.
 * @source arch/riscv/kernel/sys_riscv.c (6.12)
 */
export declare function riscv_flush_icache(this: Only<riscv64>, start: ulong, end: ulong, flags: ulong): long;

// ---- s390 (both the 31-bit and the 64-bit ABI use the same functions) ----

/**
 * Start (S390_RUNTIME_INSTR_START) or stop (S390_RUNTIME_INSTR_STOP) CPU runtime instrumentation.
 * @since 3.7
 * @source arch/s390/kernel/runtime_instr.c (6.12)
 * @source man2/s390_runtime_instr.2 - VERSIONS: available since Linux 3.7 (man-pages 6.03)
 */
export declare function s390_runtime_instr(
  this: Only<arch_s390>,
  command: int,
  /** ignored; older kernels required a real-time signal number */
  signum: int & Signal,
): long;

/**
 * Write `length` bytes to a PCI MMIO area mapped at user address `mmio_addr`.
 * @since 3.19
 * @source arch/s390/pci/pci_mmio.c (6.12)
 * @source man2/s390_pci_mmio_write.2 - VERSIONS: available since Linux 3.19 (man-pages 6.03)
 */
export declare function s390_pci_mmio_write(
  this: Only<arch_s390>,
  mmio_addr: ulong,
  user_buffer: Ptr<In<void_t>>,
  length: size_t & LenOf<"user_buffer">,
): long;

/**
 * Read `length` bytes from a PCI MMIO area mapped at user address `mmio_addr`.
 * @since 3.19
 * @source arch/s390/pci/pci_mmio.c (6.12)
 * @source man2/s390_pci_mmio_read.2 - VERSIONS: available since Linux 3.19 (man-pages 6.03)
 */
export declare function s390_pci_mmio_read(
  this: Only<arch_s390>,
  mmio_addr: ulong,
  user_buffer: Ptr<Out<void_t>>,
  length: size_t & LenOf<"user_buffer">,
): long;

/**
 * Control guarded storage (`command` GS_ENABLE..GS_BROADCAST); `gs_cb` is read for GS_SET_BC_CB only.
 * @since 4.12
 * @source arch/s390/kernel/guarded_storage.c (6.12)
 * @source man2/s390_guarded_storage.2 - VERSIONS: available since Linux 4.12 (man-pages 6.03)
 */
export declare function s390_guarded_storage(
  this: Only<arch_s390>,
  command: int,
  /** struct gs_cb */
  gs_cb: Ptr<In<void_t>>,
): long;

/**
 * Emulate the STHYI instruction: store one 4 KiB page of CPU capacity data; `flags` must be 0.
 * @since 4.15
 * @source arch/s390/kernel/sthyi.c (6.12)
 * @source man2/s390_sthyi.2 - VERSIONS: available since Linux 4.15 (man-pages 6.03)
 */
export declare function s390_sthyi(
  this: Only<arch_s390>,
  /** only STHYI_FC_CP_IFL_CAP (0) */
  function_code: ulong,
  /** 4096 bytes */
  buffer: Ptr<Out<void_t>>,
  return_code: Ptr<Out<u64>>,
  flags: ulong,
): long;

// ---- sparc ----

/**
 * SunOS execv: execve with a NULL environment (32-bit ABI only).
 * @source arch/sparc/kernel/entry.S (6.12) - sunos_execv, 32-bit kernel
 * @source arch/sparc/kernel/syscalls.S (6.12) - sunos_execv, compat entry of a 64-bit kernel
 */
export declare function execv(this: Only<sparc>, filename: Path, argv: Ptr<In<Ptr<In<cstring>>>>): long;

/**
 * Copy the NIS domain name with its NUL; EINVAL if it does not fit in `len` bytes.
 * @source arch/sparc/kernel/sys_sparc_32.c (6.12)
 * @source arch/sparc/kernel/sys_sparc_64.c (6.12) - also the 32-bit ABI on a 64-bit kernel
 */
export declare function getdomainname(
  this: Only<arch_sparc>,
  name: Ptr<Out<char>>,
  len: int & LenOf<"name">,
): long;

/**
 * Return the kernel feature mask (KERN_FEATURE_MIXED_MODE_STACK).
 * The 32-bit ABI has it only on a 64-bit kernel (a 32-bit kernel's table has no entry).
 * @source arch/sparc/kernel/sys_sparc_64.c (6.12)
 */
export declare function kern_features(this: Only<arch_sparc>): long;

/**
 * Set the thread's SPARC V9 memory model (`model` 0 TSO, 1 PSO, 2 RMO).
 * @source arch/sparc/kernel/sys_sparc_64.c (6.12)
 */
export declare function memory_ordering(this: Only<sparc64>, model: ulong): long;

/**
 * Install a user trap handler for trap `type` (UT_*, 1..33) and report the previous handlers.
 * @source arch/sparc/kernel/sys_sparc_64.c (6.12)
 */
export declare function utrap_install(
  this: Only<sparc64>,
  /** utrap_entry_t */
  type: int,
  /** utrap_handler_t; UTH_NOCHANGE only reads the old handler */
  new_p: Ptr<void_t>,
  /** utrap_handler_t */
  new_d: Ptr<void_t>,
  /** utrap_handler_t */
  old_p: Ptr<Out<Ptr<void_t>>>,
  /** utrap_handler_t; always set to NULL */
  old_d: Ptr<Out<Ptr<void_t>>>,
): long;

// ---- calls whose arguments differ per architecture ----

/**
 * Flush part of the processor caches (m68k: scope and cache selectors, then the length).
 * @source arch/m68k/kernel/sys_m68k.c (6.12) - sys_cacheflush
 */
export declare function cacheflush(this: Only<m68k>, addr: ulong, scope: int, cache: int, len: ulong): long;
/**
 * Flush the caches for the address range [start, end) (ARM private call __ARM_NR_cacheflush).
 * @source arch/arm/kernel/traps.c (6.12) - arm_syscall, do_cache_op
 */
export declare function cacheflush(this: Only<arm>, start: ulong, end: ulong, flags: int): long;
/**
 * Flush the instruction and/or data cache (ICACHE, DCACHE, BCACHE) for a range of bytes.
 * @source arch/mips/mm/cache.c (6.12) - SYSCALL_DEFINE3(cacheflush)
 * @source arch/parisc/kernel/cache.c (6.12) - SYSCALL_DEFINE3(cacheflush)
 */
export declare function cacheflush(
  this: Only<arch_mips | arch_parisc>,
  addr: ulong,
  bytes: ulong & LenOf<"addr">,
  cache: uint,
): long;
/**
 * Flush or invalidate the caches for a range of bytes (CACHEFLUSH_* operation).
 * @source arch/sh/kernel/sys_sh.c (6.12) - sys_cacheflush
 */
export declare function cacheflush(this: Only<sh>, addr: ulong, len: ulong & LenOf<"addr">, op: int): long;

/**
 * Read a TLS descriptor from the GDT into a struct user_desc (entry_number selects it).
 * @source arch/x86/kernel/tls.c (6.12) - SYSCALL_DEFINE1(get_thread_area)
 */
export declare function get_thread_area(this: Only<i386>, u_info: Ptr<InOut<void_t>>): long;
/**
 * Return the thread pointer (m68k keeps it in the thread struct).
 * @source arch/m68k/kernel/sys_m68k.c (6.12) - sys_get_thread_area
 */
export declare function get_thread_area(this: Only<m68k>): long;

/**
 * Install a TLS descriptor in the GDT from a struct user_desc (entry_number -1 picks a free one).
 * @source arch/x86/kernel/tls.c (6.12) - SYSCALL_DEFINE1(set_thread_area)
 */
export declare function set_thread_area(this: Only<i386>, u_info: Ptr<InOut<void_t>>): long;
/**
 * Set the thread pointer.
 * @source arch/m68k/kernel/sys_m68k.c (6.12) - sys_set_thread_area
 */
export declare function set_thread_area(this: Only<m68k>, tp: ulong): long;
/**
 * Set the thread pointer (the UserLocal register value returned by rdhwr).
 * @source arch/mips/kernel/syscall.c (6.12) - SYSCALL_DEFINE1(set_thread_area)
 */
export declare function set_thread_area(this: Only<arch_mips>, addr: ulong): long;
