/*
 * Differential test of the generated early parsers against the running kernel (x86_64).
 *
 * For each extensible-struct syscall it builds the same argument in the same memory for a size
 * matrix, runs the parser (through the process_vm_readv reader, on this process) and then the
 * real syscall, and prints one line per cell:
 *     <syscall> <cell> <kernel verdict> <parser verdict> <kernel errno>
 * with verdicts F (EFAULT), I (EINVAL), B (E2BIG), A (accepted: the copy succeeded and the call
 * went on). The parser runs first: on E2BIG an in-struct size is written back by the kernel.
 *
 * Every call is made to fail safely AFTER the copy, so nothing is created:
 *   clone3             CLONE_INTO_CGROUP with cgroup fd 1000000 (not open): EBADF in copy_process
 *                      before any task runs; below 88 bytes the flag itself gives EINVAL.
 *   openat2            dirfd 1000000 (not open), relative path: EBADF at lookup.
 *   sched_setattr      pid 0x3fffffff (above pid_max): ESRCH after the copy.
 *   perf_event_open    group_fd 1000000 (not open), pid -1, cpu -1: fails after the copy.
 *   mount_setattr      dfd 1000000, a zeroed mount_attr: a no-op or EBADF after the copy.
 *   open_tree_attr     dfd 1000000, relative path: EBADF after the copy.
 *   landlock_create_ruleset  an empty ruleset_attr: ENOMSG after the copy.
 *   statmount, listmount     mnt_id 0xffffffffffff (no such mount): ENOENT after the copy.
 *   setxattrat, getxattrat   dfd 1000000, relative path: EBADF after the copy.
 *   file_setattr       dfd 1000000, relative path "x", at_flags 0, a zeroed file_attr (valid
 *                      xflags): the size checks and copy_struct_from_user come before the path
 *                      lookup, which fails with EBADF.
 *   file_getattr       the same arguments: the size checks come before the lookup (EBADF), and
 *                      the struct is only written after it, so NULL and the guard page are
 *                      "accepted" by the kernel and by the size-check parser (status ARG_OUT).
 * A kernel errno counts as a copy verdict only where the syscall's copy can return it (EINVAL is
 * not one for perf_event_open, whose short sizes give E2BIG); any other result is "accepted".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sysargs_parse.h>

#define BAD_FD 1000000

static pid_t self;
static const struct sysargs_reader reader = {sysargs_read_process, &self};
static long page;
static unsigned char *area; /* two readable pages, then an unmapped guard page */
static unsigned char *guard;
static int mismatches, cells;
static unsigned char scratch[2 * SYSARGS_PAGE_SIZE + 8];

typedef int (*parse_fn)(const struct sysargs_reader *, const struct sysargs_seccomp_data *, struct sysargs_record *);

struct subject {
	const char *name;
	long nr;
	parse_fn parse;
	unsigned known, first;
	const unsigned *versions;
	unsigned nversions;
	int size_in_struct;    /* the size is the u32 at size_offset */
	unsigned size_offset;
	int einval_from_copy;  /* EINVAL can come from the copy (below the first size, a flag rule) */
	/* fills everything but the pointer and the size, and any content the call needs */
	void (*prepare)(unsigned char *s, uint64_t args[6]);
	int ptr_arg, size_arg;
	int returns_fd;
	int copy_out; /* the kernel writes the struct: the parser's status is SYSARGS_ARG_OUT */
};

static const char path_x[] = "x";
static const char xattr_name[] = "user.sysargs";

