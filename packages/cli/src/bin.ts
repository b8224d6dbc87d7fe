#!/usr/bin/env node
import { run } from "./main.js";

// Writes to stdout fail asynchronously (an 'error' event), after the command has returned: a
// reader that went away (`sysargs export --json | head -1`) ends the run quietly, as it ends cat;
// any other failure (ENOSPC on /dev/full) is one line and exit 1, never a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  process.stderr.write(`sysargs: cannot write the output: ${e.message}\n`);
  process.exit(1);
});

// No top-level await: the published bin is bundled as CommonJS (see bundle.mjs).
void run(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`) }, (s) =>
  process.stderr.write(`${s}\n`),
).then((code) => {
  process.exitCode = code;
});
