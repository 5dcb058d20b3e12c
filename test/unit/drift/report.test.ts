import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { formatForFile } from "../../../cli/drift/runDrift";
import type { DriftReport } from "../../../cli/drift/model";
import { parseProviderError } from "../../../cli/drift/providerError";
import { painter, wantsColor } from "../../../cli/output/style";
import { renderJson } from "../../../cli/report/renderJson";
import { renderJunit } from "../../../cli/report/renderJunit";
import { renderMarkdown } from "../../../cli/report/renderMarkdown";
import { renderTable } from "../../../cli/report/renderTable";
import { ServiceError } from "../../../provider/errors/ServiceError";
import { TransportError } from "../../../provider/errors/TransportError";
import { REPO_ROOT } from "../../support/tools";
import { FINDINGS, OTHER, sampleReport } from "./sampleReport";

const ALL = Object.values(FINDINGS);
const ESC = String.fromCharCode(27);

describe("buildReport: outcome and exit code", () => {
  const cases: Array<{ name: string; report: DriftReport; outcome: string; exitCode: number }> = [
    { name: "nothing at all", report: sampleReport([]), outcome: "in-sync", exitCode: 0 },
    { name: "all in sync", report: sampleReport([FINDINGS["inSync"]!]), outcome: "in-sync", exitCode: 0 },
    { name: "one drifted", report: sampleReport([FINDINGS["inSync"]!, FINDINGS["drifted"]!]), outcome: "drift", exitCode: 2 },
    { name: "rule missing", report: sampleReport([FINDINGS["ruleMissing"]!]), outcome: "drift", exitCode: 2 },
    { name: "bucket missing", report: sampleReport([FINDINGS["bucketMissing"]!]), outcome: "drift", exitCode: 2 },
    { name: "not created yet", report: sampleReport([FINDINGS["notCreated"]!]), outcome: "drift", exitCode: 2 },
    { name: "another resource would change", report: sampleReport([FINDINGS["inSync"]!], [OTHER]), outcome: "drift", exitCode: 2 },
    { name: "unreadable wins over drift", report: sampleReport([FINDINGS["drifted"]!, FINDINGS["unreadable"]!]), outcome: "error", exitCode: 1 },
    { name: "a program error wins over in sync", report: sampleReport([FINDINGS["inSync"]!], [], [{ message: "TypeError in index.js" }]), outcome: "error", exitCode: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(c.report.outcome, c.outcome);
      assert.equal(c.report.exitCode, c.exitCode);
    });
  }
  it("counts each status and lists the worst first", () => {
    const report = sampleReport([...ALL].reverse(), [OTHER]);
    assert.deepEqual(report.counts, { unreadable: 1, drifted: 1, "rule-missing": 1, "bucket-missing": 1, "not-created": 1, "in-sync": 1, total: 6, otherChanges: 1 });
    assert.deepEqual(report.resources.map((r) => r.status), ["unreadable", "drifted", "rule-missing", "bucket-missing", "not-created", "in-sync"]);
  });
});

describe("JSON format: valid against schema/drift-report.v1.json", () => {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "schema/drift-report.v1.json"), "utf8")) as object;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const reports: Array<[string, DriftReport]> = [
    ["empty", sampleReport([])],
    ["every status, another change and an error", sampleReport(ALL, [OTHER], [{ message: "preview failed: program error" }])],
    ...ALL.map((f): [string, DriftReport] => [f.status, sampleReport([f])]),
  ];
  for (const [name, report] of reports) {
    it(`${name}: valid, and JSON.parse gives the report back`, () => {
      const parsed = JSON.parse(renderJson(report)) as unknown;
      assert.ok(validate(parsed), JSON.stringify(validate.errors));
      assert.deepEqual(parsed, report);
    });
  }
  const invalid: Array<[string, (r: Record<string, unknown>) => void]> = [
    ["a drifted resource without properties", (r) => delete (r["resources"] as Array<Record<string, unknown>>)[1]!["properties"]],
    ["an unreadable resource without its error", (r) => delete (r["resources"] as Array<Record<string, unknown>>)[0]!["error"]],
    ["an unknown status", (r) => ((r["resources"] as Array<Record<string, unknown>>)[0]!["status"] = "weird")],
    ["an exit code that is not 0, 1 or 2", (r) => (r["exitCode"] = 7)],
    ["another version", (r) => (r["version"] = 2)],
    ["a field the schema does not know", (r) => (r["extra"] = true)],
    ["a date that is not a date", (r) => (r["generatedAt"] = "yesterday")],
  ];
  for (const [name, mutate] of invalid) {
    it(`refuses ${name}`, () => {
      const report = JSON.parse(renderJson(sampleReport(ALL))) as Record<string, unknown>;
      mutate(report);
      assert.equal(validate(report), false);
    });
  }
});

