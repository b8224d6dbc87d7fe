import type { Generator } from "@sysargs/codegen";
import { cGenerator } from "@sysargs/gen-c";
import { capabilitiesGenerator } from "@sysargs/gen-caps";
import { registryGenerator } from "@sysargs/gen-registry";
import { tsGenerator } from "@sysargs/gen-ts";

/**
 * Every generator `sysargs gen` runs, in the order it runs them. Adding one is a line here
 * (docs/how-to-add-a-generator.md); the CLI knows none of them by name.
 */
export const GENERATORS: readonly Generator[] = [
  registryGenerator,
  capabilitiesGenerator,
  cGenerator,
  tsGenerator,
];
