import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSchemas } from "@sysargs/loader";
import { type Abi, formatDiagnostic, type Registry } from "@sysargs/model";
import { type Gate, gate, type Missing } from "../../../../vitest.skips.js";
import {
  KERNEL_SOURCE_PACKAGE,
  kernelSourceInstalled,
  missingKernelSourceMessage,
} from "../kernel-source.js";
import { missingToolchains, toolchainsRequired } from "../toolchain.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

function loadOrThrow(root: string): Registry {
  const result = loadSchemas(root, { displayBase: REPO_ROOT });
  if (!result.registry) {
    throw new Error(`schemas do not load:\n${result.diagnostics.map(formatDiagnostic).join("\n")}`);
  }
  return result.registry;
}

/** The repository's registry (schemas/). */
export function repositoryRegistry(): Registry {
  return loadOrThrow(join(REPO_ROOT, "schemas"));
}

/**
 * A registry of the repository's ABI models and the conformance fixture alone (bitfields, an
 * anonymous union, a per-ABI variant, a packed struct, a per-ABI constant), so that the tool's
 * own tests do not depend on which schemas exist.
 */
export function fixtureRegistry(): Registry {
  const root = mkdtempSync(join(tmpdir(), "sysargs-conformance-fixture-"));
  symlinkSync(join(REPO_ROOT, "schemas", "abi"), join(root, "abi"));
  mkdirSync(join(root, "linux", "conformance"), { recursive: true });
  copyFileSync(
    join(REPO_ROOT, "tools", "conformance", "fixtures", "conformance-fixture.ts"),
    join(root, "linux", "conformance", "conformance-fixture.ts"),
  );
  return loadOrThrow(root);
}

/**
 * How a test that needs `abis`' cross toolchains (compiler and UAPI headers) runs: normally;
 * skipped (with the Debian packages to install in its title, and in the summary at the end of
 * the run) when one is missing locally; or run anyway, so that it fails, when toolchains are
 * required (CI).
 */
export function toolchainGate(abis: readonly Abi[]): Gate {
  return gate(missingToolchains(abis), toolchainsRequired());
}

/** The kernel source tarball, when it is not installed. */
export function missingKernelSource(): Missing[] {
  return kernelSourceInstalled()
    ? []
    : [{ what: KERNEL_SOURCE_PACKAGE, why: missingKernelSourceMessage(), packages: [KERNEL_SOURCE_PACKAGE] }];
}

/**
 * How a test that needs the Linux source tarball (linux-source-6.12) and `abis`' cross toolchains
 * runs: like toolchainGate.
 */
export function kernelSourceGate(abis: readonly Abi[] = []): Gate {
  return gate([...missingKernelSource(), ...missingToolchains(abis)], toolchainsRequired());
}
