/*
 * Real syscalls with known flag, enum, fd and path arguments, for tools/conformance/src/strace.test.ts:
 * the test runs this program under strace twice (symbolic and raw) and compares strace's names for
 * each argument with the registry's. getppid() marks the start, so that libc's own start-up calls
 * are not compared. Every call is harmless; failures (ECHILD, EBADF...) are fine, only the
 * arguments matter. Calls go through syscall(2) where glibc would choose another syscall.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <time.h>
#include <unistd.h>

/* <linux/pidfd.h> clashes with <fcntl.h> in the 6.1 headers; the value is O_NONBLOCK. */
#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/tmp";
  char a[4096], b[4096];
  snprintf(a, sizeof a, "%s/a", dir);
  snprintf(b, sizeof b, "%s/b", dir);
  int fd = open(a, O_CREAT | O_WRONLY, 0600);
  getppid(); /* start marker */

  char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(p, 4096, PROT_READ);
  madvise(p, 4096, MADV_DONTNEED);
  msync(p, 4096, MS_ASYNC | MS_INVALIDATE);
  p = mremap(p, 8192, 16384, MREMAP_MAYMOVE);
  syscall(SYS_mlock2, p, 4096, MLOCK_ONFAULT);

  int s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  int sv[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
  char byte = 'x';
  struct iovec iov = {&byte, 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  sendmsg(sv[0], &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
  recvmsg(sv[1], &msg, MSG_DONTWAIT | MSG_PEEK);

  fcntl(fd, F_GETFD);
  fcntl(s, F_SETFL, O_NONBLOCK);
  prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
  prctl(PR_SET_NAME, "strace-calls", 0, 0, 0);
  uint32_t word = 0;
  syscall(SYS_futex, &word, FUTEX_WAKE, 1, NULL, NULL, 0);

  struct timespec ts = {0, 0};
  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
  syscall(SYS_clock_getres, CLOCK_REALTIME, &ts);
  struct timespec zero = {0, 0};
  syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &zero, NULL);
  int tfd = timerfd_create(CLOCK_BOOTTIME, TFD_CLOEXEC | TFD_NONBLOCK);
  struct itimerspec its = {{0, 0}, {0, 0}};
  timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL);
  timer_t tid;
  syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &tid);

  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev = {.events = EPOLLIN, .data = {.fd = s}};
  epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
  inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
  syscall(SYS_signalfd4, -1, &set, 8, SFD_CLOEXEC | SFD_NONBLOCK);

  struct rlimit rl;
  syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl);
  syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &rl);
  getrandom(a + 2000, 8, GRND_NONBLOCK);
  syscall(SYS_memfd_create, "strace-calls", MFD_CLOEXEC | MFD_ALLOW_SEALING);

  struct statx stx;
  syscall(SYS_statx, AT_FDCWD, dir, AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_MODE, &stx);
  struct stat st;
  syscall(SYS_newfstatat, AT_FDCWD, dir, &st, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_utimensat, AT_FDCWD, a, NULL, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_fchownat, AT_FDCWD, a, -1, -1, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_NOREPLACE);
  syscall(SYS_close_range, 1000, 1001, CLOSE_RANGE_CLOEXEC);
  syscall(SYS_pidfd_open, getpid(), PIDFD_NONBLOCK);

  syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);
  siginfo_t info;
  syscall(SYS_waitid, P_ALL, 0, &info, WNOHANG | WEXITED, NULL);
  syscall(SYS_unshare, CLONE_FILES);
  struct sched_param sp = {0};
  syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
  uint32_t action = SECCOMP_RET_KILL_PROCESS;
  syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
  syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
  syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  syscall(SYS_mlockall, MCL_CURRENT | MCL_ONFAULT);
  syscall(SYS_munlockall);
  return 0;
}
