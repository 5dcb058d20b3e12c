import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { OssEmulator } from "../emulator/ossEmulator";

interface Issued {
  secretAccessKey: string;
  securityToken: string;
  expiresAt: number;
}

describe("a credentials URI (alicloud:credentialsUri, ALIBABA_CLOUD_CREDENTIALS_URI) on loopback", () => {
  const issued = new Map<string, Issued>();
  let requests = 0;
  let refuse = false;
  // A sidecar credentials service: temporary credentials living 4 s, in the JSON the library reads.
  const server = http.createServer((_req, res) => {
    requests++;
    if (refuse) {
      res.writeHead(503, { "Content-Type": "application/json" }).end(JSON.stringify({ Code: "ServiceUnavailable", Message: "sidecar is starting" }));
      return;
    }
    const id = `STS.${randomBytes(8).toString("hex")}`;
    const credentials = { secretAccessKey: randomBytes(16).toString("hex"), securityToken: `CAIS${randomBytes(24).toString("hex")}`, expiresAt: Math.floor((Date.now() + 4_000) / 1000) * 1000 };
    issued.set(id, credentials);
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({
      Code: "Success",
      AccessKeyId: id,
      AccessKeySecret: credentials.secretAccessKey,
      SecurityToken: credentials.securityToken,
      Expiration: new Date(credentials.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    }));
  });
  const emulator = new OssEmulator([], { sts: { lookup: (id) => issued.get(id) } });
  let uri = "";
  let endpoint = "";
  const noFiles = () => ({ homeDir: "/nonexistent", fileExists: () => false });
  const inputs = (bucket: string) => ({ cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "AES256", endpoint });

  before(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/credentials`;
    endpoint = await emulator.start();
  });
  after(async () => {
    await emulator.stop();
    await new Promise<void>((r) => server.close(() => r()));
  });
  // Each test starts from a sidecar that answers and has counted nothing, whatever ran before it
  // (a refusing test that failed half-way would otherwise leave the sidecar refusing).
  beforeEach(() => {
    refuse = false;
    requests = 0;
  });

  it("from stack config and from the environment; renewed before expiry across a run", async () => {
    for (const [config, env] of [[{ "alicloud:credentialsUri": uri }, {}], [{}, { ALIBABA_CLOUD_CREDENTIALS_URI: uri }]] as const) {
      requests = 0; // counted per source
      const lifecycle = new BucketEncryptionLifecycle({ ...env }, noFiles);
      await lifecycle.configure({ config: { get: (k: string) => (config as Record<string, string>)[k] } });
      for (let wave = 0; wave < 6; wave++) {
        const buckets = Array.from({ length: 10 }, (_, i) => `uri-${wave}-${i}`);
        for (const b of buckets) emulator.createBucket(b);
        await Promise.all(buckets.map(async (b) => lifecycle.create((await lifecycle.check({}, inputs(b))).inputs)));
        await new Promise((r) => setTimeout(r, 1_000));
      }
      assert.deepEqual(emulator.log.filter((r) => r.status !== 200).map((r) => r.status), []);
      assert.ok(requests >= 2 && requests <= 6, `${requests} credential requests for 60 operations over 6 s with 4 s credentials`);
    }
  });

  it("a refusing service fails naming the source, with no request to OSS", async () => {
    refuse = true;
    const lifecycle = new BucketEncryptionLifecycle({}, noFiles);
    await lifecycle.configure({ config: { get: (k: string) => (k === "alicloud:credentialsUri" ? uri : undefined) } });
    const before = emulator.log.length;
    emulator.createBucket("uri-refused");
    await assert.rejects(
      lifecycle.create((await lifecycle.check({}, inputs("uri-refused"))).inputs),
      /^CredentialSourceError: credentials from stack config alicloud:credentialsUri failed: GET http:\/\/127\.0\.0\.1:\d+\/credentials answered HTTP 503 ServiceUnavailable: sidecar is starting\. Next: /,
    );
    assert.equal(emulator.log.length, before);
  });
});
