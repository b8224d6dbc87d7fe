import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { RegistryWithLayouts } from "@sysargs/gen-registry";
import { closest, RegistryIndex } from "@sysargs/model";
import { CliError } from "./errors.js";

/**
 * Query commands read the prebuilt registry.json (written by `sysargs gen`) and never load
 * ts-morph, so they answer in tens of milliseconds.
 */
export function findRegistryFile(explicit?: string): string {
  if (explicit) return resolve(explicit);
  if (process.env.SYSARGS_REGISTRY) return resolve(process.env.SYSARGS_REGISTRY);
  // From packages/cli/{src,dist}/ up to the repository's generated/ folder.
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "../../../generated/registry.json");
}

export function loadRegistry(explicit?: string): { registry: RegistryWithLayouts; index: RegistryIndex } {
  const file = findRegistryFile(explicit);
  if (!existsSync(file))
    throw new CliError(`no registry at ${file}; run "sysargs gen" first (or pass --registry FILE)`, 1);
  let registry: RegistryWithLayouts;
  try {
    registry = JSON.parse(readFileSync(file, "utf8")) as RegistryWithLayouts;
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message}); run "sysargs gen" again`, 1);
  }
  if (registry.irVersion !== 1 || !registry.layouts)
    throw new CliError(
      `${file}: not a sysargs registry of IR version 1 with layouts; run "sysargs gen" again`,
      1,
    );
  return { registry, index: new RegistryIndex(registry) };
}

export function requireAbi(index: RegistryIndex, name: string): string {
  const abi = index.abi(name);
  if (abi) return abi.name;
  const pool = index.registry.abis.flatMap((a) => [a.name, ...a.aliases]);
  const hint = closest(name, pool);
  throw new CliError(
    `unknown ABI "${name}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${index.abiNames().join(", ")})`,
    1,
  );
}

export function notFound(what: string, name: string, pool: Iterable<string>): CliError {
  const hint = closest(name, pool);
  return new CliError(`unknown ${what} "${name}"${hint ? `; did you mean "${hint}"?` : ""}`, 1);
}

export const repoRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const schemasDir = (): string => join(repoRoot(), "schemas");
