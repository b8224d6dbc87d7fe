/*
 * Fills structs of the Linux UAPI with distinct values and prints, for each, the bytes the compiler
 * laid out and the value of every member it set, as one JSON document. Built with each ABI's own
 * cross compiler against its own kernel headers and run under qemu-user, it gives decoders real
 * bytes of that ABI (endianness, alignment, bitfield order, pointer width) to be checked against.
 * Nothing here comes from sysargs: the expected values are what the C compiler reads back.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <linux/types.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <linux/openat2.h>
#include <linux/mount.h>
#include <linux/perf_event.h>
#include <linux/eventpoll.h>
#include <linux/uio.h>
#include <linux/time_types.h>

static int first_struct = 1, first_field;

/* The k-th distinct pattern: every byte differs from its neighbours' and the top bit is set. */
static unsigned long long pattern(unsigned k) {
  return 0x8877665544332211ULL ^ (0x0101010101010101ULL * (unsigned long long)(k + 1)) ^ ((unsigned long long)k << 56);
}

static void begin(const char *name, const void *p, size_t size) {
  const unsigned char *b = p;
  printf("%s\n    \"%s\": {\"size\": %u, \"hex\": \"", first_struct ? "" : ",", name, (unsigned)size);
  for (size_t i = 0; i < size; i++) printf("%02x", b[i]);
  printf("\", \"fields\": {");
  first_struct = 0;
  first_field = 1;
}

static void field(const char *name, int negative, unsigned long long u, long long s) {
  printf("%s\"%s\": \"", first_field ? "" : ", ", name);
  if (negative) printf("%lld\"", s); else printf("%llu\"", u);
  first_field = 0;
}

static void end(void) { printf("}}"); }

/* Member value as read back by C, signed or unsigned as its type is. */
#define V(expr) field(#expr + 2, (expr) < 0, (unsigned long long)(expr), (long long)(expr))
#define SET(m) (s.m = pattern(k++))
#define BIT(m) (s.m = (k++ & 1))

int main(void) {
  printf("{\"abi\": \"%s\", \"structs\": {", ABI_NAME);
  {
    struct clone_args s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    SET(flags); SET(pidfd); SET(child_tid); SET(parent_tid); SET(exit_signal); SET(stack);
    SET(stack_size); SET(tls); SET(set_tid); SET(set_tid_size); SET(cgroup);
    begin("clone_args", &s, sizeof s);
    V(s.flags); V(s.pidfd); V(s.child_tid); V(s.parent_tid); V(s.exit_signal); V(s.stack);
    V(s.stack_size); V(s.tls); V(s.set_tid); V(s.set_tid_size); V(s.cgroup);
    end();
  }
  {
    struct open_how s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    SET(flags); SET(mode); SET(resolve);
    begin("open_how", &s, sizeof s);
    V(s.flags); V(s.mode); V(s.resolve);
    end();
  }
  {
    struct sched_attr s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    s.size = sizeof s;
    SET(sched_policy); SET(sched_flags); SET(sched_nice); SET(sched_priority); SET(sched_runtime);
    SET(sched_deadline); SET(sched_period); SET(sched_util_min); SET(sched_util_max);
    begin("sched_attr", &s, sizeof s);
    V(s.size); V(s.sched_policy); V(s.sched_flags); V(s.sched_nice); V(s.sched_priority);
    V(s.sched_runtime); V(s.sched_deadline); V(s.sched_period); V(s.sched_util_min); V(s.sched_util_max);
    end();
  }
  {
    struct perf_event_attr s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    s.size = sizeof s;
    SET(type); SET(config); SET(sample_period); SET(sample_type); SET(read_format);
    BIT(disabled); BIT(inherit); BIT(pinned); BIT(exclusive); BIT(exclude_user); BIT(exclude_kernel);
    BIT(exclude_hv); BIT(exclude_idle); BIT(mmap); BIT(comm); BIT(freq); BIT(inherit_stat);
    BIT(enable_on_exec); BIT(task); BIT(watermark); s.precise_ip = 2; BIT(mmap_data); BIT(sample_id_all);
    BIT(exclude_host); BIT(exclude_guest); BIT(exclude_callchain_kernel); BIT(exclude_callchain_user);
    BIT(mmap2); BIT(comm_exec); BIT(use_clockid); BIT(context_switch); BIT(write_backward);
    BIT(namespaces); BIT(ksymbol); BIT(bpf_event); BIT(aux_output); BIT(cgroup); BIT(text_poke);
    BIT(build_id); BIT(inherit_thread); BIT(remove_on_exec); BIT(sigtrap);
    SET(wakeup_events); SET(bp_type); SET(config1); SET(config2); SET(branch_sample_type);
    SET(sample_regs_user); SET(sample_stack_user); SET(clockid); SET(sample_regs_intr);
    SET(aux_watermark); SET(sample_max_stack); SET(aux_sample_size); SET(sig_data);
    begin("perf_event_attr", &s, sizeof s);
    V(s.type); V(s.size); V(s.config); V(s.sample_period); V(s.sample_type); V(s.read_format);
    V(s.disabled); V(s.inherit); V(s.pinned); V(s.exclusive); V(s.exclude_user); V(s.exclude_kernel);
    V(s.exclude_hv); V(s.exclude_idle); V(s.mmap); V(s.comm); V(s.freq); V(s.inherit_stat);
    V(s.enable_on_exec); V(s.task); V(s.watermark); V(s.precise_ip); V(s.mmap_data); V(s.sample_id_all);
    V(s.exclude_host); V(s.exclude_guest); V(s.exclude_callchain_kernel); V(s.exclude_callchain_user);
    V(s.mmap2); V(s.comm_exec); V(s.use_clockid); V(s.context_switch); V(s.write_backward);
    V(s.namespaces); V(s.ksymbol); V(s.bpf_event); V(s.aux_output); V(s.cgroup); V(s.text_poke);
    V(s.build_id); V(s.inherit_thread); V(s.remove_on_exec); V(s.sigtrap);
    V(s.wakeup_events); V(s.bp_type); V(s.config1); V(s.config2); V(s.branch_sample_type);
    V(s.sample_regs_user); V(s.sample_stack_user); V(s.clockid); V(s.sample_regs_intr);
    V(s.aux_watermark); V(s.sample_max_stack); V(s.aux_sample_size); V(s.sig_data);
    end();
  }
  {
    struct mount_attr s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    SET(attr_set); SET(attr_clr); SET(propagation); SET(userns_fd);
    begin("mount_attr", &s, sizeof s);
    V(s.attr_set); V(s.attr_clr); V(s.propagation); V(s.userns_fd);
    end();
  }
  {
    struct epoll_event s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    SET(events); SET(data);
    begin("epoll_event", &s, sizeof s);
    V(s.events); V(s.data);
    end();
  }
  {
    struct iovec s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    s.iov_base = (void *)(uintptr_t)pattern(k++); SET(iov_len);
    begin("iovec", &s, sizeof s);
    field("iov_base", 0, (unsigned long long)(uintptr_t)s.iov_base, 0); V(s.iov_len);
    end();
  }
  {
    struct __kernel_timespec s; unsigned k = 0;
    memset(&s, 0, sizeof s);
    SET(tv_sec); SET(tv_nsec);
    begin("__kernel_timespec", &s, sizeof s);
    V(s.tv_sec); V(s.tv_nsec);
    end();
  }
  printf("\n  }\n}\n");
  return 0;
}
