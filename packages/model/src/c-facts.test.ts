import { describe, expect, it } from "vitest";
import { btfTagOf, defaultCFacts, uapiHeaderOf } from "./c-facts.js";

describe("uapiHeaderOf", () => {
  it("maps UAPI sources to the header user space includes", () => {
    expect(uapiHeaderOf("include/uapi/linux/sched.h")).toBe("linux/sched.h");
    expect(uapiHeaderOf("include/uapi/linux/sched/types.h")).toBe("linux/sched/types.h");
    expect(uapiHeaderOf("include/uapi/asm-generic/stat.h")).toBe("asm/stat.h");
    expect(uapiHeaderOf("arch/x86/include/uapi/asm/stat.h")).toBe("asm/stat.h");
  });

  it("has no header for kernel-internal or other sources", () => {
    for (const s of [
      "include/linux/syscalls.h",
      "kernel/sched/syscalls.c",
      "tracefs sys_enter_clone3",
      "xinclude/uapi/linux/sched.h",
      "include/uapi/linux/sched.c",
      "arch/x86/include/asm/stat.h",
      "arch/x86/include/uapi/linux/stat.h",
      "include/uapi/linux/sched.h (6.18)",
    ])
      expect(uapiHeaderOf(s), s).toBeUndefined();
  });
});

describe("defaultCFacts", () => {
  const provenance = [
    { source: "include/uapi/linux/sched.h" },
    { source: "kernel/fork.c" },
    { source: "include/uapi/linux/sched.h", kernel: "6.1" },
    { source: "include/uapi/asm-generic/stat.h" },
  ];

  it("spells structs and per-ABI variants as structs, unions as unions", () => {
    expect(defaultCFacts({ kind: "struct", name: "clone_args", provenance: [] }).spelling).toBe(
      "struct clone_args",
    );
    expect(defaultCFacts({ kind: "variant", name: "stat", provenance: [] }).spelling).toBe("struct stat");
    expect(defaultCFacts({ kind: "union", name: "bpf_attr", provenance: [] }).spelling).toBe(
      "union bpf_attr",
    );
  });

  it("takes the headers from the UAPI provenance, once each, in order", () => {
    expect(defaultCFacts({ kind: "struct", name: "clone_args", provenance })).toEqual({
      spelling: "struct clone_args",
      headers: ["linux/sched.h", "asm/stat.h"],
      headersFrom: "source",
      noHeader: null,
      differs: null,
      btf: "clone_args",
      defines: [],
      since: null,
    });
  });
});

describe("btfTagOf", () => {
  it("is the tag of a struct or union spelling, and nothing for a typedef", () => {
    expect(btfTagOf("struct clone_args")).toBe("clone_args");
    expect(btfTagOf("union bpf_attr")).toBe("bpf_attr");
    expect(btfTagOf("sigset_t")).toBeUndefined();
    expect(btfTagOf("struct clone_args *")).toBeUndefined();
    expect(btfTagOf("enum x")).toBeUndefined();
    expect(btfTagOf(" struct x")).toBeUndefined();
  });
});
