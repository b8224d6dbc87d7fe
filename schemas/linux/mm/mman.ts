import type { Composite, EnumSet, Flag, FlagSet, On, PerAbi } from "@sysargs/dsl";
import type { arch_alpha, arch_mips, arch_parisc, arch_powerpc, arch_sparc } from "../../abi/index.js";

/**
 * PROT_* protection bits of mmap(2), mmap2, mprotect(2) and pkey_mprotect(2), per ABI.
 *
 * The asm-generic values (include/uapi/asm-generic/mman-common.h, which asm/mman.h includes on every architecture
 * but mips, alpha, parisc and xtensa) hold everywhere except PROT_SEM, which is 0x10 on mips. The
 * architecture-only bits PROT_SAO (powerpc, 0x10) and PROT_ADI (sparc, 0x10) are not members: a member cannot be
 * absent on some ABIs. PROT_GROWSDOWN and PROT_GROWSUP are accepted by mprotect only.
 * @source include/uapi/asm-generic/mman.h (6.18) - includes asm-generic/mman-common.h, which defines them
 * @source arch/mips/include/uapi/asm/mman.h (6.18)
 * @source arch/alpha/include/uapi/asm/mman.h (6.18)
 * @source arch/parisc/include/uapi/asm/mman.h (6.18)
 */
export type ProtFlags = FlagSet<{
  /** No access (the value 0, not a bit). */
  PROT_NONE: Composite<0>;
  /** Pages may be read. */
  PROT_READ: 0x1;
  /** Pages may be written. */
  PROT_WRITE: 0x2;
  /** Pages may be executed. */
  PROT_EXEC: 0x4;
  /** Pages may be used for atomic operations (ignored by the kernel). */
  PROT_SEM: PerAbi<0x8, [On<arch_mips, 0x10>]>;
  /** mprotect only: extend the change down to the start of a grows-down mapping. */
  PROT_GROWSDOWN: 0x01000000;
  /** mprotect only: extend the change up to the end of a grows-up mapping (parisc). */
  PROT_GROWSUP: 0x02000000;
}>;

/**
 * MAP_* flags of mmap(2) and mmap2, per ABI.
 *
 * MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE and MAP_DROPPABLE are the mapping types of include/uapi/linux/mman.h,
 * the same on every ABI; the other flags default to asm-generic (mman-common.h and mman.h), which x86, arm, arm64,
 * riscv, loongarch, s390, m68k and sh use unchanged. powerpc and sparc move MAP_NORESERVE, MAP_LOCKED and (sparc)
 * MAP_GROWSDOWN; mips, alpha and parisc have their own layouts.
 *
 * Not members, because a member cannot be absent on some ABIs: MAP_32BIT and MAP_ABOVE4G (x86 only, 0x40 and
 * 0x80); MAP_SYNC (0x80000 in asm-generic; mips, alpha and parisc do not define it and the kernel takes it as 0
 * there, include/linux/mman.h); MAP_UNINITIALIZED (0x4000000 in asm-generic, 0 on parisc, undefined on mips and
 * alpha, and only honoured with CONFIG_MMAP_ALLOW_UNINITIALIZED); the compatibility-only bits the architecture
 * headers reserve (MAP_RENAME, MAP_AUTOGROW, MAP_INHERIT, _MAP_NEW, ...). Bits 26-31 carry the log2 of the huge
 * page size with MAP_HUGETLB (MAP_HUGE_SHIFT 26); two common sizes are listed as combinations.
 * @source include/uapi/linux/mman.h (6.18) - mapping types, MAP_HUGE_* (from asm-generic/hugetlb_encode.h)
 * @source include/uapi/asm-generic/mman.h (6.18) - and asm-generic/mman-common.h, which it includes
 * @source arch/powerpc/include/uapi/asm/mman.h (6.18)
 * @source arch/sparc/include/uapi/asm/mman.h (6.18)
 * @source arch/mips/include/uapi/asm/mman.h (6.18)
 * @source arch/alpha/include/uapi/asm/mman.h (6.18)
 * @source arch/parisc/include/uapi/asm/mman.h (6.18)
 */
