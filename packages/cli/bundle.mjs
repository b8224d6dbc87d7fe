// Bundles the command line into bundle/ so that a query starts by reading a few files instead of
// some thirty modules across six packages: start-up is most of a query's cost (pnpm bench). The
// packages that own data or heavy dependencies stay separate and are loaded only by the commands
// that need them: @sysargs/registry finds its data next to itself, the loader brings ts-morph,
// and the conformance tool is not published at all.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/bin.js"],
  outdir: "bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  external: ["@sysargs/registry", "@sysargs/loader", "@sysargs/generators", "@sysargs/conformance"],
});