static void prep_clone3(unsigned char *s, uint64_t a[6])
{
	uint64_t flags = SYSARGS_CLONE_INTO_CGROUP, cgroup = BAD_FD;
	(void)a;
	memcpy(s + SYSARGS_CLONE_ARGS_FLAGS_OFFSET, &flags, 8);
	memcpy(s + SYSARGS_CLONE_ARGS_CGROUP_OFFSET, &cgroup, 8);
}
static void prep_openat2(unsigned char *s, uint64_t a[6])
{
	(void)s;
	a[0] = BAD_FD;
	a[1] = (uint64_t)(uintptr_t)path_x;
}
static void prep_sched_setattr(unsigned char *s, uint64_t a[6])
{
	(void)s;
	a[0] = 0x3fffffff;
	a[2] = 0;
}
static void prep_perf(unsigned char *s, uint64_t a[6])
{
	(void)s;
	a[1] = (uint64_t)-1;
	a[2] = (uint64_t)-1;
	a[3] = BAD_FD;
	a[4] = 0;
}
static void prep_at_path(unsigned char *s, uint64_t a[6])
{
	(void)s;
	a[0] = BAD_FD;
	a[1] = (uint64_t)(uintptr_t)path_x;
	a[2] = 0;
}
static const char root_path[] = "/";
static void prep_open_tree_attr(unsigned char *s, uint64_t a[6])
{
	(void)s;
	a[0] = (uint64_t)AT_FDCWD;
	a[1] = (uint64_t)(uintptr_t)root_path;
	a[2] = 0;
}
static void prep_xattr(unsigned char *s, uint64_t a[6])
{
	prep_at_path(s, a);
	a[3] = (uint64_t)(uintptr_t)xattr_name;
}
static void prep_landlock(unsigned char *s, uint64_t a[6])
{
	(void)s;
	a[2] = 0;
}
static uint64_t mnt_ids[4];
static unsigned char statbuf[4096];
static void prep_mnt(unsigned char *s, uint64_t a[6], int list)
{
	uint64_t id = 0xffffffffffffULL;
	memcpy(s + SYSARGS_MNT_ID_REQ_MNT_ID_OFFSET, &id, 8);
	a[1] = list ? (uint64_t)(uintptr_t)mnt_ids : (uint64_t)(uintptr_t)statbuf;
	a[2] = list ? 4 : sizeof(statbuf);
	a[3] = 0;
}
static void prep_statmount(unsigned char *s, uint64_t a[6]) { prep_mnt(s, a, 0); }
static void prep_listmount(unsigned char *s, uint64_t a[6]) { prep_mnt(s, a, 1); }

static const unsigned v_clone[] = {SYSARGS_CLONE_ARGS_SIZE_VER0, SYSARGS_CLONE_ARGS_SIZE_VER1, SYSARGS_CLONE_ARGS_SIZE_VER2};
static const unsigned v_open_how[] = {SYSARGS_OPEN_HOW_SIZE_VER0};
static const unsigned v_sched[] = {SYSARGS_SCHED_ATTR_SIZE_VER0, SYSARGS_SCHED_ATTR_SIZE_VER1};
static const unsigned v_perf[] = {SYSARGS_PERF_ATTR_SIZE_VER0, SYSARGS_PERF_ATTR_SIZE_VER1, SYSARGS_PERF_ATTR_SIZE_VER2,
				  SYSARGS_PERF_ATTR_SIZE_VER3, SYSARGS_PERF_ATTR_SIZE_VER4, SYSARGS_PERF_ATTR_SIZE_VER5,
				  SYSARGS_PERF_ATTR_SIZE_VER6, SYSARGS_PERF_ATTR_SIZE_VER7, SYSARGS_PERF_ATTR_SIZE_VER8};
static const unsigned v_mount_attr[] = {SYSARGS_MOUNT_ATTR_SIZE_VER0};
static const unsigned v_landlock[] = {8, 16, 24};
static const unsigned v_mnt_id_req[] = {SYSARGS_MNT_ID_REQ_SIZE_VER0, SYSARGS_MNT_ID_REQ_SIZE_VER1};
static const unsigned v_xattr[] = {SYSARGS_XATTR_ARGS_SIZE_VER0};
static const unsigned v_file_attr[] = {SYSARGS_FILE_ATTR_SIZE_VER0};

