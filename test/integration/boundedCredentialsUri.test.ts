import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { CREDENTIALS_URI_LIMITS, fetchCredentialsUri } from "../../provider/clouds/aliyun/credentials/credentialsUri";
import { runBuiltCli } from "../support/builtCli";
import { CredentialsUriServer } from "../support/credentialsUriServer";

// A credentials URI that drips, floods or answers wrongly: the fetch ends within its bounds,
// names the URI without its query (which carries a token), never quotes the answer, and leaves
// nothing open, so the CLI's process exits at once.

const QUERY_SECRET = "Q-SECRET-4f1c";
const FAST = { maxBytes: 1024, connectTimeoutMs: 1_000, timeoutMs: 400 };

describe("fetchCredentialsUri on loopback", () => {
  const server = new CredentialsUriServer();
  let base = "";
  let uri = "";
  before(async () => {
    base = await server.start();
    uri = `${base}/creds?token=${QUERY_SECRET}`;
  });
  after(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("reads the documented answer, with or without Code, sending the query and user info as given", async () => {
    for (const code of ["Success", undefined]) {
      server.behaviour = { kind: "issue", ...(code !== undefined ? { code } : {}) };
      const session = await fetchCredentialsUri(uri, FAST);
      assert.deepEqual([session.accessKeyId, session.accessKeySecret, session.securityToken], ["STS.uri-id", "uri-Secret/issued", "CAIS-uri-token"]);
      assert.ok(!Number.isNaN(Date.parse(session.expiration)));
    }
    await fetchCredentialsUri(uri.replace("http://", "http://side%20car:p%40ss@"), FAST);
    assert.deepEqual(server.requests.map((r) => r.url), [`/creds?token=${QUERY_SECRET}`, `/creds?token=${QUERY_SECRET}`, `/creds?token=${QUERY_SECRET}`]);
    assert.equal(server.requests[2]?.authorization, `Basic ${Buffer.from("side car:p@ss").toString("base64")}`);
  });

  const SECRET_BODY = "BODY-SECRET-77";
  const refusals: Array<[string, CredentialsUriServer["behaviour"], RegExp]> = [
    ["an error status, in the service's words", { kind: "answer", status: 503, body: JSON.stringify({ Code: "ServiceUnavailable", Message: "sidecar is starting" }) }, /answered HTTP 503 ServiceUnavailable: sidecar is starting$/],
    ["an error status with a body that is not JSON", { kind: "answer", status: 500, body: `<html>${SECRET_BODY}</html>` }, /answered HTTP 500$/],
    ["a 200 that is not JSON", { kind: "answer", status: 200, body: `{"AccessKeySecret":"${SECRET_BODY}"` }, /answered with a body that is not a JSON object$/],
    ["a Code other than Success", { kind: "answer", status: 200, body: JSON.stringify({ Code: "Failed", AccessKeySecret: SECRET_BODY }) }, /answered Code "Failed", not Success$/],
    ["missing fields, named, not quoted", { kind: "answer", status: 200, body: JSON.stringify({ Code: "Success", AccessKeyId: "id", AccessKeySecret: SECRET_BODY }) }, /answered without SecurityToken$/],
    ["an answer that drips, at the total deadline", { kind: "drip" }, /: no complete answer within 400 ms$/],
    ["an answer that declares more than the limit", { kind: "answer", status: 200, body: " ".repeat(5_000) }, /: the answer is larger than 1024 bytes$/],
    ["an answer that streams more than the limit", { kind: "flood", bytes: 10 * 1024 * 1024 }, /: the answer is larger than 1024 bytes$/],
  ];
  for (const [name, behaviour, message] of refusals) {
    it(`refuses ${name}, naming the URI without its query`, async () => {
      server.behaviour = behaviour;
      const started = Date.now();
      await assert.rejects(fetchCredentialsUri(uri, FAST), (e: Error) => {
        assert.match(e.message, message);
        assert.ok(e.message.startsWith(`GET ${base}/creds`), e.message);
        assert.ok(!e.message.includes(QUERY_SECRET) && !e.message.includes(SECRET_BODY), e.message);
        return true;
      });
      assert.ok(Date.now() - started < FAST.timeoutMs + 500, `${Date.now() - started} ms`);
    });
  }

  it("a refused connection names the code", async () => {
    const closed = new CredentialsUriServer();
    const gone = await closed.start();
    await closed.stop();
    await assert.rejects(fetchCredentialsUri(`${gone}/creds?token=${QUERY_SECRET}`, FAST), (e: Error) => /: the connection did not succeed \(ECONNREFUSED\)$/.test(e.message) && !e.message.includes(QUERY_SECRET));
  });
});

describe("the CLI with a credentials URI that drips or floods", () => {
  const server = new CredentialsUriServer();
  const cwd = mkdtempSync(path.join(os.tmpdir(), "bounded-uri-"));
  let base = "";
  before(async () => {
    base = await server.start();
  });
  after(async () => {
    await server.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  const run = () =>
    runBuiltCli(["import", "--cloud", "aliyun", "--region", "cn-hangzhou", "--endpoint", "http://127.0.0.1:9", "uri-bucket", "--format", "json"], { HOME: cwd, ALIBABA_CLOUD_CREDENTIALS_URI: `${base}/creds?token=${QUERY_SECRET}` }, { cwd, killAfterMs: 60_000 });
  const detailOf = (stdout: string) => (JSON.parse(stdout) as { buckets: Array<{ detail: string }> }).buckets[0]?.detail ?? "";

  it(`one byte a second: fails at the ${CREDENTIALS_URI_LIMITS.timeoutMs} ms deadline, never printing the query, and the process exits at once`, async (t) => {
    server.behaviour = { kind: "drip" };
    const result = await run();
    const where = `exit ${result.code} after ${result.ms} ms${result.killed ? " (killed)" : ""}\n${result.stdout}\n${result.stderr}`;
    assert.equal(result.code, 1, where);
    assert.match(detailOf(result.stdout), new RegExp(`^credentials from environment ALIBABA_CLOUD_CREDENTIALS_URI failed: GET ${base.replace(/\./g, "\\.")}/creds: no complete answer within 10000 ms\\. Next: `), where);
    assert.ok(!result.stdout.includes(QUERY_SECRET) && !result.stderr.includes(QUERY_SECRET), where);
    // The deadline, a CLI start and no more: nothing of the fetch keeps the process alive.
    assert.ok(result.ms >= CREDENTIALS_URI_LIMITS.timeoutMs && result.ms < CREDENTIALS_URI_LIMITS.timeoutMs + 5_000, where);
    t.diagnostic(`drip: exit 1 after ${result.ms} ms (${server.bytesWritten} bytes dripped)`);
  });

  it("100 MB: fails at the size limit, promptly, never printing the query; the flood is cut off", async (t) => {
    server.behaviour = { kind: "flood", bytes: 100 * 1024 * 1024 };
    server.bytesWritten = 0;
    const result = await run();
    const where = `exit ${result.code} after ${result.ms} ms\n${result.stdout}\n${result.stderr}`;
    assert.equal(result.code, 1, where);
    assert.match(detailOf(result.stdout), /failed: GET http:\/\/127\.0\.0\.1:\d+\/creds: the answer is larger than 65536 bytes\. Next: /, where);
    assert.ok(!result.stdout.includes(QUERY_SECRET) && !result.stderr.includes(QUERY_SECRET), where);
    assert.ok(result.ms < 5_000, where);
    // Give the server a moment to notice the closed connection, then check it stopped early.
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(server.bytesWritten < 32 * 1024 * 1024, `${server.bytesWritten} bytes written`);
    t.diagnostic(`100 MB: exit 1 after ${result.ms} ms; the server wrote ${server.bytesWritten} bytes before the client hung up`);
  });
});
