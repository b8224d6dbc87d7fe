import type { CFacts, Provenance } from "./ir.js";

/**
 * Maps a provenance source to the header user space includes, when it is a UAPI header:
 * include/uapi/linux/x.h -> linux/x.h; include/uapi/asm-generic/x.h and
 * arch/<a>/include/uapi/asm/x.h -> asm/x.h (the arch header, which may override the generic one).
 */
export function uapiHeaderOf(source: string): string | undefined {
  let m = /^include\/uapi\/(linux\/.+\.h)$/.exec(source);
  if (m) return m[1];
  m = /^include\/uapi\/asm-generic\/(.+\.h)$/.exec(source);
  if (m) return `asm/${m[1]}`;
  m = /^arch\/[^/]+\/include\/uapi\/(asm\/.+\.h)$/.exec(source);
  if (m) return m[1];
  return undefined;
}

/**
 * The C facts of a type that states none: spelt `struct <name>` (a per-ABI variant too) or
 * `union <name>`, declared by the UAPI headers its provenance names, and in BTF under its name.
 * The loader starts from these and applies the type's tags; tests build fixtures with them.
 */
export function defaultCFacts(decl: {
  kind: "struct" | "union" | "variant";
  name: string;
  provenance: readonly Provenance[];
}): CFacts {
  const headers = decl.provenance.map((p) => uapiHeaderOf(p.source)).filter((h) => h !== undefined);
  return {
    spelling: `${decl.kind === "union" ? "union" : "struct"} ${decl.name}`,
    headers: [...new Set(headers)],
    headersFrom: "source",
    noHeader: null,
    differs: null,
    btf: decl.name,
    defines: [],
    since: null,
  };
}

/** The BTF name a spelling implies: its tag for `struct x`/`union x`, else (a typedef) none known. */
export function btfTagOf(spelling: string): string | undefined {
  return /^(?:struct|union) (\w+)$/.exec(spelling)?.[1];
}
