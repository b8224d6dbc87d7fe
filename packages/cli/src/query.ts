import { closest } from "@sysargs/model";
import { openRegistry, type SysargsRegistry } from "@sysargs/registry";
import { CliError } from "./errors.js";

/**
 * The registry query commands read: @sysargs/registry's own data, or the data folder given with
 * --registry (what `sysargs gen registry --out DIR` writes). Nothing is read until asked for.
 */
export function loadRegistry(dir?: string): SysargsRegistry {
  return openRegistry(dir);
}

/** What resolving an ABI name needs: @sysargs/registry's reader, or an index over the IR. */
export interface AbiLookup {
  abi(name: string): { name: string } | undefined;
  abiNames(): readonly string[];
  abiNamesAndAliases(): string[];
}

export function requireAbi(registry: AbiLookup, name: string): string {
  const abi = registry.abi(name);
  if (abi) return abi.name;
  const hint = closest(name, registry.abiNamesAndAliases());
  throw new CliError(
    `unknown ABI "${name}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${registry.abiNames().join(", ")})`,
    1,
  );
}

export function notFound(what: string, name: string, pool: Iterable<string>): CliError {
  const hint = closest(name, pool);
  return new CliError(`unknown ${what} "${name}"${hint ? `; did you mean "${hint}"?` : ""}`, 1);
}
