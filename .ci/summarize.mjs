// Prints the one line CI reads, "N passed, M failed[, K skipped]", from vitest's JSON report.
// A run that failed before vitest wrote its report (build, type check, lint, stale generated
// files) counts as one failure, so a red pipeline can never print "0 failed".
import { existsSync, readFileSync } from "node:fs";

const [file, status] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log(`0 passed, ${status === "0" ? 0 : 1} failed`);
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, "utf8"));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
let failed = r.numFailedTests ?? 0;
// Suites that fail to load have no tests to count; count each as a failure.
failed += (r.testResults ?? []).filter(
  (s) => s.status === "failed" && (s.assertionResults ?? []).length === 0,
).length;
if (status !== "0" && failed === 0) failed = 1;
console.log(`${r.numPassedTests ?? 0} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
