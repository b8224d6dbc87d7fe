// Bundles the command line into bundle/bin.js, a single CommonJS file: a query then reads one
// script instead of loading some thirty ES modules across six packages, and skips the ES module
// loader's start-up, which together are most of a query's cost (pnpm bench measures it against
// `node -e 0`). bundle/package.json marks the folder as CommonJS.
//
// @sysargs/registry is bundled too; it finds its data by resolving its own package.json, which
// the CLI depends on. The loader (ts-morph) and the generators are required only when `validate`
// or `gen` runs (Node.js 20.19 and later load those ES modules through require()); the
// conformance tool, never published, is imported only by `verify`. @sysargs/linux stays outside
// too: `decode` loads the one ABI module it needs (about 400 kB of code each).
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: ["dist/bin.js"],
  outfile: "bundle/bin.js",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  external: ["@sysargs/loader", "@sysargs/generators", "@sysargs/conformance", "@sysargs/linux"],
  // import.meta.url has no CommonJS equivalent; the bundled modules get the bundle's own URL.
  define: { "import.meta.url": "__bundle_url" },
  banner: { js: 'const __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
});
mkdirSync("bundle", { recursive: true });
writeFileSync("bundle/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
