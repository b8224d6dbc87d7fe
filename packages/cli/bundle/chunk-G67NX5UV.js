// dist/io.js
var json = (v) => JSON.stringify(v, null, 2);
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i])).join("  ")).join("\n");
}

export {
  json,
  table
};