describe("JUnit format: parsed back with fast-xml-parser", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testcase", "failure", "error"].includes(name) });
  interface Problem { type: string; message: string; "#text"?: string }
  interface Case { name: string; classname: string; failure?: Problem[]; error?: Problem[] }
  const parse = (xml: string) => (parser.parse(xml) as { testsuites: { tests: string; failures: string; errors: string; testsuite: { tests: string; failures: string; errors: string; testcase?: Case[] } } }).testsuites;

  it("one test case per resource, a failure per drifted property, an error per unreadable", () => {
    const suites = parse(renderJunit(sampleReport(ALL, [OTHER])));
    const cases = suites.testsuite.testcase ?? [];
    assert.equal(cases.length, 7);
    assert.equal(Number(suites.testsuite.tests), 7);
    // 2 drifted properties + rule missing + bucket missing + not created + the other change.
    assert.equal(Number(suites.testsuite.failures), 6);
    assert.equal(Number(suites.failures), 6);
    assert.equal(Number(suites.testsuite.errors), 1);
    const byName = new Map(cases.map((c) => [c.name, c]));
    const drifted = byName.get("backups (aliyun:cn-hangzhou:acme-backups)");
    assert.deepEqual(drifted?.failure?.map((f) => f.message), ["sseAlgorithm: declared KMS, live AES256", "kmsMasterKeyId: declared k1, live (none)"]);
    assert.equal(byName.get("logs (aliyun:cn-hangzhou:acme-logs)")?.failure, undefined);
    const unreadable = byName.get("secret (aliyun:cn-hangzhou:acme-secret)");
    assert.equal(unreadable?.error?.[0]?.type, "AccessDenied");
    assert.equal(unreadable?.error?.[0]?.message, FINDINGS["unreadable"]?.error?.message, "markup characters survive escaping");
    assert.equal(byName.get("aws:s3/bucket:Bucket site")?.failure?.[0]?.type, "update");
    assert.match(byName.get("media (aliyun:cn-hangzhou:acme-media)")?.failure?.[0]?.["#text"] ?? "", /already holds SM4, which `pulumi up` would replace with KMS \(key k1\)/);
  });

  it("an empty report is one suite with no test case and no failure", () => {
    const suites = parse(renderJunit(sampleReport([])));
    assert.equal(Number(suites.testsuite.tests), 0);
    assert.equal(Number(suites.testsuite.failures), 0);
  });
});

