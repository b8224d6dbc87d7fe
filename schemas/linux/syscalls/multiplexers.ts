import type { EnumSet, In, int, long, Mux, Ptr, uint, ulong, void_t } from "@sysargs/dsl";

/**
 * Sub-calls of socketcall(2): the `call` argument.
 * @source include/uapi/linux/net.h (6.18)
 */
export type SocketcallCalls = EnumSet<{
  SYS_SOCKET: 1;
  SYS_BIND: 2;
  SYS_CONNECT: 3;
  SYS_LISTEN: 4;
  SYS_ACCEPT: 5;
  SYS_GETSOCKNAME: 6;
  SYS_GETPEERNAME: 7;
  SYS_SOCKETPAIR: 8;
  SYS_SEND: 9;
  SYS_RECV: 10;
  SYS_SENDTO: 11;
  SYS_RECVFROM: 12;
  SYS_SHUTDOWN: 13;
  SYS_SETSOCKOPT: 14;
  SYS_GETSOCKOPT: 15;
  SYS_SENDMSG: 16;
  SYS_RECVMSG: 17;
  SYS_ACCEPT4: 18;
  SYS_RECVMMSG: 19;
  SYS_SENDMMSG: 20;
}>;

/**
 * Sub-calls of ipc(2): the low 16 bits of `call` (the high 16 bits carry the interface version, IPCCALL).
 * @source include/uapi/linux/ipc.h (6.18)
 */
export type IpcCalls = EnumSet<{
  SEMOP: 1;
  SEMGET: 2;
  SEMCTL: 3;
  SEMTIMEDOP: 4;
  MSGSND: 11;
  MSGRCV: 12;
  MSGGET: 13;
  MSGCTL: 14;
  SHMAT: 21;
  SHMDT: 22;
  SHMGET: 23;
  SHMCTL: 24;
}>;

/**
 * Socket multiplexer of the 32-bit ABIs that lack (or predate) the direct socket syscalls:
 * `args` points to the sub-call's arguments, each an unsigned long.
 * @source include/linux/syscalls.h (6.12)
 */
export declare function socketcall(call: int & Mux<SocketcallCalls>, args: Ptr<In<ulong>>): long;

/**
 * System V IPC multiplexer:
 * the meaning of `first` ... `fifth` depends on the sub-call.
 * @source include/linux/syscalls.h (6.12)
 */
export declare function ipc(
  call: uint & Mux<IpcCalls>,
  first: int,
  second: ulong,
  third: ulong,
  /** Sub-call buffer (struct sembuf[], struct msgbuf, shmaddr ...); direction depends on the sub-call. */
  ptr: Ptr<In<void_t>>,
  fifth: long,
): long;
