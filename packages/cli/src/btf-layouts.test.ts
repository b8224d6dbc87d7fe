/**
 * Every struct and union of the registry that the running kernel has in BTF has the same size
 * and the same offsets (and bitfield positions) on x86_64: the kernel itself as a second source.
 */
import { existsSync } from "node:fs";
import { arch } from "node:os";
import { join } from "node:path";
import { type BtfMember, loadKernelBtf } from "@sysargs/btf";
import { type FieldLayout, LayoutEngine } from "@sysargs/layout";
import { loadSchemas } from "@sysargs/loader";
import { beforeAll, describe, expect, it } from "vitest";
import { ciMode, gate, requirePresent } from "../../../vitest.skips.js";

// BTF comes with the running kernel, not with a package: skipped where it is absent, except in CI
// mode, where a missing BTF fails the suite rather than passing it vacuously.
const btfGate = gate(
  existsSync("/sys/kernel/btf/vmlinux") && arch() === "x64"
    ? []
    : [{ what: "kernel BTF (x86_64)", why: "no x86_64 /sys/kernel/btf/vmlinux", packages: [] }],
  ciMode(),
);
const haveBtf = !btfGate.skip;
const schemas = join(import.meta.dirname, "../../../schemas");
/**
 * BTF structs of the same name that are not the registry's x86_64 type: x86_64 has no stat64,
 * and the kernel's `struct stat64` in an x86_64 BTF is the ia32 compat layout (96 bytes).
 */
const NOT_THE_SAME_TYPE: Record<string, string> = { stat64: "ia32 compat struct in x86_64 BTF" };

/** name -> [offset, bitOffset?, bitSize?], flattening anonymous members into their parent. */
function flatOurs(fields: FieldLayout[], base = 0, out = new Map<string, number[]>()): Map<string, number[]> {
  for (const f of fields) {
    if (f.anonymous && f.fields) flatOurs(f.fields, base + f.offset, out);
    else
      out.set(
        f.name,
        f.bitSize !== undefined ? [base * 8 + f.bitOffset!, f.bitSize] : [(base + f.offset) * 8],
      );
  }
  return out;
}

/**
 * Like flatOurs for BTF members. `empty` collects the members that occupy no bytes: flexible arrays, and
 * zero-length arrays such as ipc64_perm's `unsigned char __pad1[4 - sizeof(__kernel_mode_t)]` where the mode
 * is 4 bytes, which a FixedArray cannot spell and the registry leaves out.
 */
function flatBtf(
  members: readonly BtfMember[],
  base = 0,
  out = new Map<string, number[]>(),
  empty = new Set<string>(),
): Map<string, number[]> {
  for (const m of members) {
    if (m.name === "" && m.members) flatBtf(m.members, base + m.offset, out, empty);
    else {
      if (m.size === 0 && m.bitSize === undefined && !m.members) empty.add(m.name);
      out.set(
        m.name,
        m.bitSize !== undefined ? [base * 8 + m.bitOffset!, m.bitSize] : [(base + m.offset) * 8],
      );
    }
  }
  return out;
}

describe.skipIf(!haveBtf)(
  `registry layouts against the running kernel's BTF${haveBtf ? "" : " (SKIPPED: no x86_64 /sys/kernel/btf/vmlinux)"}`,
  () => {
    beforeAll(() => requirePresent(btfGate));
    const registry = loadSchemas(schemas).registry!;
    const btf = loadKernelBtf()!;
    const engine = new LayoutEngine(registry);
    const compared: string[] = [];
    for (const t of registry.types) {
      const btfName = t.name;
      const kind = t.kind === "variant" ? undefined : t.kind;
      const k = btf.findComposite(btfName, kind);
      if (!k || NOT_THE_SAME_TYPE[t.name]) continue;
      compared.push(t.name);
      it(`${t.name}: size and every member offset match BTF on x86_64`, () => {
        const ours = engine.layout(t.name, "x86_64");
        expect(ours.size, `${t.name} size`).toBe(k.size);
        const a = flatOurs(ours.fields);
        const empty = new Set<string>();
        const b = flatBtf(k.members, 0, new Map(), empty);
        // A member of no bytes that the registry does not list (a zero-length array) is not compared.
        for (const name of empty) if (!a.has(name)) b.delete(name);
        expect([...a.keys()].sort(), `${t.name} member names`).toEqual([...b.keys()].sort());
        for (const [name, pos] of a) expect(pos, `${t.name}.${name} bit position/width`).toEqual(b.get(name));
      });
    }
    it("covers the structs the foundation issue names", () => {
      for (const name of [
        "clone_args",
        "open_how",
        "sched_attr",
        "mount_attr",
        "landlock_ruleset_attr",
        "perf_event_attr",
        "mnt_id_req",
        "xattr_args",
        "file_attr",
        "epoll_event",
      ])
        expect(compared).toContain(name);
    });
  },
);
