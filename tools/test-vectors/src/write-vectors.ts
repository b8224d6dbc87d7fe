// `pnpm --filter @sysargs/test-vectors vectors`: rebuilds vectors/ from fill.c on every ABI this
// machine can build and run it for, and syscalls.c natively.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildAndRun, fillVectors, missingFor, RUNNERS, runSyscalls, VECTORS_DIR } from "./index.js";

for (const abi of Object.keys(RUNNERS)) {
  const missing = missingFor(abi);
  if (missing.length > 0) {
    process.stderr.write(`${abi}: skipped, missing ${missing.map((m) => m.what).join(", ")}\n`);
    continue;
  }
  writeFileSync(join(VECTORS_DIR, `fill-${abi}.json`), fillVectors(abi));
  process.stderr.write(`${abi}: written\n`);
}
const structs = runSyscalls();
const lines = Object.entries(structs).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
writeFileSync(
  join(VECTORS_DIR, "syscalls-x86_64.json"),
  `{\n  "abi": "x86_64",\n  "source": "tools/test-vectors/src/syscalls.c",\n  "structs": {\n${lines.join(",\n")}\n  }\n}\n`,
);
writeFileSync(join(VECTORS_DIR, "copy-rules-x86_64.json"), buildAndRun("x86_64", "copy-rules.c"));
