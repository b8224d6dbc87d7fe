import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { SKIP_LOG_ENV, SkipSummaryReporter } from "./vitest.skips.js";

// One vitest run over every workspace package; sources are resolved through the
// "sysargs-source" export condition so tests never need a prior build.
const report = process.env.SYSARGS_TEST_REPORT;
// Where tests record what they skip (vitest.skips.ts); printed once after the summary.
const skipLog = join(tmpdir(), `sysargs-skips-${process.pid}.jsonl`);

export default defineConfig({
  resolve: { conditions: ["sysargs-source"] },
  ssr: { resolve: { conditions: ["sysargs-source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "tools/*/src/**/*.test.ts", "schemas/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { [SKIP_LOG_ENV]: skipLog },
    reporters: [
      "default",
      ...(report ? [["json", { outputFile: report }] as const] : []),
      new SkipSummaryReporter(skipLog),
    ],
  },
});
