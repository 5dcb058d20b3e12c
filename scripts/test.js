#!/usr/bin/env node
// Runs every test file with Node's test runner, tier by tier: unit and integration (Node only,
// servers on loopback), package (a clean pack installed by a consumer project: git and the npm
// registry), e2e (the real Pulumi CLI, MinIO and actionlint, which it builds itself with
// scripts/install-tools.sh). Usage: test.js [tiers, comma-separated] [file filter].
// Files are listed explicitly: Node's default discovery would also run every helper module under
// build/test/ as a test file.
"use strict";
const { spawnSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "build", "test");
const suites = (process.argv[2] ?? "unit,integration,package,e2e").split(",");
// An optional second argument keeps only the files whose path matches it (a regular expression),
// the path taken from the tier on (`unit/boundedFile.test.js`): the checkout's own directory
// name must not decide which tests run.
const only = process.argv[3] !== undefined ? new RegExp(process.argv[3]) : undefined;
const files = suites.flatMap((suite) =>
  readdirSync(path.join(root, suite), { recursive: true })
    .filter((f) => String(f).endsWith(".test.js"))
    .filter((f) => only === undefined || only.test(path.join(suite, String(f))))
    .map((f) => path.join(root, suite, String(f)))
    .sort(),
);
// The official Alibaba Cloud credentials library calls STS over https only, so the local STS of the
// tests serves https with a loopback certificate that every test process trusts from its start.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(__dirname, "..", "test", "fixtures", "loopback-tls.crt") };
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], { stdio: "inherit", env });
process.exit(result.status ?? 1);
