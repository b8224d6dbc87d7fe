#!/usr/bin/env node
import { run } from "./main.js";

// No top-level await: the published bin is bundled as CommonJS (see bundle.mjs).
void run(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`) }, (s) =>
  process.stderr.write(`${s}\n`),
).then((code) => {
  process.exitCode = code;
});
