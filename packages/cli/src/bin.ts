#!/usr/bin/env node
import { run } from "./main.js";

process.exitCode = await run(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`) }, (s) =>
  process.stderr.write(`${s}\n`),
);