export type MmapFlags = FlagSet<{
  /** Mask of the mapping type (MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE, MAP_DROPPABLE). */
  MAP_TYPE: Composite<PerAbi<0x0f, [On<arch_parisc, 0x2b>]>>;
  /** Share changes with other mappings of the object (written back to a file). */
  MAP_SHARED: 0x01;
  /** Private copy-on-write mapping. */
  MAP_PRIVATE: 0x02;
  /** MAP_SHARED that fails with EOPNOTSUPP on unknown flags (since 4.15). */
  MAP_SHARED_VALIDATE: Composite<0x03, "4.15">;
  /** Mapping type: anonymous memory that the kernel may zero under memory pressure (since 6.11). */
  MAP_DROPPABLE: Flag<0x08, "6.11">;
  /** Place the mapping exactly at `addr`, replacing what is there. */
  MAP_FIXED: PerAbi<0x10, [On<arch_alpha, 0x100>, On<arch_parisc, 0x04>]>;
  /** Anonymous memory: not backed by a file (`fd` is ignored or must be -1). */
  MAP_ANONYMOUS: PerAbi<0x20, [On<arch_mips, 0x800>, On<arch_alpha | arch_parisc, 0x10>]>;
  /** Ignored (a stack-like segment once). */
  MAP_GROWSDOWN: PerAbi<
    0x100,
    [On<arch_sparc, 0x200>, On<arch_mips | arch_alpha, 0x1000>, On<arch_parisc, 0x8000>]
  >;
  /** Ignored (ETXTBSY on writes to the file once). */
  MAP_DENYWRITE: PerAbi<0x800, [On<arch_mips | arch_alpha, 0x2000>]>;
  /** Ignored (marked an executable mapping once). */
  MAP_EXECUTABLE: PerAbi<0x1000, [On<arch_mips | arch_alpha, 0x4000>]>;
  /** Lock the pages in memory, as mlock(2). */
  MAP_LOCKED: PerAbi<
    0x2000,
    [On<arch_powerpc, 0x80>, On<arch_sparc, 0x100>, On<arch_mips | arch_alpha, 0x8000>]
  >;
  /** Do not reserve swap space for the mapping. */
  MAP_NORESERVE: PerAbi<
    0x4000,
    [On<arch_powerpc | arch_sparc, 0x40>, On<arch_mips, 0x400>, On<arch_alpha, 0x10000>]
  >;
  /** Prefault the page tables (read-ahead for a file mapping). */
  MAP_POPULATE: PerAbi<0x8000, [On<arch_mips | arch_parisc, 0x10000>, On<arch_alpha, 0x20000>]>;
  /** With MAP_POPULATE: do not block on I/O (ignored since 3.9). */
  MAP_NONBLOCK: PerAbi<0x10000, [On<arch_mips | arch_parisc, 0x20000>, On<arch_alpha, 0x40000>]>;
  /** An address suitable for a process or thread stack (no guard gap merging, no THP). */
  MAP_STACK: PerAbi<0x20000, [On<arch_mips | arch_parisc, 0x40000>, On<arch_alpha, 0x80000>]>;
  /** Back the mapping with huge pages (the size in bits 26-31, see MAP_HUGE_2MB). */
  MAP_HUGETLB: PerAbi<0x40000, [On<arch_mips | arch_parisc, 0x80000>, On<arch_alpha, 0x100000>]>;
  /** MAP_FIXED that fails with EEXIST instead of replacing an existing mapping (since 4.17). */
  MAP_FIXED_NOREPLACE: Flag<PerAbi<0x100000, [On<arch_alpha, 0x200000>]>, "4.17">;
  /** Compatibility name for a file mapping (the value 0). */
  MAP_FILE: Composite<0>;
  /** With MAP_HUGETLB: 2 MiB huge pages (21 << MAP_HUGE_SHIFT). */
  MAP_HUGE_2MB: Composite<0x54000000, "3.8">;
  /** With MAP_HUGETLB: 1 GiB huge pages (30 << MAP_HUGE_SHIFT). */
  MAP_HUGE_1GB: Composite<0x78000000, "3.8">;
}>;

/**
 * MREMAP_* flags of mremap(2).
 * @source include/uapi/linux/mman.h (6.18)
 */
