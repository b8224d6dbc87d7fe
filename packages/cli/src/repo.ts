import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** A sysargs checkout has schemas/abi/ and pnpm-workspace.yaml at its root. */
const isCheckout = (dir: string): boolean =>
  existsSync(join(dir, "schemas", "abi")) && existsSync(join(dir, "pnpm-workspace.yaml"));

/**
 * The sysargs checkout that `validate`, `gen` and `verify` work on: the one this CLI is built in
 * (packages/cli/dist/ inside it), else the nearest one above the working directory. Undefined for
 * a CLI installed from npm used outside a checkout; those commands then need --schemas (and --out).
 */
export function findCheckout(cwd: string = process.cwd()): string | undefined {
  const own = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
  if (isCheckout(own)) return own;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (isCheckout(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
