import { existsSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";
import { type BtfComposite, KERNEL_BTF_PATH, loadKernelBtf, parseBtf } from "./index.js";

// These facts come from the running kernel's own BTF (x86_64 uapi layouts). On a machine
// without it the tests must show up as skipped, with the reason in their titles, rather
// than pass without checking anything.
// The expected numbers are x86_64 layouts (e.g. epoll_event is packed only there), so
// another architecture is a reason to skip too.
const skipReason = !existsSync(KERNEL_BTF_PATH)
  ? `${KERNEL_BTF_PATH} not present`
  : process.arch !== "x64"
    ? `expected layouts are x86_64, this is ${process.arch}`
    : undefined;
// Skipped (and listed at the end of the run) without it; in CI mode (ciMode) a failure naming it.
const btfGate = gate(
  skipReason === undefined ? [] : [{ what: "kernel BTF (x86_64)", why: skipReason, packages: [] }],
  ciMode(),
);
const present = !btfGate.skip;
const btf = skipReason === undefined ? loadKernelBtf() : undefined;
const title = (what: string): string => (present ? what : `${what} [skipped: ${skipReason}]`);

function composite(name: string): BtfComposite {
  const found = btf!.findComposite(name, "struct");
  if (found === undefined) throw new Error(`struct ${name} not in ${KERNEL_BTF_PATH}`);
  return found;
}

function member(c: BtfComposite, name: string): BtfComposite["members"][number] {
  const found = c.members.find((m) => m.name === name);
  if (found === undefined) throw new Error(`struct ${c.name} has no member ${name}`);
  return found;
}

describe("kernel BTF (/sys/kernel/btf/vmlinux)", () => {
  beforeEach(() => requirePresent(btfGate));
  it.skipIf(!present)(title("parses quickly"), () => {
    const bytes = readFileSync(KERNEL_BTF_PATH);
    const started = performance.now();
    const parsed = parseBtf(bytes);
    const elapsed = performance.now() - started;
    console.info(`parsed ${bytes.length} bytes, ${parsed.typeCount} types in ${elapsed.toFixed(1)} ms`);
    expect(parsed.typeCount).toBeGreaterThan(10_000);
    expect(parsed.pointerSize).toBe(8);
    // The target is < 300 ms; the bound leaves room for a slow, busy CI machine.
    expect(elapsed).toBeLessThan(1500);
  });

  it.skipIf(!present)(title("clone_args"), () => {
    const c = composite("clone_args");
    expect(c.size).toBe(88);
    expect(c.align).toBe(8);
    expect(member(c, "set_tid")).toMatchObject({ offset: 64, size: 8, typeName: "__u64" });
    expect(member(c, "cgroup")).toMatchObject({ offset: 80, size: 8 });
  });

  it.skipIf(!present)(title("open_how"), () => {
    expect(composite("open_how")).toMatchObject({ size: 24, align: 8 });
  });

  it.skipIf(!present)(title("sched_attr"), () => {
    const c = composite("sched_attr");
    expect(c.size).toBe(56);
    expect(member(c, "sched_util_max")).toMatchObject({ offset: 52, size: 4, typeName: "__u32" });
  });

  it.skipIf(!present)(title("perf_event_attr, including its bitfields and anonymous unions"), () => {
    const c = composite("perf_event_attr");
    expect(c.size).toBe(136);
    expect(member(c, "config3")).toMatchObject({ offset: 128, size: 8 });
    expect(member(c, "disabled")).toEqual({
      name: "disabled",
      offset: 40,
      bitOffset: 320,
      bitSize: 1,
      size: 8,
      typeName: "__u64",
    });
    expect(member(c, "sigtrap")).toMatchObject({ offset: 44, bitOffset: 357, bitSize: 1 });
    const periodUnion = c.members.find((m) => m.offset === 16);
    expect(periodUnion).toMatchObject({ name: "", typeName: "union {...}", size: 8 });
    expect(periodUnion!.members!.map((m) => m.name)).toEqual(["sample_period", "sample_freq"]);
  });

  it.skipIf(!present)(title("mnt_id_req"), () => {
    const c = composite("mnt_id_req");
    expect(c.size).toBe(32);
    expect(member(c, "mnt_ns_id")).toMatchObject({ offset: 24, size: 8 });
  });

  it.skipIf(!present)(title("epoll_event is packed on x86_64"), () => {
    const c = composite("epoll_event");
    expect(c).toMatchObject({ size: 12, align: 1 });
    expect(member(c, "data")).toMatchObject({ offset: 4, size: 8 });
  });

  it.skipIf(!present)(title("landlock_path_beneath_attr is packed"), () => {
    expect(composite("landlock_path_beneath_attr")).toMatchObject({ size: 12, align: 1 });
  });

  it.skipIf(!present)(title("enumerators, named and anonymous"), () => {
    expect(btf!.enumValue("BPF_MAP_TYPE_HASH")).toBe(1);
    expect(btf!.findEnum("bpf_cmd")?.values[0]).toEqual({ name: "BPF_MAP_CREATE", value: 0 });
  });
});
