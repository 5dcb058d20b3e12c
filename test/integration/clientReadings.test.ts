// What the client makes of each answer to a read, a delete and a listing, and when it tells its
// caller to slow down: one scripted server on 127.0.0.1 per test, retries on an injected clock.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, beforeEach, describe, it } from "node:test";
import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { AcknowledgementError } from "../../provider/errors/AcknowledgementError";
import { MalformedResponseError } from "../../provider/errors/MalformedResponseError";
import { ServiceError } from "../../provider/errors/ServiceError";
import type { BucketLocation } from "../../provider/model/types";
import { FakeClock } from "../support/fakeClock";
import { type ScriptedAnswer, ScriptedServer } from "../support/scriptedServer";

const xml = { "Content-Type": "application/xml" };
const errorAnswer = (status: number, code: string, headers: Record<string, string> = {}): ScriptedAnswer => ({
  status,
  headers: { ...xml, ...headers },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message></Error>`,
});
const aliyunRule = `<?xml version="1.0" encoding="UTF-8"?><ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`;

describe("the client's reading of answers", () => {
  let server: ScriptedServer;
  let endpoint: string;
  let clock: FakeClock;
  let throttled: number;
  let client: EncryptionClient;

  beforeEach(async () => {
    server = new ScriptedServer();
    endpoint = await server.start();
    clock = new FakeClock();
    throttled = 0;
    client = new EncryptionClient({
      credentials: () => ({ accessKeyId: "LTAI-readings", secretAccessKey: "readings-secret" }),
      timeouts: { connectTimeoutMs: 5_000, requestTimeoutMs: 5_000 },
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 },
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      admission: () => Promise.resolve((wasThrottled: boolean) => void (wasThrottled && throttled++)),
    });
  });
  afterEach(async () => {
    client.close();
    await server.stop();
  });

  const aliyunAt = (): BucketLocation => ({ cloud: "aliyun", region: "cn-hangzhou", bucket: "readings", endpoint, signatureVersion: "v4" });
  const jdcloudAt = (): BucketLocation => ({ cloud: "jdcloud", region: "cn-north-1", bucket: "readings", endpoint });

  describe("readRule", () => {
    it("a missing bucket is told apart from a missing rule, with the service's code and request id", async () => {
      server.answer(errorAnswer(404, "NoSuchBucket", { "x-oss-request-id": "RID-1" }));
      assert.deepEqual(await client.readRule(aliyunAt()), { absent: "no-bucket", code: "NoSuchBucket", requestId: "RID-1" });
      server.answer(errorAnswer(404, "NoSuchServerSideEncryptionRule"));
      assert.deepEqual(await client.readRule(aliyunAt()), { absent: "no-rule", code: "NoSuchServerSideEncryptionRule" });
      server.answer(errorAnswer(404, "ServerSideEncryptionConfigurationNotFoundError", { "x-amz-request-id": "RID-2" }));
      assert.deepEqual(await client.readRule(jdcloudAt()), { absent: "no-rule", code: "ServerSideEncryptionConfigurationNotFoundError", requestId: "RID-2" });
      server.answer(errorAnswer(404, "NoSuchBucket"));
      assert.equal(await client.getRule(aliyunAt()), undefined);
    });

    it("a rule document is decoded", async () => {
      server.answer({ status: 200, headers: xml, body: aliyunRule });
      assert.deepEqual(await client.readRule(aliyunAt()), { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "key-1" } });
      assert.deepEqual(await client.getRule(aliyunAt()), { sseAlgorithm: "KMS", kmsMasterKeyId: "key-1" });
    });

    it("an empty 200 is retried, and says so when it stays empty", async () => {
      server.answer({ status: 200 }, { status: 200, headers: xml, body: aliyunRule });
      assert.deepEqual(await client.getRule(aliyunAt()), { sseAlgorithm: "KMS", kmsMasterKeyId: "key-1" });
      assert.equal(server.requests.length, 2);
      server.answer({ status: 200 });
      await assert.rejects(client.getRule(aliyunAt()), (error: unknown) => error instanceof MalformedResponseError && /the rule read back is empty/.test(error.message) && error.attempts === 3);
    });

    it("a cut rule document is retried with the parser's reason", async () => {
      server.answer({ status: 200, headers: xml, body: "<ServerSideEncryptionRule><Apply" });
      await assert.rejects(client.getRule(aliyunAt()), (error: unknown) => error instanceof MalformedResponseError && !/empty/.test(error.message) && error.attempts === 3);
    });

    it("a document of another kind is retried as a possible cut, then refused", async () => {
      server.answer({ status: 200, headers: xml, body: "<ListAllMyBucketsResult/>" });
      await assert.rejects(client.getRule(aliyunAt()), MalformedResponseError);
      assert.equal(server.requests.length, 3);
    });

    it("an HTML page under 200 is refused at once; an error document under 200 is retried only when transient", async () => {
      server.answer({ status: 200, headers: { "Content-Type": "text/html" }, body: "<html><body>sign in</body></html>" });
      await assert.rejects(client.getRule(aliyunAt()), AcknowledgementError);
      assert.equal(server.requests.length, 1);
      server.answer({ ...errorAnswer(200, "InternalError") }, { status: 200, headers: xml, body: aliyunRule });
      assert.deepEqual(await client.getRule(aliyunAt()), { sseAlgorithm: "KMS", kmsMasterKeyId: "key-1" });
    });

    it("a 404 with another code is the service's error, not an absence", async () => {
      server.answer(errorAnswer(404, "NoSuchKey"));
      await assert.rejects(client.readRule(aliyunAt()), (error: unknown) => error instanceof ServiceError && error.code === "NoSuchKey");
    });
  });

  describe("deleteRule", () => {
    it("a rule or bucket already gone is success; another 404 is not", async () => {
      server.answer(errorAnswer(404, "NoSuchBucket"));
      await client.deleteRule(aliyunAt());
      server.answer(errorAnswer(404, "NoSuchServerSideEncryptionRule"));
      await client.deleteRule(aliyunAt());
      server.answer(errorAnswer(404, "NoSuchKey"));
      await assert.rejects(client.deleteRule(aliyunAt()), ServiceError);
    });
  });

  describe("slowing down", () => {
    it("only a throttling answer tells the caller to slow down, once per retry", async () => {
      server.answer(errorAnswer(503, "SlowDown"), errorAnswer(429, "AnyCode"), { status: 200 });
      await client.deleteRule(aliyunAt());
      assert.equal(throttled, 2);
      server.answer(errorAnswer(500, "InternalError"), { status: 200 });
      await client.deleteRule(aliyunAt());
      assert.equal(throttled, 2);
    });
    it("a throttling error document under 200 counts too", async () => {
      server.answer(errorAnswer(200, "SlowDown"), { status: 200 });
      await client.deleteRule(aliyunAt());
      assert.equal(throttled, 1);
    });
  });

  describe("listBuckets", () => {
    const page = (names: string[], next?: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult>${next !== undefined ? `<IsTruncated>true</IsTruncated><NextMarker>${next}</NextMarker>` : ""}<Buckets>${names
        .map((n) => `<Bucket><Name>${n}</Name><Region>cn-hangzhou</Region></Bucket>`)
        .join("")}</Buckets></ListAllMyBucketsResult>`;

    it("pages through the listing, one signed GET of / per page", async () => {
      server.answer({ status: 200, headers: xml, body: page(["a", "b"], "b") }, { status: 200, headers: xml, body: page(["c"]) });
      const listed = await client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint, signatureVersion: "v4" }, { pageSize: 2 });
      assert.deepEqual(
        listed.map((b) => b.name),
        ["a", "b", "c"],
      );
      assert.equal(server.requests.length, 2);
      assert.ok(server.requests.every((r) => r.method === "GET" && r.url.startsWith("/?") && typeof r.headers.authorization === "string"));
      assert.match(server.requests[1]?.url ?? "", /marker=b/);
    });

    it("a page that is not a listing is retried; an error status names the listing call", async () => {
      server.answer({ status: 200, headers: xml, body: "<Other/>" }, { status: 200, headers: xml, body: page(["a"]) });
      assert.deepEqual(
        (await client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint })).map((b) => b.name),
        ["a"],
      );
      server.answer(errorAnswer(403, "AccessDenied"));
      await assert.rejects(
        client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint }),
        (error: unknown) => error instanceof ServiceError && /GET \/ \(ListBuckets\) on aliyun:cn-hangzhou/.test(error.message),
      );
    });

    it("a listing page may be far larger than a rule's answer (64 KiB)", async () => {
      server.answer({ status: 200, headers: xml, body: page(["a"]).replace("<Buckets>", `<Buckets>${" ".repeat(100 * 1024)}`) });
      assert.equal((await client.listBuckets({ cloud: "aliyun", region: "cn-hangzhou", endpoint })).length, 1);
    });
  });

  describe("the client's own defaults", () => {
    it("counts nothing before its first call", () => {
      assert.deepEqual(client.stats, { operations: 0, attempts: 0, retries: 0, failures: 0 });
    });

    it("without an injected clock it signs with the real time and really waits between attempts", async () => {
      const own = new EncryptionClient({ credentials: () => ({ accessKeyId: "LTAI-readings", secretAccessKey: "readings-secret" }) });
      try {
        server.answer(errorAnswer(503, "ServiceUnavailable"), { status: 200 });
        const before = Date.now();
        // Signature V1 carries the signing time in the Date header.
        await own.deleteRule({ ...aliyunAt(), signatureVersion: "v1" });
        assert.equal(server.requests.length, 2);
        const signedAt = Date.parse(String(server.requests[0]?.headers["date"]));
        assert.ok(Math.abs(signedAt - before) < 60_000, `signed at ${String(server.requests[0]?.headers["date"])}`);
        assert.deepEqual(own.stats, { operations: 1, attempts: 2, retries: 1, failures: 0 });
      } finally {
        own.close();
      }
    });

    it("keeps a plain-http connection for the next call, and close() ends it", async () => {
      const sockets = new Set<Socket>();
      const local = http.createServer((req, res) => {
        sockets.add(req.socket);
        req.resume();
        req.on("end", () => res.writeHead(204).end());
      });
      await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
      const at: BucketLocation = { ...aliyunAt(), endpoint: `http://127.0.0.1:${(local.address() as AddressInfo).port}` };
      try {
        await client.deleteRule(at);
        await client.deleteRule(at);
        assert.equal(sockets.size, 1, "both calls went over one connection");
        const [socket] = sockets;
        const closed = new Promise<void>((resolve) => socket?.once("close", () => resolve()));
        client.close();
        await closed;
      } finally {
        local.closeAllConnections();
        await new Promise<void>((resolve) => local.close(() => resolve()));
      }
    });
  });
});
