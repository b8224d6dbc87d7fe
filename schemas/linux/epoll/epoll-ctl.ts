import type {
  CountedArray,
  EnumSet,
  Fd,
  Flag,
  FlagSet,
  Flags,
  In,
  int,
  long,
  On,
  OneOf,
  Out,
  PerAbi,
  Ptr,
  Struct,
  size_t,
  u32,
  u64,
} from "@sysargs/dsl";
import type { arch_alpha, arch_parisc, arch_sparc, x32, x86_64 } from "../../abi/index.js";
import type { sigset_t } from "../signal/rt-sigaction.js";
import type { __kernel_timespec } from "../time/timespec.js";

/**
 * EPOLL* event bits of epoll_event.events.
 *
 * The values are fixed in linux/eventpoll.h and are the same on every ABI (unlike the POLL* values of
 * asm/poll.h on some architectures).
 * @source include/uapi/linux/eventpoll.h (6.18)
 */
export type EpollEvents = FlagSet<{
  /** The file is readable. */
  EPOLLIN: 0x1;
  /** Exceptional condition (urgent TCP data, a cgroup.events change, ...). */
  EPOLLPRI: 0x2;
  /** The file is writable. */
  EPOLLOUT: 0x4;
  /** Error condition; always reported, need not be requested. */
  EPOLLERR: 0x8;
  /** Hang-up; always reported, need not be requested. */
  EPOLLHUP: 0x10;
  /** Invalid request. */
  EPOLLNVAL: 0x20;
  /** Normal data is readable. */
  EPOLLRDNORM: 0x40;
  /** Priority band data is readable. */
  EPOLLRDBAND: 0x80;
  /** Normal data is writable. */
  EPOLLWRNORM: 0x100;
  /** Priority band data is writable. */
  EPOLLWRBAND: 0x200;
  /** Unused message bit. */
  EPOLLMSG: 0x400;
  /** The peer closed its end or shut down writing (since 2.6.17). */
  EPOLLRDHUP: 0x2000;
  /**
   * Wakeup marker of io_uring (an eventfd/epoll wakeup that came from io_uring), used by the kernel to stop
   * recursion into io_uring's poll handler; not meant to be set by user space.
   */
  EPOLL_URING_WAKE: 0x8000000;
  /** Exclusive wakeup: only some of the epoll instances waiting on the file wake up (EPOLL_CTL_ADD only). */
  EPOLLEXCLUSIVE: Flag<0x10000000, "4.5">;
  /** Keep the system awake while the event is pending (needs CAP_BLOCK_SUSPEND, else silently cleared). */
  EPOLLWAKEUP: Flag<0x20000000, "3.5">;
  /** Disable the entry after one event (since 2.6.2); EPOLL_CTL_MOD re-arms it. */
  EPOLLONESHOT: 0x40000000;
  /** Edge-triggered notification. */
  EPOLLET: 0x80000000;
}>;

/**
 * The `op` argument of epoll_ctl(2).
 * @source include/uapi/linux/eventpoll.h (6.18)
 */
export type EpollCtlOps = EnumSet<{
  /** Add `fd` to the interest list with `event`. */
  EPOLL_CTL_ADD: 1;
  /** Remove `fd` from the interest list; `event` is ignored and may be NULL. */
  EPOLL_CTL_DEL: 2;
  /** Change the events and data of `fd`. */
  EPOLL_CTL_MOD: 3;
}>;

/**
 * Flags of epoll_create1(2).
 * @source include/uapi/linux/eventpoll.h (6.18)
 * @source include/uapi/asm-generic/fcntl.h (6.18) - O_CLOEXEC, per architecture
 */
export type EpollCreateFlags = FlagSet<{
  /** Set close-on-exec on the new epoll descriptor; equal to O_CLOEXEC, so its value is per ABI. */
  EPOLL_CLOEXEC: PerAbi<0x80000, [On<arch_parisc | arch_alpha, 0x200000>, On<arch_sparc, 0x400000>]>;
}>;

/**
 * An epoll event: the events requested or reported, and opaque user data.
 *
 * The UAPI header packs it when `__x86_64__` is defined, i.e. for x86_64 and x32 (12 bytes, data at offset 4,
 * alignment 1). i386 is not packed, but its 4-byte alignment of u64 gives the same 12-byte layout, so i386
 * agrees with the packed struct of an x86_64 kernel (only the alignment differs: 4); m68k (u64 2-aligned) and
 * sh (u64 4-aligned) are 12 bytes for the same reason. Every other ABI has 16 bytes with data at offset 8.
 * @source include/uapi/linux/eventpoll.h (6.18)
 * @header linux/eventpoll.h
 */
export interface epoll_event extends Struct<{ packed: x86_64 | x32 }> {
  /** EPOLL* event bits. */
  events: u32 & Flags<EpollEvents>;
  /** Opaque user data, returned unchanged with each event. */
  data: u64;
}

/**
 * Create an epoll instance.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 */
export declare function epoll_create1(flags: int & Flags<EpollCreateFlags>): long;

/**
 * Add, modify or remove an entry of an epoll instance's interest list.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 */
export declare function epoll_ctl(
  epfd: int & Fd,
  op: int & OneOf<EpollCtlOps>,
  fd: int & Fd,
  event: Ptr<In<epoll_event>>,
): long;

/**
 * Wait for events on an epoll instance.
 *
 * The generic syscall table (arm64, riscv64, loongarch64) has no epoll_wait; those ABIs use epoll_pwait.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 */
export declare function epoll_wait(
  epfd: int & Fd,
  events: Ptr<Out<CountedArray<epoll_event, "maxevents">>>,
  /** Capacity of `events`; must be positive and at most INT_MAX / sizeof(struct epoll_event). */
  maxevents: int,
  /** Milliseconds; -1 waits forever. */
  timeout: int,
): long;

/**
 * Wait for events with a signal mask installed for the duration of the wait.
 * @since 2.6
 * @source include/linux/syscalls.h (6.18)
 */
export declare function epoll_pwait(
  epfd: int & Fd,
  events: Ptr<Out<CountedArray<epoll_event, "maxevents">>>,
  maxevents: int,
  /** Milliseconds; -1 waits forever. */
  timeout: int,
  /** Signal mask to install while waiting; NULL keeps the current one. */
  sigmask: Ptr<In<sigset_t>>,
  /** Must equal sizeof(sigset_t) of the ABI (EINVAL otherwise). */
  sigsetsize: size_t,
): long;

/**
 * Like epoll_pwait, with a nanosecond timeout.
 * @since 5.11
 * @source include/linux/syscalls.h (6.18)
 */
export declare function epoll_pwait2(
  epfd: int & Fd,
  events: Ptr<Out<CountedArray<epoll_event, "maxevents">>>,
  maxevents: int,
  /** Timeout; NULL waits forever. */
  timeout: Ptr<In<__kernel_timespec>>,
  sigmask: Ptr<In<sigset_t>>,
  sigsetsize: size_t,
): long;
