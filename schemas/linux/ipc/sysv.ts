import type {
  FixedArray,
  gid_t,
  int,
  kernel_long_t,
  kernel_ulong_t,
  long,
  On,
  pid_t,
  short,
  uchar,
  uid_t,
  uint,
  ulong,
  ulonglong,
  ushort,
  Variants,
} from "@sysargs/dsl";
import type {
  aarch64,
  alpha,
  arch_mips,
  arch_powerpc,
  arm,
  i386,
  loongarch64,
  m68k,
  mips,
  mips64,
  mips64el,
  mips64n32,
  mipsel,
  mipsel64n32,
  parisc,
  parisc64,
  ppc,
  ppc64,
  ppc64le,
  riscv64,
  s390,
  s390x,
  sh,
  sparc,
  sparc64,
  x32,
  x86_64,
} from "../../abi/index.js";

// ---------------------------------------------------------------------------------------------
// struct sembuf: semop(2), semtimedop(2)

/**
 * One semaphore operation of semop(2) and semtimedop(2) (6 bytes, the same on every ABI).
 * @source include/uapi/linux/sem.h (6.18)
 * @header linux/sem.h
 */
export interface sembuf {
  /** Index of the semaphore in the set. */
  sem_num: ushort;
  /** Added to the semaphore value; 0 waits until the value is zero. */
  sem_op: short;
  /** IPC_NOWAIT (04000) and SEM_UNDO (0x1000). */
  sem_flg: short;
}

// ---------------------------------------------------------------------------------------------
// struct ipc64_perm: the ownership and permissions of a System V IPC object

/**
 * The asm-generic `struct ipc64_perm` where `__kernel_mode_t` is 32-bit (so `__pad1` has no bytes).
 *
 * 48 bytes on x86_64, x32, aarch64, riscv64, loongarch64, mips n64 and alpha; 36 on mips o32 and n32, whose
 * `__kernel_ulong_t` is 32-bit (a 64-bit kernel fills their copy from struct compat_ipc64_perm, with the same
 * layout).
 * @source include/uapi/asm-generic/ipcbuf.h (6.18)
 * @source arch/mips/include/asm/compat.h (6.18) - struct compat_ipc64_perm
 */
export interface ipc64_perm_generic {
  /** `__kernel_key_t`. */
  key: int;
  uid: uid_t;
  gid: gid_t;
  cuid: uid_t;
  cgid: gid_t;
  /**
   * Permission bits (`__kernel_mode_t`). The header's `unsigned char __pad1[4 - sizeof(__kernel_mode_t)]`
   * follows; it has no bytes here and is not listed.
   */
  mode: uint;
  seq: ushort;
  __pad2: ushort;
  __unused1: kernel_ulong_t;
  __unused2: kernel_ulong_t;
}

/**
 * The asm-generic `struct ipc64_perm` where `__kernel_mode_t` is 16-bit (36 bytes: i386, arm, m68k, sh).
 *
 * A 64-bit kernel fills i386's and arm's copy from struct compat_ipc64_perm, with the same layout.
 * @source include/uapi/asm-generic/ipcbuf.h (6.18)
 * @source include/asm-generic/compat.h (6.18) - struct compat_ipc64_perm
 */
export interface ipc64_perm_mode16 {
  /** `__kernel_key_t`. */
  key: int;
  uid: uid_t;
  gid: gid_t;
  cuid: uid_t;
  cgid: gid_t;
  /** Permission bits (`__kernel_mode_t`). */
  mode: ushort;
  /** `unsigned char __pad1[4 - sizeof(__kernel_mode_t)]`. */
  __pad1: FixedArray<uchar, 2>;
  seq: ushort;
  __pad2: ushort;
  __unused1: ulong;
  __unused2: ulong;
}

/**
 * 31-bit s390 `struct ipc64_perm` (36 bytes; 16-bit mode).
 *
 * The 64-bit kernel fills it from the generic struct compat_ipc64_perm (16-bit compat_mode_t), with the same
 * offsets.
 * @source arch/s390/include/uapi/asm/ipcbuf.h (6.18)
 * @source include/asm-generic/compat.h (6.18) - struct compat_ipc64_perm
 */
