import type { Fd, In, long, Out, Ptr, u64, uint } from "@sysargs/dsl";

/**
 * The byte range of cachestat(2): 16 bytes everywhere.
 * @source include/uapi/linux/mman.h (6.18)
 * @since 6.5
 */
export interface cachestat_range {
  /** First byte of the range. */
  off: u64;
  /** Length of the range in bytes; 0 means to the end of the file. */
  len: u64;
}

/**
 * The page cache statistics that cachestat(2) writes, in pages: 40 bytes everywhere.
 * @source include/uapi/linux/mman.h (6.18)
 * @since 6.5
 */
export interface cachestat {
  /** Pages of the range in the page cache. */
  nr_cache: u64;
  /** Dirty pages. */
  nr_dirty: u64;
  /** Pages under writeback. */
  nr_writeback: u64;
  /** Pages evicted from the cache. */
  nr_evicted: u64;
  /** Pages evicted recently (within the workingset's refault distance). */
  nr_recently_evicted: u64;
}

// ---------------------------------------------------------------------------------------------
// syscalls

/**
 * Report page-cache state (cached, dirty, writeback, evicted and recently evicted pages) for a byte range of a file.
 *
 * Declared here rather than generated: the syscall and its struct share the kernel's name. `flags` must be 0.
 * @since 6.5
 * @source include/linux/syscalls.h (6.12)
 * @source tracefs sys_enter_cachestat (6.18.44)
 */
export declare function cachestat(
  fd: uint & Fd,
  cstat_range: Ptr<In<cachestat_range>>,
  cstat: Ptr<Out<cachestat>>,
  flags: uint,
): long;
