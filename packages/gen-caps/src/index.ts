import { CAPABILITIES_SCHEMA } from "@sysargs/capabilities";
import {
  type GeneratedFile,
  type Generator,
  type GeneratorContext,
  generatedHeader,
  jsonWithHeader,
} from "@sysargs/codegen";
import { C_HEADER, C_SOURCE, cHeader, cSource } from "./c-table.js";
import { buildCapabilities } from "./model.js";

export { C_HEADER, C_SOURCE, classEnum, compareEnum, maxArgs, versionCode } from "./c-table.js";
export { LANDLOCK_ABIS, LANDLOCK_COVER, RIGHT_ABI } from "./landlock-facts.js";
export { buildCapabilities, isDeepOn } from "./model.js";
export { CLASSIC_EQUIVALENTS, FALLBACKS } from "./policy-facts.js";

const NAME = "capabilities";

/**
 * The capability list: per ABI and syscall, whether it exists and since when, how a filter can
 * look at each argument (register, fd, multiplexer, extensible struct with every field's offset
 * and version, fixed struct, array, path, string), the Landlock rights that cover path syscalls,
 * the usual fallback when a syscall is refused and the fields an older syscall carries in
 * registers. As JSON with its schema, and as a C lookup table.
 */
export const capabilitiesGenerator: Generator = {
  name: NAME,
  description:
    "the capability list (deep inspection per syscall, field, ABI and kernel) as JSON and a C table",
  outDir: "packages/capabilities/data",
  generate: generateCapabilities,
};

export function generateCapabilities(ctx: GeneratorContext): GeneratedFile[] {
  const caps = buildCapabilities(ctx);
  const from = [
    ...new Set([
      ...ctx.registry.syscalls.map((s) => s.loc.file),
      ...ctx.registry.tables.map((t) => t.loc.file),
      "packages/gen-caps/src/landlock-facts.ts",
      "packages/gen-caps/src/policy-facts.ts",
    ]),
  ];
  const header = generatedHeader(NAME, from);
  return [
    { path: "capabilities.json", content: jsonWithHeader(header, { ...caps }) },
    {
      path: "capabilities.schema.json",
      content: jsonWithHeader(
        generatedHeader(NAME, ["packages/capabilities/src/format.ts"]),
        CAPABILITIES_SCHEMA,
      ),
    },
    { path: C_HEADER, content: cHeader(header, caps) },
    { path: C_SOURCE, content: cSource(header, caps) },
  ];
}
