import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { AcknowledgementError } from "../../provider/errors/AcknowledgementError";
import { MalformedResponseError } from "../../provider/errors/MalformedResponseError";
import { ServiceError } from "../../provider/errors/ServiceError";
import { TransportError } from "../../provider/errors/TransportError";
import { UnsafeCredentialsError } from "../../provider/errors/UnsafeCredentialsError";
import type { RetryPolicy } from "../../provider/http/retryPolicy";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import type { BucketEncryptionState, Cloud } from "../../provider/model/types";
import { FakeClock } from "../support/fakeClock";
import { ScriptedServer } from "../support/scriptedServer";

// The client's judgement of answers, on a scripted server on 127.0.0.1. Retries, backoff,
// Retry-After and the operation's deadline run on an injected clock: no test here waits.

const execFileAsync = promisify(execFile);
const CREDENTIALS = { accessKeyId: "LTAI-client-test", secretAccessKey: "client-test-secret" };
const FIXTURES = path.join(__dirname, "..", "..", "..", "test", "fixtures", "tls");
const xml = { "Content-Type": "application/xml" };
const slowDown = (retryAfter?: string) => ({
  status: 503,
  headers: { ...xml, ...(retryAfter !== undefined ? { "Retry-After": retryAfter } : {}) },
  body: "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
});

function clientWith(clock: FakeClock, retry: Partial<RetryPolicy> = {}, random = () => 0.5): EncryptionClient {
  return new EncryptionClient({
    credentials: () => CREDENTIALS,
    timeouts: { connectTimeoutMs: 5_000, requestTimeoutMs: 5_000 },
    retry: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, maxElapsedMs: 60_000, ...retry },
    now: clock.now,
    sleep: clock.sleep,
    random,
  });
}

function stateAt(endpoint: string, cloud: Cloud = "aliyun"): BucketEncryptionState {
  return cloud === "aliyun"
    ? { cloud, region: "cn-hangzhou", bucket: "client-test", sseAlgorithm: "KMS", endpoint, signatureVersion: "v4" }
    : { cloud, region: "cn-north-1", bucket: "client-test", sseAlgorithm: "KMS", endpoint };
}

