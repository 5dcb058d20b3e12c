import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { mapBounded } from "../../cli/concurrency/mapBounded";
import { readBucketStatus } from "../../cli/fleet/bucketStatus";
import { scanFleet } from "../../cli/scan/scanFleet";
import { aliyunBucketListing } from "../../provider/clouds/aliyun/listBuckets";
import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { ServiceError } from "../../provider/errors/ServiceError";
import type { Credentials } from "../../provider/model/types";
import { OssEmulator } from "../emulator/ossEmulator";
import { REPO_ROOT } from "../support/tools";

const ALIYUN = { accessKeyId: "LTAI-fleet-id", secretAccessKey: "fleet-Secret/Value+1" };
const JD = { accessKeyId: "jd-fleet-id", secretAccessKey: "jd-fleet-Secret+2" };
const CLI = path.join(REPO_ROOT, "build/cli/main.js");

function clientFor(credentials: Credentials = ALIYUN, jd: Credentials = JD): EncryptionClient {
  return new EncryptionClient({ credentials: ({ cloud }) => (cloud === "aliyun" ? credentials : jd), sleep: () => Promise.resolve() });
}

function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { PATH: process.env["PATH"] ?? "", ALIBABA_CLOUD_ACCESS_KEY_ID: ALIYUN.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALIYUN.secretAccessKey, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
    );
  });
}

