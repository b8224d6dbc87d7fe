/*
 * Unit tests of the early parsers with the local-memory reader, for any ABI: built natively and
 * cross-compiled (static) for big-endian and 32-bit ABIs, run under qemu-user by
 * tools/conformance/src/c/qemu.test.ts. Expected values come from the kernel's rules as written in
 * docs/deep-record.md, with the ABI's own macros; the record is checked byte for byte at the
 * documented offsets. Prints one line per failed check and "<abi> checks N failed M".
 */
#include <stdio.h>
#include <string.h>

#include <sysargs_parse.h>

static int checks, failed;

#define CHECK(cond)                                                                 \
	do {                                                                        \
		checks++;                                                           \
		if (!(cond)) {                                                      \
			failed++;                                                   \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);      \
		}                                                                   \
	} while (0)

static const struct sysargs_reader local = {sysargs_read_local, NULL};
/* 8-aligned memory for the user's struct: room for a page and a bit. */
static unsigned long long user[(SYSARGS_PAGE_SIZE + 64) / 8];
static struct sysargs_record rec;

static struct sysargs_seccomp_data call(unsigned long long a0, unsigned long long a1, unsigned long long a2,
					unsigned long long a3, unsigned long long a4, unsigned long long a5)
{
	struct sysargs_seccomp_data d;
	memset(&d, 0, sizeof(d));
	d.arch = SYSARGS_AUDIT_ARCH;
	d.args[0] = a0, d.args[1] = a1, d.args[2] = a2, d.args[3] = a3, d.args[4] = a4, d.args[5] = a5;
	return d;
}

#define PTR ((unsigned long long)(unsigned long)user)
#define U8(p) ((unsigned char *)(p))

static unsigned get32(const void *at)
{
	__u32 v;
	memcpy(&v, at, 4);
	return v;
}

static void test_clone3(void)
{
	struct sysargs_seccomp_data d;
	__u64 flags = SYSARGS_CLONE_INTO_CGROUP | SYSARGS_CLONE_PIDFD, tid = 7;
	__s32 tids[2] = {1, 2};
	unsigned char *r = (unsigned char *)&rec;
	memset(user, 0, sizeof(user));
	memcpy(U8(user) + SYSARGS_CLONE_ARGS_FLAGS_OFFSET, &flags, 8);
	memcpy(U8(user) + SYSARGS_CLONE_ARGS_CHILD_TID_OFFSET, &tid, 8);

	/* The full size: copied, record fields at their documented offsets. */
	d = call(PTR, SYSARGS_CLONE_ARGS_SIZEOF, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == 0);
	CHECK(get32(r + SYSARGS_RECORD_ARG_STATUS_OFFSET) == SYSARGS_ARG_COPIED);
	CHECK(get32(r + SYSARGS_RECORD_ARG_USIZE_OFFSET) == SYSARGS_CLONE_ARGS_SIZEOF);
	CHECK(get32(r + SYSARGS_RECORD_ARG_INDEX_OFFSET) == SYSARGS_SYS_CLONE3_CL_ARGS_INDEX);
	CHECK(memcmp(r + SYSARGS_RECORD_ARG_OFFSET + SYSARGS_CLONE_ARGS_FLAGS_OFFSET, &flags, 8) == 0);
	CHECK(memcmp(r + SYSARGS_RECORD_ARG_OFFSET + SYSARGS_CLONE_ARGS_CHILD_TID_OFFSET, &tid, 8) == 0);
	CHECK(memcmp(r, &d, 64) == 0);

	/* CLONE_INTO_CGROUP below 88 bytes: EINVAL; without the flag, 80 bytes are zero-filled to 88. */
	d = call(PTR, SYSARGS_CLONE_ARGS_SIZE_VER1, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == -EINVAL);
	CHECK(rec.arg_status == SYSARGS_ARG_FAILED && rec.arg_error == EINVAL);
	flags = SYSARGS_CLONE_PIDFD;
	memcpy(U8(user) + SYSARGS_CLONE_ARGS_FLAGS_OFFSET, &flags, 8);
	memset(U8(user) + SYSARGS_CLONE_ARGS_SIZE_VER1, 0xff, 8); /* beyond the user's 80 bytes */
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == 0);
	CHECK(rec.arg_usize == SYSARGS_CLONE_ARGS_SIZE_VER1);
	CHECK(r[SYSARGS_RECORD_ARG_OFFSET + SYSARGS_CLONE_ARGS_CGROUP_OFFSET] == 0);

	/* Sizes: below the first version, above a page, a dirty tail, a clean tail. */
	d = call(PTR, SYSARGS_CLONE_ARGS_SIZE_VER0 - 1, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == -EINVAL);
	d = call(PTR, SYSARGS_PAGE_SIZE + 1, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == -E2BIG);
	memset(U8(user) + SYSARGS_CLONE_ARGS_SIZE_VER1, 0, 8);
	d = call(PTR, SYSARGS_CLONE_ARGS_SIZEOF + 8, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == 0);
	U8(user)[SYSARGS_CLONE_ARGS_SIZEOF + 7] = 1;
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == -E2BIG);
	U8(user)[SYSARGS_CLONE_ARGS_SIZEOF + 7] = 0;
	d = call(0, SYSARGS_CLONE_ARGS_SIZEOF, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == -EFAULT);

	/* set_tid: copied after the struct, at most 32 entries. */
	tid = (__u64)(unsigned long)tids;
	memcpy(U8(user) + SYSARGS_CLONE_ARGS_SET_TID_OFFSET, &tid, 8);
	tid = 2;
	memcpy(U8(user) + SYSARGS_CLONE_ARGS_SET_TID_SIZE_OFFSET, &tid, 8);
	d = call(PTR, SYSARGS_CLONE_ARGS_SIZEOF, 0, 0, 0, 0);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == 0);
	CHECK(SYSARGS_RECORD_CLONE3_SET_TID_OFFSET == 168);
	CHECK(memcmp(r + SYSARGS_RECORD_CLONE3_SET_TID_OFFSET, tids, sizeof(tids)) == 0);
	tid = 33;
	memcpy(U8(user) + SYSARGS_CLONE_ARGS_SET_TID_SIZE_OFFSET, &tid, 8);
	CHECK(sysargs_parse_clone3(&local, &d, &rec) == -EINVAL);
}

