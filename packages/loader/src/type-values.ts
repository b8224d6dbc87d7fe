import type { Diagnostic, SourceLoc } from "@sysargs/model";
import { Node, type SourceFile, type TypeNode } from "ts-morph";

/**
 * Type-level values: the schema language writes configuration as TypeScript types
 * (`Struct<{ aligned: 8 }>`, `Version<64, "5.3">`), so the loader turns type nodes into
 * plain values first and interprets them afterwards. This keeps the interpretation code
 * free of ts-morph and makes every error carry the location of the node it came from.
 */
export type TypeValue =
  | { t: "number"; value: number; loc: SourceLoc }
  | { t: "string"; value: string; loc: SourceLoc }
  | { t: "boolean"; value: boolean; loc: SourceLoc }
  | { t: "ref"; name: string; args: TypeValue[]; loc: SourceLoc; node: TypeNode }
  | { t: "union"; items: TypeValue[]; loc: SourceLoc }
  | { t: "intersection"; items: TypeValue[]; loc: SourceLoc }
  | { t: "tuple"; items: TypeValue[]; loc: SourceLoc }
  | { t: "object"; props: PropValue[]; loc: SourceLoc }
  | { t: "unsupported"; text: string; loc: SourceLoc };

export interface PropValue {
  name: string;
  value: TypeValue;
  doc: string;
  tags: Record<string, string[]>;
  loc: SourceLoc;
}

export class LocFactory {
  constructor(private readonly displayPath: (sf: SourceFile) => string) {}
  of(node: Node): SourceLoc {
    const sf = node.getSourceFile();
    const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
    return { file: this.displayPath(sf), line, col: column };
  }
}

export function toValue(node: TypeNode, locs: LocFactory): TypeValue {
  const loc = locs.of(node);
  if (Node.isParenthesizedTypeNode(node)) return toValue(node.getTypeNode(), locs);
  if (Node.isLiteralTypeNode(node)) {
    const lit = node.getLiteral();
    if (Node.isNumericLiteral(lit)) return { t: "number", value: lit.getLiteralValue(), loc };
    if (Node.isStringLiteral(lit) || Node.isNoSubstitutionTemplateLiteral(lit))
      return { t: "string", value: lit.getLiteralValue(), loc };
    if (Node.isTrueLiteral(lit)) return { t: "boolean", value: true, loc };
    if (Node.isFalseLiteral(lit)) return { t: "boolean", value: false, loc };
    if (Node.isPrefixUnaryExpression(lit)) {
      const operand = lit.getOperand();
      if (lit.getOperatorToken() === 41 /* SyntaxKind.MinusToken */ && Node.isNumericLiteral(operand))
        return { t: "number", value: -operand.getLiteralValue(), loc };
    }
    return { t: "unsupported", text: node.getText(), loc };
  }
  if (Node.isTypeReference(node)) {
    return {
      t: "ref",
      name: node.getTypeName().getText(),
      args: node.getTypeArguments().map((a) => toValue(a, locs)),
      loc,
      node,
    };
  }
  if (Node.isUnionTypeNode(node))
    return { t: "union", items: node.getTypeNodes().map((n) => toValue(n, locs)), loc };
  if (Node.isIntersectionTypeNode(node))
    return { t: "intersection", items: node.getTypeNodes().map((n) => toValue(n, locs)), loc };
  if (Node.isTupleTypeNode(node))
    return { t: "tuple", items: node.getElements().map((n) => toValue(n, locs)), loc };
  if (Node.isTypeLiteral(node)) {
    const props: PropValue[] = [];
    for (const m of node.getMembers()) {
      if (!Node.isPropertySignature(m) || !m.getTypeNode()) {
        props.push({
          name: "",
          value: { t: "unsupported", text: m.getText(), loc: locs.of(m) },
          doc: "",
          tags: {},
          loc: locs.of(m),
        });
        continue;
      }
      const { doc, tags } = jsDocOf(m);
      props.push({ name: m.getName(), value: toValue(m.getTypeNode()!, locs), doc, tags, loc: locs.of(m) });
    }
    return { t: "object", props, loc };
  }
  return { t: "unsupported", text: node.getText(), loc };
}

/** Description and tags (`@source`, `@since`, ...) of a node's JSDoc comments. */
export function jsDocOf(node: Node): { doc: string; tags: Record<string, string[]> } {
  const tags: Record<string, string[]> = {};
  const parts: string[] = [];
  if (!Node.isJSDocable(node)) return { doc: "", tags };
  for (const js of node.getJsDocs()) {
    const d = js.getDescription().trim();
    if (d) parts.push(d);
    for (const tag of js.getTags()) {
      const name = tag.getTagName();
      const text = (tag.getCommentText() ?? "").trim();
      const list = tags[name] ?? [];
      list.push(text);
      tags[name] = list;
    }
  }
  return { doc: parts.join("\n").replace(/\r\n/g, "\n"), tags };
}

/** Collects diagnostics while interpreting type values. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  error(loc: SourceLoc, message: string): void {
    this.diagnostics.push({ loc, message });
  }
}

export function describe(v: TypeValue): string {
  switch (v.t) {
    case "number":
      return String(v.value);
    case "string":
      return JSON.stringify(v.value);
    case "boolean":
      return String(v.value);
    case "ref":
      return v.node.getText();
    case "unsupported":
      return v.text;
    default:
      return v.t;
  }
}
