import type {
  AnonStruct,
  AnonUnion,
  Bits,
  cstring,
  Fd,
  Flags,
  In,
  int,
  long,
  Pid,
  Ptr,
  Ptr64,
  pid_t,
  Reserved,
  Since,
  Struct,
  s32,
  u16,
  u32,
  u64,
  ulong,
  Version,
  Was,
} from "@sysargs/dsl";
import type { PerfFlags } from "./perf-flags.js";

/**
 * Configuration of a performance event, for perf_event_open(2) (and PERF_EVENT_IOC_MODIFY_ATTRIBUTES).
 *
 * The size travels in the `size` field at offset 4: 0 means PERF_ATTR_SIZE_VER0; a size below VER0,
 * above PAGE_SIZE or with a non-zero tail gives E2BIG after the kernel writes its own sizeof back into
 * `size`. Non-zero reserved bits or fields give EINVAL.
 *
 * Kernel versions of the 2.6 era carry their full release (2.6.31 for VER0, 2.6.33 for VER1 and the
 * breakpoint fields, 2.6.35-2.6.39 for some flag bits and config1/config2).
 * @source include/uapi/linux/perf_event.h (6.18)
 * @source kernel/events/core.c (6.18) - perf_copy_attr
 * @header linux/perf_event.h
 */
