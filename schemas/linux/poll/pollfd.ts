import type { int, short } from "@sysargs/dsl";

/**
 * One descriptor of poll(2) and ppoll(2): the array has `nfds` of them. 8 bytes everywhere.
 * @source include/uapi/asm-generic/poll.h (6.18)
 * @header asm/poll.h
 */
export interface pollfd {
  /** The file descriptor to watch; a negative one is ignored (its revents is 0). */
  fd: int;
  /** Requested events (POLLIN, POLLOUT, ...). */
  events: short;
  /** Returned events, written by the kernel (also POLLERR, POLLHUP, POLLNVAL). */
  revents: short;
}
