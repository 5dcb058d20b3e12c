import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { StoredLocationError } from "../../provider/errors/StoredLocationError";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { driftSuite } from "../support/driftSuite";
import { ScriptedServer } from "../support/scriptedServer";
import { emulatorTarget } from "../support/targets";

// The drift cases on the Aliyun dialect, against the emulator; the JD Cloud dialect's run against
// MinIO (built with Go) is in test/e2e/drift.minio.e2e.test.ts.
const LONG_KEY = `key-${"x".repeat(300)}`;

driftSuite("aliyun on the emulator", () => emulatorTarget("aliyun", { accessKeyId: "LTAI-drift-id", secretAccessKey: "drift-secret" }), [
  { name: "SM4 with a key id", rule: { SSEAlgorithm: "SM4", KMSMasterKeyID: "sm4-key" }, recorded: { sseAlgorithm: "SM4", kmsMasterKeyId: "sm4-key" } },
  { name: "a key id with a space", rule: { SSEAlgorithm: "KMS", KMSMasterKeyID: "my key" }, recorded: { sseAlgorithm: "KMS", kmsMasterKeyId: "my key" } },
  { name: "a key id of 304 characters", rule: { SSEAlgorithm: "KMS", KMSMasterKeyID: LONG_KEY }, recorded: { sseAlgorithm: "KMS", kmsMasterKeyId: LONG_KEY } },
  { name: "an algorithm no document lists", rule: { SSEAlgorithm: "AES128" }, recorded: { sseAlgorithm: "AES128" } },
]);

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
