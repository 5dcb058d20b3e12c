#!/usr/bin/env node
// Builds the Pulumi resource plugin's self-contained executable and its release archive into dist/.
// Run after `npm run build` (`npm run build:plugin` does both); the logic is TypeScript in
// packaging/, compiled to build/packaging/. Usage:
//   build-plugin.js [--target linux|darwin|windows-amd64|arm64] [--entry file.js] [--out-dir dir] [--no-check]
// PLUGIN_TARGET stands in for --target. Prints the archive's path on stdout.
"use strict";
require("../build/packaging/buildPlugin").main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`[build-plugin] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
