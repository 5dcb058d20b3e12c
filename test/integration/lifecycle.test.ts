import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { ServiceError } from "../../provider/errors/ServiceError";
import { OssEmulator } from "../emulator/ossEmulator";
import { REPO_ROOT } from "../support/tools";

// What the clouds' support sees: the package, its release and the Node.js that sent the request.
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
const USER_AGENT = `pulumi-bucket-encryption/${PACKAGE_VERSION} node/${process.versions.node} (${process.platform}; ${process.arch})`;

// The PUT bodies of a KMS rule with key-1, in each dialect's XML shape.
const OSS_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>';
const S3_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>';

const ALIYUN = { accessKeyId: "LTAI-e2e-id", secretAccessKey: "aliyun-Secret/Value+1" };
const JD = { accessKeyId: "jd-e2e-id", secretAccessKey: "jd-Secret/Value+2" };

function config(values: Record<string, string>) {
  return { config: { get: (key: string) => values[key] } };
}

describe("lifecycle against the recording emulator on 127.0.0.1", () => {
  const emulator = new OssEmulator([ALIYUN, JD]);
  let endpoint = "";
  let lifecycle: BucketEncryptionLifecycle;

  before(async () => {
    endpoint = await emulator.start();
  });
  after(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.log.length = 0;
    emulator.buckets.clear();
    emulator.faults.clear();
    lifecycle = new BucketEncryptionLifecycle({});
    await lifecycle.configure(
      config({ "alicloud:accessKey": ALIYUN.accessKeyId, "alicloud:secretKey": ALIYUN.secretAccessKey, "jdcloud:accessKey": JD.accessKeyId, "jdcloud:secretKey": JD.secretAccessKey }),
    );
  });

  const clouds = [
    { cloud: "aliyun", region: "oss-cn-hangzhou", normalizedRegion: "cn-hangzhou", dialect: "oss", wire: "KMS", body: OSS_BODY, extra: { signatureVersion: "v4" } },
    { cloud: "aliyun", region: "cn-hangzhou", normalizedRegion: "cn-hangzhou", dialect: "oss", wire: "KMS", body: OSS_BODY, extra: { signatureVersion: "v1" } },
    { cloud: "jdcloud", region: "cn-north-1", normalizedRegion: "cn-north-1", dialect: "s3", wire: "aws:kms", body: S3_BODY, extra: {} },
  ] as const;

  for (const c of clouds) {
    const label = `${c.cloud}${"signatureVersion" in c.extra ? ` ${c.extra.signatureVersion}` : ""}`;
    const inputs = () => ({ cloud: c.cloud, region: c.region, bucket: "acme-data", sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", endpoint, ...c.extra });

    it(`${label}: check and diff make no request; create, read, update, delete make exactly one each`, async () => {
      emulator.createBucket("acme-data");
      const checked = await lifecycle.check({}, { ...inputs(), __provider: "text" });
      assert.deepEqual(checked.failures, []);
      assert.equal(checked.inputs["region"], c.normalizedRegion);
      const diff = await lifecycle.diff("x", { ...checked.inputs }, { ...checked.inputs });
      assert.equal(diff.changes, false);
      assert.equal(emulator.log.length, 0);

      const created = await lifecycle.create(checked.inputs);
      assert.equal(created.id, `${c.cloud}:${c.normalizedRegion}:acme-data`);
      assert.deepEqual(created.outs, checked.inputs);
      assert.equal(emulator.log.length, 1);
      const put = emulator.log[0]!;
      assert.equal(put.method, "PUT");
      assert.equal(put.path, "/acme-data/");
      assert.deepEqual(put.query, { encryption: null });
      assert.equal(put.headers["content-type"], "application/xml");
      assert.equal(put.headers["content-md5"], createHash("md5").update(c.body).digest("base64"));
      assert.equal(put.dialect, c.dialect);
      assert.equal(put.body, c.body);
      assert.deepEqual(emulator.buckets.get("acme-data")?.rule, { SSEAlgorithm: c.wire, KMSMasterKeyID: "key-1" });

      const read = await lifecycle.read(created.id, { ...created.outs, __provider: "text" });
      assert.deepEqual(read.props, created.outs);
      assert.equal(emulator.log.length, 2);

      const updatedInputs = { ...checked.inputs, kmsMasterKeyId: "key-2" };
      const updated = await lifecycle.update(created.id, created.outs, updatedInputs);
      assert.deepEqual(updated.outs, updatedInputs);
      assert.equal(emulator.log.length, 3);
      assert.equal(emulator.buckets.get("acme-data")?.rule?.KMSMasterKeyID, "key-2");

      await lifecycle.delete(created.id, updated.outs);
      assert.equal(emulator.log.length, 4);
      assert.equal(emulator.log[3]!.method, "DELETE");
      assert.equal(emulator.buckets.get("acme-data")?.rule, undefined);
      assert.deepEqual(emulator.log.map((r) => r.headers["user-agent"]), [USER_AGENT, USER_AGENT, USER_AGENT, USER_AGENT]);
    });

    it(`${label}: read reports out-of-band changes and drops a deleted rule or bucket`, async () => {
      emulator.createBucket("acme-data");
      const { inputs: state } = await lifecycle.check({}, inputs());
      const { id } = await lifecycle.create(state);
      emulator.setRule("acme-data", { SSEAlgorithm: "AES256" });
      const drifted = await lifecycle.read(id, state);
      assert.equal(drifted.props?.["sseAlgorithm"], "AES256");
      assert.equal(drifted.props?.["kmsMasterKeyId"], undefined);
      assert.equal(drifted.props?.["endpoint"], endpoint, "the endpoint is kept from state");
      emulator.setRule("acme-data", undefined);
      assert.deepEqual(await lifecycle.read(id, state), {});
      emulator.buckets.delete("acme-data");
      assert.deepEqual(await lifecycle.read(id, state), {});
    });

    it(`${label}: delete of a rule or bucket already gone succeeds`, async () => {
      emulator.createBucket("acme-data");
      const { inputs: state } = await lifecycle.check({}, inputs());
      await lifecycle.delete(`${c.cloud}:${c.normalizedRegion}:acme-data`, state);
      emulator.buckets.delete("acme-data");
      await lifecycle.delete(`${c.cloud}:${c.normalizedRegion}:acme-data`, state);
      assert.equal(emulator.log.length, 2);
    });

    it(`${label}: create adopts a bucket that already has a rule`, async () => {
      emulator.createBucket("acme-data");
      emulator.setRule("acme-data", { SSEAlgorithm: "AES256" });
      const { inputs: state } = await lifecycle.check({}, inputs());
      await lifecycle.create(state);
      assert.equal(emulator.buckets.get("acme-data")?.rule?.SSEAlgorithm, c.wire);
    });
  }

  it("read works from the id alone (with the endpoint kept in props)", async () => {
    emulator.createBucket("acme-data");
    emulator.setRule("acme-data", { SSEAlgorithm: "KMS", KMSMasterKeyID: "key-9" });
    const read = await lifecycle.read("aliyun:cn-hangzhou:acme-data", { endpoint });
    assert.deepEqual(read.props, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-data", sseAlgorithm: "KMS", kmsMasterKeyId: "key-9", endpoint, signatureVersion: "v4" });
    assert.equal(read.id, "aliyun:cn-hangzhou:acme-data");
  });

  it("a missing bucket on create is a clear error with code, status and request id", async () => {
    const { inputs: state } = await lifecycle.check({}, { cloud: "aliyun", region: "cn-hangzhou", bucket: "no-such-bucket", sseAlgorithm: "AES256", endpoint });
    await assert.rejects(lifecycle.create(state), (e: Error) => {
      assert.ok(e instanceof ServiceError);
      assert.equal(e.status, 404);
      assert.equal(e.code, "NoSuchBucket");
      assert.match(e.message, /aliyun:cn-hangzhou:no-such-bucket \(Alibaba Cloud OSS\) failed after 1 attempt: HTTP 404 NoSuchBucket: The specified bucket does not exist\. \(EC 0015-00000101\) \[request id [0-9A-F]{24}\]\. Next: /);
      return true;
    });
  });

  it("a wrong secret fails once (never retried) and the error holds no secret or signature", async () => {
    emulator.createBucket("acme-data");
    const wrong = new BucketEncryptionLifecycle({});
    await wrong.configure(config({ "alicloud:accessKey": ALIYUN.accessKeyId, "alicloud:secretKey": "not-the-secret" }));
    const { inputs: state } = await wrong.check({}, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-data", sseAlgorithm: "AES256", endpoint });
    await assert.rejects(wrong.create(state), (e: Error) => {
      assert.match(e.message, /HTTP 403 SignatureDoesNotMatch/);
      assert.ok(!e.message.includes("not-the-secret"));
      assert.ok(!/Signature=|OSS4-HMAC|Credential=/.test(e.message));
      return true;
    });
    assert.equal(emulator.log.length, 1);
  });

  it("check names both ways to configure credentials when none are set", async () => {
    const bare = new BucketEncryptionLifecycle({});
    const result = await bare.check({}, { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-data", sseAlgorithm: "KMS", endpoint });
    assert.equal(result.failures[0]?.property, "cloud");
    assert.match(result.failures[0]?.reason ?? "", /jdcloud:accessKey.*JDCLOUD_ACCESS_KEY/);
    assert.equal(emulator.log.length, 0);
  });

  it("credentials come from the environment when config has none", async () => {
    emulator.createBucket("acme-data");
    const fromEnv = new BucketEncryptionLifecycle({ ALIBABA_CLOUD_ACCESS_KEY_ID: ALIYUN.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALIYUN.secretAccessKey });
    const { inputs: state, failures } = await fromEnv.check({}, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-data", sseAlgorithm: "SM4", endpoint });
    assert.deepEqual(failures, []);
    await fromEnv.create(state);
    assert.equal(emulator.buckets.get("acme-data")?.rule?.SSEAlgorithm, "SM4");
  });

  // The engine caches the provider before configure resolves, so calls can overlap it: each must
  // wait for it, or it runs with no credentials and default settings. The config here allows one
  // attempt, and the server's first answer is a retryable 503: a call that waited sends exactly
  // one request and fails; one that did not would retry (the default is 5 attempts) and succeed.
  const overlapping: Array<[string, (l: BucketEncryptionLifecycle, state: Record<string, unknown>) => Promise<unknown>]> = [
    ["create", (l, state) => l.create(state)],
    ["read", (l, state) => l.read("aliyun:cn-hangzhou:acme-data", state)],
    ["update", (l, state) => l.update("aliyun:cn-hangzhou:acme-data", state, state)],
    ["delete", (l, state) => l.delete("aliyun:cn-hangzhou:acme-data", state)],
  ];
  const overlapConfig = () =>
    config({ "alicloud:accessKey": ALIYUN.accessKeyId, "alicloud:secretKey": ALIYUN.secretAccessKey, "bucketEncryption:maxAttempts": "1" });

  it("check that arrives while configure is still running sees its credentials", async () => {
    const early = new BucketEncryptionLifecycle({});
    const configuring = early.configure(overlapConfig());
    const result = await early.check({}, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-data", sseAlgorithm: "AES256", endpoint });
    await configuring;
    assert.deepEqual(result.failures, []);
  });

  for (const [name, call] of overlapping) {
    it(`${name} that arrives while configure is still running uses its credentials and settings`, async () => {
      emulator.createBucket("acme-data");
      const state = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-data", sseAlgorithm: "AES256", endpoint, signatureVersion: "v4" };
      emulator.faults.enqueue({ kind: "status", status: 503, code: "SlowDown" });
      const early = new BucketEncryptionLifecycle({});
      const configuring = early.configure(overlapConfig());
      await assert.rejects(call(early, state), (e: Error) => e instanceof ServiceError && e.status === 503);
      await configuring;
      assert.equal(emulator.requestsTo("acme-data").length, 1);
    });
  }
});
