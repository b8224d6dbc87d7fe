/**
 * `Commands<"fcntl", "cmd", { F_GETLK: { arg: ... }; ... }>`: what a syscall's other arguments
 * mean for each value of its command argument (docs/schema-language.md, issue 8 item 3).
 */
import { type CommandCase, didYouMean, type Registry, type SourceLoc } from "@sysargs/model";
import { parseMemberType } from "./interpret.js";
import { describe, type Reporter, type TypeValue } from "./type-values.js";

export interface PendingCommands {
  name: string;
  syscall: string;
  selector: string;
  cases: CommandCase[];
  doc: string;
  loc: SourceLoc;
}

export function readCommands(
  name: string,
  v: Extract<TypeValue, { t: "ref" }>,
  doc: string,
  loc: SourceLoc,
  r: Reporter,
): PendingCommands | undefined {
  const [syscall, selector, cases] = v.args;
  if (syscall?.t !== "string" || selector?.t !== "string" || cases?.t !== "object") {
    r.error(
      loc,
      `type ${name}: expected Commands<"syscall", "argument", { COMMAND: { argument: type } }>, found ${describe(v)}`,
    );
    return undefined;
  }
  const out: CommandCase[] = [];
  const seen = new Set<string>();
  for (const c of cases.props) {
    if (seen.has(c.name)) r.error(c.loc, `${name}: command ${c.name} is listed twice`);
    seen.add(c.name);
    if (c.value.t !== "object") {
      r.error(
        c.loc,
        `${name}.${c.name}: expected the arguments it uses ({ arg: type } or {}), found ${describe(c.value)}`,
      );
      continue;
    }
    const params: CommandCase["params"] = [];
    for (const p of c.value.props) {
      const t = parseMemberType(p.value, r);
      if (t) params.push({ name: p.name, type: t.type, ann: t.ann, doc: p.doc, loc: p.loc });
    }
    out.push({ command: c.name, params, doc: c.doc, loc: c.loc });
  }
  return { name, syscall: syscall.value, selector: selector.value, cases: out, doc, loc };
}

/** Attaches each table to its syscall, after checking every name it uses against the registry. */
export function attachCommands(pending: readonly PendingCommands[], registry: Registry, r: Reporter): void {
  for (const p of pending) {
    const sc = registry.syscalls.find((s) => s.name === p.syscall);
    if (!sc) {
      r.error(
        p.loc,
        `${p.name}: no syscall "${p.syscall}"${didYouMean(
          p.syscall,
          registry.syscalls.map((s) => s.name),
        )}`,
      );
      continue;
    }
    if (sc.commands) {
      r.error(p.loc, `${p.name}: syscall ${p.syscall} already has its commands declared`);
      continue;
    }
    const sets = new Set<string>();
    const names = new Set<string>();
    for (const sig of sc.signatures) {
      const sel = sig.params.find((x) => x.name === p.selector);
      if (sel?.ann.kind !== "enum" || !sel.ann.set) {
        r.error(
          p.loc,
          `${p.name}: argument "${p.selector}" of ${p.syscall} ${sel ? "is not an enum (OneOf<...>)" : "does not exist"}` +
            (sel
              ? ""
              : didYouMean(
                  p.selector,
                  sig.params.map((x) => x.name),
                )),
        );
        sets.clear();
        break;
      }
      sets.add(sel.ann.set);
      for (const x of sig.params) if (x.name !== p.selector) names.add(x.name);
    }
    if (sets.size !== 1) {
      if (sets.size > 1)
        r.error(p.loc, `${p.name}: the signatures of ${p.syscall} use different enums for ${p.selector}`);
      continue;
    }
    const setName = [...sets][0] as string;
    const set = registry.sets.find((s) => s.name === setName);
    const members = set?.members.map((m) => m.name) ?? [];
    let ok = true;
    for (const c of p.cases) {
      if (!members.includes(c.command)) {
        r.error(
          c.loc,
          `${p.name}: ${c.command} is not a member of ${setName}${didYouMean(c.command, members)}`,
        );
        ok = false;
      }
      for (const x of c.params)
        if (!names.has(x.name)) {
          r.error(
            x.loc,
            `${p.name}.${c.command}: ${p.syscall} has no argument "${x.name}" besides ${p.selector}${didYouMean(x.name, [...names])}`,
          );
          ok = false;
        }
    }
    if (ok) sc.commands = { selector: p.selector, set: setName, cases: p.cases, doc: p.doc, loc: p.loc };
  }
}