export type MremapFlags = FlagSet<{
  /** The mapping may move to a new address. */
  MREMAP_MAYMOVE: 1;
  /** With MREMAP_MAYMOVE: move the mapping to exactly `new_addr`. */
  MREMAP_FIXED: 2;
  /** With MREMAP_MAYMOVE: leave the old range mapped (and empty) after the move (since 5.7). */
  MREMAP_DONTUNMAP: Flag<4, "5.7">;
}>;

/**
 * MADV_* advice of madvise(2) and process_madvise(2) (which accepts a subset), per ABI.
 *
 * The asm-generic values hold everywhere except MADV_DONTNEED, which is 6 on alpha.
 * Not members: MADV_HWPOISON (100) and MADV_SOFT_OFFLINE (101), memory-failure testing advice that alpha does not
 * define (and mips lacks MADV_SOFT_OFFLINE), and alpha's unused MADV_SPACEAVAIL (5). Nor, for now, the nine
 * advice values parisc renumbered after 6.1: MADV_MERGEABLE 12, MADV_UNMERGEABLE 13, MADV_HUGEPAGE 14,
 * MADV_NOHUGEPAGE 15, MADV_DONTDUMP 16, MADV_DODUMP 17, MADV_WIPEONFORK 18, MADV_KEEPONFORK 19 and MADV_COLLAPSE 25
 * (the same on every ABI in 6.18). parisc's UAPI header numbered them 65-73 up to 6.1 (the cross headers, 6.1,
 * still do) and its madvise entry (parisc_madvise, arch/parisc/kernel/sys_parisc.c) still translates the old
 * numbers, so a parisc caller may pass either. The registry cannot yet state a per-ABI value that changed in a
 * later release, and the 6.18 value would be a mismatch against the 6.1 headers.
 * MADV_GUARD_INSTALL and MADV_GUARD_REMOVE (6.13) are newer than both the cross headers (6.1) and linux-source-6.12,
 * so no source of `sysargs verify` proves them: their values are those of the 6.18 UAPI headers.
 * @source include/uapi/asm-generic/mman.h (6.18) - includes asm-generic/mman-common.h, which defines them
 * @source arch/mips/include/uapi/asm/mman.h (6.18)
 * @source arch/alpha/include/uapi/asm/mman.h (6.18)
 * @source arch/parisc/include/uapi/asm/mman.h (6.18)
 */
export type MadviseAdvice = EnumSet<{
  /** No special treatment (the default). */
  MADV_NORMAL: 0;
  /** Expect random page references (less read-ahead). */
  MADV_RANDOM: 1;
  /** Expect sequential page references (more read-ahead). */
  MADV_SEQUENTIAL: 2;
  /** Expect access soon: start read-ahead. */
  MADV_WILLNEED: 3;
  /** Do not expect access soon: free the pages (private anonymous memory reads back zeros). */
  MADV_DONTNEED: PerAbi<4, [On<arch_alpha, 6>]>;
  /** Free the pages lazily, only under memory pressure (since 4.5). */
  MADV_FREE: Flag<8, "4.5">;
  /** Free the pages and their backing store (shmem, tmpfs, hugetlbfs). */
  MADV_REMOVE: 9;
  /** Do not inherit the range across fork. */
  MADV_DONTFORK: 10;
  /** Undo MADV_DONTFORK. */
  MADV_DOFORK: 11;
  /** Deactivate the pages: reclaim them first (since 5.4). */
  MADV_COLD: Flag<20, "5.4">;
  /** Reclaim the pages now (since 5.4). */
  MADV_PAGEOUT: Flag<21, "5.4">;
  /** Prefault the page tables readable (since 5.14). */
  MADV_POPULATE_READ: Flag<22, "5.14">;
  /** Prefault the page tables writable (since 5.14). */
  MADV_POPULATE_WRITE: Flag<23, "5.14">;
  /** MADV_DONTNEED that also drops locked pages (since 5.18). */
  MADV_DONTNEED_LOCKED: Flag<24, "5.18">;
  /** Install guard regions: accessing the range faults with SIGSEGV (since 6.13; not proved, see above). */
  MADV_GUARD_INSTALL: Flag<102, "6.13">;
  /** Remove guard regions from the range (since 6.13; not proved, see above). */
  MADV_GUARD_REMOVE: Flag<103, "6.13">;
}>;

/**
 * MFD_* flags of memfd_create(2).
 *
 * Bits 26-31 carry the log2 of the huge page size with MFD_HUGETLB (MFD_HUGE_SHIFT 26); two common sizes are
 * listed as combinations.
 * @source include/uapi/linux/memfd.h (6.18)
 */
