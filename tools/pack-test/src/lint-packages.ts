// `pnpm lint:packages`: packs every public package and lints each tarball with publint and
// are-the-types-wrong (see lintTarball). Exit code 1 when any finds a problem.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lintTarball, mapLimit, packPublicPackages } from "./pack.js";

const dest = mkdtempSync(join(tmpdir(), "sysargs-lint-packages-"));
try {
  const packed = await packPublicPackages(dest);
  const results = (await mapLimit(packed, 2, (p) => lintTarball(p))).flat();
  for (const r of results) {
    if (!r.ok) process.stdout.write(`\n--- ${r.tool} ${r.name}\n${r.output}\n`);
  }
  const failed = results.filter((r) => !r.ok);
  process.stdout.write(
    `\n${packed.length} packages, ${results.length} checks: ${results.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.map((r) => `${r.tool} ${r.name}`).join(", ")})` : ""}\n`,
  );
  process.exitCode = failed.length ? 1 : 0;
} finally {
  rmSync(dest, { recursive: true, force: true });
}
