/*
 * Makes three real system calls with struct arguments (clone3, openat2, sched_setattr) on the
 * machine's own ABI and prints, for each, the exact bytes of the struct it passed, the values it
 * set and what the kernel returned, as JSON. A decoder given those bytes must find those values:
 * the kernel accepted these bytes as exactly that struct.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/sched/types.h>

static void dump(const char *name, const void *p, size_t size, long result, int first) {
  const unsigned char *b = p;
  printf("%s\n    \"%s\": {\"result\": %ld, \"size\": %u, \"hex\": \"", first ? "" : ",", name, result, (unsigned)size);
  for (size_t i = 0; i < size; i++) printf("%02x", b[i]);
  printf("\", \"fields\": {");
}

int main(void) {
  printf("{\"structs\": {");
  {
    int pidfd = -1;
    struct clone_args a;
    memset(&a, 0, sizeof a);
    a.flags = CLONE_PIDFD | CLONE_CLEAR_SIGHAND;
    a.pidfd = (uint64_t)(uintptr_t)&pidfd;
    a.exit_signal = SIGCHLD;
    unsigned char copy[sizeof a];
    memcpy(copy, &a, sizeof a);
    long r = syscall(SYS_clone3, &a, sizeof a);
    if (r == 0) _exit(0);
    if (r > 0) waitpid((pid_t)r, NULL, 0);
    dump("clone_args", copy, sizeof a, r > 0 ? 0 : r, 1);
    printf("\"flags\": \"%llu\", \"pidfd\": \"%llu\", \"exit_signal\": \"%llu\"}, \"syscall\": \"clone3\", \"ok\": %s}",
           (unsigned long long)a.flags, (unsigned long long)a.pidfd, (unsigned long long)a.exit_signal,
           r > 0 && pidfd >= 0 ? "true" : "false");
  }
  {
    struct open_how h;
    memset(&h, 0, sizeof h);
    h.flags = O_RDONLY | O_CLOEXEC | O_DIRECTORY;
    h.resolve = RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS;
    long r = syscall(SYS_openat2, AT_FDCWD, "/", &h, sizeof h);
    dump("open_how", &h, sizeof h, r >= 0 ? 0 : r, 0);
    printf("\"flags\": \"%llu\", \"mode\": \"%llu\", \"resolve\": \"%llu\"}, \"syscall\": \"openat2\", \"ok\": %s}",
           (unsigned long long)h.flags, (unsigned long long)h.mode, (unsigned long long)h.resolve,
           r >= 0 ? "true" : "false");
  }
  {
    struct sched_attr s;
    memset(&s, 0, sizeof s);
    s.size = sizeof s;
    s.sched_policy = 0; /* SCHED_NORMAL */
    s.sched_flags = SCHED_FLAG_RESET_ON_FORK;
    s.sched_nice = 3;
    long r = syscall(SYS_sched_setattr, 0, &s, 0);
    dump("sched_attr", &s, sizeof s, r, 0);
    printf("\"size\": \"%u\", \"sched_policy\": \"%u\", \"sched_flags\": \"%llu\", \"sched_nice\": \"%d\"}, \"syscall\": \"sched_setattr\", \"ok\": %s}",
           s.size, s.sched_policy, (unsigned long long)s.sched_flags, s.sched_nice, r == 0 ? "true" : "false");
  }
  printf("\n  }\n}\n");
  return 0;
}
