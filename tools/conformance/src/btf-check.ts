import type { Btf, BtfMember } from "@sysargs/btf";
import { flatten } from "@sysargs/codegen";
import { type LayoutEngine, LayoutError } from "@sysargs/layout";
import { type Abi, type Registry, RegistryIndex } from "@sysargs/model";
import { probedTypes } from "./probes.js";
import type { Check, Entry, Status } from "./report.js";

interface BtfFlat {
  offset: number;
  size: number;
  bitOffset: number;
  bitSize: number;
  isBitfield: boolean;
}

/** BTF members by C designator, anonymous members transparent, offsets absolute. */
function flattenBtf(
  members: readonly BtfMember[],
  prefix: string,
  base: number,
  out: Map<string, BtfFlat>,
): void {
  for (const m of members) {
    const offset = base + m.offset;
    if (m.name === "") {
      if (m.members) flattenBtf(m.members, prefix, offset, out);
      continue;
    }
    const path = `${prefix}${m.name}`;
    const isBitfield = m.bitSize !== undefined;
    out.set(path, {
      offset,
      size: m.size,
      bitOffset: isBitfield ? base * 8 + m.bitOffset! : offset * 8,
      bitSize: isBitfield ? m.bitSize! : m.size * 8,
      isBitfield,
    });
    if (m.members) flattenBtf(m.members, `${path}.`, offset, out);
  }
}

