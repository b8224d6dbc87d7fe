// The text form of a conformance report: what `sysargs verify` prints without --json.
import { KERNEL_SOURCE_PACKAGE } from "./kernel-source.js";
import { type Entry, formatMismatch, type ProvedBy, provedBy, type Report } from "./report.js";

/** A plain-text table: columns padded to their widest cell, the last column unpadded. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "))
    .join("\n");
}

/**
 * One character per ABI for a type (rolled up with its members and published sizes) or a
 * constant: which source proved it on that ABI.
 */
function code(subjects: Map<string, ProvedBy> | undefined, names: readonly string[]): string {
  const codes = names.map((n) => subjects?.get(n)).filter((c): c is ProvedBy => c !== undefined);
  if (codes.length === 0 || subjects?.get(names[0]!) === undefined) return " ";
  if (codes.includes("mismatch")) return "!";
  const head = codes[0]!;
  if (head === "none") return "-";
  const byCompiler = codes.every((c) => c === "compiler" || c === "both");
  const byBtf = codes.every((c) => c === "btf" || c === "both");
  if (byCompiler && byBtf) return "2";
  if (byCompiler) return "C";
  if (byBtf) return "B";
  if (codes.every((c) => c === "kernel-source")) return "K";
  return "~";
}

function matrix(report: Report): string[] {
  const per = provedBy(report.entries);
  const abis = report.abis.map((a) => a.abi);
  const rows = new Map<string, string[]>();
  const order: string[] = [];
  for (const e of report.entries) {
    const m = /^(type|field|version) ([^.\s]+)/.exec(e.subject);
    const key = m ? `type ${m[2]}` : e.subject;
    if (e.subject.startsWith("toolchain")) continue;
    if (!rows.has(key)) {
      rows.set(key, []);
      order.push(key);
    }
    const members = rows.get(key)!;
    if (!members.includes(e.subject)) members.push(e.subject);
  }
  const lines = [
    "Per type (with its members) and constant, which source proved it on each ABI:",
    "  2 compiler and BTF, C compiler, B BTF, K kernel source (constants only), ~ partly (members newer than the headers), - none, ! mismatch",
    ...abis.map((a, i) => `  ${" ".repeat(i)}${"v"} ${a}`),
  ];
  for (const key of order) {
    const names = rows.get(key)!;
    // The type's own subject first, so a type absent from the headers shows "-".
    names.sort((a, b) => (a === key ? -1 : b === key ? 1 : 0));
    lines.push(`  ${abis.map((a) => code(per.get(a), names)).join("")} ${key}`);
  }
  return lines;
}

function subjectList(report: Report, abi: string): string[] {
  const per = provedBy(report.entries).get(abi) ?? new Map<string, ProvedBy>();
  const notes = new Map<string, string>();
  for (const e of report.entries) {
    if (e.abi !== abi || e.status === "proved") continue;
    notes.set(e.subject, `${e.source} ${e.status}${e.note ? `: ${e.note}` : ""}`);
  }
  const rows = [["subject", "proved by", "note"]];
  for (const [subject, by] of per) rows.push([subject, by, notes.get(subject) ?? ""]);
  return [`Every subject on ${abi}:`, table(rows)];
}

function summaryTable(report: Report): string {
  const rows = [
    [
      "ABI",
      "toolchain",
      "headers",
      "compiler",
      "BTF",
      "both",
      "kernel source",
      "not in headers",
      "no header",
      "mismatches",
    ],
  ];
  for (const a of report.abis) {
    const tc =
      a.toolchainStatus === "ok"
        ? a.toolchain!
        : a.toolchainStatus === "missing"
          ? `MISSING (apt-get install ${a.package})`
          : "none (no Debian cross compiler)";
    rows.push([
      a.abi,
      tc,
      a.headers ?? "-",
      String(a.provedByCompiler),
      a.btf ? String(a.provedByBtf) : "-",
      a.btf ? String(a.provedByBoth) : "-",
      report.kernelSource ? String(a.provedByKernelSource) : "-",
      String(a.notInHeaders),
      String(a.noHeaderMapping),
      String(a.mismatches + a.errors),
    ]);
  }
  return table(rows);
}

/** Formats a report for people: the per-ABI table, the per-subject matrix, then every problem. */
export function formatReport(report: Report, abi?: string): string {
  const out: string[] = [];
  const btf = report.btf ? `running kernel ${report.btf.kernel} (${report.btf.abi})` : "none";
  const ks = report.kernelSource;
  const source = ks
    ? `${ks.package} ${ks.version} (${ks.extracted ? "extracted" : "cached"} in ${ks.cache})`
    : "none";
  out.push(
    `sysargs verify: registry of Linux ${report.registryKernel}; sources: Debian cross compilers (their UAPI headers), kernel BTF: ${btf}, kernel source for the remaining constants: ${source}`,
  );
  for (const m of report.messages) out.push(`*** ${m}`);
  out.push("", summaryTable(report), "");
  out.push(...(abi ? subjectList(report, abi) : matrix(report)), "");
  if (report.btfOnly.length > 0) {
    out.push(
      `Proved only by the running kernel's BTF (${report.btf?.abi ?? "-"}): newer than, or absent from, the cross toolchains' headers (${report.btfOnly.length}):`,
      ...report.btfOnly.map((s) => `  ${s}`),
      "",
    );
  }
  if (report.kernelSourceOnly.length > 0) {
    out.push(
      `Proved only by the kernel source (${ks?.package} ${ks?.version}): newer than the cross toolchains' headers, or kernel-internal (${report.kernelSourceOnly.length}):`,
      ...report.kernelSourceOnly.map((s) => `  ${s}`),
      "",
    );
  }
  if (report.unmappedTypes.length > 0) {
    out.push(
      "Types no UAPI header declares (BTF is their only source):",
      ...report.unmappedTypes.map((t) => `  ${t}`),
      "",
    );
  }
  if (report.unproven.length > 0) {
    out.push(
      `Proved on no ABI by any source in this run (${report.unproven.length}):`,
      ...report.unproven.map((s) => `  ${s}`),
      "",
    );
  }
  const bad: Entry[] = report.entries.filter((e) => e.status === "mismatch" || e.status === "error");
  out.push(`Mismatches: ${bad.length}`, ...bad.map((e) => `  ${formatMismatch(e)}`));
  const missing = report.abis.filter((a) => a.toolchainStatus === "missing");
  if (missing.length > 0) {
    out.push(
      `${report.requireToolchains ? "FAILED" : "SKIPPED"}: ${missing.length} toolchain(s) missing: ${missing.map((a) => `${a.abi} (${a.package})`).join(", ")}`,
    );
  }
  if (report.kernelSourceStatus === "missing") {
    out.push(
      `${report.requireToolchains ? "FAILED" : "SKIPPED"}: kernel source missing (${KERNEL_SOURCE_PACKAGE}, apt-get install ${KERNEL_SOURCE_PACKAGE})`,
    );
  }
  out.push(`${report.ok ? "ok" : "FAILED"} in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  return out.join("\n");
}