export interface ipc64_perm_s390 {
  /** `__kernel_key_t`. */
  key: int;
  uid: uid_t;
  gid: gid_t;
  cuid: uid_t;
  cgid: gid_t;
  /** Permission bits (`__kernel_mode_t`). */
  mode: ushort;
  __pad1: ushort;
  seq: ushort;
  __pad2: ushort;
  __unused1: ulong;
  __unused2: ulong;
}

/**
 * s390x `struct ipc64_perm` (48 bytes; seq at offset 26, after a 16-bit pad).
 * @source arch/s390/include/uapi/asm/ipcbuf.h (6.18)
 */
export interface ipc64_perm_s390x {
  /** `__kernel_key_t`. */
  key: int;
  uid: uid_t;
  gid: gid_t;
  cuid: uid_t;
  cgid: gid_t;
  /** Permission bits (`__kernel_mode_t`). */
  mode: uint;
  __pad1: ushort;
  seq: ushort;
  __unused1: ulong;
  __unused2: ulong;
}

/**
 * powerpc `struct ipc64_perm` (48 bytes on ppc, ppc64 and ppc64le: 32-bit seq, 64-bit pads).
 *
 * A 64-bit kernel fills ppc's copy from struct compat_ipc64_perm, with the same layout.
 * @source arch/powerpc/include/uapi/asm/ipcbuf.h (6.18)
 * @source arch/powerpc/include/asm/compat.h (6.18) - struct compat_ipc64_perm
 */
export interface ipc64_perm_powerpc {
  /** `__kernel_key_t`. */
  key: int;
  /** `__kernel_uid_t`. */
  uid: uint;
  /** `__kernel_gid_t`. */
  gid: uint;
  /** `__kernel_uid_t`. */
  cuid: uint;
  /** `__kernel_gid_t`. */
  cgid: uint;
  /** Permission bits (`__kernel_mode_t`). */
  mode: uint;
  seq: uint;
  __pad1: uint;
  __unused1: ulonglong;
  __unused2: ulonglong;
}

/**
 * sparc `struct ipc64_perm` (48 bytes; a 16-bit pad before the 16-bit mode).
 *
 * A 64-bit kernel fills it from struct compat_ipc64_perm, with the same layout.
 * @source arch/sparc/include/uapi/asm/ipcbuf.h (6.18)
 * @source arch/sparc/include/asm/compat.h (6.18) - struct compat_ipc64_perm
 */
export interface ipc64_perm_sparc {
  /** `__kernel_key_t`. */
  key: int;
  uid: uid_t;
  gid: gid_t;
  cuid: uid_t;
  cgid: gid_t;
  __pad0: ushort;
  /** Permission bits (`__kernel_mode_t`). */
  mode: ushort;
  __pad1: ushort;
  seq: ushort;
  __unused1: ulonglong;
  __unused2: ulonglong;
}

/**
 * sparc64 `struct ipc64_perm` (48 bytes; 32-bit mode, no `__pad0`).
 * @source arch/sparc/include/uapi/asm/ipcbuf.h (6.18)
 */
export interface ipc64_perm_sparc64 {
  /** `__kernel_key_t`. */
  key: int;
  uid: uid_t;
  gid: gid_t;
  cuid: uid_t;
  cgid: gid_t;
  /** Permission bits (`__kernel_mode_t`). */
  mode: uint;
  __pad1: ushort;
  seq: ushort;
  __unused1: ulonglong;
  __unused2: ulonglong;
}

/**
 * parisc `struct ipc64_perm` (48 bytes; a 16-bit pad before the 16-bit mode).
 *
 * A 64-bit kernel fills it from struct compat_ipc64_perm, with the same layout.
 * @source arch/parisc/include/uapi/asm/ipcbuf.h (6.18)
 * @source arch/parisc/include/asm/compat.h (6.18) - struct compat_ipc64_perm
 */
