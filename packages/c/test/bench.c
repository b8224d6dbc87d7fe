/*
 * pnpm bench: the cost of parsing each extensible struct (local-memory reader, a valid struct of
 * the known size) against a plain memcpy of the same bytes into the record (the struct and the
 * 64 bytes of seccomp_data), in one process. Prints "<syscall> <bytes> <parse ns> <memcpy ns>
 * <ratio>": medians of 15 rounds of 100000 calls each, the ratio the median of the rounds' ratios.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sysargs_parse.h>

#define CALLS 100000
#define ROUNDS 15

static unsigned long long user[512];
static struct sysargs_record rec;
static const struct sysargs_reader local = {sysargs_read_local, NULL};
typedef int (*parse_fn)(const struct sysargs_reader *, const struct sysargs_seccomp_data *, struct sysargs_record *);

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Keeps the compiler from dropping a copy whose result nobody reads. */
#define CLOBBER() __asm__ __volatile__("" : : "r"(&rec), "r"(user) : "memory")

static void bench(const char *name, parse_fn parse, struct sysargs_seccomp_data d, unsigned known)
{
	double p[ROUNDS], m[ROUNDS], q[ROUNDS], t0;
	int r, i;
	for (r = 0; r < ROUNDS; r++) {
		t0 = now();
		for (i = 0; i < CALLS; i++) {
			if (parse(&local, &d, &rec) != 0)
				printf("%s: parse failed\n", name);
			CLOBBER();
		}
		p[r] = (now() - t0) / CALLS;
		t0 = now();
		for (i = 0; i < CALLS; i++) {
			memcpy(&rec.data, &d, sizeof(d));
			memcpy(rec.arg, user, known);
			CLOBBER();
		}
		m[r] = (now() - t0) / CALLS;
		q[r] = p[r] / m[r]; /* paired: a round that a busy machine slows slows both sides */
	}
	qsort(p, ROUNDS, sizeof(double), cmp);
	qsort(m, ROUNDS, sizeof(double), cmp);
	qsort(q, ROUNDS, sizeof(double), cmp);
	printf("%s %u %.1f %.1f %.2f\n", name, known, p[ROUNDS / 2], m[ROUNDS / 2], q[ROUNDS / 2]);
}

static struct sysargs_seccomp_data args(int ptr, int size_slot, unsigned size)
{
	struct sysargs_seccomp_data d;
	memset(&d, 0, sizeof(d));
	d.args[ptr] = (unsigned long)user;
	if (size_slot >= 0)
		d.args[size_slot] = size;
	return d;
}

int main(void)
{
	__u32 size;
	memset(user, 0, sizeof(user));
	bench("clone3", sysargs_parse_clone3, args(0, 1, SYSARGS_CLONE_ARGS_SIZEOF), SYSARGS_CLONE_ARGS_SIZEOF);
	bench("openat2", sysargs_parse_openat2, args(2, 3, SYSARGS_OPEN_HOW_SIZEOF), SYSARGS_OPEN_HOW_SIZEOF);
	bench("mount_setattr", sysargs_parse_mount_setattr, args(3, 4, SYSARGS_MOUNT_ATTR_SIZEOF), SYSARGS_MOUNT_ATTR_SIZEOF);
	bench("landlock_create_ruleset", sysargs_parse_landlock_create_ruleset,
	      args(0, 1, SYSARGS_LANDLOCK_RULESET_ATTR_SIZEOF), SYSARGS_LANDLOCK_RULESET_ATTR_SIZEOF);
	bench("setxattrat", sysargs_parse_setxattrat, args(4, 5, SYSARGS_XATTR_ARGS_SIZEOF), SYSARGS_XATTR_ARGS_SIZEOF);
	bench("file_setattr", sysargs_parse_file_setattr, args(2, 3, SYSARGS_FILE_ATTR_SIZEOF), SYSARGS_FILE_ATTR_SIZEOF);
	size = SYSARGS_SCHED_ATTR_SIZEOF;
	memcpy((char *)user + SYSARGS_SCHED_ATTR_SIZE_OFFSET, &size, 4);
	bench("sched_setattr", sysargs_parse_sched_setattr, args(1, -1, 0), SYSARGS_SCHED_ATTR_SIZEOF);
	memset(user, 0, sizeof(user));
	size = SYSARGS_PERF_EVENT_ATTR_SIZEOF;
	memcpy((char *)user + SYSARGS_PERF_EVENT_ATTR_SIZE_OFFSET, &size, 4);
	bench("perf_event_open", sysargs_parse_perf_event_open, args(0, -1, 0), SYSARGS_PERF_EVENT_ATTR_SIZEOF);
	memset(user, 0, sizeof(user));
	size = SYSARGS_MNT_ID_REQ_SIZEOF;
	memcpy((char *)user + SYSARGS_MNT_ID_REQ_SIZE_OFFSET, &size, 4);
	bench("statmount", sysargs_parse_statmount, args(0, -1, 0), SYSARGS_MNT_ID_REQ_SIZEOF);
	return 0;
}
