import { defineConfig } from "vitest/config";

// One vitest run over every workspace package; sources are resolved through the
// "sysargs-source" export condition so tests never need a prior build.
const report = process.env.SYSARGS_TEST_REPORT;

export default defineConfig({
  resolve: { conditions: ["sysargs-source"] },
  ssr: { resolve: { conditions: ["sysargs-source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "tools/*/src/**/*.test.ts", "schemas/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: report ? ["default", ["json", { outputFile: report }]] : ["default"],
  },
});