export interface ipc64_perm_parisc {
  /** `__kernel_key_t`. */
  key: int;
  /** `__kernel_uid_t`. */
  uid: uint;
  /** `__kernel_gid_t`. */
  gid: uint;
  /** `__kernel_uid_t`. */
  cuid: uint;
  /** `__kernel_gid_t`. */
  cgid: uint;
  __pad1: ushort;
  /** Permission bits (`__kernel_mode_t`). */
  mode: ushort;
  __pad2: ushort;
  seq: ushort;
  __pad3: uint;
  __unused1: ulonglong;
  __unused2: ulonglong;
}

/**
 * parisc64 `struct ipc64_perm` (48 bytes): parisc's without `__pad1`, which the header declares only when
 * `__BITS_PER_LONG != 64`, so mode is at offset 20 and seq at 24.
 *
 * parisc64 has no toolchain here: this layout follows from the header and is unproven by a compiler.
 * @source arch/parisc/include/uapi/asm/ipcbuf.h (6.18)
 */
export interface ipc64_perm_parisc64 {
  /** `__kernel_key_t`. */
  key: int;
  /** `__kernel_uid_t`. */
  uid: uint;
  /** `__kernel_gid_t`. */
  gid: uint;
  /** `__kernel_uid_t`. */
  cuid: uint;
  /** `__kernel_gid_t`. */
  cgid: uint;
  /** Permission bits (`__kernel_mode_t`). */
  mode: ushort;
  __pad2: ushort;
  seq: ushort;
  __pad3: uint;
  __unused1: ulonglong;
  __unused2: ulonglong;
}

/**
 * The kernel's `struct ipc64_perm`: owner, creator, permissions and sequence number of a System V IPC object,
 * the first member of msqid64_ds, semid64_ds and shmid64_ds.
 *
 * Each architecture's asm/ipcbuf.h (asm-generic by default); its size is 36 or 48 bytes.
 * @source include/uapi/asm-generic/ipcbuf.h (6.18)
 * @header asm/ipcbuf.h - not linux/ipc.h, whose users need libc headers
 */
export type ipc64_perm = Variants<
  [
    On<x86_64 | x32 | aarch64 | riscv64 | loongarch64 | arch_mips | alpha, ipc64_perm_generic>,
    On<i386 | arm | m68k | sh, ipc64_perm_mode16>,
    On<s390, ipc64_perm_s390>,
    On<s390x, ipc64_perm_s390x>,
    On<arch_powerpc, ipc64_perm_powerpc>,
    On<sparc, ipc64_perm_sparc>,
    On<sparc64, ipc64_perm_sparc64>,
    On<parisc, ipc64_perm_parisc>,
    On<parisc64, ipc64_perm_parisc64>,
  ]
>;

// ---------------------------------------------------------------------------------------------
// struct msqid64_ds: msgctl(2) IPC_STAT, MSG_STAT, MSG_STAT_ANY and IPC_SET

/**
 * The 64-bit `struct msqid64_ds` (120 bytes): whole 64-bit times.
 *
 * The asm-generic layout of 64-bit ABIs (x86_64, aarch64, riscv64, loongarch64, s390x, alpha), also declared
 * by powerpc for ppc64 and by mips for n64, and x86's for x32, which spells it with `__kernel_long_t`.
 * @source include/uapi/asm-generic/msgbuf.h (6.18)
 * @source arch/x86/include/uapi/asm/msgbuf.h (6.18) - x32
 * @source arch/powerpc/include/uapi/asm/msgbuf.h (6.18)
 * @source arch/mips/include/uapi/asm/msgbuf.h (6.18)
 */
