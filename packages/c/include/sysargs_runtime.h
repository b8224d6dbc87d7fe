/*
 * sysargs runtime: the deep-inspection record, memory readers, and the one copy routine that
 * follows the kernel's copy_struct_from_user rules. Hand-written; the generated
 * sysargs/<abi>/parse.h describes each syscall's struct argument to it.
 *
 * The record (docs/deep-record.md):
 *   0   struct seccomp_data (64 bytes, as the kernel fills it)
 *   64  arg_status  0: no struct argument; 1: copied; 2: the copy failed; 3: a struct the kernel
 *                   copies out (file_getattr): its size passed the kernel's checks, nothing copied
 *   68  arg_error   the errno the kernel's copy would return (EFAULT, EINVAL, E2BIG) when status is 2
 *   72  arg_usize   the size user space passed, after "0 means the first version"
 *   76  arg_index   the syscall argument that holds the pointer
 *   80  arg[]       the struct, zero-filled to its known size; nested copies follow at the
 *                   offsets parse.h names (SYSARGS_RECORD_<SYSCALL>_<MEMBER>_OFFSET)
 */
#ifndef SYSARGS_RUNTIME_H
#define SYSARGS_RUNTIME_H

/* Only the compiler's <stddef.h> and the kernel's UAPI headers: no C library is needed, so the
   parsers build for every ABI (and could for a kernel). EFAULT, EINVAL and E2BIG have the same
   values on every Linux ABI. */
#include <stddef.h>
#include <linux/errno.h>
#include <linux/types.h>

/* process_vm_readv is a GNU extension of the C library: the process reader needs _GNU_SOURCE
   (g++ defines it; in C, define it before any include). */
#if defined(__linux__) && defined(_GNU_SOURCE) && !defined(SYSARGS_NO_PROCESS_READER)
#define SYSARGS_HAVE_PROCESS_READER 1
#include <sys/types.h>
#include <sys/uio.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define SYSARGS_RECORD_DATA_OFFSET 0
#define SYSARGS_RECORD_ARG_STATUS_OFFSET 64
#define SYSARGS_RECORD_ARG_ERROR_OFFSET 68
#define SYSARGS_RECORD_ARG_USIZE_OFFSET 72
#define SYSARGS_RECORD_ARG_INDEX_OFFSET 76
#define SYSARGS_RECORD_ARG_OFFSET 80
/* Room for the largest struct and its nested copies (clone_args: 88 + 32 set_tid entries). */
#define SYSARGS_RECORD_ARG_MAX 432
#define SYSARGS_RECORD_SIZE (SYSARGS_RECORD_ARG_OFFSET + SYSARGS_RECORD_ARG_MAX)

#define SYSARGS_ARG_NONE 0u
#define SYSARGS_ARG_COPIED 1u
#define SYSARGS_ARG_FAILED 2u
/* A copy-out struct argument (file_getattr): the size checks passed; nothing is copied, since the
   kernel writes the struct after the call's work (and may still fail then with EFAULT). */
#define SYSARGS_ARG_OUT 3u

/* struct seccomp_data, with fixed-width members: the same 64 bytes on every ABI. */
struct sysargs_seccomp_data {
	__u32 nr;
	__u32 arch;
	__u64 instruction_pointer;
	__u64 args[6];
};

struct sysargs_record {
	struct sysargs_seccomp_data data;
	__u32 arg_status;
	__s32 arg_error;
	__u32 arg_usize;
	__u32 arg_index;
	/* 8-aligned, so that the copied struct's 64-bit members can be read in place. */
	__u64 arg[SYSARGS_RECORD_ARG_MAX / 8];
};

/*
 * Reads `len` bytes at the target's address `addr` into `dst`: 0 when every byte was read,
 * -EFAULT when any was not (the kernel's copy_from_user fails the same way on a partial read).
 */
typedef int (*sysargs_read_fn)(void *ctx, void *dst, __u64 addr, size_t len);

struct sysargs_reader {
	sysargs_read_fn read;
	void *ctx;
};

/*
 * The local-memory reader, for tests and in-process use: the address is a pointer of this
 * process. It treats only NULL as unreadable, so give it memory you know is mapped.
 */
static inline int sysargs_read_local(void *ctx, void *dst, __u64 addr, size_t len)
{
	(void)ctx;
	if (len == 0)
		return 0;
	if (addr == 0 || addr != (__u64)(unsigned long)addr)
		return -EFAULT;
	__builtin_memcpy(dst, (const void *)(unsigned long)addr, len);
	return 0;
}

