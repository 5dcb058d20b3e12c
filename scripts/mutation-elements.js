#!/usr/bin/env node
// The mutants StrykerJS does not make: one entry left out of a table. Stryker empties a whole
// array (`[]`), which any test notices; leaving out one status, code or header name is the
// mistake that slips through (503 removed from the transient statuses passed every test).
// For each literal array of two or more strings or numbers in the compiled provider files in
// scope, each element is removed in turn, in a copy of build/, and the unit test files that load
// that module run until one fails.
// Usage: mutation-elements.js [--without=<part of a test path>] [--build=<compiled tree, default build>]
// (after `npm run build`)
// Writes build/reports/mutation/elements.txt.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
// Beside the repository's node_modules, outside .stryker-tmp (StrykerJS removes that folder when it ends).
const copy = path.join(root, ".mutation-elements");
// The same scope and the same unit files as scripts/stryker.config.js and scripts/mutation.js.
const SCOPE = [
  /^provider\/errors\/transience\.js$/,
  /^provider\/http\/(retryPolicy|endpoint)\.js$/,
  /^provider\/client\/[^/]+\.js$/,
  /^provider\/lifecycle\/diffStates\.js$/,
  /^provider\/validation\/[^/]+\.js$/,
  /^provider\/model\/(properties|constants)\.js$/,
  /^provider\/dialects\/.+\.js$/,
  /^provider\/signing\/.+\.js$/,
  /^provider\/clouds\/[^/]+\/region\.js$/,
  /^provider\/credentials\/[^/]+\.js$/,
  /^provider\/clouds\/aliyun\/credentials\/[^/]+\.js$/,
];
const SLOW_UNIT = /\/(ciExamples|command|openWorkspace)\.test\.js$/;
// A literal array: `[` then two or more quoted strings or numbers, comma-separated, then `]`.
const LITERAL_ARRAY = /\[\s*((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?)(?:\s*,\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?))+)\s*,?\s*\]/g;
const ELEMENT = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?/g;

function prepareCopy(build) {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.mkdirSync(copy, { recursive: true });
  for (const part of fs.readdirSync(build)) {
    if (part === "reports" || part.startsWith(".")) continue;
    fs.cpSync(path.join(build, part), path.join(copy, "build", part), { recursive: true });
  }
  // Tests read fixtures and files beside build/ by relative paths.
  for (const entry of fs.readdirSync(root)) {
    if (["build", "node_modules", ".stryker-tmp", ".mutation-elements", ".git"].includes(entry)) continue;
    fs.symlinkSync(path.join(root, entry), path.join(copy, entry));
  }
}

function testFiles(without) {
  const dir = path.join(copy, "build", "test", "unit");
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith(".test.js") && !SLOW_UNIT.test(f) && (without === undefined || !f.includes(without)))
    .sort();
}

function runTest(file, extraArgs = []) {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(root, "test", "fixtures", "loopback-tls.crt") };
  return spawnSync(process.execPath, [...extraArgs, "--test-reporter=dot", file], { cwd: copy, env, encoding: "utf8", timeout: 120_000 });
}

/** Which provider modules (relative .js paths) each test file loads. */
function modulesLoaded(files) {
  const hook = path.join(copy, "loaded-hook.js");
  const provider = path.join(copy, "build", "provider") + path.sep;
  fs.writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(process.env.LOADED_OUT, JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(provider)})))));\n`,
  );
  const loaded = new Map();
  for (const file of files) {
    const out = path.join(copy, "loaded.json");
    fs.rmSync(out, { force: true });
    process.env.LOADED_OUT = out;
    const result = runTest(file, ["-r", hook]);
    if (result.status !== 0) throw new Error(`${path.relative(copy, file)} fails without any mutant:\n${result.stdout}${result.stderr}`);
    const modules = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : [];
    loaded.set(file, new Set(modules.map((m) => path.relative(path.join(copy, "build"), m).split(path.sep).join("/"))));
  }
  return loaded;
}

function mutantsOf(text) {
  const mutants = [];
  for (const array of text.matchAll(LITERAL_ARRAY)) {
    const inner = array[1];
    const innerStart = array.index + array[0].indexOf(inner);
    const elements = [...inner.matchAll(ELEMENT)];
    elements.forEach((element, i) => {
      const start = innerStart + element.index;
      // Remove the element and the comma that joins it to a neighbour.
      const end = i < elements.length - 1 ? innerStart + elements[i + 1].index : start + element[0].length;
      const from = i < elements.length - 1 ? start : innerStart + elements[i - 1].index + elements[i - 1][0].length;
      const line = text.slice(0, start).split("\n").length;
      mutants.push({ removed: element[0], line, text: text.slice(0, from) + text.slice(end) });
    });
  }
  return mutants;
}

function main() {
  const without = process.argv.find((a) => a.startsWith("--without="))?.slice("--without=".length);
  const build = path.resolve(root, process.argv.find((a) => a.startsWith("--build="))?.slice("--build=".length) ?? "build");
  const started = Date.now();
  prepareCopy(build);
  const files = testFiles(without);
  const loaded = modulesLoaded(files);
  const providerDir = path.join(copy, "build", "provider");
  const modules = fs
    .readdirSync(providerDir, { recursive: true })
    .map((f) => `provider/${String(f).split(path.sep).join("/")}`)
    .filter((f) => SCOPE.some((r) => r.test(f)))
    .sort();
  const rows = [];
  const survivors = [];
  for (const module of modules) {
    const file = path.join(copy, "build", module);
    const original = fs.readFileSync(file, "utf8");
    const mutants = mutantsOf(original);
    if (mutants.length === 0) continue;
    const covering = files.filter((f) => loaded.get(f).has(module));
    let killed = 0;
    for (const mutant of mutants) {
      fs.writeFileSync(file, mutant.text);
      const killer = covering.find((test) => runTest(test).status !== 0);
      fs.writeFileSync(file, original);
      if (killer !== undefined) killed++;
      else survivors.push(`${module}:${mutant.line} without ${mutant.removed}${covering.length === 0 ? " (no test loads it)" : ""}`);
    }
    rows.push([module, killed, mutants.length]);
  }
  const width = Math.max(...rows.map(([m]) => m.length), 5);
  const total = rows.reduce((acc, [, k, n]) => [acc[0] + k, acc[1] + n], [0, 0]);
  const pct = (k, n) => `${((100 * k) / n).toFixed(1)}%`;
  const text = [
    `One table entry left out (killed / mutants), unit tier${without !== undefined ? ` without ${without}` : ""}`,
    ...rows.map(([m, k, n]) => `${m.padEnd(width)}  ${`${k}/${n}`.padStart(7)}  ${pct(k, n).padStart(6)}`),
    `${"total".padEnd(width)}  ${`${total[0]}/${total[1]}`.padStart(7)}  ${pct(total[0], total[1]).padStart(6)}`,
    `${total[1]} mutants in ${Math.round((Date.now() - started) / 1000)} s`,
    "Survivors:",
    ...survivors.map((s) => `  ${s}`),
  ].join("\n");
  fs.mkdirSync(path.join(root, "build", "reports", "mutation"), { recursive: true });
  fs.writeFileSync(path.join(root, "build", "reports", "mutation", "elements.txt"), `${text}\n`);
  fs.rmSync(copy, { recursive: true, force: true });
  process.stdout.write(`${text}\n`);
}

main();
