// Mutation testing of the layout engine, the IR model and the loader's semantic validation
// (issue 13): `pnpm mutation`, not part of `pnpm test` (it runs the tests once per mutant).
// The score is reported in docs/mutation-testing.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "packages/layout/src/**/*.ts",
    "packages/model/src/**/*.ts",
    "packages/loader/src/validate.ts",
    "!**/*.test.ts",
  ],
  coverageAnalysis: "perTest",
  // Mutants in module-level constants (the IR JSON Schema, the scalar table) would each rerun every
  // test: hours on a 2-core machine. Their facts are pinned by the tests of the real registry instead.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};