/* sched_setattr: the size is the struct's first member, in the ABI's byte order. */
static void test_sched_setattr(void)
{
	struct sysargs_seccomp_data d = call(0, PTR, 0, 0, 0, 0);
	__u32 size = 0, policy = 1;
	unsigned char *r = (unsigned char *)&rec;
	memset(user, 0, sizeof(user));
	memcpy(U8(user) + SYSARGS_SCHED_ATTR_SCHED_POLICY_OFFSET, &policy, 4);
	CHECK(sysargs_parse_sched_setattr(&local, &d, &rec) == 0); /* 0 means the first version */
	CHECK(rec.arg_usize == SYSARGS_SCHED_ATTR_SIZE_VER0);
	CHECK(get32(r + SYSARGS_RECORD_ARG_OFFSET + SYSARGS_SCHED_ATTR_SCHED_POLICY_OFFSET) == 1);
	size = SYSARGS_SCHED_ATTR_SIZE_VER0 - 1; /* E2BIG below the first version, size written back */
	memcpy(U8(user) + SYSARGS_SCHED_ATTR_SIZE_OFFSET, &size, 4);
	CHECK(sysargs_parse_sched_setattr(&local, &d, &rec) == -E2BIG);
	CHECK(get32(r + SYSARGS_RECORD_ARG_OFFSET + SYSARGS_SCHED_ATTR_SIZE_OFFSET) == SYSARGS_SCHED_ATTR_SIZEOF);
	d = call(0, 0, 0, 0, 0, 0);
	CHECK(sysargs_parse_sched_setattr(&local, &d, &rec) == -EINVAL); /* NULL: EINVAL before the copy */
}

/* perf_event_attr: size at offset 4, 0 means 64, and E2BIG below it. */
static void test_perf_event_open(void)
{
	struct sysargs_seccomp_data d = call(PTR, 0, (unsigned long long)-1, (unsigned long long)-1, 0, 0);
	__u32 size = 0;
	memset(user, 0, sizeof(user));
	CHECK(SYSARGS_PERF_EVENT_ATTR_SIZE_OFFSET == 4);
	CHECK(sysargs_parse_perf_event_open(&local, &d, &rec) == 0);
	CHECK(rec.arg_usize == SYSARGS_PERF_ATTR_SIZE_VER0);
	size = 63;
	memcpy(U8(user) + SYSARGS_PERF_EVENT_ATTR_SIZE_OFFSET, &size, 4);
	CHECK(sysargs_parse_perf_event_open(&local, &d, &rec) == -E2BIG);
	size = SYSARGS_PERF_EVENT_ATTR_SIZEOF;
	memcpy(U8(user) + SYSARGS_PERF_EVENT_ATTR_SIZE_OFFSET, &size, 4);
	CHECK(sysargs_parse_perf_event_open(&local, &d, &rec) == 0);
}

