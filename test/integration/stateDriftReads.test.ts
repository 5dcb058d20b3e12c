import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ConfigLookup } from "../../provider/internal";
import { readLiveRules, type RuleRead } from "../../cli/drift/state/readLiveRules";
import { OssEmulator } from "../emulator/ossEmulator";

// The GETs of drift --source state against the emulator: exactly one request per resource, at
// most `concurrency` at once, credentials from each read's own config, one client (connections)
// per config, and every failure kept to the reads it concerns.

const A = { accessKeyId: "LTAI-state-a", secretAccessKey: "stateSecretA/0123456789" };
const B = { accessKeyId: "LTAI-state-b", secretAccessKey: "stateSecretB/0123456789" };
const configOf = (c: { accessKeyId: string; secretAccessKey: string }, extra: Record<string, string> = {}): ConfigLookup => {
  const values = new Map(Object.entries({ "alicloud:accessKey": c.accessKeyId, "alicloud:secretKey": c.secretAccessKey, ...extra }));
  return (key) => values.get(key);
};
const accessKeyOf = (authorization: string | undefined) => /Credential=([^/]+)\//.exec(authorization ?? "")?.[1];

describe("readLiveRules on the emulator", () => {
  let emulator: OssEmulator;
  let url: string;
  before(async () => {
    emulator = new OssEmulator([A, B]);
    url = await emulator.start();
    emulator.latencyMs = 20;
  });
  after(async () => emulator?.stop());

  const read = (key: string, bucket: string, config: ConfigLookup, clientKey: string): RuleRead => ({
    key,
    location: { cloud: "aliyun", region: "cn-hangzhou", bucket, endpoint: url, signatureVersion: "v4" },
    config,
    clientKey,
  });

  it("one GET per read, at most `concurrency` in flight, each with its own config's credentials", async () => {
    const buckets = Array.from({ length: 40 }, (_, i) => `state-read-${i}`);
    for (const [i, b] of buckets.entries()) {
      emulator.createBucket(b);
      if (i % 2 === 0) emulator.setRule(b, { SSEAlgorithm: "KMS", KMSMasterKeyID: "k1" });
    }
    emulator.log.length = 0;
    emulator.peakInFlight = 0;
    const reads = buckets.map((b, i) => (i < 20 ? read(b, b, configOf(A), "a") : read(b, b, configOf(B), "b")));
    let progress = 0;
    const results = await readLiveRules(reads, {}, 6, () => progress++);
    assert.equal(progress, 40);
    for (const b of buckets) assert.equal(emulator.requestsTo(b).filter((r) => r.method === "GET").length, 1, b);
    assert.equal(emulator.log.length, 40, "no other request");
    assert.ok(emulator.peakInFlight <= 6 && emulator.peakInFlight >= 2, `peak ${emulator.peakInFlight}`);
    assert.deepEqual(results.get("state-read-0"), { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } });
    assert.deepEqual(results.get("state-read-1"), { absent: "no-rule" });
    assert.equal(accessKeyOf(emulator.requestsTo("state-read-3")[0]?.headers["authorization"]), A.accessKeyId);
    assert.equal(accessKeyOf(emulator.requestsTo("state-read-33")[0]?.headers["authorization"]), B.accessKeyId);
  });

  it("reads of one config share connections: far fewer connections than reads", async () => {
    const buckets = Array.from({ length: 30 }, (_, i) => `state-conn-${i}`);
    for (const b of buckets) emulator.createBucket(b);
    const before = emulator.counts.connections;
    await readLiveRules(buckets.map((b) => read(b, b, configOf(A), "shared")), {}, 3);
    const opened = emulator.counts.connections - before;
    assert.ok(opened <= 3, `${opened} connections for 30 reads`);
  });

  it("a bucket that is gone, a 403 and a config whose settings are malformed: each an answer of its own, the rest read", async () => {
    emulator.createBucket("state-denied");
    emulator.deniedBuckets.add("state-denied");
    emulator.createBucket("state-fine");
    emulator.setRule("state-fine", { SSEAlgorithm: "AES256" });
    emulator.log.length = 0;
    const results = await readLiveRules(
      [
        read("gone", "state-no-such-bucket", configOf(A), "a"),
        read("denied", "state-denied", configOf(A), "a"),
        read("badSettings", "state-fine", configOf(B, { "bucketEncryption:maxAttempts": "many" }), "bad"),
        read("fine", "state-fine", configOf(B), "b"),
      ],
      {},
      4,
    );
    assert.deepEqual(results.get("gone"), { absent: "no-bucket" });
    const denied = results.get("denied");
    assert.ok(denied !== undefined && "error" in denied);
    assert.equal(denied.error.httpStatus, 403);
    assert.equal(denied.error.code, "AccessDenied");
    assert.match(denied.error.requestId ?? "", /^[0-9A-F]{24}$/);
    const bad = results.get("badSettings");
    assert.ok(bad !== undefined && "error" in bad);
    assert.match(bad.error.message, /bucketEncryption:maxAttempts must be a positive whole number/);
    assert.deepEqual(results.get("fine"), { rule: { sseAlgorithm: "AES256" } });
    assert.equal(emulator.requestsTo("state-fine").length, 1, "the malformed config sent nothing");
  });

  it("no credentials anywhere: an error naming what to set, no request, no secret in it", async () => {
    emulator.log.length = 0;
    const results = await readLiveRules([read("x", "state-fine", () => undefined, "none")], {}, 1);
    const x = results.get("x");
    assert.ok(x !== undefined && "error" in x);
    assert.match(x.error.message, /alicloud:accessKey/);
    assert.equal(emulator.log.length, 0);
  });
});
