// Mutation testing of the provider's decision logic with StrykerJS: `npm run mutation`
// (scripts/mutation.js, which also chooses the test files). See docs/testing-mutation.md for the
// scope and why it is what it is. Paths are relative to the repository root.
"use strict";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
module.exports = {
  // Where a surviving mutant means a real gap: the code that decides (retry or not, what a
  // response means, what differs, what is valid, how to sign, which endpoint, which credentials).
  // provider/plugin is outside: it is tested through the Pulumi engine, in another tier.
  mutate: [
    "provider/errors/transience.ts",
    "provider/http/retryPolicy.ts",
    "provider/http/endpoint.ts",
    "provider/client/*.ts",
    "provider/lifecycle/diffStates.ts",
    "provider/validation/*.ts",
    "provider/model/properties.ts",
    "provider/dialects/**/*.ts",
    "provider/signing/**/*.ts",
    "provider/clouds/*/region.ts",
    "provider/credentials/*.ts",
    "provider/clouds/aliyun/credentials/*.ts",
  ],
  // A mutated string is mostly a message text (their wording has tests of its own, checkMessages);
  // the strings a decision rests on (header names, signing constants) are pinned by signing vectors
  // and request tests. `npm run mutation -- --all-mutators` mutates strings too.
  mutator: { excludedMutations: ["StringLiteral"] },
  // Stryker instruments the TypeScript source once (every mutant behind a switch), compiles the
  // sandbox with the project's own tsc, then runs the compiled test files, each one a node process.
  buildCommand: "tsc -p tsconfig.json",
  disableTypeChecks: "provider/**/*.ts",
  testRunner: "tap",
  tap: {
    // The fast tier: every unit and integration test file (servers on loopback only).
    testFiles: ["build/test/unit/**/*.test.js", "build/test/integration/**/*.test.js"],
    nodeArgs: ["--test-reporter=tap"],
  },
  // Each test file reports what it executed, so a mutant runs only the files that reach it.
  coverageAnalysis: "perTest",
  ignorePatterns: ["build", ".stryker-tmp", ".mutation-elements", ".pulumi-test", "*.tgz"],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ["json", "html", "progress"],
  jsonReporter: { fileName: "build/reports/mutation/mutation.json" },
  htmlReporter: { fileName: "build/reports/mutation/mutation.html" },
  incrementalFile: "build/reports/mutation/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
