import type { GeneratedFile, Generator, GeneratorContext } from "@sysargs/codegen";
import { abiModule, tsProject } from "./emit.js";

export { abiModule, pascal, planTypes, tsProject } from "./emit.js";
export { type Element, type Member, planType, type TypePlan } from "./plan.js";

/**
 * Generator "ts": the sources of @sysargs/linux, one TypeScript module per ABI with a type,
 * decoder, encoder, offsets and single-field accessors for every struct and union, the flag sets
 * and enums, and the syscall numbers and signatures. Printed from ts-morph structures.
 */
export const tsGenerator: Generator = {
  name: "ts",
  description: "@sysargs/linux: typed decoders and encoders per ABI (packages/linux/generated)",
  outDir: "packages/linux/generated",
  generate(ctx: GeneratorContext): GeneratedFile[] {
    const project = tsProject();
    return ctx.abis
      .map((abi) => ({ path: `${abi.name}.ts`, content: abiModule(ctx, project, abi) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  },
};
