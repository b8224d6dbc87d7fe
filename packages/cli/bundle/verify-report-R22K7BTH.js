import {
  table
} from "./chunk-G67NX5UV.js";

// dist/verify-report.js
import { formatMismatch, KERNEL_SOURCE_PACKAGE, provedBy } from "@sysargs/conformance";
function code(subjects, names) {
  const codes = names.map((n) => subjects?.get(n)).filter((c) => c !== void 0);
  if (codes.length === 0 || subjects?.get(names[0]) === void 0)
    return " ";
  if (codes.includes("mismatch"))
    return "!";
  const head = codes[0];
  if (head === "none")
    return "-";
  const byCompiler = codes.every((c) => c === "compiler" || c === "both");
  const byBtf = codes.every((c) => c === "btf" || c === "both");
  if (byCompiler && byBtf)
    return "2";
  if (byCompiler)
    return "C";
  if (byBtf)
    return "B";
  if (codes.every((c) => c === "kernel-source"))
    return "K";
  return "~";
}
function matrix(report) {
  const per = provedBy(report.entries);
  const abis = report.abis.map((a) => a.abi);
  const rows = /* @__PURE__ */ new Map();
  const order = [];
  for (const e of report.entries) {
    const m = /^(type|field|version) ([^.\s]+)/.exec(e.subject);
    const key = m ? `type ${m[2]}` : e.subject;
    if (e.subject.startsWith("toolchain"))
      continue;
    if (!rows.has(key)) {
      rows.set(key, []);
      order.push(key);
    }
    const members = rows.get(key);
    if (!members.includes(e.subject))
      members.push(e.subject);
  }
  const lines = [
    "Per type (with its members) and constant, which source proved it on each ABI:",
    "  2 compiler and BTF, C compiler, B BTF, K kernel source (constants only), ~ partly (members newer than the headers), - none, ! mismatch",
    ...abis.map((a, i) => `  ${" ".repeat(i)}${"v"} ${a}`)
  ];
  for (const key of order) {
    const names = rows.get(key);
    names.sort((a, b) => a === key ? -1 : b === key ? 1 : 0);
    lines.push(`  ${abis.map((a) => code(per.get(a), names)).join("")} ${key}`);
  }
  return lines;
}
function subjectList(report, abi) {
  const per = provedBy(report.entries).get(abi) ?? /* @__PURE__ */ new Map();
  const notes = /* @__PURE__ */ new Map();
  for (const e of report.entries) {
    if (e.abi !== abi || e.status === "proved")
      continue;
    notes.set(e.subject, `${e.source} ${e.status}${e.note ? `: ${e.note}` : ""}`);
  }
  const rows = [["subject", "proved by", "note"]];
  for (const [subject, by] of per)
    rows.push([subject, by, notes.get(subject) ?? ""]);
  return [`Every subject on ${abi}:`, table(rows)];
}
function summaryTable(report) {
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
      "mismatches"
    ]
  ];
  for (const a of report.abis) {
    const tc = a.toolchainStatus === "ok" ? a.toolchain : a.toolchainStatus === "missing" ? `MISSING (apt-get install ${a.package})` : "none (no Debian cross compiler)";
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
      String(a.mismatches + a.errors)
    ]);
  }
  return table(rows);
}
function formatReport(report, abi) {
  const out = [];
  const btf = report.btf ? `running kernel ${report.btf.kernel} (${report.btf.abi})` : "none";
  const ks = report.kernelSource;
  const source = ks ? `${ks.package} ${ks.version} (${ks.extracted ? "extracted" : "cached"} in ${ks.cache})` : "none";
  out.push(`sysargs verify: registry of Linux ${report.registryKernel}; sources: Debian cross compilers (their UAPI headers), kernel BTF: ${btf}, kernel source for the remaining constants: ${source}`);
  for (const m of report.messages)
    out.push(`*** ${m}`);
  out.push("", summaryTable(report), "");
  out.push(...abi ? subjectList(report, abi) : matrix(report), "");
  if (report.btfOnly.length > 0) {
    out.push(`Proved only by the running kernel's BTF (${report.btf?.abi ?? "-"}): newer than, or absent from, the cross toolchains' headers (${report.btfOnly.length}):`, ...report.btfOnly.map((s) => `  ${s}`), "");
  }
  if (report.kernelSourceOnly.length > 0) {
    out.push(`Proved only by the kernel source (${ks?.package} ${ks?.version}): newer than the cross toolchains' headers, or kernel-internal (${report.kernelSourceOnly.length}):`, ...report.kernelSourceOnly.map((s) => `  ${s}`), "");
  }
  if (report.unmappedTypes.length > 0) {
    out.push("Types no UAPI header declares (BTF is their only source):", ...report.unmappedTypes.map((t) => `  ${t}`), "");
  }
  if (report.unproven.length > 0) {
    out.push(`Proved on no ABI by any source in this run (${report.unproven.length}):`, ...report.unproven.map((s) => `  ${s}`), "");
  }
  const bad = report.entries.filter((e) => e.status === "mismatch" || e.status === "error");
  out.push(`Mismatches: ${bad.length}`, ...bad.map((e) => `  ${formatMismatch(e)}`));
  const missing = report.abis.filter((a) => a.toolchainStatus === "missing");
  if (missing.length > 0) {
    out.push(`${report.requireToolchains ? "FAILED" : "SKIPPED"}: ${missing.length} toolchain(s) missing: ${missing.map((a) => `${a.abi} (${a.package})`).join(", ")}`);
  }
  if (report.kernelSourceStatus === "missing") {
    out.push(`${report.requireToolchains ? "FAILED" : "SKIPPED"}: kernel source missing (${KERNEL_SOURCE_PACKAGE}, apt-get install ${KERNEL_SOURCE_PACKAGE})`);
  }
  out.push(`${report.ok ? "ok" : "FAILED"} in ${(report.elapsedMs / 1e3).toFixed(1)} s`);
  return out.join("\n");
}
export {
  formatReport
};
