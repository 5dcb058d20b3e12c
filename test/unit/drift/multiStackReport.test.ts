import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import type { DriftReport, StacklessFinding } from "../../../cli/drift/model";
import { optionsProblem, type DriftOptions } from "../../../cli/drift/options";
import { painter } from "../../../cli/output/style";
import { renderJson } from "../../../cli/report/renderJson";
import { renderJunit } from "../../../cli/report/renderJunit";
import { renderMarkdown } from "../../../cli/report/renderMarkdown";
import { renderTable } from "../../../cli/report/renderTable";
import { REPO_ROOT } from "../../support/tools";
import { FINDINGS, sampleReport, stacksReport } from "./sampleReport";

// One report over several stacks (drift --source state): per-stack verdicts, the stack on every
// resource, grouped renderings; and the source each report names.

const asState = (f: StacklessFinding): StacklessFinding => ({ ...f, comparedWith: "state" });
const inSync = asState(FINDINGS["inSync"]!);
const drifted = asState(FINDINGS["drifted"]!);
const unreadable = asState(FINDINGS["unreadable"]!);

function threeStacks(): DriftReport {
  return stacksReport("state", [
    { name: "dev", resources: [inSync, drifted], otherChanges: [], errors: [] },
    { name: "prod", resources: [inSync], otherChanges: [], errors: [] },
    { name: "qa", resources: [], otherChanges: [], errors: [{ message: "the state of stack qa could not be read: error: incorrect passphrase" }] },
  ]);
}

describe("buildReport over several stacks", () => {
  const report = threeStacks();
  it("each stack has its own verdict; the report's is the worst (an error wins)", () => {
    assert.deepEqual(report.stacks.map((s) => [s.name, s.outcome, s.exitCode, s.counts.total]), [["dev", "drift", 2, 2], ["prod", "in-sync", 0, 1], ["qa", "error", 1, 0]]);
    assert.equal(report.outcome, "error");
    assert.equal(report.exitCode, 1);
    assert.equal(report.counts.total, 3);
  });
  it("the stack is on every resource and on the stack's error; no single `stack` field; the source is named", () => {
    assert.equal(report.stack, undefined);
    assert.equal(report.source, "state");
    assert.deepEqual(report.resources.map((r) => [r.stack, r.name, r.status]), [["dev", "backups", "drifted"], ["dev", "logs", "in-sync"], ["prod", "logs", "in-sync"]]);
    assert.deepEqual(report.errors.map((e) => e.stack), ["qa"]);
  });
  it("without the failing stack: drift (2); all in sync: 0", () => {
    assert.equal(stacksReport("state", [{ name: "a", resources: [drifted], otherChanges: [], errors: [] }, { name: "b", resources: [inSync], otherChanges: [], errors: [] }]).exitCode, 2);
    assert.equal(stacksReport("state", [{ name: "a", resources: [inSync], otherChanges: [], errors: [] }, { name: "b", resources: [], otherChanges: [], errors: [] }]).exitCode, 0);
  });
  it("a list of stacks that could not be read: an error tied to no stack, exit 1", () => {
    const failed = stacksReport("state", [], [{ message: "error: no backend" }]);
    assert.deepEqual([failed.exitCode, failed.stacks.length, failed.errors[0]?.stack], [1, 0, undefined]);
  });
  it("one stack: `stack` is set, as in every report before", () => {
    assert.equal(sampleReport([FINDINGS["inSync"]!]).stack, "prod");
    assert.equal(sampleReport([FINDINGS["inSync"]!]).source, "program");
  });
});

describe("JSON over several stacks: valid against schema/drift-report.v1.json", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, "schema/drift-report.v1.json"), "utf8")) as object);
  it("valid, and parsed back whole", () => {
    const parsed = JSON.parse(renderJson(threeStacks())) as unknown;
    assert.ok(validate(parsed), JSON.stringify(validate.errors));
    assert.deepEqual(parsed, threeStacks());
  });
  it("a report of an earlier release (no source, stacks or stack on resources) is still valid", () => {
    const old = JSON.parse(renderJson(sampleReport([FINDINGS["drifted"]!]))) as Record<string, unknown>;
    delete old["source"];
    delete old["stacks"];
    for (const r of old["resources"] as Array<Record<string, unknown>>) delete r["stack"];
    assert.ok(validate(old), JSON.stringify(validate.errors));
  });
  const invalid: Array<[string, (r: Record<string, unknown>) => void]> = [
    ["neither stack nor stacks", (r) => delete r["stacks"]],
    ["an unknown source", (r) => (r["source"] = "cache")],
    ["a stack summary without its counts", (r) => delete (r["stacks"] as Array<Record<string, unknown>>)[0]!["counts"]],
    ["a stack summary with an unknown outcome", (r) => ((r["stacks"] as Array<Record<string, unknown>>)[0]!["outcome"] = "fine")],
  ];
  for (const [name, mutate] of invalid) {
    it(`refuses ${name}`, () => {
      const report = JSON.parse(renderJson(threeStacks())) as Record<string, unknown>;
      mutate(report);
      assert.equal(validate(report), false);
    });
  }
});

