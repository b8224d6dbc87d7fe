import { defineConfig } from "vitest/config";

// The tests StrykerJS runs against each mutant (stryker.config.mjs, `pnpm mutation`): those of the
// mutated code (packages/layout, packages/model, the loader's validation), without the fuzz test,
// whose run per mutant would dominate the time and which proves no layout or validation fact.
export default defineConfig({
  resolve: { conditions: ["sysargs-source"] },
  ssr: { resolve: { conditions: ["sysargs-source"] } },
  test: {
    include: ["packages/{layout,model,loader}/src/**/*.test.ts"],
    exclude: ["packages/loader/src/fuzz.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
