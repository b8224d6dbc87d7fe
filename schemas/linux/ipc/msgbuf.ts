import type { char, FixedArray, kernel_long_t } from "@sysargs/dsl";

/**
 * A System V message of msgsnd(2) and msgrcv(2): the type, then `msgsz` bytes of text (the UAPI declares one).
 *
 * 8 bytes on 32-bit ABIs and 16 on 64-bit ones and x32 as declared; the 32-bit ABIs' entry points of a 64-bit
 * kernel read struct compat_msgbuf, the same layout.
 * @source include/uapi/linux/msg.h (6.18)
 */
export interface msgbuf {
  /** The message type: positive for msgsnd; msgrcv's msgtyp selects by it. */
  mtype: kernel_long_t;
  /** The message text: msgsz bytes from here. */
  mtext: FixedArray<char, 1>;
}
