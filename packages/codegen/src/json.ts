/**
 * Line-diffable JSON: short objects and arrays (up to `width` characters) stay on one line, longer
 * ones put one member per line. A change to one field of one layout then changes one line, while
 * the files stay a fraction of fully indented JSON. Keys keep their insertion order, so output
 * is as deterministic as the values given.
 */
export function formatJson(value: unknown, width = 100): string {
  return `${format(value, "", width)}\n`;
}

function format(value: unknown, indent: string, width: number): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) throw new TypeError("formatJson: value is not representable in JSON");
  if (value === null || typeof value !== "object" || indent.length + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + format(v ?? null, inner, width)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, width)}`);
  return `{\n${body.join(",\n")}\n${indent}}`;
}

/** A JSON document that carries the generated-file header as its first key, `$comment`. */
export function jsonWithHeader(header: string, value: Record<string, unknown>): string {
  return formatJson({ $comment: header, ...value });
}