export type MemfdFlags = FlagSet<{
  /** Set close-on-exec on the new descriptor. */
  MFD_CLOEXEC: 0x1;
  /** Allow file seals (F_ADD_SEALS); without it the file starts sealed with F_SEAL_SEAL. */
  MFD_ALLOW_SEALING: 0x2;
  /** Back the file with huge pages (hugetlbfs) (since 4.14). */
  MFD_HUGETLB: Flag<0x4, "4.14">;
  /** Create a non-executable file, sealed against becoming executable (since 6.3). */
  MFD_NOEXEC_SEAL: Flag<0x8, "6.3">;
  /** Create an executable file (since 6.3). */
  MFD_EXEC: Flag<0x10, "6.3">;
  /** With MFD_HUGETLB: 2 MiB huge pages (21 << MFD_HUGE_SHIFT) (since 4.14). */
  MFD_HUGE_2MB: Composite<0x54000000, "4.14">;
  /** With MFD_HUGETLB: 1 GiB huge pages (30 << MFD_HUGE_SHIFT) (since 4.14). */
  MFD_HUGE_1GB: Composite<0x78000000, "4.14">;
}>;

/**
 * MLOCK_* flags of mlock2(2).
 * @source include/uapi/asm-generic/mman.h (6.18) - includes asm-generic/mman-common.h, which defines it
 * @source arch/mips/include/uapi/asm/mman.h (6.18)
 * @source arch/alpha/include/uapi/asm/mman.h (6.18)
 * @source arch/parisc/include/uapi/asm/mman.h (6.18)
 */
export type Mlock2Flags = FlagSet<{
  /** Lock the pages as they are faulted in, instead of prefaulting them (since 4.4). */
  MLOCK_ONFAULT: Flag<0x01, "4.4">;
}>;

/**
 * MCL_* flags of mlockall(2), per ABI: alpha, powerpc and sparc use 0x2000, 0x4000 and 0x8000.
 * @source include/uapi/asm-generic/mman.h (6.18)
 * @source arch/powerpc/include/uapi/asm/mman.h (6.18)
 * @source arch/sparc/include/uapi/asm/mman.h (6.18)
 * @source arch/mips/include/uapi/asm/mman.h (6.18)
 * @source arch/alpha/include/uapi/asm/mman.h (6.18)
 * @source arch/parisc/include/uapi/asm/mman.h (6.18)
 */
export type MlockallFlags = FlagSet<{
  /** Lock every page currently mapped. */
  MCL_CURRENT: PerAbi<1, [On<arch_alpha | arch_powerpc | arch_sparc, 0x2000>]>;
  /** Lock every page mapped from now on. */
  MCL_FUTURE: PerAbi<2, [On<arch_alpha | arch_powerpc | arch_sparc, 0x4000>]>;
  /** With MCL_CURRENT or MCL_FUTURE: lock the pages as they are faulted in (since 4.4). */
  MCL_ONFAULT: Flag<PerAbi<4, [On<arch_alpha | arch_powerpc | arch_sparc, 0x8000>]>, "4.4">;
}>;

/**
 * MS_* flags of msync(2), per ABI: alpha swaps MS_SYNC and MS_INVALIDATE, parisc MS_SYNC and MS_ASYNC.
 * (The MS_* flags of mount(2) are another set.)
 * @source include/uapi/asm-generic/mman.h (6.18) - includes asm-generic/mman-common.h, which defines them
 * @source arch/mips/include/uapi/asm/mman.h (6.18)
 * @source arch/alpha/include/uapi/asm/mman.h (6.18)
 * @source arch/parisc/include/uapi/asm/mman.h (6.18)
 */
export type MsyncFlags = FlagSet<{
  /** Schedule the write-back and return at once. */
  MS_ASYNC: PerAbi<1, [On<arch_parisc, 2>]>;
  /** Invalidate other mappings of the same file. */
  MS_INVALIDATE: PerAbi<2, [On<arch_alpha | arch_parisc, 4>]>;
  /** Write back and wait for the write-back to complete. */
  MS_SYNC: PerAbi<4, [On<arch_alpha, 2>, On<arch_parisc, 1>]>;
}>;
