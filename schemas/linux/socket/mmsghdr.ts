import type { uint } from "@sysargs/dsl";
import type { user_msghdr } from "./msghdr.js";

/**
 * One message of sendmmsg(2) and recvmmsg(2): a message header and the bytes sent or received.
 *
 * 32 bytes on 32-bit ABIs and x32 (whose entries are the compat ones: struct compat_mmsghdr), 64 on 64-bit ones.
 * @source include/linux/socket.h (6.18)
 * @header none - declared in the kernel-internal include/linux/socket.h (user space: glibc's struct mmsghdr)
 */
export interface mmsghdr {
  /** The message. */
  msg_hdr: user_msghdr;
  /** Bytes sent or received for this message, written by the kernel. */
  msg_len: uint;
}
