import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { StoredLocationError } from "../../provider/errors/StoredLocationError";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { kmsInputs, lifecycleOn } from "../support/operations";
import { ScriptedServer } from "../support/scriptedServer";
import { emulatorTarget, minioTarget, type Target, type WireRule } from "../support/targets";
import { installTools } from "../support/tools";

// Drift is the normal case: a rule changed out-of-band to a value check refuses as input is read
// as it is, and then update repairs it, delete removes it (one DELETE), and a replacement's delete
// half goes through. Assertions on the servers' own state.

interface Drift {
  readonly name: string;
  readonly rule: WireRule;
  /** What read must record. */
  readonly recorded: Record<string, unknown>;
}

const LONG_KEY = `key-${"x".repeat(300)}`;

const cases: Array<[string, () => Promise<Target>, Drift[]]> = [
  [
    "aliyun on the emulator",
    () => emulatorTarget("aliyun", { accessKeyId: "LTAI-drift-id", secretAccessKey: "drift-secret" }),
    [
      { name: "SM4 with a key id", rule: { SSEAlgorithm: "SM4", KMSMasterKeyID: "sm4-key" }, recorded: { sseAlgorithm: "SM4", kmsMasterKeyId: "sm4-key" } },
      { name: "a key id with a space", rule: { SSEAlgorithm: "KMS", KMSMasterKeyID: "my key" }, recorded: { sseAlgorithm: "KMS", kmsMasterKeyId: "my key" } },
      { name: "a key id of 304 characters", rule: { SSEAlgorithm: "KMS", KMSMasterKeyID: LONG_KEY }, recorded: { sseAlgorithm: "KMS", kmsMasterKeyId: LONG_KEY } },
      { name: "an algorithm no document lists", rule: { SSEAlgorithm: "AES128" }, recorded: { sseAlgorithm: "AES128" } },
    ],
  ],
  ["jdcloud on MinIO", () => minioTarget(installTools("minio").minio), [{ name: "AES256 (JD Cloud accepts only KMS)", rule: { SSEAlgorithm: "AES256" }, recorded: { sseAlgorithm: "AES256" } }]],
];

for (const [label, start, drifts] of cases) {
  describe(`drift: ${label}`, () => {
    let target: Target;
    let lifecycle: BucketEncryptionLifecycle;
    let counter = 0;
    before(async () => {
      target = await start();
      lifecycle = lifecycleOn(target);
    });
    after(async () => target?.stop());

    async function drifted(drift: Drift) {
      const bucket = `drift-${++counter}`;
      await target.createBucket(bucket);
      const { inputs, failures } = await lifecycle.check({}, kmsInputs(target, bucket));
      assert.deepEqual(failures, []);
      const id = (await lifecycle.create(inputs)).id;
      await target.setRule(bucket, drift.rule);
      // What refresh records: the live rule, which check would refuse as input.
      const refreshed = await lifecycle.read(id, inputs);
      assert.ok(refreshed.props !== undefined);
      assert.deepEqual(
        { sseAlgorithm: refreshed.props["sseAlgorithm"], kmsMasterKeyId: refreshed.props["kmsMasterKeyId"] },
        { sseAlgorithm: undefined, kmsMasterKeyId: undefined, ...drift.recorded },
      );
      const recheck = await lifecycle.check({}, { ...refreshed.props });
      assert.notDeepEqual(recheck.failures, [], "check refuses the drifted value as input");
      return { bucket, id, inputs, stored: refreshed.props };
    }

    for (const drift of drifts) {
      it(`${drift.name}: read records it, the diff shows it, update repairs it with one PUT`, async () => {
        const { bucket, id, inputs, stored } = await drifted(drift);
        const diff = await lifecycle.diff(id, stored, inputs);
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);
        const before = target.requestCount(bucket);
        await lifecycle.update(id, stored, inputs);
        assert.equal(target.requestCount(bucket) - before, 1);
        assert.deepEqual(await target.rule(bucket), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      });

      it(`${drift.name}: delete sends one DELETE and the server holds no rule`, async () => {
        const { bucket, id, stored } = await drifted(drift);
        const before = target.requestCount(bucket);
        await lifecycle.delete(id, stored);
        assert.equal(target.requestCount(bucket) - before, 1);
        assert.equal(await target.rule(bucket), undefined);
      });

      it(`${drift.name}: a replacement (another bucket) deletes the old rule and creates the new one`, async () => {
        const { bucket, id, inputs, stored } = await drifted(drift);
        const renamed = `${bucket}-new`;
        await target.createBucket(renamed);
        const news = (await lifecycle.check(stored, { ...inputs, bucket: renamed })).inputs;
        const diff = await lifecycle.diff(id, stored, news);
        assert.deepEqual(diff.replaces, ["bucket"]);
        assert.equal(diff.deleteBeforeReplace, true);
        await lifecycle.delete(id, stored);
        await lifecycle.create(news);
        assert.equal(await target.rule(bucket), undefined);
        assert.deepEqual(await target.rule(renamed), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      });
    }
  });
}

describe("read and delete never re-route", () => {
  const server = new ScriptedServer();
  let endpoint = "";
  before(async () => {
    endpoint = await server.start();
  });
  after(() => server.stop());
  const lifecycle = new BucketEncryptionLifecycle({ JDCLOUD_ACCESS_KEY: "JD-reroute", JDCLOUD_SECRET_KEY: "reroute-secret" });
  const id = "jdcloud:cn-north-1:legacy-bucket";

  const refusedToday: Array<[string, (base: string) => string]> = [
    ["an endpoint with a path (older or hand-edited state)", (base) => `${base}/legacy-prefix`],
    ["plain http to a remote host", () => "http://s3.cn-north-1.jcloudcs.com"],
    ["port 0", () => "http://127.0.0.1:0"],
  ];
  for (const [name, stored] of refusedToday) {
    for (const operation of ["read", "delete"] as const) {
      it(`${operation} with a stored endpoint today's rules refuse (${name}) fails naming it, sending nothing anywhere`, async () => {
        server.answer({ status: 200 });
        const props = { cloud: "jdcloud", region: "cn-north-1", bucket: "legacy-bucket", sseAlgorithm: "KMS", endpoint: stored(endpoint) };
        await assert.rejects(operation === "read" ? lifecycle.read(id, props) : lifecycle.delete(id, props), (e: Error) => {
          assert.ok(e instanceof StoredLocationError, `${e.name}: ${e.message}`);
          assert.ok(e.message.includes(`the stored endpoint ${JSON.stringify(stored(endpoint))} is refused`), e.message);
          assert.match(e.message, /never sent to another host/);
          return true;
        });
        assert.equal(server.requests.length, 0);
      });
    }
  }

  it("a valid stored endpoint is used as it is, with no other field of the state", async () => {
    server.answer({ status: 204 });
    await lifecycle.delete(id, { endpoint: `${endpoint}/`, sseAlgorithm: "no such algorithm" });
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`), ["DELETE /legacy-bucket/?encryption"]);
  });
});