export interface perf_event_attr
  extends Struct<{
    extensible: {
      versions: [
        Version<64, "2.6.31", "PERF_ATTR_SIZE_VER0">,
        Version<72, "2.6.33", "PERF_ATTR_SIZE_VER1">,
        Version<80, "3.4", "PERF_ATTR_SIZE_VER2">,
        Version<96, "3.7", "PERF_ATTR_SIZE_VER3">,
        Version<104, "3.19", "PERF_ATTR_SIZE_VER4">,
        Version<112, "4.1", "PERF_ATTR_SIZE_VER5">,
        Version<120, "5.5", "PERF_ATTR_SIZE_VER6">,
        Version<128, "5.13", "PERF_ATTR_SIZE_VER7">,
        Version<136, "6.3", "PERF_ATTR_SIZE_VER8">,
      ];
      sizeIn: { field: "size" };
      copy: "in";
      belowMin: "E2BIG";
      abovePage: "E2BIG";
      zeroMeansFirst: true;
      writesBackSize: true;
      tailMustBeZero: true;
    };
  }> {
  /** Event type: PERF_TYPE_* or a dynamic PMU type read from /sys/bus/event_source/devices/<pmu>/type. */
  type: u32;
  /** Size of the struct as the caller knows it (0 = PERF_ATTR_SIZE_VER0). */
  size: u32;
  /** Type-specific event selector. */
  config: u64;
  /** Sampling period, or frequency with `freq` set. */
  sample: AnonUnion<{
    sample_period: u64;
    sample_freq: u64;
  }>;
  /** PERF_SAMPLE_* values to include in samples. */
  sample_type: u64;
  /** PERF_FORMAT_* values returned by read(2). */
  read_format: u64;
  /** Start disabled. */
  disabled: Bits<u64, 1>;
  /** Children inherit the event. */
  inherit: Bits<u64, 1>;
  /** Must always be on the PMU. */
  pinned: Bits<u64, 1>;
  /** Only group on the PMU. */
  exclusive: Bits<u64, 1>;
  /** Do not count user space. */
  exclude_user: Bits<u64, 1>;
  /** Do not count the kernel. */
  exclude_kernel: Bits<u64, 1>;
  /** Do not count the hypervisor. */
  exclude_hv: Bits<u64, 1>;
  /** Do not count when idle. */
  exclude_idle: Bits<u64, 1>;
  /** Record executable mmap events. */
  mmap: Bits<u64, 1>;
  /** Record comm events. */
  comm: Bits<u64, 1>;
  /** Use sample_freq, not sample_period. */
  freq: Bits<u64, 1>;
  /** Per-task counts for inherited events. */
  inherit_stat: Bits<u64, 1>;
  /** Enable at the next exec. */
  enable_on_exec: Bits<u64, 1>;
  /** Record fork/exit events. */
  task: Bits<u64, 1>;
  /** Wake up at wakeup_watermark bytes instead of wakeup_events events. */
  watermark: Bits<u64, 1>;
  /** Skid constraint, 0..3 (2.6.35). */
  precise_ip: Bits<u64, 2> & Since<"2.6.35"> & Was<"__reserved_1">;
  /** Record non-executable mmap events (2.6.36). */
  mmap_data: Bits<u64, 1> & Since<"2.6.36"> & Was<"__reserved_1">;
  /** Add sample_type identity fields to all records (2.6.38). */
  sample_id_all: Bits<u64, 1> & Since<"2.6.38"> & Was<"__reserved_1">;
  /** Do not count in the host. */
  exclude_host: Bits<u64, 1> & Since<"3.2"> & Was<"__reserved_1">;
  /** Do not count in guests. */
  exclude_guest: Bits<u64, 1> & Since<"3.2"> & Was<"__reserved_1">;
  /** Exclude kernel callchains. */
  exclude_callchain_kernel: Bits<u64, 1> & Since<"3.7"> & Was<"__reserved_1">;
  /** Exclude user callchains. */
  exclude_callchain_user: Bits<u64, 1> & Since<"3.7"> & Was<"__reserved_1">;
  /** Record mmap events with inode data (accepted since 3.12, functional since 3.16). */
  mmap2: Bits<u64, 1> & Since<"3.12"> & Was<"__reserved_1">;
  /** Flag comm events caused by exec. */
  comm_exec: Bits<u64, 1> & Since<"3.16"> & Was<"__reserved_1">;
  /** Use `clockid` for time fields. */
  use_clockid: Bits<u64, 1> & Since<"4.1"> & Was<"__reserved_1">;
  /** Record context switches. */
  context_switch: Bits<u64, 1> & Since<"4.3"> & Was<"__reserved_1">;
  /** Write the ring buffer from end to beginning. */
  write_backward: Bits<u64, 1> & Since<"4.7"> & Was<"__reserved_1">;
  /** Record namespace events. */
  namespaces: Bits<u64, 1> & Since<"4.12"> & Was<"__reserved_1">;
  /** Record ksymbol events. */
  ksymbol: Bits<u64, 1> & Since<"5.1"> & Was<"__reserved_1">;
  /** Record BPF events. */
  bpf_event: Bits<u64, 1> & Since<"5.1"> & Was<"__reserved_1">;
  /** Generate AUX records instead of events. */
  aux_output: Bits<u64, 1> & Since<"5.4"> & Was<"__reserved_1">;
  /** Record cgroup events. */
  cgroup: Bits<u64, 1> & Since<"5.7"> & Was<"__reserved_1">;
  /** Record text poke events. */
  text_poke: Bits<u64, 1> & Since<"5.9"> & Was<"__reserved_1">;
  /** Use a build id in mmap2 events. */
  build_id: Bits<u64, 1> & Since<"5.12"> & Was<"__reserved_1">;
  /** Children inherit only if cloned with CLONE_THREAD. */
  inherit_thread: Bits<u64, 1> & Since<"5.13"> & Was<"__reserved_1">;
  /** Remove the event from the task on exec. */
  remove_on_exec: Bits<u64, 1> & Since<"5.13"> & Was<"__reserved_1">;
  /** Send a synchronous SIGTRAP on overflow. */
  sigtrap: Bits<u64, 1> & Since<"5.13"> & Was<"__reserved_1">;
  /** Reserved flag bits: must be zero (EINVAL otherwise). */
  __reserved_1: Bits<u64, 26> & Reserved;
  /** Wake up every n events, or at n bytes with `watermark`. */
  wakeup: AnonUnion<{
    wakeup_events: u32;
    wakeup_watermark: u32;
  }>;
  /** HW_BREAKPOINT_* breakpoint type (2.6.33). */
  bp_type: u32 & Since<"2.6.33"> & Was<"__reserved_2">;
  /** Breakpoint address, probe function name or first config extension (2.6.33, in the former __reserved_3). */
  bp_config1: AnonUnion<{
    /** Breakpoint address (2.6.33). */
    bp_addr: u64 & Since<"2.6.33">;
    /** perf_kprobe: function name (a user pointer to a string). */
    kprobe_func: Ptr64<In<cstring>, u64> & Since<"4.17">;
    /** perf_uprobe: path of the binary (a user pointer to a string). */
    uprobe_path: Ptr64<In<cstring>, u64> & Since<"4.17">;
    /** Extension of `config` (2.6.39). */
    config1: u64 & Since<"2.6.39">;
  }> &
    Since<"2.6.33"> &
    Was<"__reserved_3">;
  /** Breakpoint length, probe address or offset, or second config extension (2.6.33). */
  bp_config2: AnonUnion<{
    /** Breakpoint length, HW_BREAKPOINT_LEN_* (2.6.33). */
    bp_len: u64 & Since<"2.6.33">;
    /** perf_kprobe: address, when kprobe_func is NULL. */
    kprobe_addr: u64 & Since<"4.17">;
    /** perf_kprobe/perf_uprobe: offset from the function or in the binary. */
    probe_offset: u64 & Since<"4.17">;
    /** Extension of `config1` (2.6.39). */
    config2: u64 & Since<"2.6.39">;
  }> &
    Since<"2.6.33">;
  /** PERF_SAMPLE_BRANCH_* filter for PERF_SAMPLE_BRANCH_STACK. */
  branch_sample_type: u64 & Since<"3.4">;
  /** Mask of user registers to dump in samples (architecture-specific). */
  sample_regs_user: u64 & Since<"3.7">;
  /** Bytes of user stack to dump in samples. */
  sample_stack_user: u32 & Since<"3.7">;
  /** Clock for time fields, with `use_clockid`. */
  clockid: s32 & Since<"4.1"> & Was<"__reserved_2">;
  /** Mask of registers to dump in samples at interrupt. */
  sample_regs_intr: u64 & Since<"3.19">;
  /** AUX bytes before a wakeup. */
  aux_watermark: u32 & Since<"4.1">;
  /** Maximum callchain depth for PERF_SAMPLE_CALLCHAIN. */
  sample_max_stack: u16 & Since<"4.8"> & Was<"__reserved_2">;
  /** Reserved: must be zero (EINVAL otherwise); a u32 from 4.1 until sample_max_stack took half of it. */
  __reserved_2: u16 & Since<"4.1"> & Reserved;
  /** Maximum AUX sample size for PERF_SAMPLE_AUX. */
  aux_sample_size: u32 & Since<"5.5">;
  /** AUX pause/resume controls (6.13, in the former __reserved_3 of 5.5). */
  aux_action_union: AnonUnion<{
    aux_action: u32;
    aux_action_bits: AnonStruct<{
      /** Start with the AUX area paused. */
      aux_start_paused: Bits<u32, 1>;
      /** On overflow, pause the AUX area. */
      aux_pause: Bits<u32, 1>;
      /** On overflow, resume the AUX area. */
      aux_resume: Bits<u32, 1>;
      /** Reserved: must be zero (EINVAL otherwise). */
      __reserved_3: Bits<u32, 29> & Reserved;
    }>;
  }> &
    Since<"6.13"> &
    Was<"__reserved_3">;
  /** User data delivered in siginfo with `sigtrap`. */
  sig_data: u64 & Since<"5.13">;
  /** Extension of `config2`. */
  config3: u64 & Since<"6.3">;
}

/**
 * Open a performance monitoring event; returns its fd. `pid` is a thread (0 = the caller, -1 = any) or,
 * with PERF_FLAG_PID_CGROUP, a cgroup directory fd; `cpu` is a CPU number or -1 (any); `group_fd` is the
 * group leader's fd or -1. Added in 2.6.31 (the DSL's versions are "major.minor").
 * @since 2.6.31
 * @source include/linux/syscalls.h (6.18)
 * @source kernel/events/core.c (6.18)
 */
export declare function perf_event_open(
  attr_uptr: Ptr<In<perf_event_attr>>,
  pid: pid_t & Pid,
  cpu: int,
  group_fd: int & Fd,
  flags: ulong & Flags<PerfFlags>,
): long;