#define N(a) (unsigned)(sizeof(a) / sizeof((a)[0]))
static const struct subject subjects[] = {
	{"clone3", SYSARGS_SYS_CLONE3_NR, sysargs_parse_clone3, SYSARGS_CLONE_ARGS_SIZEOF, 64, v_clone, N(v_clone), 0, 0, 1, prep_clone3, 0, 1, 0, 0},
	{"openat2", SYSARGS_SYS_OPENAT2_NR, sysargs_parse_openat2, SYSARGS_OPEN_HOW_SIZEOF, 24, v_open_how, N(v_open_how), 0, 0, 1, prep_openat2, 2, 3, 1, 0},
	{"sched_setattr", SYSARGS_SYS_SCHED_SETATTR_NR, sysargs_parse_sched_setattr, SYSARGS_SCHED_ATTR_SIZEOF, 48, v_sched, N(v_sched), 1, SYSARGS_SCHED_ATTR_SIZE_OFFSET, 1, prep_sched_setattr, 1, -1, 0, 0},
	{"perf_event_open", SYSARGS_SYS_PERF_EVENT_OPEN_NR, sysargs_parse_perf_event_open, SYSARGS_PERF_EVENT_ATTR_SIZEOF, 64, v_perf, N(v_perf), 1, SYSARGS_PERF_EVENT_ATTR_SIZE_OFFSET, 0, prep_perf, 0, -1, 1, 0},
	{"mount_setattr", SYSARGS_SYS_MOUNT_SETATTR_NR, sysargs_parse_mount_setattr, SYSARGS_MOUNT_ATTR_SIZEOF, 32, v_mount_attr, N(v_mount_attr), 0, 0, 1, prep_at_path, 3, 4, 0, 0},
	{"open_tree_attr", SYSARGS_SYS_OPEN_TREE_ATTR_NR, sysargs_parse_open_tree_attr, SYSARGS_MOUNT_ATTR_SIZEOF, 32, v_mount_attr, N(v_mount_attr), 0, 0, 1, prep_open_tree_attr, 3, 4, 1, 0},
	{"landlock_create_ruleset", SYSARGS_SYS_LANDLOCK_CREATE_RULESET_NR, sysargs_parse_landlock_create_ruleset, SYSARGS_LANDLOCK_RULESET_ATTR_SIZEOF, 8, v_landlock, N(v_landlock), 0, 0, 1, prep_landlock, 0, 1, 1, 0},
	{"statmount", SYSARGS_SYS_STATMOUNT_NR, sysargs_parse_statmount, SYSARGS_MNT_ID_REQ_SIZEOF, 24, v_mnt_id_req, N(v_mnt_id_req), 1, SYSARGS_MNT_ID_REQ_SIZE_OFFSET, 1, prep_statmount, 0, -1, 0, 0},
	{"listmount", SYSARGS_SYS_LISTMOUNT_NR, sysargs_parse_listmount, SYSARGS_MNT_ID_REQ_SIZEOF, 24, v_mnt_id_req, N(v_mnt_id_req), 1, SYSARGS_MNT_ID_REQ_SIZE_OFFSET, 1, prep_listmount, 0, -1, 0, 0},
	{"setxattrat", SYSARGS_SYS_SETXATTRAT_NR, sysargs_parse_setxattrat, SYSARGS_XATTR_ARGS_SIZEOF, 16, v_xattr, N(v_xattr), 0, 0, 1, prep_xattr, 4, 5, 0, 0},
	{"getxattrat", SYSARGS_SYS_GETXATTRAT_NR, sysargs_parse_getxattrat, SYSARGS_XATTR_ARGS_SIZEOF, 16, v_xattr, N(v_xattr), 0, 0, 1, prep_xattr, 4, 5, 0, 0},
	{"file_setattr", SYSARGS_SYS_FILE_SETATTR_NR, sysargs_parse_file_setattr, SYSARGS_FILE_ATTR_SIZEOF, 24, v_file_attr, N(v_file_attr), 0, 0, 1, prep_at_path, 2, 3, 0, 0},
	{"file_getattr", SYSARGS_SYS_FILE_GETATTR_NR, sysargs_parse_file_getattr, SYSARGS_FILE_ATTR_SIZEOF, 24, v_file_attr, N(v_file_attr), 0, 0, 1, prep_at_path, 2, 3, 0, 1},
};

static char verdict(const struct subject *s, long ret, int err)
{
	if (ret >= 0)
		return 'A';
	if (err == EFAULT)
		return 'F';
	if (err == E2BIG)
		return 'B';
	if (err == EINVAL && s->einval_from_copy)
		return 'I';
	return 'A';
}

static char parser_verdict(int r)
{
	return r == 0 ? 'A' : r == -EFAULT ? 'F' : r == -E2BIG ? 'B' : r == -EINVAL ? 'I' : '?';
}

/*
 * One cell: the struct at `at` (zeroed over `fill` bytes, then prepared), the size either in the
 * size argument or in the struct, `dirty`: a non-zero byte at that offset (0: none).
 */
