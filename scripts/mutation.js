#!/usr/bin/env node
// Mutation testing of the provider's decision logic (StrykerJS, scripts/stryker.config.js), then a
// summary a person reads: killed / total by file, the survivors with their places, the run time.
// Usage: mutation.js [options] [glob of provider files to mutate ...]
//   --with-integration  also run the integration files that take a few seconds each
//   --full-tier    run every unit and integration test file against each mutant (slowest)
//   --all-mutators also mutate string literals (mostly message texts; see docs/testing-mutation.md)
//   --incremental  reuse the results of the last run for mutants and tests that did not change
//   --concurrency=N test files run at once (default 2)
//   --survivors-of=<mutation.json>  test again only the mutants that survived (or had no test) in
//                  that report, and count the others as it did: the score after tests were added
//   --events       also write each mutant's result as it is tested (build/reports/mutation/events),
//                  to follow a long run
// Writes build/reports/mutation/{mutation.json,mutation.html,summary.txt,survivors.txt,results.json}
// (results.json: every mutant's status, merged with the earlier report under --survivors-of).
"use strict";
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const reports = path.join(root, "build", "reports", "mutation");

// By default each mutant meets the unit tier only: a unit test file costs under a second, a
// loopback-server file several, and a mutant that survives runs every file that reaches it. The
// unit files that drive the CLI or a Pulumi workspace are left out for the same reason.
// --with-integration adds the integration files that take a few seconds; --full-tier runs all.
const SLOW_UNIT = ["ciExamples", "command", "openWorkspace"];
const SLOW_INTEGRATION = ["faults", "credentials", "credentialsUri", "driftValues.property", "fleet", "ecsRamRole"];

/** Which compiled test files run against each mutant (globs). */
function testFiles(tier) {
  if (tier === "full") return ["build/test/unit/**/*.test.js", "build/test/integration/**/*.test.js"];
  // The tables of cases written against mutants first: a mutant stops at the first file that fails.
  const unit = ["build/test/unit/mutants/*.test.js", `build/test/unit/!(${SLOW_UNIT.join("|")}).test.js`, `build/test/unit/!(mutants)/!(${SLOW_UNIT.join("|")}).test.js`];
  return tier === "unit" ? unit : [...unit, `build/test/integration/!(${SLOW_INTEGRATION.join("|")}).test.js`];
}

const TIER_NAMES = { unit: "the unit tier", integration: "the unit tier and the quicker integration files", full: "every unit and integration file" };

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
    `Mutation score (killed or timed out / mutants), tests: ${TIER_NAMES[options.tier]}`,
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

/** One mutant's identity across runs: its file, mutator, replacement and place. */
function mutantKey(file, m) {
  const { start, end } = m.location;
  return [file, m.mutatorName, m.replacement ?? "", start.line, start.column, end.line, end.column].join("|");
}

/** The mutants of an earlier report, as results (file names absolute). */
function previousResults(report) {
  return Object.entries(report.files).flatMap(([file, { mutants }]) => mutants.map((m) => ({ ...m, fileName: path.resolve(root, file) })));
}

/** Results in the shape of a mutation-testing report's `files` (what --survivors-of reads). */
function resultsReport(results) {
  const files = {};
  for (const r of results) {
    const file = path.relative(root, r.fileName);
    files[file] ??= { mutants: [] };
    files[file].mutants.push({ mutatorName: r.mutatorName, replacement: r.replacement, location: r.location, status: r.status, killedBy: r.killedBy ?? [] });
  }
  return { files };
}

/** Mutate ranges around each mutant of `results` that was not detected (a column of slack each side). */
function undetectedRanges(results) {
  return results
    .filter((r) => r.status === "Survived" || r.status === "NoCoverage")
    .map((r) => `${path.relative(root, r.fileName)}:${r.location.start.line}:${Math.max(1, r.location.start.column - 1)}-${r.location.end.line}:${r.location.end.column + 1}`);
}

async function main() {
  const args = process.argv.slice(2);
  const config = require("./stryker.config.js");
  const tier = args.includes("--full-tier") ? "full" : args.includes("--with-integration") ? "integration" : "unit";
  const options = { tier, incremental: args.includes("--incremental"), events: args.includes("--events"), allMutators: args.includes("--all-mutators") };
  const previousFile = args.find((a) => a.startsWith("--survivors-of="))?.slice("--survivors-of=".length);
  const previous = previousFile !== undefined ? previousResults(JSON.parse(readFileSync(previousFile, "utf8"))) : undefined;
  const mutate = previous !== undefined ? undetectedRanges(previous) : args.filter((a) => !a.startsWith("--"));
  const concurrency = Number(args.find((a) => a.startsWith("--concurrency="))?.slice("--concurrency=".length) ?? config.concurrency);
  // The credential tests' local STS serves https with a loopback certificate (as scripts/test.js).
  process.env.NODE_EXTRA_CA_CERTS = path.join(root, "test", "fixtures", "loopback-tls.crt");
  const { Stryker } = await import("@stryker-mutator/core");
  const started = Date.now();
  const stryker = new Stryker({
    ...config,
    ...(mutate.length > 0 ? { mutate } : {}),
    incremental: options.incremental,
    concurrency,
    ...(options.allMutators ? { mutator: { ...config.mutator, excludedMutations: [] } } : {}),
    ...(options.events ? { reporters: [...config.reporters, "event-recorder"], eventReporter: { baseDir: path.join(reports, "events") } } : {}),
    tap: { ...config.tap, testFiles: testFiles(options.tier) },
  });
  const fresh = await stryker.runMutationTest();
  // With an earlier report: its results, each replaced by this run's where the mutant ran again.
  const byKey = new Map(fresh.map((r) => [mutantKey(path.relative(root, r.fileName), r), r]));
  const results = previous === undefined ? fresh : previous.map((r) => byKey.get(mutantKey(path.relative(root, r.fileName), r)) ?? r);
  const text = summary(results, (Date.now() - started) / 1000, options);
  mkdirSync(reports, { recursive: true });
  writeFileSync(path.join(reports, "summary.txt"), `${text}\n`);
  writeFileSync(path.join(reports, "survivors.txt"), `${survivorList(results)}\n`);
  // Every mutant's result, this run's merged into the earlier report's: the input of a next round.
  writeFileSync(path.join(reports, "results.json"), JSON.stringify(resultsReport(results)));
  process.stdout.write(`\n${text}\nSurvivors: ${path.relative(root, path.join(reports, "survivors.txt"))}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
