#!/usr/bin/env node
// Mutation testing of the provider's decision logic (StrykerJS, stryker.config.mjs), then a
// summary a person reads: killed / total by file, the survivors with their places, the run time.
// Usage: mutation.js [--full-tier] [--incremental] [glob of provider files to mutate ...]
//   --full-tier    run every unit and integration test file against each mutant (slower; the
//                  default leaves out the few integration files that take several seconds each)
//   --all-mutators also mutate string literals (mostly message texts; see docs/testing-mutation.md)
//   --incremental  reuse the results of the last run for mutants and tests that did not change
//   --events       also write each mutant's result as it is tested (build/reports/mutation/events),
//                  to follow a long run
// Writes build/reports/mutation/{mutation.json,mutation.html,summary.txt,survivors.txt}.
"use strict";
const { mkdirSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const reports = path.join(root, "build", "reports", "mutation");

// Test files that each take several seconds (a whole fault schedule, STS round trips, the CLI in
// a child process, a Pulumi workspace): a surviving mutant that reaches them costs up to a minute
// more. They are the fast tier's too, so --full-tier puts them back.
const SLOW_INTEGRATION = ["faults", "credentials", "credentialsUri", "driftValues.property", "fleet", "ecsRamRole"];
const SLOW_UNIT = ["ciExamples", "command", "openWorkspace"];

/** Which compiled test files run against each mutant (globs, and files left out). */
function testFiles(fullTier) {
  const unit = "build/test/unit/**/*.test.js";
  if (fullTier) return [unit, "build/test/integration/**/*.test.js"];
  const quickUnit = [`build/test/unit/!(${SLOW_UNIT.join("|")}).test.js`, `build/test/unit/*/!(${SLOW_UNIT.join("|")}).test.js`];
  return [...quickUnit, `build/test/integration/!(${SLOW_INTEGRATION.join("|")}).test.js`];
}

/** Stryker's own count: a timeout is a detection (the mutant hangs the code), ignored ones do not count. */
function tally(results) {
  const byFile = new Map();
  for (const result of results) {
    const file = path.relative(root, result.fileName);
    const row = byFile.get(file) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0 };
    if (result.status === "Killed") row.killed++;
    else if (result.status === "Timeout") row.timeout++;
    else if (result.status === "Survived") row.survived++;
    else if (result.status === "NoCoverage") row.noCoverage++;
    else if (result.status === "RuntimeError" || result.status === "CompileError") row.errors++;
    byFile.set(file, row);
  }
  return [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function scoreLine(name, row, width) {
  const detected = row.killed + row.timeout;
  const total = detected + row.survived + row.noCoverage;
  const score = total === 0 ? "n/a" : `${((100 * detected) / total).toFixed(1)}%`;
  return `${name.padEnd(width)}  ${`${detected}/${total}`.padStart(9)}  ${score.padStart(6)}  survived ${row.survived}, no coverage ${row.noCoverage}`;
}

function summary(results, seconds, options) {
  const rows = tally(results);
  const width = Math.max(...rows.map(([file]) => file.length), "total".length);
  const sum = rows.reduce(
    (acc, [, row]) => ({
      killed: acc.killed + row.killed,
      timeout: acc.timeout + row.timeout,
      survived: acc.survived + row.survived,
      noCoverage: acc.noCoverage + row.noCoverage,
      errors: acc.errors + row.errors,
    }),
    { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0 },
  );
  return [
    `Mutation score (killed or timed out / mutants), tests: ${options.fullTier ? "unit + all integration files" : "unit + the quick integration files"}`,
    ...rows.map(([file, row]) => scoreLine(file, row, width)),
    scoreLine("total", sum, width),
    `${results.length} mutants (${sum.errors} runtime/compile errors, not counted) in ${Math.round(seconds)} s`,
  ].join("\n");
}

function survivorList(results) {
  return results
    .filter((r) => r.status === "Survived" || r.status === "NoCoverage")
    .map((r) => `${path.relative(root, r.fileName)}:${r.location.start.line}:${r.location.start.column} ${r.status} ${r.mutatorName}: ${JSON.stringify(r.replacement ?? "")}`)
    .sort()
    .join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const options = { fullTier: args.includes("--full-tier"), incremental: args.includes("--incremental"), events: args.includes("--events"), allMutators: args.includes("--all-mutators") };
  const mutate = args.filter((a) => !a.startsWith("--"));
  // The credential tests' local STS serves https with a loopback certificate (as scripts/test.js).
  process.env.NODE_EXTRA_CA_CERTS = path.join(root, "test", "fixtures", "loopback-tls.crt");
  const { default: config } = await import(path.join(root, "stryker.config.mjs"));
  const { Stryker } = await import("@stryker-mutator/core");
  const started = Date.now();
  const stryker = new Stryker({
    ...config,
    ...(mutate.length > 0 ? { mutate } : {}),
    incremental: options.incremental,
    ...(options.allMutators ? { mutator: { ...config.mutator, excludedMutations: [] } } : {}),
    ...(options.events ? { reporters: [...config.reporters, "event-recorder"], eventReporter: { baseDir: path.join(reports, "events") } } : {}),
    tap: { ...config.tap, testFiles: testFiles(options.fullTier) },
  });
  const results = await stryker.runMutationTest();
  const text = summary(results, (Date.now() - started) / 1000, options);
  mkdirSync(reports, { recursive: true });
  writeFileSync(path.join(reports, "summary.txt"), `${text}\n`);
  writeFileSync(path.join(reports, "survivors.txt"), `${survivorList(results)}\n`);
  process.stdout.write(`\n${text}\nSurvivors: ${path.relative(root, path.join(reports, "survivors.txt"))}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
