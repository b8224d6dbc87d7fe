/*
 * libFuzzer target for the early parsers (clang -fsanitize=fuzzer,address): the input chooses a
 * parser, the arguments and the user memory. The reader serves only the input's bytes (anything
 * else is -EFAULT, like unmapped memory), from a heap copy of exactly that size, so
 * AddressSanitizer catches any read or write of the parser outside what it was given.
 */
#include <stdlib.h>
#include <string.h>

#include <sysargs_parse.h>

struct window {
	const unsigned char *base;
	size_t len;
	__u64 addr; /* the user address of base[0] */
};

static int read_window(void *ctx, void *dst, __u64 addr, size_t len)
{
	const struct window *w = (const struct window *)ctx;
	if (addr < w->addr || addr - w->addr > w->len || len > w->len - (addr - w->addr))
		return -EFAULT;
	memcpy(dst, w->base + (addr - w->addr), len);
	return 0;
}

typedef int (*parse_fn)(const struct sysargs_reader *, const struct sysargs_seccomp_data *, struct sysargs_record *);
static const parse_fn parsers[] = {
	sysargs_parse_clone3,     sysargs_parse_openat2,        sysargs_parse_sched_setattr,
	sysargs_parse_perf_event_open, sysargs_parse_mount_setattr, sysargs_parse_open_tree_attr,
	sysargs_parse_landlock_create_ruleset, sysargs_parse_statmount, sysargs_parse_listmount,
	sysargs_parse_setxattrat, sysargs_parse_getxattrat, sysargs_parse_file_setattr,
	sysargs_parse_file_getattr,
};

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct sysargs_seccomp_data d;
	struct sysargs_record *rec;
	struct window w;
	struct sysargs_reader reader;
	unsigned char *copy;
	size_t i;
	/* 1 byte parser, 6 x 2 bytes of arguments: small numbers that are offsets into the window,
	   sizes, or, with the high bit, raw values (NULL, huge sizes). */
	if (size < 13)
		return 0;
	w.addr = 0x10000;
	memset(&d, 0, sizeof(d));
	for (i = 0; i < 6; i++) {
		unsigned v = (unsigned)data[1 + 2 * i] | (unsigned)data[2 + 2 * i] << 8;
		d.args[i] = v & 0x8000 ? (__u64)(v & 0x7fff) * 0x10001u : w.addr + v;
	}
	copy = (unsigned char *)malloc(size - 13 ? size - 13 : 1);
	rec = (struct sysargs_record *)malloc(sizeof(*rec));
	if (!copy || !rec)
		abort();
	memcpy(copy, data + 13, size - 13);
	w.base = copy;
	w.len = size - 13;
	reader.read = read_window;
	reader.ctx = &w;
	{
		int r = parsers[data[0] % (sizeof(parsers) / sizeof(parsers[0]))](&reader, &d, rec);
		/* The record always says what happened. */
		if ((r == 0) != (rec->arg_status != SYSARGS_ARG_FAILED) || (r != 0 && rec->arg_error != -r))
			abort();
	}
	free(rec);
	free(copy);
	return 0;
}
