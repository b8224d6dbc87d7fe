/*
 * Asks the running kernel how it answers struct arguments of unusual sizes: openat2 and clone3
 * (size argument) and sched_setattr (size inside the struct, 0 meaning the first version), each
 * with sizes below the first version, between versions, above the known size with a zero or a
 * non-zero tail, and above a page. Prints one JSON object per case: the struct bytes (all zero but
 * the members below and the tail byte) and what the kernel answered ("ok", "EINVAL", "E2BIG").
 * Decoders must refuse exactly the bytes the kernel refuses, with the same errno.
 */
#define _GNU_SOURCE
#include <errno.h>
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

static unsigned char buf[8192] __attribute__((aligned(8)));
static int first = 1;

static void report(const char *type, size_t size, long r, int err, size_t shown) {
  printf("%s\n    {\"type\": \"%s\", \"size\": %u, \"answer\": \"%s\", \"hex\": \"", first ? "" : ",", type,
         (unsigned)size, r >= 0 ? "ok" : err == EINVAL ? "EINVAL" : err == E2BIG ? "E2BIG" : strerror(err));
  for (size_t i = 0; i < shown; i++) printf("%02x", buf[i]);
  printf("\"}");
  first = 0;
}

static void openat2_case(size_t size, int tail) {
  memset(buf, 0, sizeof buf);
  struct open_how *h = (struct open_how *)buf;
  h->flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  if (tail >= 0) buf[tail] = 1;
  long r = syscall(SYS_openat2, AT_FDCWD, "/", buf, size);
  int err = errno;
  if (r >= 0) close((int)r);
  report("open_how", size, r, err, size > 4096 ? 4096 : size);
}

static void clone3_case(size_t size, int tail) {
  memset(buf, 0, sizeof buf);
  struct clone_args *a = (struct clone_args *)buf;
  a->exit_signal = SIGCHLD;
  if (tail >= 0) buf[tail] = 1;
  long r = syscall(SYS_clone3, buf, size);
  int err = errno;
  if (r == 0) _exit(0);
  if (r > 0) waitpid((pid_t)r, NULL, 0);
  report("clone_args", size, r, err, size > 4096 ? 4096 : size);
}

/* sched_setattr on this thread with SCHED_NORMAL, nice 0: the size lives in attr->size. */
static void sched_case(uint32_t field, size_t bytes, int tail) {
  memset(buf, 0, sizeof buf);
  struct sched_attr *s = (struct sched_attr *)buf;
  s->size = field;
  if (tail >= 0) buf[tail] = 1;
  long r = syscall(SYS_sched_setattr, 0, buf, 0);
  int err = errno;
  /* The kernel writes its size back on E2BIG: report the bytes as they were passed. */
  s->size = field;
  report("sched_attr", bytes, r, err, bytes);
}

int main(void) {
  printf("{\"abi\": \"x86_64\", \"cases\": [");
  size_t how_sizes[] = {0, 8, 23, 24, 32, 4096, 4097};
  for (unsigned i = 0; i < sizeof how_sizes / sizeof *how_sizes; i++) openat2_case(how_sizes[i], -1);
  openat2_case(32, 30);
  openat2_case(4096, 4000);
  size_t clone_sizes[] = {0, 32, 63, 64, 72, 80, 88, 96, 4097};
  for (unsigned i = 0; i < sizeof clone_sizes / sizeof *clone_sizes; i++) clone3_case(clone_sizes[i], -1);
  clone3_case(96, 90);
  sched_case(0, 48, -1);
  sched_case(40, 48, -1);
  sched_case(48, 48, -1);
  sched_case(56, 56, -1);
  sched_case(64, 64, -1);
  sched_case(64, 64, 60);
  sched_case(5000, 5000 > 4096 ? 4096 : 5000, -1);
  printf("\n  ]\n}\n");
  return 0;
}
