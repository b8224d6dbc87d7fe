/**
 * JSON Schema (draft 2020-12) of the IR (ir.ts). Published in @sysargs/registry as
 * data/ir.schema.json so that consumers in any language can validate the registry document
 * (`sysargs export --json`); the test suite validates the real registry against it, so the two
 * cannot drift apart silently.
 */
const loc = { $ref: "#/$defs/loc" };
const str = { type: "string" };
const int = { type: "integer" };
const strArr = { type: "array", items: str };
const provenance = { type: "array", items: { $ref: "#/$defs/provenance" } };
const version = { type: "string", pattern: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$" };
// Source locations are in the IR the loader makes and never in published output (a reformatted
// schema must not change what is published), so no object requires its `loc`.
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: "object",
  additionalProperties: false,
  properties,
  required: required.filter((k) => k !== "loc"),
});

export const IR_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://sysargs.dev/schema/ir-1.json",
  title: "sysargs registry (IR version 1)",
  type: "object",
  required: ["irVersion", "kernel", "abis", "types", "sets", "syscalls", "tables"],
  properties: {
    $comment: str,
    irVersion: { const: 1 },
    kernel: str,
    abis: { type: "array", items: { $ref: "#/$defs/abi" } },
    types: { type: "array", items: { $ref: "#/$defs/typeDecl" } },
    sets: { type: "array", items: { $ref: "#/$defs/valueSet" } },
    syscalls: { type: "array", items: { $ref: "#/$defs/syscall" } },
    tables: { type: "array", items: { $ref: "#/$defs/table" } },
    layouts: {
      type: "object",
      additionalProperties: { type: "object", additionalProperties: { $ref: "#/$defs/layout" } },
    },
  },
  additionalProperties: true,
  $defs: {
    loc: obj({ file: str, line: int, col: int }),
    provenance: obj({ source: str, kernel: str, note: str }, ["source"]),
    scalarLayout: obj({ size: int, align: int }),
    abi: obj({
      name: str,
      family: str,
      endian: { enum: ["little", "big"] },
      bits: { enum: [32, 64] },
      auditArch: int,
      auditArchName: str,
      aliases: strArr,
      pageSize: int,
      charSigned: { type: "boolean" },
      scalars: {
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(
          ["char", "short", "int", "long", "longlong", "pointer", "kernel_long_t", "size_t"].map((k) => [
            k,
            { $ref: "#/$defs/scalarLayout" },
          ]),
        ),
        required: ["char", "short", "int", "long", "longlong", "pointer", "kernel_long_t", "size_t"],
      },
      bitfieldTypeMatters: { type: "boolean" },
      syscallBase: int,
      arg64: { enum: ["register", "pair", "aligned-pair"] },
      arg64First: { enum: ["low", "high", null] },
      arg64Boundary: { type: ["integer", "null"], minimum: 1 },
      argSlots: { type: "integer", minimum: 6 },
      seccompArgShift: { type: "integer", minimum: 0, maximum: 5 },
      toolchain: { oneOf: [{ type: "null" }, obj({ triplet: str, flags: strArr, package: str })] },
      doc: str,
      provenance,
      loc,
    }),
    typeRef: {
      oneOf: [
        obj({ kind: { const: "scalar" }, name: str }),
        obj({ kind: { const: "named" }, name: str }),
        obj(
          {
            kind: { const: "pointer" },
            width: { enum: ["native", "u64"] },
            storage: str,
            direction: { enum: ["in", "out", "inout"] },
            to: { $ref: "#/$defs/typeRef" },
          },
          ["kind", "width", "direction", "to"],
        ),
        obj({
          kind: { const: "array" },
          of: { $ref: "#/$defs/typeRef" },
          length: {
            oneOf: [obj({ fixed: int }), obj({ countedBy: str }), obj({ flexible: { const: true } })],
          },
        }),
        obj({ kind: { const: "bits" }, base: str, width: int }),
        obj({
          kind: { const: "anon" },
          composite: { enum: ["struct", "union"] },
          fields: { type: "array", items: { $ref: "#/$defs/field" } },
        }),
      ],
    },
    annotations: obj(
      {
        set: str,
        kind: {
          enum: [
            "scalar",
            "flags",
            "enum",
            "fd",
            "pid",
            "signal",
            "pointer",
            "path",
            "size",
            "length",
            "multiplexer",
          ],
        },
        since: version,
        was: str,
        reserved: { const: true },
        of: str,
      },
      [],
    ),
    field: obj(
      {
        name: str,
        anonymous: { const: true },
        type: { $ref: "#/$defs/typeRef" },
        ann: { $ref: "#/$defs/annotations" },
        doc: str,
        loc,
      },
      ["name", "type", "ann", "doc", "loc"],
    ),
    extensible: obj({
      versions: {
        type: "array",
        minItems: 1,
        items: obj({ size: int, since: version, macro: { type: ["string", "null"] }, loc }),
      },
      sizeIn: {
        oneOf: [
          obj({ kind: { const: "argument" } }),
          obj({ kind: { const: "ioctl" } }),
          obj({ kind: { const: "field" }, field: str }),
        ],
      },
      copy: { enum: ["in", "out"] },
      belowMin: { enum: ["EINVAL", "E2BIG"] },
      abovePage: { enum: ["E2BIG", "EINVAL"] },
      zeroMeansFirst: { type: "boolean" },
      writesBackSize: { type: "boolean" },
      tailMustBeZero: { type: "boolean" },
      zeroesTail: { type: "boolean" },
      flagMinSize: { type: "array", items: obj({ set: str, field: str, flag: str, size: int, loc }) },
    }),
    cFacts: obj({
      spelling: str,
      headers: strArr,
      headersFrom: { enum: ["header", "source"] },
      noHeader: { type: ["string", "null"] },
      differs: { oneOf: [{ type: "null" }, obj({ abis: strArr, why: str })] },
      btf: { type: ["string", "null"] },
      defines: strArr,
      since: { oneOf: [{ type: "null" }, version] },
    }),
    typeDecl: {
      oneOf: [
        obj({
          kind: { enum: ["struct", "union"] },
          name: str,
          fields: { type: "array", items: { $ref: "#/$defs/field" } },
          packedOn: strArr,
          aligned: { type: ["integer", "null"] },
          extensible: { oneOf: [{ type: "null" }, { $ref: "#/$defs/extensible" }] },
          c: { $ref: "#/$defs/cFacts" },
          doc: str,
          provenance,
          loc,
        }),
        obj({
          kind: { const: "variant" },
          name: str,
          alternatives: { type: "array", items: obj({ abis: strArr, type: str }) },
          c: { $ref: "#/$defs/cFacts" },
          doc: str,
          provenance,
          loc,
        }),
      ],
    },
    valueSet: obj({
      kind: { enum: ["flags", "enum"] },
      name: str,
      members: {
        type: "array",
        items: obj({
          name: str,
          value: int,
          perAbi: { type: "object", additionalProperties: int },
          composite: { type: "boolean" },
          since: { oneOf: [{ type: "null" }, version] },
          doc: str,
          loc,
        }),
      },
      doc: str,
      provenance,
      loc,
    }),
    param: obj({
      name: str,
      type: { $ref: "#/$defs/typeRef" },
      ann: { $ref: "#/$defs/annotations" },
      doc: str,
      loc,
    }),
    syscall: obj(
      {
        name: str,
        signatures: {
          type: "array",
          items: obj({
            abis: strArr,
            params: { type: "array", items: { $ref: "#/$defs/param" } },
            returns: { $ref: "#/$defs/typeRef" },
            loc,
          }),
        },
        commands: obj({
          selector: str,
          set: str,
          cases: {
            type: "array",
            items: obj({
              command: str,
              params: { type: "array", items: { $ref: "#/$defs/param" } },
              doc: str,
              loc,
            }),
          },
          doc: str,
          loc,
        }),
        since: { oneOf: [{ type: "null" }, version] },
        doc: str,
        provenance,
        loc,
      },
      ["name", "signatures", "since", "doc", "provenance"],
    ),
    table: obj({
      abi: str,
      entries: {
        type: "array",
        items: obj(
          {
            number: int,
            name: str,
            column: str,
            entry: str,
            compat: str,
            since: { oneOf: [{ type: "null" }, version] },
            sinceAtMost: version,
          },
          ["number", "name", "column", "entry", "compat", "since"],
        ),
      },
      notImplemented: {
        type: "array",
        items: obj(
          {
            number: int,
            name: str,
            status: { enum: ["removed", "never"] },
            removedIn: { oneOf: [{ type: "null" }, version] },
            since: version,
            sinceAtMost: version,
            source: str,
          },
          ["number", "name"],
        ),
      },
      provenance: strArr,
      loc,
    }),
    fieldLayout: obj(
      {
        name: str,
        offset: int,
        size: int,
        type: str,
        bitOffset: int,
        bitSize: int,
        anonymous: { const: true },
        fields: { type: "array", items: { $ref: "#/$defs/fieldLayout" } },
      },
      ["name", "offset", "size", "type"],
    ),
    layout: obj({
      kind: { enum: ["struct", "union"] },
      size: int,
      align: int,
      fields: { type: "array", items: { $ref: "#/$defs/fieldLayout" } },
    }),
  },
} as const;
