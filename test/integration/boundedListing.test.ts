import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { OssEmulator } from "../emulator/ossEmulator";
import { runBuiltCli } from "../support/builtCli";

// `scan` against listings that page wrongly, through the CLI in a child process: one that names a
// new marker on every page (Aliyun NextMarker, S3/JD Cloud ContinuationToken) stops at the page or
// bucket limit with exit 1 naming the region and the limit; one that names a bucket twice reads it
// once and says so. Before the bounds such a scan never ended (80,900 requests in 40 s).

const ALIYUN = { accessKeyId: "LTAI-listing-id", secretAccessKey: "listing-Secret/aliyun" };
const JD = { accessKeyId: "JDC-listing-id", secretAccessKey: "listing-Secret/jdcloud" };
const KEYS = { ALIBABA_CLOUD_ACCESS_KEY_ID: ALIYUN.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALIYUN.secretAccessKey, JDCLOUD_ACCESS_KEY: JD.accessKeyId, JDCLOUD_SECRET_KEY: JD.secretAccessKey };
const REGION = { aliyun: "cn-hangzhou", jdcloud: "cn-north-1" } as const;

describe("scan: bounded listings on the emulator", () => {
  const emulator = new OssEmulator([ALIYUN, JD]);
  const cwd = mkdtempSync(path.join(os.tmpdir(), "bounded-listing-"));
  let endpoint = "";
  const listRequests = () => emulator.log.filter((r) => r.method === "GET" && r.path === "/" && r.bucket === "");
  const ruleReads = () => emulator.log.filter((r) => "encryption" in r.query);
  const scan = (cloud: "aliyun" | "jdcloud", ...args: string[]) => runBuiltCli(["scan", "--target", `${cloud}:${REGION[cloud]}=${endpoint}`, ...args], KEYS, { cwd, killAfterMs: 120_000 });

  before(async () => {
    endpoint = await emulator.start();
  });
  after(async () => {
    await emulator.stop();
    rmSync(cwd, { recursive: true, force: true });
  });
  beforeEach(() => {
    emulator.log.length = 0;
    emulator.buckets.clear();
    emulator.listingQuirk = undefined;
    emulator.s3PageSize = undefined;
  });

  const endless: Array<[string, "aliyun" | "jdcloud", string[], RegExp, number]> = [
    ["Aliyun, a new NextMarker on every page: --max-pages", "aliyun", ["--page-size", "10", "--max-pages", "5"], /went past 5 pages and was stopped\. .*\(--max-pages\)/, 5],
    ["Aliyun, a new NextMarker on every page: --max-buckets", "aliyun", ["--page-size", "10", "--max-buckets", "25"], /went past 25 buckets and was stopped\. .*\(--max-buckets\)/, 3],
    ["JD Cloud, a new ContinuationToken on every page: --max-pages", "jdcloud", ["--max-pages", "4"], /went past 4 pages and was stopped\. .*\(--max-pages\)/, 4],
    ["JD Cloud, a new ContinuationToken on every page: --max-buckets", "jdcloud", ["--max-buckets", "1500"], /went past 1,500 buckets and was stopped\. .*\(--max-buckets\)/, 2],
  ];
  for (const [name, cloud, args, limit, requests] of endless) {
    it(`${name}: exit 1 naming the region and the limit, after exactly ${requests} list requests and no rule read`, async (t) => {
      emulator.listingQuirk = "endless-markers";
      if (cloud === "jdcloud") emulator.s3PageSize = 1000;
      const result = await scan(cloud, ...args);
      const where = `exit ${result.code} after ${result.ms} ms${result.killed ? " (killed)" : ""}\n${result.stderr}`;
      assert.equal(result.code, 1, where);
      const line = result.stderr.split("\n").find((l) => l.startsWith("error: listing "));
      assert.match(line ?? "", new RegExp(`^error: listing ${cloud}:${REGION[cloud]} failed: ListBuckets on ${cloud}:${REGION[cloud]} `), where);
      assert.match(line ?? "", limit, where);
      assert.equal(listRequests().length, requests);
      assert.equal(ruleReads().length, 0);
      t.diagnostic(`${cloud} ${args.join(" ")}: exit 1 after ${result.ms} ms, ${listRequests().length} list requests`);
    });
  }

  it("Aliyun, no flags: the default bounds end an endless listing (100,000 buckets, 101 requests)", async (t) => {
    emulator.listingQuirk = "endless-markers";
    const result = await scan("aliyun");
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /error: listing aliyun:cn-hangzhou failed: ListBuckets on aliyun:cn-hangzhou went past 100,000 buckets and was stopped\. .*\(--max-buckets\)/);
    assert.equal(listRequests().length, 101);
    t.diagnostic(`defaults: exit 1 after ${result.ms} ms, ${listRequests().length} list requests`);
  });

  for (const cloud of ["aliyun", "jdcloud"] as const) {
    it(`${cloud}: a listing that names buckets twice reads and reports each once, with a note per bucket`, async () => {
      const names = Array.from({ length: 6 }, (_, i) => `dup-${i}`);
      for (const n of names) {
        emulator.createBucket(n, REGION[cloud]);
        emulator.setRule(n, { SSEAlgorithm: "AES256" });
      }
      emulator.listingQuirk = "repeated-names";
      if (cloud === "jdcloud") emulator.s3PageSize = 4;
      const result = await scan(cloud, "--page-size", "4", "--format", "json");
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { summary: { buckets: number }; buckets: Array<{ bucket: string }> };
      assert.deepEqual(report.buckets.map((b) => b.bucket), names);
      assert.equal(report.summary.buckets, 6);
      assert.deepEqual(ruleReads().map((r) => r.bucket).sort(), names);
      // Page one: dup-0..dup-3 and dup-0 again; page two starts again at dup-3 and ends with it.
      assert.match(result.stderr, new RegExp(`note: the listing named ${cloud}:${REGION[cloud]}:dup-0 2 times; it was read once\\n`));
      assert.match(result.stderr, new RegExp(`note: the listing named ${cloud}:${REGION[cloud]}:dup-3 3 times; it was read once\\n`));
    });
  }
});
