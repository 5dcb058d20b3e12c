import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { TransportError } from "../../provider/errors/TransportError";
import { NetworkFailure, sendRequest } from "../../provider/http/sendRequest";

// One attempt's deadlines and cancellation, against a server on 127.0.0.1 that never answers.

describe("transport deadlines and cancellation", () => {
  const hanging = http.createServer(() => undefined);
  let port = 0;
  before(async () => {
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    port = (hanging.address() as AddressInfo).port;
  });
  after(async () => {
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  const request = () => ({ method: "GET", protocol: "http:" as const, hostname: "127.0.0.1", port, target: "/b/?encryption", headers: {}, body: "" });

  it("a request with no answer fails at its deadline", async () => {
    const started = Date.now();
    await assert.rejects(sendRequest(request(), { connectTimeoutMs: 1000, timeoutMs: 300 }), (e: Error) => e instanceof NetworkFailure && e.kind === "timeout");
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 290 && elapsed < 1500, `took ${elapsed} ms`);
  });

  it("an aborted request fails at once", async () => {
    const controller = new AbortController();
    const pending = sendRequest(request(), { connectTimeoutMs: 10_000, timeoutMs: 10_000, signal: controller.signal });
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (e: Error) => e instanceof NetworkFailure && e.kind === "aborted");
    assert.ok(Date.now() - started < 1000);
  });

  it("the client stops retrying when the operation is cancelled", async () => {
    const client = new EncryptionClient({ credentials: () => ({ accessKeyId: "a", secretAccessKey: "b" }), timeouts: { connectTimeoutMs: 5000, requestTimeoutMs: 5000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(
      client.getRule({ cloud: "aliyun", region: "cn-hangzhou", bucket: "acme", endpoint: `http://127.0.0.1:${port}` }, controller.signal),
      (e: Error) => e instanceof TransportError && e.attempts === 1 && /cancelled/.test(e.message),
    );
    assert.ok(Date.now() - started < 1000);
    assert.equal(client.stats.retries, 0);
    client.close();
  });
});
