import {
  btfTagOf,
  type CFacts,
  defaultCFacts,
  didYouMean,
  type Provenance,
  type SourceLoc,
} from "@sysargs/model";
import { Node } from "ts-morph";
import { checkVersionTag } from "./interpret.js";
import type { LocFactory, Reporter } from "./type-values.js";

/** The JSDoc tags a struct, union or variant declaration may carry (docs/schema-language.md). */
const TYPE_TAGS = ["source", "since", "header", "header-differs", "c", "btf", "define"] as const;

/** `@header` paths as written between <>: linux/sched.h, asm/signal.h, linux/sched/types.h. */
const HEADER_RE = /^[A-Za-z0-9_][\w+-]*(?:\/[\w+-]+)*\.h$/;
/** `@c` spellings: a tag (`struct stat`, `union bpf_attr`) or a typedef name (`stack_t`). */
const SPELLING_RE = /^(?:(?:struct|union) )?(?!(?:struct|union|enum)$)[A-Za-z_]\w*$/;
const IDENT_RE = /^[A-Za-z_]\w*$/;
/** `@define NAME` or `@define NAME value`, as `#define` takes them. */
const DEFINE_RE = /^[A-Za-z_]\w*(?: \S.*)?$/;

/** The ABI selector of `@header-differs`, resolved once every ABI and group is known. */
export type DiffersSelector = { name: string; loc: SourceLoc }[];

/**
 * Reads the C facts of a struct, union or variant from its JSDoc tags over the defaults
 * (`defaultCFacts`), reporting every unknown tag and malformed value at the tag itself. Tag
 * text is `<value>` or `<value> - <note>`, like `@source`; only `@header none` and
 * `@header-differs` keep their note (the reason), the others' notes are for the reader.
 */
export function readCFacts(
  node: Node,
  decl: { kind: "struct" | "union" | "variant"; name: string; provenance: readonly Provenance[] },
  locs: LocFactory,
  r: Reporter,
): { c: CFacts; differs?: DiffersSelector } {
  const c = defaultCFacts(decl);
  const what = `${decl.kind} ${decl.name}`;
  let differs: DiffersSelector | undefined;
  let spellingLoc: SourceLoc | undefined;
  let btfLoc: SourceLoc | undefined;
  let noneLoc: SourceLoc | undefined;
  const headers: string[] = [];
  if (!Node.isJSDocable(node)) return { c };
  for (const js of node.getJsDocs()) {
    for (const tag of js.getTags()) {
      const name = tag.getTagName();
      const loc = locs.of(tag);
      const text = (tag.getCommentText() ?? "").trim();
      const m = /^(.*?)(?:\s+-\s+(.*))?$/s.exec(text)!;
      const value = m[1]!.trim();
      // A note may wrap onto further comment lines; it reads as one line.
      const note = m[2]?.replace(/\s+/g, " ").trim() ?? "";
      const once = (seen: SourceLoc | undefined): boolean => {
        if (seen) r.error(loc, `${what}: @${name} is given twice (first at line ${seen.line})`);
        return seen === undefined;
      };
      switch (name) {
        case "source":
          break;
        case "since":
          c.since = checkVersionTag(text, loc, r) ?? null;
          break;
        case "header":
          if (value === "none") {
            if (!note)
              r.error(
                loc,
                `${what}: @header none needs the reason after " - " (why no UAPI header declares it)`,
              );
            else if (once(noneLoc)) {
              noneLoc = loc;
              c.noHeader = note;
            }
          } else if (!HEADER_RE.test(value)) {
            r.error(loc, `${what}: @header "${value}" is not a header as written between <> (linux/sched.h)`);
          } else if (headers.includes(value)) {
            r.error(loc, `${what}: @header ${value} is given twice`);
          } else headers.push(value);
          break;
        case "c":
          if (!SPELLING_RE.test(value))
            r.error(
              loc,
              `${what}: @c "${value}" is not a C type spelling (struct <tag>, union <tag> or a typedef name)`,
            );
          else if (once(spellingLoc)) {
            spellingLoc = loc;
            c.spelling = value;
          }
          break;
        case "btf":
          if (value !== "none" && !IDENT_RE.test(value))
            r.error(loc, `${what}: @btf "${value}" is not a BTF type name (or none)`);
          else if (once(btfLoc)) {
            btfLoc = loc;
            c.btf = value === "none" ? null : value;
          }
          break;
        case "define":
          if (!DEFINE_RE.test(value))
            r.error(loc, `${what}: @define "${value}" is not a macro name with an optional value`);
          else if (!c.defines.includes(value)) c.defines.push(value);
          break;
        case "header-differs": {
          const names = value.split("|").map((s) => s.trim());
          if (value === "" || names.some((n) => !IDENT_RE.test(n)))
            r.error(
              loc,
              `${what}: @header-differs "${value}" is not a list of ABIs or ABI groups joined by |`,
            );
          else if (!note)
            r.error(
              loc,
              `${what}: @header-differs needs the reason after " - " (what these ABIs' headers declare)`,
            );
          else if (once(differs?.[0]?.loc)) {
            differs = names.map((n) => ({ name: n, loc }));
            c.differs = { abis: [], why: note };
          }
          break;
        }
        default:
          r.error(loc, `${what}: unknown tag @${name}${didYouMean(name, TYPE_TAGS)}`);
      }
    }
  }
  if (noneLoc && headers.length > 0)
    r.error(noneLoc, `${what}: @header none contradicts @header ${headers.join(", ")}`);
  if (headers.length > 0 || noneLoc) {
    c.headers = headers;
    c.headersFrom = "header";
  }
  // BTF names structs and unions by their tag, so a spelling with another tag implies it; a
  // typedef spelling keeps the type's own name unless @btf says otherwise.
  if (!btfLoc) c.btf = btfTagOf(c.spelling) ?? decl.name;
  return differs ? { c, differs } : { c };
}