static void cell(const struct subject *s, const char *name, unsigned char *at, size_t fill, uint64_t size, size_t dirty)
{
	struct sysargs_seccomp_data data;
	struct sysargs_record rec;
	uint64_t a[6] = {0, 0, 0, 0, 0, 0};
	long ret;
	int err, pr;
	char kv, pv;

	/* Built in scratch, then `fill` bytes copied to `at` (at the guard page, only 8 fit). */
	memset(scratch, 0, sizeof(scratch));
	s->prepare(scratch, a);
	if (dirty)
		scratch[dirty] = 0x5a;
	if (s->size_in_struct) {
		uint32_t size32 = (uint32_t)size;
		memcpy(scratch + s->size_offset, &size32, 4);
	}
	if (at != NULL)
		memcpy(at, scratch, fill);
	a[s->ptr_arg] = (uint64_t)(uintptr_t)at;
	if (s->size_arg >= 0)
		a[s->size_arg] = size;
	memset(&data, 0, sizeof(data));
	data.nr = (uint32_t)s->nr;
	data.arch = SYSARGS_AUDIT_ARCH;
	memcpy(data.args, a, sizeof(a));
	pr = s->parse(&reader, &data, &rec);
	errno = 0;
	ret = syscall(s->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	err = errno;
	if (s->nr == SYSARGS_SYS_CLONE3_NR && ret == 0)
		_exit(0); /* never: the arguments make clone3 fail; a child would leave at once */
	if (s->nr == SYSARGS_SYS_CLONE3_NR && ret > 0) {
		fprintf(stderr, "clone3 created process %ld: the test's arguments are wrong\n", ret);
		return;
	}
	if (ret >= 0 && s->returns_fd)
		close((int)ret);
	kv = verdict(s, ret, err);
	pv = parser_verdict(pr);
	cells++;
	if (kv != pv)
		mismatches++;
	printf("%s %s %c %c %s\n", s->name, name, kv, pv, ret >= 0 ? "ok" : strerror(err));
	/* The parser's record agrees with itself: status, errno and user size. */
	if ((pr == 0) != (rec.arg_status == (s->copy_out ? SYSARGS_ARG_OUT : SYSARGS_ARG_COPIED)) ||
	    (pr != 0 && rec.arg_error != -pr)) {
		printf("%s %s record-inconsistent\n", s->name, name);
		mismatches++;
	}
}

/* clone3 with set_tid/set_tid_size over the full 88-byte struct. */
static __u64 set_tid_ptr, set_tid_count;
static void prep_clone3_set_tid(unsigned char *s, uint64_t a[6])
{
	prep_clone3(s, a);
	memcpy(s + SYSARGS_CLONE_ARGS_SET_TID_OFFSET, &set_tid_ptr, 8);
	memcpy(s + SYSARGS_CLONE_ARGS_SET_TID_SIZE_OFFSET, &set_tid_count, 8);
}
static void set_tid_cell(const char *name, __u64 ptr, __u64 count)
{
	struct subject s = subjects[0];
	s.prepare = prep_clone3_set_tid;
	set_tid_ptr = ptr;
	set_tid_count = count;
	cell(&s, name, area, s.known, s.known, 0);
}

int main(void)
{
	unsigned i, v;
	char label[64];
	self = getpid();
	page = sysconf(_SC_PAGESIZE);
	if (page != SYSARGS_PAGE_SIZE) {
		fprintf(stderr, "page size %ld, the registry says %d\n", page, SYSARGS_PAGE_SIZE);
		return 2;
	}
	area = mmap(NULL, 3 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		return 2;
	guard = area + 2 * page;
	if (munmap(guard, (size_t)page) != 0)
		return 2;
	for (i = 0; i < N(subjects); i++) {
		const struct subject *s = &subjects[i];
		unsigned char *base = area; /* two pages: room for page size + 1 */
		cell(s, "null", NULL, 0, s->known, 0);
		/* The struct's first 8 bytes are mapped, the rest is the guard page. */
		cell(s, "guard", guard - 8, 8, s->known, 0);
		cell(s, "first-1", base, s->first - 1 < 8 ? 8 : s->first - 1, s->first - 1, 0);
		for (v = 0; v < s->nversions; v++) {
			snprintf(label, sizeof(label), "size-%u", s->versions[v]);
			cell(s, label, base, s->versions[v], s->versions[v], 0);
		}
		cell(s, "known+8-zero", base, s->known + 8, s->known + 8, 0);
		cell(s, "known+8-dirty", base, s->known + 8, s->known + 8, s->known + 3);
		cell(s, "page+1", base, (size_t)page + 1, (uint64_t)page + 1, 0);
		if (s->size_in_struct)
			cell(s, "size-0", base, s->known, 0, 0);
	}
	/* clone_args.set_tid, the nested copy: a count above 32, a count without an array, an array
	   without a count, an array in the guard page, and one readable entry (pid 1, which exists:
	   alloc_pid fails with EEXIST if the call gets that far). */
	{
		static const __s32 pid1[1] = {1};
		set_tid_cell("set_tid-33", (__u64)(unsigned long)pid1, 33);
		set_tid_cell("set_tid-null-1", 0, 1);
		set_tid_cell("set_tid-array-0", (__u64)(unsigned long)pid1, 0);
		set_tid_cell("set_tid-guard-2", (__u64)(unsigned long)(guard - 4), 2);
		set_tid_cell("set_tid-1", (__u64)(unsigned long)pid1, 1);
	}
	printf("cells %d mismatches %d\n", cells, mismatches);
	return mismatches == 0 ? 0 : 1;
}
