import { type Registry, RegistryIndex } from "@sysargs/model";
import { CliError } from "./errors.js";
import { loadOrFail } from "./gen.js";
import type { Io } from "./io.js";
import { requireAbi } from "./query.js";

export interface VerifyCommandOptions {
  /** Verify only this ABI (name or alias); it also lists every subject of that ABI. */
  abi?: string;
  json: boolean;
  /** A registry already loaded (tests); default: load the schemas. */
  registry?: Registry;
  /** The schemas directory to load (default: the checkout's schemas/). */
  schemas?: string;
  /** Override CI=true / SYSARGS_REQUIRE_TOOLCHAINS=1. */
  requireToolchains?: boolean;
}

/**
 * The conformance tool proves the registry with cross compilers and the kernel; it is part of
 * the sysargs repository, not of the published CLI, so it is loaded only here and its absence is
 * a plain message rather than a crash.
 */
async function loadConformance(): Promise<typeof import("@sysargs/conformance")> {
  try {
    return await import("@sysargs/conformance");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((e as Error).message).includes("@sysargs/conformance"))
      throw new CliError(
        "verify needs the conformance tool (@sysargs/conformance), which is part of the sysargs repository and not published: clone the repository, run pnpm install && pnpm start, then pnpm sysargs verify",
        1,
      );
    throw e;
  }
}

/**
 * `sysargs verify [--abi A] [--json]`: proves the registry against the cross compilers, the
 * running kernel's BTF and (for the constants neither proves) Debian's Linux source tree.
 * Resolves to the exit code: 1 on any mismatch, or on a missing toolchain when toolchains are
 * required (CI=true or SYSARGS_REQUIRE_TOOLCHAINS=1).
 */
export async function cmdVerify(opts: VerifyCommandOptions, io: Io): Promise<number> {
  const conformance = await loadConformance();
  const registry = opts.registry ?? loadOrFail(opts.schemas, "nothing was verified");
  const abi = opts.abi === undefined ? undefined : requireAbiOf(registry, opts.abi);
  const report = await conformance.verify(registry, {
    ...(abi ? { abis: [abi] } : {}),
    ...(opts.requireToolchains === undefined ? {} : { requireToolchains: opts.requireToolchains }),
  });
  io.out(opts.json ? JSON.stringify(report, null, 1) : conformance.formatReport(report, abi));
  return report.ok ? 0 : 1;
}

function requireAbiOf(registry: Registry, name: string): string {
  const index = new RegistryIndex(registry);
  return requireAbi(
    {
      abi: (n: string) => index.abi(n),
      abiNames: () => index.abiNames(),
      abiNamesAndAliases: () => registry.abis.flatMap((a) => [a.name, ...a.aliases]),
    },
    name,
  );
}