#ifdef SYSARGS_HAVE_PROCESS_READER
/*
 * The process_vm_readv reader, for seccomp user-notification supervisors: ctx points to the
 * target's pid_t. Unmapped memory yields a short read, which is -EFAULT as in the kernel.
 * (Decide on the copy, and emulate the call: letting the kernel read the memory again reopens
 * the race the copy closes.)
 */
static inline int sysargs_read_process(void *ctx, void *dst, __u64 addr, size_t len)
{
	struct iovec local, remote;
	ssize_t n;
	if (len == 0)
		return 0;
	if (addr == 0 || addr != (__u64)(unsigned long)addr)
		return -EFAULT;
	local.iov_base = dst;
	local.iov_len = len;
	remote.iov_base = (void *)(unsigned long)addr;
	remote.iov_len = len;
	n = process_vm_readv(*(const pid_t *)ctx, &local, 1, &remote, 1, 0);
	return n == (ssize_t)len ? 0 : -EFAULT;
}
#endif

/* Where a struct's size comes from, and the rules its copy follows (from the registry). */
struct sysargs_copy_rules {
	__u32 known_size;      /* the newest version's size: what the record holds */
	__u32 first_size;      /* the first version's size */
	__u32 page_size;
	__s32 below_first;      /* errno for a size below the first version */
	__s32 above_page;       /* errno for a size above the page size */
	__u8 tail_must_be_zero; /* bytes beyond known_size must be zero, or E2BIG */
	__u8 size_in_struct;   /* the size is a u32 member of the struct (sched_attr, perf_event_attr) */
	__u8 zero_means_first; /* an in-struct size of 0 means the first version */
	/* 1: the syscall refuses a NULL pointer with EINVAL before copying (sched_setattr);
	   2: the same unless the size argument is 0, which means "no struct" (open_tree_attr). */
	__u8 null_is_einval;
	/* 1: the kernel copies the struct out (file_getattr): only the size checks apply. */
	__u8 copy_out;
	__u32 size_offset;     /* offset of the in-struct size */
	__u8 size_arg;         /* seccomp_data.args index of the size, when it is an argument */
	__u8 ptr_arg;          /* seccomp_data.args index of the pointer */
	__u8 arg_index;        /* the pointer's position in the signature */
	__u8 narrow;           /* 32-bit ABI: pointers and sizes are the low 32 bits of args[] */
	/* A flag that needs a minimum size (CLONE_INTO_CGROUP needs 88): EINVAL below it. */
	__u32 flag_offset;     /* offset of the 64-bit flags member; flag_min_size 0: none */
	__u32 flag_min_size;
	__u64 flag;
	/*
	 * A bounded nested array the kernel copies after the struct (clone_args.set_tid): a 64-bit
	 * pointer member and a 64-bit count member; at most nested_max elements of nested_size bytes,
	 * copied to nested_at in the record. nested_max 0: none.
	 */
	__u32 nested_ptr_offset;
	__u32 nested_count_offset;
	__u32 nested_size;
	__u32 nested_max;
	__u32 nested_at;
};

static inline __u64 sysargs_arg(const struct sysargs_copy_rules *r, const struct sysargs_seccomp_data *d, unsigned i)
{
	return r->narrow ? (__u64)(__u32)d->args[i] : d->args[i];
}

static inline int sysargs_fail(struct sysargs_record *rec, int error)
{
	__builtin_memset(rec->arg, 0, sizeof(rec->arg));
	rec->arg_status = SYSARGS_ARG_FAILED;
	rec->arg_error = error;
	return -error;
}

/*
 * Copies the struct argument of `data` into `rec` with the kernel's rules: the size checks,
 * then (copy_struct_from_user) the tail beyond the known size must read as zeros, then the
 * known part is copied and zero-filled. Returns 0, or the negative errno the kernel's copy would
 * return (also in rec->arg_error). On E2BIG for an in-struct size the kernel writes its own size
 * back to user memory; the parser never writes the target's memory: it stores that size at
 * rec->arg + size_offset, for a supervisor that emulates the call to write back.
 */