/* statmount: mnt_id_req.size has no "0 means the first version" rule. */
static void test_statmount(void)
{
	struct sysargs_seccomp_data d = call(PTR, 0, 0, 0, 0, 0);
	__u32 size = 0;
	memset(user, 0, sizeof(user));
	CHECK(sysargs_parse_statmount(&local, &d, &rec) == -EINVAL);
	size = SYSARGS_MNT_ID_REQ_SIZE_VER0;
	memcpy(U8(user) + SYSARGS_MNT_ID_REQ_SIZE_OFFSET, &size, 4);
	CHECK(sysargs_parse_statmount(&local, &d, &rec) == 0);
}

/* openat2: a 32-bit ABI carries the pointer and the size in the low 32 bits of args[]. */
static void test_openat2(void)
{
	struct sysargs_seccomp_data d = call(0, 0, PTR, SYSARGS_OPEN_HOW_SIZEOF, 0, 0);
	__u64 flags = 0x41;
	memset(user, 0, sizeof(user));
	memcpy(U8(user) + SYSARGS_OPEN_HOW_FLAGS_OFFSET, &flags, 8);
	CHECK(sysargs_parse_openat2(&local, &d, &rec) == 0);
	CHECK(memcmp((unsigned char *)&rec + SYSARGS_RECORD_ARG_OFFSET, user, SYSARGS_OPEN_HOW_SIZEOF) == 0);
	CHECK(rec.arg_index == SYSARGS_SYS_OPENAT2_HOW_INDEX);
}

/* file_attr in both directions: file_setattr copies it in (a larger size needs a zero tail),
   file_getattr only has its size checked (the kernel writes it after the call). */
static void test_file_attr(void)
{
	struct sysargs_seccomp_data d = call(0, 0, PTR, SYSARGS_FILE_ATTR_SIZEOF + 8, 0, 0);
	__u64 xflags = SYSARGS_FS_XFLAG_NOATIME;
	memset(user, 0, sizeof(user));
	memcpy(U8(user) + SYSARGS_FILE_ATTR_FA_XFLAGS_OFFSET, &xflags, 8);
	CHECK(sysargs_parse_file_setattr(&local, &d, &rec) == 0);
	CHECK(rec.arg_status == SYSARGS_ARG_COPIED);
	CHECK(memcmp((unsigned char *)&rec + SYSARGS_RECORD_ARG_OFFSET, user, SYSARGS_FILE_ATTR_SIZEOF) == 0);
	CHECK(rec.arg_index == SYSARGS_SYS_FILE_SETATTR_UFATTR_INDEX);
	U8(user)[SYSARGS_FILE_ATTR_SIZEOF + 5] = 1;
	CHECK(sysargs_parse_file_setattr(&local, &d, &rec) == -E2BIG);
	CHECK(sysargs_parse_file_getattr(&local, &d, &rec) == 0); /* nothing read: the tail is not checked */
	CHECK(rec.arg_status == SYSARGS_ARG_OUT);
	CHECK(rec.arg_usize == SYSARGS_FILE_ATTR_SIZEOF + 8);
	CHECK(get32((unsigned char *)&rec + SYSARGS_RECORD_ARG_OFFSET) == 0);
	d = call(0, 0, 0, SYSARGS_FILE_ATTR_SIZEOF, 0, 0);
	CHECK(sysargs_parse_file_getattr(&local, &d, &rec) == 0); /* NULL: faults only after the call */
	CHECK(sysargs_parse_file_setattr(&local, &d, &rec) == -EFAULT);
	d = call(0, 0, PTR, SYSARGS_FILE_ATTR_SIZE_VER0 - 1, 0, 0);
	CHECK(sysargs_parse_file_getattr(&local, &d, &rec) == -EINVAL);
	CHECK(rec.arg_status == SYSARGS_ARG_FAILED && rec.arg_error == EINVAL);
	d = call(0, 0, PTR, SYSARGS_PAGE_SIZE + 1, 0, 0);
	CHECK(sysargs_parse_file_getattr(&local, &d, &rec) == -E2BIG);
}

int main(void)
{
	CHECK(sizeof(struct sysargs_record) == SYSARGS_RECORD_SIZE);
	CHECK(offsetof(struct sysargs_record, arg) == SYSARGS_RECORD_ARG_OFFSET);
	CHECK(offsetof(struct sysargs_record, arg_usize) == SYSARGS_RECORD_ARG_USIZE_OFFSET);
	test_clone3();
	test_sched_setattr();
	test_perf_event_open();
	test_statmount();
	test_openat2();
	test_file_attr();
	printf("%s checks %d failed %d\n", SYSARGS_ABI_NAME, checks, failed);
	return failed != 0;
}