describe("renderings grouped by stack", () => {
  const report = threeStacks();
  it("table: the source, a heading per stack with its verdict, its rows under it, its errors, one verdict", () => {
    const text = renderTable(report, painter(false));
    assert.match(text, /^Drift report for 3 stacks \(project infra\)\nCompared with the state recorded at each stack's last deployment/);
    const dev = text.indexOf("Stack dev: Drift found");
    const prod = text.indexOf("Stack prod: In sync");
    const qa = text.indexOf("Stack qa: Error");
    assert.ok(dev >= 0 && prod > dev && qa > prod, text);
    assert.match(text.slice(dev, prod), /drifted +backups +\S+ +sseAlgorithm: recorded KMS, live AES256/);
    assert.match(text.slice(qa), /incorrect passphrase/);
    assert.match(text, /Error: 2 in sync, 1 drifted, 0 rule missing, 0 bucket missing, 0 not created, 0 unreadable, 0 other changes \(exit 1\)\.\n$/);
  });
  it("JUnit: one suite per stack, totals over all", () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "failure", "error"].includes(name) });
    type Suite = { name: string; tests: string; failures: string; errors: string; testcase?: Array<{ name: string; failure?: Array<{ message: string }> }> };
    const parsed = (parser.parse(renderJunit(report)) as { testsuites: { tests: string; failures: string; errors: string; testsuite: Suite[] } }).testsuites;
    assert.deepEqual(parsed.testsuite.map((s) => [s.name, s.tests, s.failures, s.errors]), [["drift infra/dev", "2", "2", "0"], ["drift infra/prod", "1", "0", "0"], ["drift infra/qa", "1", "0", "1"]]);
    assert.deepEqual([parsed.tests, parsed.failures, parsed.errors], ["4", "2", "1"]);
    assert.equal(parsed.testsuite[0]?.testcase?.find((c) => c.name.startsWith("backups"))?.failure?.[0]?.message, "sseAlgorithm: recorded KMS, live AES256");
  });
  it("Markdown: one summary, a row of counts per stack, the stack of each finding and error", () => {
    const markdown = renderMarkdown(report);
    assert.match(markdown, /^## BucketEncryption drift: ❌ Error\n\n3 stacks \(project `infra`\), exit code 1\.\n\nCompared with the state/);
    assert.match(markdown, /\| `dev` \| drift \| 1 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    assert.match(markdown, /\| `prod` \| in-sync \| 1 \| 0 \|/);
    assert.match(markdown, /\| \*\*all\*\* \| error \| 2 \| 1 \|/);
    assert.match(markdown, /\| `dev` \| `backups` \| [^|]+ \| drifted \| `sseAlgorithm`: recorded `KMS`, live `AES256`/);
    assert.match(markdown, /> Stack `qa`: `the state of stack qa could not be read/);
    assert.equal(markdown.split("## BucketEncryption drift").length, 2, "one summary");
  });
  it("one stack compared with the state: the single-stack layout, naming the source and `recorded`", () => {
    const single = stacksReport("state", [{ name: "prod", resources: [drifted, unreadable], otherChanges: [], errors: [] }]);
    const text = renderTable(single, painter(false));
    assert.match(text, /^Drift report for stack prod \(project infra\)\nCompared with the state/);
    assert.doesNotMatch(text, /^Stack prod/m);
    assert.match(renderMarkdown(single), /Stack `prod` \(project `infra`\), exit code 1\.\n\nCompared with the state/);
    assert.match(renderTable(sampleReport([FINDINGS["drifted"]!]), painter(false)), /Compared with the program \(a refresh preview\)\./);
  });
});

describe("drift options that cannot go together", () => {
  const base: DriftOptions = { source: "program", stack: [], allStacks: false, cwd: ".", config: [], output: [], color: false };
  const cases: Array<[string, Partial<DriftOptions>, RegExp | undefined]> = [
    ["program, one stack", { stack: ["a"] }, undefined],
    ["program, two stacks", { stack: ["a", "b"] }, /several --stack need --source state/],
    ["program, all stacks", { allStacks: true }, /--all-stacks needs --source state/],
    ["program, --concurrency", { concurrency: 4 }, /--concurrency applies to --source state/],
    ["state, two stacks and --concurrency", { source: "state", stack: ["a", "b"], concurrency: 4 }, undefined],
    ["state, all stacks", { source: "state", allStacks: true }, undefined],
    ["state, --parallel", { source: "state", parallel: 4 }, /--parallel applies to --source program/],
    ["all stacks and --stack", { source: "state", allStacks: true, stack: ["a"] }, /exclude each other/],
  ];
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const problem = optionsProblem({ ...base, ...change });
      if (expected === undefined) assert.equal(problem, undefined);
      else assert.match(problem ?? "", expected);
    });
  }
});
