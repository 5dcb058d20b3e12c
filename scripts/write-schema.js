#!/usr/bin/env node
// Writes schema/bucket-encryption.json, the provider plugin's package schema, from the code that
// serves it (`buildSchema`), after `npm run build`. The file is committed for SDK generation and
// readers; a unit test fails when it differs from what the plugin serves.
"use strict";
const { writeFileSync } = require("node:fs");
const path = require("node:path");
const { buildSchema } = require("../build/provider/plugin/schema/buildSchema");
const { packageVersion } = require("../build/provider/http/userAgent");

const file = path.join(__dirname, "..", "schema", "bucket-encryption.json");
writeFileSync(file, `${JSON.stringify(buildSchema(packageVersion()), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
