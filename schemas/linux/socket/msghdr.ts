import type {
  Composite,
  CountedArray,
  Fd,
  Flag,
  FlagSet,
  Flags,
  In,
  InOut,
  int,
  LenOf,
  long,
  Ptr,
  size_t,
  uint,
  void_t,
} from "@sysargs/dsl";
import type { iovec } from "../uio/iovec.js";

/**
 * MSG_* flags of the send*() and recv*() families and of user_msghdr.msg_flags.
 *
 * The values are the same on every architecture. Kernel-internal bits (MSG_SENDPAGE_NOPOLICY,
 * MSG_NO_SHARED_FRAGS, MSG_SENDPAGE_DECRYPTED, MSG_SPLICE_PAGES, MSG_CMSG_COMPAT) are not members: sendmsg
 * clears the internal send bits, and MSG_CMSG_COMPAT (0x80000000) from a native caller gives EINVAL.
 * @source include/linux/socket.h (6.18)
 */
export type MsgFlags = FlagSet<{
  /** Out-of-band data. */
  MSG_OOB: 0x1;
  /** Receive without removing the data from the queue. */
  MSG_PEEK: 0x2;
  /** Send only to directly connected hosts (no gateway). */
  MSG_DONTROUTE: 0x4;
  /** Synonym of MSG_DONTROUTE (once used by DECnet). */
  MSG_TRYHARD: Composite<0x4>;
  /** Output: control data was truncated (msg_controllen too small). */
  MSG_CTRUNC: 0x8;
  /** Do not send; only probe the path (e.g. for the MTU). */
  MSG_PROBE: 0x10;
  /** Output: the datagram was truncated; input (packet and some other sockets): return its real length. */
  MSG_TRUNC: 0x20;
  /** Non-blocking operation for this call. */
  MSG_DONTWAIT: 0x40;
  /** End of record (SOCK_SEQPACKET). */
  MSG_EOR: 0x80;
  /** Block until the full request is satisfied. */
  MSG_WAITALL: 0x100;
  /** FIN (TCP-internal meaning; see MSG_EOF). */
  MSG_FIN: 0x200;
  /** SYN (unused by the socket layer). */
  MSG_SYN: 0x400;
  /** Tell the link layer that forward progress happened (confirms the neighbour). */
  MSG_CONFIRM: 0x800;
  /** RST (unused by the socket layer). */
  MSG_RST: 0x1000;
  /** Receive a queued error from the socket's error queue. */
  MSG_ERRQUEUE: 0x2000;
  /** Do not raise SIGPIPE when the peer has closed the connection. */
  MSG_NOSIGNAL: 0x4000;
  /** More data follows (cork). */
  MSG_MORE: 0x8000;
  /** recvmmsg(): block only until the first message arrives (since 2.6.34). */
  MSG_WAITFORONE: 0x10000;
  /** sendmmsg(): more messages follow. */
  MSG_BATCH: Flag<0x40000, "4.6">;
  /** Synonym of MSG_FIN. */
  MSG_EOF: Composite<0x200>;
  /** recvmsg(): deliver devmem TCP fragments as control messages. */
  MSG_SOCK_DEVMEM: Flag<0x2000000, "6.12">;
  /** Send from user pages without copying; completion arrives on the error queue. */
  MSG_ZEROCOPY: Flag<0x4000000, "4.14">;
  /** Send data in the TCP SYN (TCP Fast Open client). */
  MSG_FASTOPEN: 0x20000000;
  /** recvmsg(): set close-on-exec on descriptors received with SCM_RIGHTS (since 2.6.23). */
  MSG_CMSG_CLOEXEC: 0x40000000;
}>;

/**
 * The message header of sendmsg(2) and recvmsg(2), the kernel's `struct user_msghdr`.
 *
 * It is declared in the kernel-internal include/linux/socket.h (user space knows it as glibc's `struct
 * msghdr`, which has the same layout). 28 bytes on 32-bit ABIs (x32 included: the x32 entries are the compat
 * ones), 56 on 64-bit ones.
 * @source include/linux/socket.h (6.18)
 * @header none - declared in the kernel-internal include/linux/socket.h
 */
export interface user_msghdr {
  /** Socket address: the destination (sendmsg) or where to store the source (recvmsg); may be NULL. */
  msg_name: Ptr<InOut<void_t>>;
  /** Size of msg_name in bytes; recvmsg writes back the address length. */
  msg_namelen: int & LenOf<"msg_name">;
  /** The data buffers; more than UIO_MAXIOV (1024) entries give EMSGSIZE. */
  msg_iov: Ptr<In<CountedArray<iovec, "msg_iovlen">>>;
  /** Number of entries of msg_iov (`__kernel_size_t`). */
  msg_iovlen: size_t;
  /** Ancillary data (control messages): read by sendmsg, written by recvmsg. */
  msg_control: Ptr<InOut<void_t>>;
  /** Size of msg_control in bytes (`__kernel_size_t`); recvmsg writes back the length used. */
  msg_controllen: size_t & LenOf<"msg_control">;
  /** Output of recvmsg (MSG_EOR, MSG_TRUNC, MSG_CTRUNC, MSG_OOB, MSG_ERRQUEUE, ...); ignored by sendmsg. */
  msg_flags: uint & Flags<MsgFlags>;
}

/**
 * Send a message on a socket.
 *
 * On ABIs with socketcall(2) it is also reachable as SYS_SENDMSG.
 * @since 2.0
 * @source include/linux/syscalls.h (6.18)
 */
export declare function sendmsg(fd: int & Fd, msg: Ptr<In<user_msghdr>>, flags: uint & Flags<MsgFlags>): long;

/**
 * Receive a message from a socket.
 *
 * The kernel writes msg_namelen, msg_controllen and msg_flags back into the header. On ABIs with
 * socketcall(2) it is also reachable as SYS_RECVMSG.
 * @since 2.0
 * @source include/linux/syscalls.h (6.18)
 */
export declare function recvmsg(
  fd: int & Fd,
  msg: Ptr<InOut<user_msghdr>>,
  flags: uint & Flags<MsgFlags>,
): long;