export interface msqid64_ds_64 {
  msg_perm: ipc64_perm;
  /** Time of the last msgsnd. */
  msg_stime: kernel_long_t;
  /** Time of the last msgrcv. */
  msg_rtime: kernel_long_t;
  /** Time of the last change. */
  msg_ctime: kernel_long_t;
  /** Bytes currently on the queue. */
  msg_cbytes: kernel_ulong_t;
  /** Messages currently on the queue. */
  msg_qnum: kernel_ulong_t;
  /** Maximum bytes on the queue (IPC_SET changes it). */
  msg_qbytes: kernel_ulong_t;
  /** Pid of the last msgsnd. */
  msg_lspid: pid_t;
  /** Pid of the last msgrcv. */
  msg_lrpid: pid_t;
  __unused4: kernel_ulong_t;
  __unused5: kernel_ulong_t;
}

/**
 * The 32-bit asm-generic `struct msqid64_ds` (88 bytes): each time is a low word followed by its high word.
 *
 * i386, arm, s390, m68k, sh and little-endian MIPS o32 and n32 (a 64-bit kernel fills the copy of each from
 * struct compat_msqid64_ds, with the same layout). The n32 UAPI header does not describe what the kernel
 * writes: see msqid64_ds.
 * @source include/uapi/asm-generic/msgbuf.h (6.18)
 * @source arch/mips/include/uapi/asm/msgbuf.h (6.18) - __MIPSEL__
 * @source include/asm-generic/compat.h (6.18) - struct compat_msqid64_ds
 */