static inline int sysargs_copy_struct(const struct sysargs_copy_rules *r, const struct sysargs_reader *reader,
				      const struct sysargs_seccomp_data *data, struct sysargs_record *rec)
{
	unsigned char *arg = (unsigned char *)rec->arg;
	__u64 addr = sysargs_arg(r, data, r->ptr_arg);
	__u64 usize;
	unsigned char chunk[8];
	__u64 at;

	__builtin_memcpy(&rec->data, data, sizeof(*data));
	rec->arg_status = SYSARGS_ARG_COPIED;
	rec->arg_error = 0;
	rec->arg_index = r->arg_index;
	rec->arg_usize = 0;
	if (r->null_is_einval && addr == 0) {
		if (r->null_is_einval == 2 && sysargs_arg(r, data, r->size_arg) == 0) {
			rec->arg_status = SYSARGS_ARG_NONE;
			return 0;
		}
		return sysargs_fail(rec, EINVAL);
	}
	if (r->size_in_struct) {
		__u32 size32;
		if (reader->read(reader->ctx, &size32, addr + r->size_offset, sizeof(size32)) != 0)
			return sysargs_fail(rec, EFAULT);
		usize = size32;
		if (usize == 0 && r->zero_means_first)
			usize = r->first_size;
	} else {
		usize = sysargs_arg(r, data, r->size_arg);
	}
	rec->arg_usize = usize > 0xffffffffU ? 0xffffffffU : (__u32)usize;
	if (usize > r->page_size || usize < r->first_size) {
		int error = usize > r->page_size ? r->above_page : r->below_first;
		sysargs_fail(rec, error);
		if (error == E2BIG && r->size_in_struct)
			__builtin_memcpy(arg + r->size_offset, &r->known_size, sizeof(r->known_size));
		return -error;
	}
	if (r->copy_out) {
		/* Nothing to read before the call: the kernel writes this struct when it is done. */
		__builtin_memset(arg, 0, r->known_size);
		rec->arg_status = SYSARGS_ARG_OUT;
		return 0;
	}
	/* copy_struct_from_user: a larger struct than known must end in zeros. */
	if (usize > r->known_size && r->tail_must_be_zero) {
		/* Word by word, as the kernel checks it: a non-zero byte before an unmapped one is E2BIG. */
		for (at = r->known_size; at < usize;) {
			__u64 word_end = ((addr + at) | 7) + 1 - addr;
			size_t n = (size_t)((usize < word_end ? usize : word_end) - at);
			size_t i;
			if (reader->read(reader->ctx, chunk, addr + at, n) != 0)
				return sysargs_fail(rec, EFAULT);
			for (i = 0; i < n; i++)
				if (chunk[i] != 0) {
					sysargs_fail(rec, E2BIG);
					if (r->size_in_struct)
						__builtin_memcpy(arg + r->size_offset, &r->known_size, sizeof(r->known_size));
					return -E2BIG;
				}
			at += n;
		}
	}
	{
		/* The user's bytes, then zeros up to the known size (and over the nested area): the
		   record is fully defined up to SYSARGS_RECORD_<SYSCALL>_SIZE, and no further. */
		size_t n = (size_t)(usize < r->known_size ? usize : r->known_size);
		if (reader->read(reader->ctx, arg, addr, n) != 0)
			return sysargs_fail(rec, EFAULT);
		__builtin_memset(arg + n, 0, r->known_size - n);
		if (r->nested_max != 0)
			__builtin_memset((unsigned char *)rec + r->nested_at, 0, (size_t)r->nested_max * r->nested_size);
	}
	if (r->nested_max != 0) {
		/* The kernel refuses a count above its bound, a count without an array and an array
		   without a count before it reads the array. */
		__u64 ptr, count;
		__builtin_memcpy(&ptr, arg + r->nested_ptr_offset, sizeof(ptr));
		__builtin_memcpy(&count, arg + r->nested_count_offset, sizeof(count));
		if (count > r->nested_max || (ptr == 0) != (count == 0))
			return sysargs_fail(rec, EINVAL);
	}
	if (r->flag_min_size != 0 && usize < r->flag_min_size) {
		__u64 flags;
		__builtin_memcpy(&flags, arg + r->flag_offset, sizeof(flags));
		if (flags & r->flag)
			return sysargs_fail(rec, EINVAL);
	}
	if (r->nested_max != 0) {
		__u64 ptr, count;
		unsigned char *to = (unsigned char *)rec + r->nested_at;
		__builtin_memcpy(&ptr, arg + r->nested_ptr_offset, sizeof(ptr));
		__builtin_memcpy(&count, arg + r->nested_count_offset, sizeof(count));
		if (count != 0 && reader->read(reader->ctx, to, ptr, (size_t)count * r->nested_size) != 0)
			return sysargs_fail(rec, EFAULT);
	}
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* SYSARGS_RUNTIME_H */
