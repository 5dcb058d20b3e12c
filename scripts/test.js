#!/usr/bin/env node
// Runs every test file (unit, integration on loopback, end-to-end with the real Pulumi CLI) with
// Node's test runner. The end-to-end suite installs its tools itself (scripts/install-tools.sh).
// Files are listed explicitly: Node's default discovery would also run every helper module under
// build/test/ as a test file.
"use strict";
const { spawnSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "build", "test");
const suites = (process.argv[2] ?? "unit,integration,e2e").split(",");
// An optional second argument keeps only the files whose path matches it (a regular expression).
const only = process.argv[3] !== undefined ? new RegExp(process.argv[3]) : undefined;
const files = suites.flatMap((suite) =>
  readdirSync(path.join(root, suite), { recursive: true })
    .filter((f) => String(f).endsWith(".test.js"))
    .map((f) => path.join(root, suite, String(f)))
    .filter((f) => only === undefined || only.test(f))
    .sort(),
);
// The official Alibaba Cloud credentials library calls STS over https only, so the local STS of the
// tests serves https with a loopback certificate that every test process trusts from its start.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(__dirname, "..", "test", "fixtures", "loopback-tls.crt") };
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], { stdio: "inherit", env });
process.exit(result.status ?? 1);