/** "6.18.44-foo" -> [6, 18]. */
export function kernelVersion(release: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function newerThan(since: string, kernel: [number, number] | undefined): boolean {
  const s = kernelVersion(since);
  if (!s || !kernel) return false;
  return s[0] > kernel[0] || (s[0] === kernel[0] && s[1] > kernel[1]);
}

const show = (checks: readonly Check[], pick: "expected" | "actual"): string =>
  checks.map((c) => `${c.aspect} ${c[pick] ?? "absent"}`).join(", ");

function entry(
  abi: string,
  subject: string,
  checks: Check[],
  covers: readonly string[],
  note?: string,
): Entry {
  const bad = checks.filter((c) => !c.ok);
  const shown = bad.length > 0 ? bad : checks;
  const e: Entry = {
    abi,
    subject,
    source: "btf",
    status: bad.length > 0 ? "mismatch" : "proved",
    expected: show(shown, "expected"),
    actual: show(shown, "actual"),
    checks,
    covers,
  };
  return note ? { ...e, note } : e;
}

function absent(abi: string, subject: string, status: Status, note: string): Entry {
  return { abi, subject, source: "btf", status, expected: "present", actual: "absent", checks: [], note };
}

/**
 * Compares every registry type the kernel's BTF has (by name; a per-ABI variant through the
 * alternative of `abi`) member by member: size, offsets, sizes, bitfield positions. BTF does
 * not record alignment, so none is claimed. Also compares set members that the kernel defines
 * as enumerators. `kernelRelease` decides whether a member missing from BTF is newer than the
 * running kernel (not-in-btf) or a mismatch.
 */
export function compareBtf(
  registry: Registry,
  engine: LayoutEngine,
  abi: Abi,
  btf: Btf,
  kernelRelease: string,
): Entry[] {
  const out: Entry[] = [];
  const running = kernelVersion(kernelRelease);
  for (const name of probedTypes(registry)) {
    const btfName = engine.index.type(name)!.c.btf;
    const typeSubject = `type ${name}`;
    if (btfName === null) continue;
    if (!engine.index.composite(name, abi.name)) continue;
    let layout: ReturnType<LayoutEngine["layout"]>;
    try {
      layout = engine.layout(name, abi.name);
    } catch (e) {
      if (e instanceof LayoutError) continue; // reported by the compiler side
      throw e;
    }
    const fields = flatten(engine, layout, abi);
    const comp = btf.findComposite(btfName, layout.kind);
    if (!comp) {
      const note = `no ${layout.kind} ${btfName} in the running kernel's BTF`;
      out.push(absent(abi.name, typeSubject, "not-in-btf", note));
      for (const f of fields) out.push(absent(abi.name, `field ${name}.${f.path}`, "not-in-btf", note));
      continue;
    }
    const note = btfName === name ? undefined : `BTF ${layout.kind} ${btfName}`;
    const decl = engine.index.composite(name, abi.name)!;
    const typeCovers = decl.name === name ? [typeSubject] : [typeSubject, `type ${decl.name}`];
    const sizeCheck: Check = {
      aspect: "size",
      expected: layout.size,
      actual: comp.size,
      ok: layout.size === comp.size,
    };
    out.push(entry(abi.name, typeSubject, [sizeCheck], typeCovers, note));
    const members = new Map<string, BtfFlat>();
    flattenBtf(comp.members, "", 0, members);
    for (const f of fields) {
      const subject = `field ${name}.${f.path}`;
      const b = members.get(f.path);
      if (!b) {
        if (f.since !== undefined && newerThan(f.since, running)) {
          out.push(
            absent(
              abi.name,
              subject,
              "not-in-btf",
              `since ${f.since}, newer than the running kernel ${kernelRelease}`,
            ),
          );
        } else {
          out.push({
            abi: abi.name,
            subject,
            source: "btf",
            status: "mismatch",
            expected: "present",
            actual: `absent from BTF ${layout.kind} ${btfName}`,
            checks: [{ aspect: "present", expected: "present", actual: null, ok: false }],
          });
        }
        continue;
      }
      const checks: Check[] = [];
      if (f.bitSize !== undefined && f.bitOffset !== undefined) {
        checks.push({
          aspect: "bitOffset",
          expected: f.bitOffset,
          actual: b.bitOffset,
          ok: f.bitOffset === b.bitOffset,
        });
        checks.push({
          aspect: "bitSize",
          expected: f.bitSize,
          actual: b.bitSize,
          ok: f.bitSize === b.bitSize,
        });
      } else {
        checks.push({
          aspect: "offset",
          expected: f.offset,
          actual: b.offset,
          ok: f.offset === b.offset && !b.isBitfield,
        });
        if (f.sized) checks.push({ aspect: "size", expected: f.size, actual: b.size, ok: f.size === b.size });
      }
      out.push(entry(abi.name, subject, checks, [`field ${f.owner}.${f.ownerPath}`], note));
    }
    // Published sizes of an extensible struct: each must be where a member of the kernel's struct ends.
    const ends = new Set<number>([comp.size]);
    for (const m of comp.members) {
      ends.add(m.bitSize !== undefined ? Math.ceil((m.bitOffset! + m.bitSize) / 8) : m.offset + m.size);
    }
    const max = Math.max(...ends);
    for (const v of decl.extensible?.versions ?? []) {
      const subject = `version ${name} ${v.size}`;
      const covers = v.macro ? [`const ${v.macro}`] : [];
      if (!ends.has(v.size) && v.size > max) {
        out.push(absent(abi.name, subject, "not-in-btf", `the kernel's ${btfName} ends at ${max}`));
        continue;
      }
      const actual = ends.has(v.size) ? v.size : [...ends].sort((x, y) => x - y).join("/");
      const check: Check = { aspect: "member boundary", expected: v.size, actual, ok: ends.has(v.size) };
      out.push(entry(abi.name, subject, [check], covers, note));
    }
  }
  // Constants the kernel defines as enumerators (most are macros, which BTF does not carry).
  const seen = new Set<string>();
  for (const set of registry.sets) {
    for (const m of set.members) {
      const actual = btf.enumValue(m.name);
      if (actual === undefined) continue;
      const expected = RegistryIndex.memberValue(m, abi.name);
      const key = `${m.name}=${expected}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ok = BigInt(actual) === BigInt(expected);
      const fmt = (v: number | bigint) => (set.kind === "flags" ? `0x${BigInt(v).toString(16)}` : String(v));
      out.push({
        abi: abi.name,
        subject: `const ${m.name}`,
        source: "btf",
        status: ok ? "proved" : "mismatch",
        expected: `value ${fmt(expected)}`,
        actual: `value ${fmt(actual)}`,
        checks: [
          { aspect: "value", expected, actual: typeof actual === "bigint" ? actual.toString() : actual, ok },
        ],
        note: "enumerator in BTF",
      });
    }
  }
  return out;
}
