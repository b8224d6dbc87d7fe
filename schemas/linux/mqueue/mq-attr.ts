import type { FixedArray, kernel_long_t } from "@sysargs/dsl";

/**
 * The attributes of a POSIX message queue (mq_open, mq_getsetattr).
 *
 * 32 bytes on 32-bit ABIs, 64 on 64-bit ones and x32 (whose mq_open and mq_getsetattr are the 64-bit entry
 * points). The 32-bit ABIs' entry points of a 64-bit kernel use struct compat_mq_attr, the same layout.
 * @source include/uapi/linux/mqueue.h (6.18)
 */
export interface mq_attr {
  /** Queue flags: O_NONBLOCK only (mq_getsetattr sets only this member). */
  mq_flags: kernel_long_t;
  /** Maximum number of messages on the queue. */
  mq_maxmsg: kernel_long_t;
  /** Maximum message size in bytes. */
  mq_msgsize: kernel_long_t;
  /** Number of messages currently queued (output only). */
  mq_curmsgs: kernel_long_t;
  /** Ignored on input, zeroed on output. */
  __reserved: FixedArray<kernel_long_t, 4>;
}