export interface msqid64_ds_32 {
  msg_perm: ipc64_perm;
  /** Time of the last msgsnd, low 32 bits. */
  msg_stime: ulong;
  msg_stime_high: ulong;
  /** Time of the last msgrcv, low 32 bits. */
  msg_rtime: ulong;
  msg_rtime_high: ulong;
  /** Time of the last change, low 32 bits. */
  msg_ctime: ulong;
  msg_ctime_high: ulong;
  /** Bytes currently on the queue. */
  msg_cbytes: ulong;
  /** Messages currently on the queue. */
  msg_qnum: ulong;
  /** Maximum bytes on the queue (IPC_SET changes it). */
  msg_qbytes: ulong;
  /** Pid of the last msgsnd. */
  msg_lspid: pid_t;
  /** Pid of the last msgrcv. */
  msg_lrpid: pid_t;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * The 32-bit `struct msqid64_ds` with each high word first: ppc (104 bytes, after its 48-byte ipc64_perm) and
 * big-endian MIPS o32 and n32 (88 bytes).
 *
 * A 64-bit kernel fills it from struct compat_msqid64_ds, with the same layout.
 * @source arch/powerpc/include/uapi/asm/msgbuf.h (6.18)
 * @source arch/mips/include/uapi/asm/msgbuf.h (6.18) - __MIPSEB__
 * @source arch/powerpc/include/asm/compat.h (6.18) - struct compat_msqid64_ds
 * @source arch/mips/include/asm/compat.h (6.18) - struct compat_msqid64_ds
 */
export interface msqid64_ds_32hi {
  msg_perm: ipc64_perm;
  msg_stime_high: ulong;
  /** Time of the last msgsnd, low 32 bits. */
  msg_stime: ulong;
  msg_rtime_high: ulong;
  /** Time of the last msgrcv, low 32 bits. */
  msg_rtime: ulong;
  msg_ctime_high: ulong;
  /** Time of the last change, low 32 bits. */
  msg_ctime: ulong;
  /** Bytes currently on the queue. */
  msg_cbytes: ulong;
  /** Messages currently on the queue. */
  msg_qnum: ulong;
  /** Maximum bytes on the queue (IPC_SET changes it). */
  msg_qbytes: ulong;
  /** Pid of the last msgsnd. */
  msg_lspid: pid_t;
  /** Pid of the last msgrcv. */
  msg_lrpid: pid_t;
  __unused4: ulong;
  __unused5: ulong;
}

/**
 * sparc and parisc `struct msqid64_ds` (104 bytes): high words first, pads named `__unused1` and `__unused2`.
 *
 * A 64-bit kernel fills it from struct compat_msqid64_ds, with the same layout.
 * @source arch/sparc/include/uapi/asm/msgbuf.h (6.18)
 * @source arch/parisc/include/uapi/asm/msgbuf.h (6.18)
 * @source arch/sparc/include/asm/compat.h (6.18) - struct compat_msqid64_ds
 */
export interface msqid64_ds_sparc32 {
  msg_perm: ipc64_perm;
  msg_stime_high: ulong;
  /** Time of the last msgsnd, low 32 bits. */
  msg_stime: ulong;
  msg_rtime_high: ulong;
  /** Time of the last msgrcv, low 32 bits. */
  msg_rtime: ulong;
  msg_ctime_high: ulong;
  /** Time of the last change, low 32 bits. */
  msg_ctime: ulong;
  /** Bytes currently on the queue. */
  msg_cbytes: ulong;
  /** Messages currently on the queue. */
  msg_qnum: ulong;
  /** Maximum bytes on the queue (IPC_SET changes it). */
  msg_qbytes: ulong;
  /** Pid of the last msgsnd. */
  msg_lspid: pid_t;
  /** Pid of the last msgrcv. */
  msg_lrpid: pid_t;
  __unused1: ulong;
  __unused2: ulong;
}

/**
 * sparc64 and parisc64 `struct msqid64_ds` (120 bytes): 64-bit times, pads named `__unused1` and `__unused2`.
 *
 * parisc64 has no toolchain here (unproven by a compiler).
 * @source arch/sparc/include/uapi/asm/msgbuf.h (6.18)
 * @source arch/parisc/include/uapi/asm/msgbuf.h (6.18)
 */
export interface msqid64_ds_sparc64 {
  msg_perm: ipc64_perm;
  /** Time of the last msgsnd. */
  msg_stime: long;
  /** Time of the last msgrcv. */
  msg_rtime: long;
  /** Time of the last change. */
  msg_ctime: long;
  /** Bytes currently on the queue. */
  msg_cbytes: ulong;
  /** Messages currently on the queue. */
  msg_qnum: ulong;
  /** Maximum bytes on the queue (IPC_SET changes it). */
  msg_qbytes: ulong;
  /** Pid of the last msgsnd. */
  msg_lspid: pid_t;
  /** Pid of the last msgrcv. */
  msg_lrpid: pid_t;
  __unused1: ulong;
  __unused2: ulong;
}

/**
 * The kernel's `struct msqid64_ds`, the System V message queue status that msgctl(2) writes for IPC_STAT,
 * MSG_STAT and MSG_STAT_ANY and reads for IPC_SET (only msg_perm.uid, .gid, .mode and msg_qbytes).
 *
 * Each architecture's asm/msgbuf.h (asm-generic by default), with struct compat_msqid64_ds of the same
 * layout for 32-bit ABIs on 64-bit kernels, except on MIPS n32: its UAPI header takes the `__mips64` branch
 * and declares a 76-byte structure of 32-bit `long` times, but n32's msgctl is compat_sys_old_msgctl, which
 * writes the 88-byte compat_msqid64_ds with split times (low word first on little-endian, high first on
 * big-endian), as for o32. n32 is described by what the kernel writes.
 * @source include/uapi/asm-generic/msgbuf.h (6.18)
 * @source arch/mips/include/asm/compat.h (6.18) - struct compat_msqid64_ds
 * @source ipc/msg.c (6.18) - copy_msqid_to_user, copy_compat_msqid_to_user
 * @header asm/msgbuf.h
 * @header-differs mips_n32 - n32's msgctl writes struct compat_msqid64_ds (o32's 88-byte layout);
 *   UAPI declares a 76-byte one
 */
export type msqid64_ds = Variants<
  [
    On<
      x86_64 | x32 | aarch64 | riscv64 | loongarch64 | ppc64 | ppc64le | s390x | mips64 | mips64el | alpha,
      msqid64_ds_64
    >,
    On<i386 | arm | s390 | m68k | sh | mipsel | mipsel64n32, msqid64_ds_32>,
    On<ppc | mips | mips64n32, msqid64_ds_32hi>,
    On<sparc | parisc, msqid64_ds_sparc32>,
    On<sparc64 | parisc64, msqid64_ds_sparc64>,
  ]
>;