describe("the client on a scripted server", () => {
  const server = new ScriptedServer();
  let endpoint = "";
  before(async () => {
    endpoint = await server.start();
  });
  after(() => server.stop());

  describe("retries run on the injected clock", () => {
    it("Retry-After in seconds is honoured", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, {}, () => 0.999);
      server.answer(slowDown("7"), slowDown("7"), { status: 200 });
      await client.putRule(stateAt(endpoint));
      assert.deepEqual(clock.sleeps, [7_000, 7_000]);
      assert.equal(server.requests.length, 3);
      client.close();
    });

    it("Retry-After as an HTTP date is measured against the injected clock", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, {}, () => 0);
      const at = new Date(clock.now().getTime() + 12_000).toUTCString();
      server.answer(slowDown(at), { status: 204 });
      await client.deleteRule(stateAt(endpoint));
      assert.deepEqual(clock.sleeps, [12_000]);
      client.close();
    });

    it("backoff is exponential with full jitter from the injected random", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, {}, () => 0.5);
      const internal = { status: 500, headers: xml, body: "<Error><Code>InternalError</Code><Message>x</Message></Error>" };
      server.answer(internal, internal, internal, { status: 200 });
      await client.putRule(stateAt(endpoint, "jdcloud"));
      assert.deepEqual(clock.sleeps, [100, 200, 400]);
      client.close();
    });

    it("the operation's deadline is kept on the injected clock, and the error says how many attempts were made", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, { maxAttempts: 10, maxElapsedMs: 20_000 }, () => 0);
      server.answer(slowDown("7"));
      await assert.rejects(client.putRule(stateAt(endpoint)), (e: Error) => {
        assert.ok(e instanceof ServiceError);
        assert.match(e.message, /failed after 3 attempts: HTTP 503 SlowDown: Please reduce your request rate\.\. Next: /);
        return true;
      });
      // 0 s, 7 s, 14 s; a third wait would end at 21 s, past the 20 s deadline.
      assert.deepEqual(clock.sleeps, [7_000, 7_000]);
      assert.equal(server.requests.length, 3);
      client.close();
    });

    it("a transient error document under 200 is retried after the wait its Retry-After asks for", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, {}, () => 0);
      server.answer({ ...slowDown("9"), status: 200 }, { status: 200 });
      await client.putRule(stateAt(endpoint, "jdcloud"));
      assert.deepEqual(clock.sleeps, [9_000]);
      assert.equal(server.requests.length, 2);
      client.close();
    });

    it("a Retry-After past the deadline ends the operation at once", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, { maxElapsedMs: 60_000 });
      server.answer(slowDown("3600"));
      await assert.rejects(client.getRule(stateAt(endpoint)), /failed after 1 attempt: HTTP 503 SlowDown/);
      assert.deepEqual(clock.sleeps, []);
      client.close();
    });
  });

  describe("only what can heal is retried", () => {
    it("a programming error (a TypeError) is thrown after one attempt, never retried", async () => {
      const clock = new FakeClock();
      const client = new EncryptionClient({
        credentials: () => CREDENTIALS,
        timeouts: { connectTimeoutMs: 500, requestTimeoutMs: 500 },
        now: clock.now,
        sleep: clock.sleep,
      });
      server.answer({ status: 200 });
      // Not an AbortSignal: the transport fails with a TypeError when it listens for aborts.
      const notASignal = { aborted: false } as unknown as AbortSignal;
      await assert.rejects(client.putRule(stateAt(endpoint), notASignal), TypeError);
      assert.equal(client.stats.attempts, 1);
      assert.equal(client.stats.retries, 0);
      assert.deepEqual(clock.sleeps, []);
      client.close();
    });

    it("a body still malformed after the retries says the attempts made and what to do next", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock, { maxAttempts: 3 });
      server.answer({ status: 200, headers: xml, body: "<ServerSideEncryptionRule><ApplyServerSideEncryptionBy" });
      await assert.rejects(client.getRule(stateAt(endpoint)), (e: Error) => {
        assert.ok(e instanceof MalformedResponseError);
        assert.equal(e.attempts, 3);
        assert.match(e.message, /^GET \?encryption on aliyun:cn-hangzhou:client-test \(Alibaba Cloud OSS\) failed after 3 attempts: .*\. Next: the answer is not what Alibaba Cloud OSS documents/);
        return true;
      });
      assert.equal(server.requests.length, 3);
      client.close();
    });

    it("an oversized body is refused after one attempt, saying what to do next", async () => {
      const clock = new FakeClock();
      const client = clientWith(clock);
      server.answer({ status: 200, headers: xml, body: `<ServerSideEncryptionRule>${"<x/>".repeat(20_000)}</ServerSideEncryptionRule>` });
      await assert.rejects(client.getRule(stateAt(endpoint)), /failed after 1 attempt: the response declares \d+ bytes, over the 65536-byte limit\. Next: /);
      assert.equal(server.requests.length, 1);
      client.close();
    });
  });

  describe("server text is bounded and inert", () => {
    const hostile = `\u001b[2J\u001b[31mAccess denied\r\n${"\u001b]0;pwned\u0007".repeat(3)}&#27;[5m&#10;FAKE: all good\u202e${"A".repeat(60_000)}`;
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${hostile}</Message><RequestId>&#27;[1mRID&#10;</RequestId></Error>`;

    function assertInert(message: string) {
      // eslint-disable-next-line no-control-regex -- finding control characters is the assertion
      assert.doesNotMatch(message, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
      assert.ok(message.length < 1_500, `${message.length} characters`);
      assert.match(message, /Access denied .*… \(\d+ more characters\)/);
    }

    it("in an error status", async () => {
      const client = clientWith(new FakeClock());
      server.answer({ status: 403, headers: xml, body });
      await assert.rejects(client.putRule(stateAt(endpoint, "jdcloud")), (e: Error) => {
        assert.ok(e instanceof ServiceError);
        assertInert(e.message);
        assert.match(e.message, /\[request id RID\]/);
        return true;
      });
      client.close();
    });

    it("in an error document under 200", async () => {
      const client = clientWith(new FakeClock());
      server.answer({ status: 200, headers: xml, body });
      await assert.rejects(client.deleteRule(stateAt(endpoint)), (e: Error) => {
        assert.ok(e instanceof AcknowledgementError);
        assertInert(e.message);
        return true;
      });
      client.close();
    });

    it("in a page that is not the service's", async () => {
      const client = clientWith(new FakeClock());
      server.answer({ status: 502, headers: { "Content-Type": "text/html" }, body: `<html><head><title>\u001b[31mGateway\r\nError${"!".repeat(5_000)}</title></head></html>` });
      await assert.rejects(client.getRule(stateAt(endpoint)), (e: Error) => {
        // eslint-disable-next-line no-control-regex -- finding control characters is the assertion
        assert.doesNotMatch(e.message, /[\u0000-\u001f]/);
        assert.match(e.message, /HTTP 502: an HTML page titled "Gateway Error!+… \(\d+ more characters\)"/);
        return true;
      });
      client.close();
    });
  });

  describe("credentials that cannot go into a header", () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ["a key id with a line break", { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIbadKeyId\n", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "goodSecretValue" }, /the access key id of the credentials from environment ALIBABA_CLOUD_ACCESS_KEY_ID contains a line break/],
      ["a secret with a carriage return", { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIgoodKeyId", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "badSecret\r" }, /the secret key of the credentials from environment ALIBABA_CLOUD_ACCESS_KEY_ID contains a line break/],
      ["a token outside Latin-1", { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIgoodKeyId", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "goodSecretValue", ALIBABA_CLOUD_SECURITY_TOKEN: "令牌badToken" }, /the security token of the credentials from environment ALIBABA_CLOUD_ACCESS_KEY_ID contains a character outside Latin-1/],
    ];
    for (const [name, env, expected] of cases) {
      it(`${name}: refused once before any request by every operation, naming the source, never the value`, async () => {
        const lifecycle = new BucketEncryptionLifecycle({ ...env, PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: "5" });
        const inputs = { ...stateAt(endpoint) } as Record<string, unknown>;
        server.answer({ status: 200 });
        const operations: Array<[string, () => Promise<unknown>]> = [
          ["create", () => lifecycle.create(inputs)],
          ["read", () => lifecycle.read("aliyun:cn-hangzhou:client-test", inputs)],
          ["update", () => lifecycle.update("aliyun:cn-hangzhou:client-test", inputs, { ...inputs, sseAlgorithm: "AES256" })],
          ["delete", () => lifecycle.delete("aliyun:cn-hangzhou:client-test", inputs)],
        ];
        for (const [operation, run] of operations) {
          await assert.rejects(run(), (e: Error) => {
            assert.ok(e instanceof UnsafeCredentialsError, `${operation}: ${e.name}: ${e.message}`);
            assert.match(e.message, expected);
            assert.match(e.message, /refused before any request/);
            for (const value of Object.values(env)) assert.ok(!e.message.includes(value.trim()), `${operation}: the value is never quoted`);
            return true;
          });
        }
        assert.equal(server.requests.length, 0, "no request was sent");
      });
    }
  });
});

describe("certificates that Node does not trust", () => {
  const key = readFileSync(path.join(FIXTURES, "leaf.key"));
  const rule = `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`;
  const servers: https.Server[] = [];
  let requests = 0;
  async function serve(cert: string, serverKey: Buffer = key): Promise<number> {
    const server = https.createServer({ cert: readFileSync(path.join(FIXTURES, cert)), key: serverKey }, (_req, res) => {
      requests++;
      res.writeHead(200, { "Content-Type": "application/xml", "Content-Length": String(Buffer.byteLength(rule)) });
      res.end(rule);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }
  after(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  function assertRefused(e: Error, host: string, code: string) {
    assert.ok(e instanceof TransportError, `${e.name}: ${e.message}`);
    assert.equal(e.attempts, 1);
    assert.match(e.message, new RegExp(`failed after 1 attempt: TLS verification of ${host} failed: ${code} .*not retried`));
    assert.match(e.message, new RegExp(`Next: if ${host}:\\d+ uses a private certificate authority, give Node its certificate with NODE_EXTRA_CA_CERTS=`));
  }

  it("a self-signed certificate is refused at once, naming the host and the hint", async () => {
    const port = await serve("selfsigned.pem", readFileSync(path.join(FIXTURES, "self.key")));
    const client = clientWith(new FakeClock());
    const before = requests;
    await assert.rejects(client.getRule(stateAt(`https://127.0.0.1:${port}`)), (e: Error) => {
      assertRefused(e, "127.0.0.1", "DEPTH_ZERO_SELF_SIGNED_CERT");
      return true;
    });
    assert.equal(client.stats.retries, 0);
    assert.equal(requests, before, "no request was sent over the refused connection");
    client.close();
  });

  it("a certificate from an unknown authority is refused at once", async () => {
    const port = await serve("leaf.pem");
    const client = clientWith(new FakeClock());
    await assert.rejects(client.getRule(stateAt(`https://localhost:${port}`)), (e: Error) => {
      assertRefused(e, "localhost", "UNABLE_TO_VERIFY_LEAF_SIGNATURE");
      return true;
    });
    assert.equal(client.stats.retries, 0);
    client.close();
  });

  describe("with the authority given through NODE_EXTRA_CA_CERTS (a child process)", () => {
    // Asynchronous: the servers live in this process and must keep answering meanwhile.
    const probe = async (endpoint: string) => {
      const result = await execFileAsync(process.execPath, [path.join(__dirname, "..", "support", "tlsProbe.js"), endpoint], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(FIXTURES, "ca.pem") },
        encoding: "utf8",
        timeout: 60_000,
      });
      return JSON.parse(result.stdout.trim()) as { ok: boolean; name?: string; message?: string; rule?: unknown; stats: { attempts: number; retries: number } };
    };

    it("the hint works: the same certificate is then trusted", async () => {
      const port = await serve("leaf.pem");
      const outcome = await probe(`https://localhost:${port}`);
      assert.deepEqual(outcome.rule, { sseAlgorithm: "AES256" });
    });

    it("a wrong host name is refused at once", async () => {
      const port = await serve("leaf.pem");
      const outcome = await probe(`https://127.0.0.1:${port}`);
      assert.equal(outcome.ok, false);
      assertRefused(Object.assign(new TransportError({ resource: "", cloud: "aliyun", serviceName: "", method: "" }, "", 1), { message: outcome.message ?? "" }), "127.0.0.1", "ERR_TLS_CERT_ALTNAME_INVALID");
      assert.equal(outcome.stats.attempts, 1);
    });

    it("an expired certificate is refused at once", async () => {
      const port = await serve("expired.pem");
      const outcome = await probe(`https://localhost:${port}`);
      assert.equal(outcome.ok, false);
      assert.equal(outcome.name, "TransportError");
      assert.match(outcome.message ?? "", /failed after 1 attempt: TLS verification of localhost failed: CERT_HAS_EXPIRED .*NODE_EXTRA_CA_CERTS/);
      assert.equal(outcome.stats.attempts, 1);
    });
  });
});
