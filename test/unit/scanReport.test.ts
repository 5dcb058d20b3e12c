import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BucketStatus } from "../../cli/fleet/bucketStatus";
import { toCsv } from "../../cli/fleet/csv";
import { parseServiceTarget } from "../../cli/fleet/targets";
import { declaredInDeployment } from "../../cli/scan/declaredBuckets";
import { type ScanReport, scanCsv, scanExitCode, scanJson, scanRow, scanTable } from "../../cli/scan/scanReport";

const target = (bucket: string) => ({ cloud: "aliyun" as const, region: "cn-hangzhou", bucket });
const statuses: BucketStatus[] = [
  { target: target("enc-kms"), finding: { kind: "encrypted", rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k-1", kmsDataEncryption: "SM4" } } },
  { target: target("enc-aes"), finding: { kind: "encrypted", rule: { sseAlgorithm: "AES256" } } },
  { target: target("plain"), finding: { kind: "unencrypted", code: "NoSuchServerSideEncryptionRule" } },
  { target: target("denied"), finding: { kind: "error", message: "GET ?encryption on aliyun:cn-hangzhou:denied failed: HTTP 403 AccessDenied", status: 403, code: "AccessDenied" } },
];
const declared = new Set(["aliyun:cn-hangzhou:enc-kms"]);

describe("scan rows", () => {
  it("carry the rule, the declared flag (only when a stack was compared) and the error", () => {
    const rows = statuses.map((s) => scanRow(s, declared));
    assert.deepEqual(rows[0], { cloud: "aliyun", region: "cn-hangzhou", bucket: "enc-kms", declared: true, status: "encrypted", sseAlgorithm: "KMS", kmsMasterKeyId: "k-1", kmsDataEncryption: "SM4" });
    assert.deepEqual(rows[2], { cloud: "aliyun", region: "cn-hangzhou", bucket: "plain", declared: false, status: "unencrypted" });
    assert.equal(rows[3]?.status, "error");
    assert.match(rows[3]?.error ?? "", /403 AccessDenied/);
    assert.equal("declared" in scanRow(statuses[0] as BucketStatus, undefined), false);
  });
});

describe("scan exit codes", () => {
  const row = (status: "encrypted" | "unencrypted" | "error") => ({ cloud: "aliyun", region: "cn-hangzhou", bucket: "b", status });
  const cases: Array<{ label: string; report: ScanReport; code: number }> = [
    { label: "every bucket encrypted: 0", report: { rows: [row("encrypted")], listingFailures: [] }, code: 0 },
    { label: "no bucket at all: 0", report: { rows: [], listingFailures: [] }, code: 0 },
    { label: "a bucket without the rule: 2", report: { rows: [row("encrypted"), row("unencrypted")], listingFailures: [] }, code: 2 },
    { label: "a bucket not read: 1, even with one unencrypted", report: { rows: [row("unencrypted"), row("error")], listingFailures: [] }, code: 1 },
    { label: "a region not listed: 1", report: { rows: [row("encrypted")], listingFailures: [{ target: { cloud: "aliyun", region: "cn-hangzhou" }, error: "x" }] }, code: 1 },
  ];
  for (const c of cases) it(c.label, () => assert.equal(scanExitCode(c.report), c.code));
});

describe("scan renderers", () => {
  const report: ScanReport = { rows: statuses.map((s) => scanRow(s, declared)), listingFailures: [] };
  it("CSV: a header and one row per bucket, empty cells for what is absent", () => {
    const lines = scanCsv(report).split("\r\n");
    assert.equal(lines[0], "cloud,region,bucket,status,sseAlgorithm,kmsMasterKeyId,kmsDataEncryption,declared,error");
    assert.equal(lines[1], "aliyun,cn-hangzhou,enc-kms,encrypted,KMS,k-1,SM4,yes,");
    assert.equal(lines[3], "aliyun,cn-hangzhou,plain,unencrypted,,,,no,");
    assert.equal(lines.length, 6);
  });
  it("JSON: the counts, every bucket and the listing failures", () => {
    const parsed = JSON.parse(scanJson(report)) as { summary: Record<string, number>; buckets: unknown[]; listingFailures: unknown[] };
    assert.deepEqual(parsed.summary, { buckets: 4, encrypted: 2, unencrypted: 1, errors: 1, undeclared: 3 });
    assert.equal(parsed.buckets.length, 4);
  });
  it("table: aligned columns and a summary line", () => {
    const text = scanTable(report);
    assert.match(text, /^cloud +region +bucket +status/);
    assert.match(text, /4 buckets: 2 encrypted, 1 without a rule, 1 not read; 3 not declared in the stack\n$/);
  });
});

describe("CSV fields", () => {
  const cases = [
    ["plain", "plain"],
    ["a,b", `"a,b"`],
    [`say "hi"`, `"say ""hi"""`],
    ["line\nbreak", "line\\u000abreak"],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["-1,2", `"'-1,2"`],
    ["\t=1+1", "'\\u0009=1+1"],
    ["\r=1+1", "'\\u000d=1+1"],
    ["", ""],
  ] as const;
  for (const [value, field] of cases) it(JSON.stringify(value), () => assert.equal(toCsv(["h"], [[value]]), `h\r\n${field}\r\n`));
});

describe("declared buckets from a stack export", () => {
  it("takes BucketEncryption ids and every resource's name", () => {
    const d = declaredInDeployment({
      resources: [
        { urn: "urn:pulumi:prod::p::pulumi:pulumi:Stack::p-prod", type: "pulumi:pulumi:Stack" },
        { urn: "urn:pulumi:prod::p::pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption::logs", type: "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption", id: "aliyun:cn-hangzhou:acme-logs" },
        { urn: "urn:pulumi:prod::p::pulumi-nodejs:dynamic:Resource::other", type: "pulumi-nodejs:dynamic:Resource", id: "aliyun:cn-hangzhou:not-ours" },
        { urn: "urn:pulumi:prod::p::bucket-encryption:index:BucketEncryption::backups", type: "bucket-encryption:index:BucketEncryption", id: "jdcloud:cn-north-1:acme-backups" },
      ],
    });
    assert.deepEqual([...d.ids], ["aliyun:cn-hangzhou:acme-logs", "jdcloud:cn-north-1:acme-backups"]);
    assert.deepEqual([...d.names], ["p-prod", "logs", "other", "backups"]);
  });
  it("an empty or odd deployment declares nothing", () => {
    assert.equal(declaredInDeployment(undefined).ids.size, 0);
    assert.equal(declaredInDeployment({ resources: "x" }).ids.size, 0);
  });
});

describe("scan targets", () => {
  const cases = [
    { text: "aliyun:cn-hangzhou", sv: undefined, value: { cloud: "aliyun", region: "cn-hangzhou" } },
    { text: "aliyun:oss-cn-hangzhou=http://127.0.0.1:9000", sv: "v1", value: { cloud: "aliyun", region: "cn-hangzhou", endpoint: "http://127.0.0.1:9000", signatureVersion: "v1" } },
    { text: "jdcloud:cn-north-1=https://s3-internal.cn-north-1.jdcloud-oss.com/", sv: "v1", value: { cloud: "jdcloud", region: "cn-north-1", endpoint: "https://s3-internal.cn-north-1.jdcloud-oss.com" } },
    { text: "aws:us-east-1", sv: undefined, problem: /cloud must be one of/ },
    { text: "jdcloud:north", sv: undefined, problem: /region must be a JD Cloud region/ },
    { text: "aliyun:cn-hangzhou=http://example.com", sv: undefined, problem: /must use https/ },
    { text: "aliyun", sv: undefined, problem: /is not <cloud>:<region>/ },
  ] as const;
  for (const c of cases) {
    it(c.text, () => {
      const parsed = parseServiceTarget(c.text, c.sv);
      if ("problem" in c) {
        assert.ok("problem" in parsed);
        assert.match(parsed.problem, c.problem);
      } else assert.deepEqual(parsed, { value: c.value });
    });
  }
});