describe("Markdown summary", () => {
  const markdown = renderMarkdown(sampleReport(ALL, [OTHER]));
  it("names the outcome, the stack and the counts", () => {
    assert.match(markdown, /^## BucketEncryption drift: ❌ Error/);
    assert.match(markdown, /Stack `prod` \(project `infra`\), exit code 1\./);
    assert.match(markdown, /\| 1 \| 1 \| 1 \| 1 \| 1 \| 1 \| 1 \|/);
  });
  it("has a row per resource that is not in sync, with declared and live values as code spans, pipes escaped", () => {
    assert.match(markdown, /\| `backups` \| `aliyun:cn-hangzhou:acme-backups` \| drifted \| `sseAlgorithm`: declared `KMS`, live `AES256`; `kmsMasterKeyId`: declared `k1`, live \(none\)/);
    assert.match(markdown, /\| `archive` \| .* \| rule missing \|/);
    assert.match(markdown, /piped/);
    assert.doesNotMatch(markdown, / \| piped/);
    assert.doesNotMatch(markdown, /\| `logs` \|/);
    assert.match(markdown, /- `update` `aws:s3\/bucket:Bucket` `site`/);
  });
  it("in sync says so", () => {
    assert.match(renderMarkdown(sampleReport([FINDINGS["inSync"]!])), /✅ In sync/);
  });
});

describe("table format", () => {
  it("without colour: no escape codes, aligned columns, the verdict with the exit code", () => {
    const text = renderTable(sampleReport(ALL), painter(false));
    assert.ok(!text.includes(ESC));
    const rows = text.split("\n").filter((l) => /aliyun:cn-hangzhou:/.test(l));
    assert.equal(rows.length, 6);
    const column = (l: string) => l.indexOf("aliyun:");
    assert.equal(new Set(rows.map(column)).size, 1, "the BUCKET column starts at one offset");
    assert.match(text, /drifted +backups +aliyun:cn-hangzhou:acme-backups +sseAlgorithm: declared KMS, live AES256/);
    assert.match(text, /Error: 1 in sync, 1 drifted, 1 rule missing, 1 bucket missing, 1 not created, 1 unreadable, 0 other changes \(exit 1\)\./);
  });
  it("with colour: escape codes, and the same columns once they are removed", () => {
    const plain = renderTable(sampleReport(ALL), painter(false));
    const coloured = renderTable(sampleReport(ALL), painter(true));
    assert.ok(coloured.includes(ESC));
    assert.equal(coloured.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), ""), plain);
  });
  it("colour only on a TTY, never with --no-color or NO_COLOR", () => {
    assert.equal(wantsColor({ isTTY: true }, true, {}), true);
    assert.equal(wantsColor({ isTTY: false }, true, {}), false);
    assert.equal(wantsColor({}, true, {}), false);
    assert.equal(wantsColor({ isTTY: true }, false, {}), false);
    assert.equal(wantsColor({ isTTY: true }, true, { NO_COLOR: "1" }), false);
  });
});

describe("--output file formats", () => {
  const cases: Array<[string, "table" | "json" | "junit" | undefined, string]> = [
    ["drift.json", undefined, "json"],
    ["drift.xml", "json", "junit"],
    ["summary.md", undefined, "markdown"],
    ["drift.txt", "json", "json"],
    ["drift.txt", undefined, "table"],
  ];
  for (const [file, fallback, expected] of cases) it(`${file} with --format ${fallback ?? "(none)"} is ${expected}`, () => assert.equal(formatForFile(file, fallback), expected));
});

describe("parseProviderError: the facts back out of the provider's own messages", () => {
  const context = { resource: "aliyun:cn-hangzhou:acme-logs", cloud: "aliyun" as const, serviceName: "Alibaba Cloud OSS", method: "GET" };
  it("a ServiceError: status, code, request id", () => {
    const error = new ServiceError(context, 403, { code: "AccessDenied", message: "denied", requestId: "5C1B0A", ec: "0003-00000001" }, undefined);
    assert.deepEqual(parseProviderError(`Preview failed: ${error.message}`), { message: error.message, httpStatus: 403, code: "AccessDenied", requestId: "5C1B0A" });
  });
  it("a ServiceError after retries, without a code", () => {
    const error = new ServiceError(context, 503, {}, "REQ-9", undefined, 5);
    assert.deepEqual(parseProviderError(error.message), { message: error.message, httpStatus: 503, requestId: "REQ-9" });
  });
  it("a TransportError: the message alone", () => {
    const error = new TransportError(context, "connection refused", 5);
    assert.deepEqual(parseProviderError(error.message), { message: error.message });
  });
});
