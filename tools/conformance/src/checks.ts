import type { ProbeOutcome } from "./compile.js";
import type { Probe, Show } from "./probes.js";
import type { Check } from "./report.js";

const safe = (v: bigint): number | string =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();

/** A probed number as the report shows it. */
export function display(v: bigint, showAs: Show, cSize?: number): number | string {
  switch (showAs) {
    case "hex": {
      const bits = cSize !== undefined && cSize <= 4 && v >= -(1n << 31n) && v < 1n << 32n ? 32 : 64;
      return `0x${BigInt.asUintN(bits, v).toString(16)}`;
    }
    case "signed":
      return v === 1n ? "signed" : v === 0n ? "unsigned" : "not an integer";
    case "endian":
      return v === 1n ? "big" : "little";
    case "bool":
      return v === 0n ? "false" : "true";
    default:
      return safe(v);
  }
}

/** Equal as the C constant: exactly, as 64-bit patterns, or as 32-bit patterns for an int-sized constant. */
export function sameConst(expected: bigint, actual: bigint, cSize: number | undefined): boolean {
  if (expected === actual || BigInt.asUintN(64, expected) === BigInt.asUintN(64, actual)) return true;
  const fits32 = expected >= -(1n << 31n) && expected < 1n << 32n;
  return (
    cSize !== undefined && cSize <= 4 && fits32 && BigInt.asUintN(32, expected) === BigInt.asUintN(32, actual)
  );
}

/** The checks of one probe from its outcome (none when the source does not declare it). */
export function checksOf(p: Probe, o: ProbeOutcome): Check[] {
  if (o.kind === "absent") return [];
  if (p.kind === "bits") {
    const label = p.label ?? "";
    if (o.kind === "rejected") {
      return [
        {
          aspect: `${label}bitOffset`,
          expected: p.bitOffset,
          actual: `compile error: ${o.message}`,
          ok: false,
        },
      ];
    }
    if (o.kind !== "bits")
      return [{ aspect: `${label}bitOffset`, expected: p.bitOffset, actual: "no bits read", ok: false }];
    const checks: Check[] = [
      {
        aspect: `${label}bitOffset`,
        expected: p.bitOffset,
        actual: o.bitOffset,
        ok: o.bitOffset === p.bitOffset,
      },
      { aspect: `${label}bitSize`, expected: p.bitSize, actual: o.bitSize, ok: o.bitSize === p.bitSize },
    ];
    if (!o.contiguous)
      checks.push({ aspect: `${label}contiguous`, expected: "true", actual: "false", ok: false });
    return checks;
  }
  const expected = display(p.expected, p.show);
  if (o.kind === "rejected")
    return [{ aspect: p.aspect, expected, actual: `compile error: ${o.message}`, ok: false }];
  if (o.kind !== "value") return [{ aspect: p.aspect, expected, actual: "no value read", ok: false }];
  if (p.kind === "const") {
    const ok = sameConst(p.expected, o.value, o.cSize);
    return [
      {
        aspect: p.aspect,
        expected: display(p.expected, p.show, o.cSize),
        actual: display(o.value, p.show, o.cSize),
        ok,
      },
    ];
  }
  return [{ aspect: p.aspect, expected, actual: display(o.value, p.show), ok: o.value === p.expected }];
}