describe("fleet listing and scanning against the emulator on 127.0.0.1", () => {
  const emulator = new OssEmulator([ALIYUN, JD]);
  let endpoint = "";
  const names = Array.from({ length: 250 }, (_, i) => `fleet-${String(i).padStart(4, "0")}`);
  const listRequests = () => emulator.log.filter((r) => r.method === "GET" && r.path === "/" && r.bucket === "");

  before(async () => {
    endpoint = await emulator.start();
  });
  after(async () => {
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.log.length = 0;
    emulator.buckets.clear();
    emulator.denied.clear();
    emulator.faults.clear();
    emulator.s3PageSize = undefined;
    emulator.peakInFlight = 0;
    emulator.latencyMs = 0;
    for (const n of names) emulator.createBucket(n);
    for (const n of ["sh-0001", "sh-0002"]) emulator.createBucket(n, "cn-shanghai");
  });

  for (const signatureVersion of ["v4", "v1"] as const) {
    it(`Aliyun ${signatureVersion}: pages of 100 through 252 buckets in 3 signed requests, keeping the region's 250`, async () => {
      const client = clientFor();
      const listed = await client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint, signatureVersion }, { pageSize: 100 });
      client.close();
      assert.deepEqual(listed.map((b) => b.name), names);
      const requests = listRequests();
      assert.equal(requests.length, 3);
      assert.ok(requests.every((r) => r.status === 200), JSON.stringify(requests.map((r) => r.status)));
      assert.deepEqual(requests.map((r) => [r.query["max-keys"], r.query["marker"] ?? null]), [["100", null], ["100", "fleet-0099"], ["100", "fleet-0199"]]);
    });
  }

  it("JD Cloud (S3 dialect): sends no page size and follows ContinuationToken when the server pages", async () => {
    emulator.s3PageSize = 40;
    const client = clientFor();
    const listed = await client.listBuckets({ cloud: "jdcloud", region: "cn-north-1", endpoint });
    client.close();
    // The S3 answer names no region, so every bucket counts.
    assert.equal(listed.length, 252);
    const requests = listRequests();
    assert.equal(requests.length, Math.ceil(252 / 40));
    assert.equal(requests[0]?.query["continuation-token"], undefined);
    assert.ok(requests.every((r) => r.dialect === "s3" && r.status === 200 && r.query["max-buckets"] === undefined));
  });

  it("a page answered 503 SlowDown is retried, signed anew, and the listing completes", async () => {
    emulator.faults.enqueue({ kind: "status", status: 503, code: "SlowDown", retryAfterSeconds: 0 });
    const client = clientFor();
    const listed = await client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint }, { pageSize: 1000 });
    assert.equal(listed.length, 250);
    assert.equal(client.stats.retries, 1);
    client.close();
  });

  it("a refused listing names the call, the region, the status, the code and the request id", async () => {
    const client = clientFor({ accessKeyId: ALIYUN.accessKeyId, secretAccessKey: "wrong" });
    await assert.rejects(client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint }), (error: unknown) => {
      assert.ok(error instanceof ServiceError);
      assert.match(error.message, /^GET \/ \(ListBuckets\) on aliyun:cn-hangzhou \(Alibaba Cloud OSS\) failed after 1 attempt: HTTP 403 SignatureDoesNotMatch: .*\[request id [0-9A-F]+\]/);
      assert.ok(!error.message.includes("wrong"));
      return true;
    });
    client.close();
  });

  it("the emulator refuses max-keys above 1000, as Alibaba documents", async () => {
    const client = clientFor();
    // The listing clamps its own page size; bypass it to ask the server for 1001.
    const original = aliyunBucketListing.pageQuery.bind(aliyunBucketListing);
    aliyunBucketListing.pageQuery = () => ({ "max-keys": "1001" });
    try {
      await assert.rejects(client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint }), /HTTP 400 InvalidArgument/);
    } finally {
      aliyunBucketListing.pageQuery = original;
      client.close();
    }
  });

  it("scan: one GET per bucket with at most `concurrency` in flight; a 403 on one bucket is reported and the rest go on", async () => {
    emulator.setRule("fleet-0001", { SSEAlgorithm: "KMS", KMSMasterKeyID: "k-1" });
    emulator.setRule("fleet-0002", { SSEAlgorithm: "AES256" });
    emulator.denied.add("fleet-0003");
    // Answers that take a while, as a remote service's do, so requests overlap at the server.
    emulator.latencyMs = 5;
    const client = clientFor();
    const scan = await scanFleet(client, [{ cloud: "aliyun", region: "cn-hangzhou", endpoint }], { concurrency: 4, pageSize: 100 });
    client.close();
    assert.equal(scan.statuses.length, 250);
    assert.deepEqual(scan.listingFailures, []);
    const kinds = scan.statuses.map((s) => s.finding.kind);
    assert.equal(kinds.filter((k) => k === "encrypted").length, 2);
    assert.equal(kinds.filter((k) => k === "error").length, 1);
    assert.equal(kinds.filter((k) => k === "unencrypted").length, 247);
    const denied = scan.statuses.find((s) => s.target.bucket === "fleet-0003")?.finding;
    assert.ok(denied?.kind === "error" && denied.status === 403 && denied.code === "AccessDenied");
    const ruleGets = emulator.log.filter((r) => "encryption" in r.query);
    assert.equal(ruleGets.length, 250);
    assert.ok(emulator.peakInFlight <= 4, `peak ${emulator.peakInFlight}`);
    assert.ok(emulator.peakInFlight >= 3, `peak ${emulator.peakInFlight}: the reads did not run concurrently`);
  });

  it("readBucketStatus tells no rule from no bucket, and never sends a listed name the resource would refuse", async () => {
    const client = clientFor();
    const reach = { cloud: "aliyun" as const, region: "cn-hangzhou", endpoint };
    const [plain, missing, bad] = await mapBounded(["fleet-0004", "no-such-bucket", "Bad.Name"], 3, (bucket) => readBucketStatus(client, { ...reach, bucket }));
    client.close();
    assert.deepEqual(plain?.finding, { kind: "unencrypted", code: "NoSuchServerSideEncryptionRule" });
    assert.deepEqual(missing?.finding, { kind: "missing", code: "NoSuchBucket" });
    assert.equal(bad?.finding.kind, "error");
    assert.equal(emulator.log.filter((r) => r.bucket === "Bad.Name" || r.path.includes("Bad")).length, 0);
  });

  describe("the CLI", () => {
    let dir = "";
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "fleet-cli-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("scan: exit 1 while a bucket cannot be read, 2 when one lacks the rule, 0 when all have it; JSON and CSV hold every bucket", async () => {
      emulator.setRule("fleet-0001", { SSEAlgorithm: "KMS" });
      emulator.denied.add("fleet-0003");
      const target = `aliyun:cn-hangzhou=${endpoint}`;
      const denied = await runCli(["scan", "--target", target, "--page-size", "100", "--format", "json"], dir);
      assert.equal(denied.code, 1, denied.stderr);
      const report = JSON.parse(denied.stdout) as { summary: Record<string, number>; buckets: Array<{ bucket: string; status: string; error?: string }> };
      assert.deepEqual(report.summary, { buckets: 250, encrypted: 1, unencrypted: 248, errors: 1 });
      assert.match(report.buckets.find((b) => b.bucket === "fleet-0003")?.error ?? "", /HTTP 403 AccessDenied/);
      assert.ok(!denied.stdout.includes(ALIYUN.secretAccessKey) && !denied.stderr.includes(ALIYUN.secretAccessKey));

      emulator.denied.clear();
      const csv = await runCli(["scan", "--target", target, "--format", "csv"], dir);
      assert.equal(csv.code, 2, csv.stderr);
      assert.equal(csv.stdout.trimEnd().split("\r\n").length, 251);
      assert.match(csv.stdout, /\r\naliyun,cn-hangzhou,fleet-0001,encrypted,KMS,,,,\r\n/);

      for (const n of names) emulator.setRule(n, { SSEAlgorithm: "AES256" });
      const clean = await runCli(["scan", "--target", target], dir);
      assert.equal(clean.code, 0, clean.stderr);
      assert.match(clean.stdout, /250 buckets: 250 encrypted, 0 without a rule, 0 not read\n$/);
    });

    it("scan: usage errors exit 1 before any request", async () => {
      const before = emulator.log.length;
      const result = await runCli(["scan", "--target", "aliyun:cn-hangzhou=http://example.com"], dir);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /must use https/);
      assert.equal(emulator.log.length, before);
    });

    it("import --from: a list of ids (comments allowed); one bad line refuses the whole list before any request", async () => {
      emulator.setRule("fleet-0007", { SSEAlgorithm: "AES256" });
      const list = path.join(dir, "buckets.txt");
      writeFileSync(list, "# adopted buckets\naliyun:oss-cn-hangzhou:fleet-0007\naliyun:cn-hangzhou:Not_A_Bucket\n");
      const before = emulator.log.length;
      const refused = await runCli(["import", "--from", list, "--endpoint", endpoint], dir);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /buckets\.txt: line 3: "aliyun:cn-hangzhou:Not_A_Bucket"/);
      assert.equal(emulator.log.length, before);
      writeFileSync(list, "# adopted buckets\naliyun:oss-cn-hangzhou:fleet-0007\n");
      const result = await runCli(["import", "--from", list, "--endpoint", endpoint, "--out", "from.json", "--declarations", "from.ts", "--no-protect"], dir);
      assert.equal(result.code, 0, result.stderr);
      const file = JSON.parse(readFileSync(path.join(dir, "from.json"), "utf8")) as { resources: Array<{ id: string }> };
      assert.deepEqual(file.resources.map((r) => r.id), ["aliyun:cn-hangzhou:fleet-0007"]);
      assert.doesNotMatch(readFileSync(path.join(dir, "from.ts"), "utf8"), /protect/);
      assert.match(result.stderr, /--generate-code=false --protect=false\n/);
    });

    it("import: the encrypted buckets are written; no rule and no bucket are reported and left out (exit 2)", async () => {
      emulator.setRule("fleet-0001", { SSEAlgorithm: "KMS", KMSMasterKeyID: "k-1", KMSDataEncryption: "SM4" });
      emulator.setRule("fleet-0002", { SSEAlgorithm: "AES256" });
      const result = await runCli(["import", "--cloud", "aliyun", "--region", "oss-cn-hangzhou", "--endpoint", endpoint, "fleet-0001", "fleet-0002", "fleet-0005", "gone-bucket", "--format", "json"], dir);
      assert.equal(result.code, 2, result.stderr);
      const outcomes = (JSON.parse(result.stdout) as { buckets: Array<{ id: string; result: string }> }).buckets.map((b) => [b.id, b.result]);
      assert.deepEqual(outcomes, [
        ["aliyun:cn-hangzhou:fleet-0001", "imported"],
        ["aliyun:cn-hangzhou:fleet-0002", "imported"],
        ["aliyun:cn-hangzhou:fleet-0005", "no-rule"],
        ["aliyun:cn-hangzhou:gone-bucket", "no-bucket"],
      ]);
      const file = JSON.parse(readFileSync(path.join(dir, "bucket-encryption-import.json"), "utf8")) as { resources: Array<{ id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }> };
      assert.deepEqual(file.resources.map((r) => r.id), ["aliyun:cn-hangzhou:fleet-0001", "aliyun:cn-hangzhou:fleet-0002"]);
      assert.equal(file.resources[0]?.outputs["kmsDataEncryption"], "SM4");
      assert.equal(typeof file.resources[0]?.inputs["__provider"], "string");
      assert.equal(file.resources[0]?.inputs["__provider"], file.resources[0]?.outputs["__provider"]);
      const declarations = readFileSync(path.join(dir, "bucket-encryption-imported.ts"), "utf8");
      assert.match(declarations, /new BucketEncryption\("fleet-0002", \{[^}]*sseAlgorithm: "AES256",[^}]*\}, \{ protect: true \}\);/);
      assert.doesNotMatch(declarations, /fleet-0005|gone-bucket/);
      assert.match(result.stderr, /pulumi import --file bucket-encryption-import.json --generate-code=false\n/);
      // Exactly one GET per bucket asked.
      assert.equal(emulator.log.filter((r) => "encryption" in r.query).length, 4);
    });
  });
});
