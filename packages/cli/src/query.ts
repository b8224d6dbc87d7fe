import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { QUERY_PARTS, type RegistryWithLayouts } from "@sysargs/gen-registry";
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
  const parts = join(dirname(file), "query");
  const registry = existsSync(join(parts, "meta.json"))
    ? lazyRegistry(parts)
    : readJson<RegistryWithLayouts>(file);
  if (registry.irVersion !== 1 || !registry.layouts)
    throw new CliError(
      `${file}: not a sysargs registry of IR version 1 with layouts; run "sysargs gen" again`,
      1,
    );
  return { registry, index: new RegistryIndex(registry) };
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message}); run "sysargs gen" again`, 1);
  }
}

/**
 * The registry as lazily loaded parts (generated/query/): each property reads its file on first
 * access, and `layouts[abi]` reads only that ABI's layouts.
 */
function lazyRegistry(dir: string): RegistryWithLayouts {
  const meta = readJson<Pick<RegistryWithLayouts, "irVersion" | "kernel">>(join(dir, "meta.json"));
  const registry = { ...meta } as RegistryWithLayouts;
  for (const part of QUERY_PARTS) {
    let value: unknown;
    Object.defineProperty(registry, part, {
      enumerable: true,
      get: () => {
        value ??= readJson(join(dir, `${part}.json`));
        return value;
      },
    });
  }
  const layouts: RegistryWithLayouts["layouts"] = {};
  const proxy = new Proxy(layouts, {
    get(target, abi) {
      if (typeof abi !== "string") return undefined;
      if (!(abi in target)) {
        const f = join(dir, "layouts", `${abi}.json`);
        if (!existsSync(f)) return undefined;
        target[abi] = readJson(f);
      }
      return target[abi];
    },
  });
  Object.defineProperty(registry, "layouts", { enumerable: true, value: proxy });
  return registry;
}

/** The whole registry document (export): always registry.json itself. */
export function readWholeRegistry(explicit?: string): RegistryWithLayouts {
  const file = findRegistryFile(explicit);
  if (!existsSync(file))
    throw new CliError(`no registry at ${file}; run "sysargs gen" first (or pass --registry FILE)`, 1);
  return readJson<RegistryWithLayouts>(file);
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
