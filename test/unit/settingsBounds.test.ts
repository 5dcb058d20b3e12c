import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { MAX_TIMER_MS, readSettings } from "../../provider/client/settings";

const noConfig = () => undefined;

describe("readSettings bounds", () => {
  it("the largest delay Node's timers hold is accepted", () => {
    const s = readSettings(noConfig, { PULUMI_BUCKET_ENCRYPTION_REQUEST_TIMEOUT_MS: String(MAX_TIMER_MS) });
    assert.equal(s.timeouts.requestTimeoutMs, 2_147_483_647);
  });

  const overflow: Array<[string, "config" | "env", string]> = [
    ["bucketEncryption:requestTimeoutMs", "config", String(MAX_TIMER_MS + 1)],
    ["PULUMI_BUCKET_ENCRYPTION_CONNECT_TIMEOUT_MS", "env", "3000000000"],
    ["bucketEncryption:maxElapsedMs", "config", "99999999999999999999999"],
    ["PULUMI_BUCKET_ENCRYPTION_MAX_ELAPSED_MS", "env", String(2 ** 32)],
  ];
  for (const [key, where, value] of overflow) {
    it(`${key} = ${value} is refused, naming the setting`, () => {
      const config = (k: string) => (where === "config" && k === key ? value : undefined);
      const env = where === "env" ? { [key]: value } : {};
      assert.throws(() => readSettings(config, env), (e: Error) => {
        assert.ok(e.message.startsWith(`${where === "config" ? "stack config" : "environment"} ${key} must be at most 2147483647 ms`), e.message);
        return true;
      });
    });
  }

  it("an absurd attempt count is refused", () => {
    assert.throws(() => readSettings(noConfig, { PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: "1".repeat(30) }), /PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS must be at most 1000 attempts/);
  });

  it("a long bad value is echoed only in part", () => {
    assert.throws(() => readSettings(noConfig, { PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: "x".repeat(500) }), (e: Error) => e.message.length < 200);
  });
});

describe("the client's own options", () => {
  const credentials = () => ({ accessKeyId: "id", secretAccessKey: "secret" });
  const cases: Array<[string, ConstructorParameters<typeof EncryptionClient>[0], RegExp]> = [
    ["a request timeout over the timer limit", { credentials, timeouts: { connectTimeoutMs: 1000, requestTimeoutMs: MAX_TIMER_MS + 1 } }, /^timeouts\.requestTimeoutMs must be at most 2147483647 ms/],
    ["a connect timeout of 0", { credentials, timeouts: { connectTimeoutMs: 0, requestTimeoutMs: 1000 } }, /^timeouts\.connectTimeoutMs must be a positive whole number/],
    ["an operation budget of Infinity", { credentials, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxElapsedMs: Infinity } }, /^retry\.maxElapsedMs must be a positive whole number/],
  ];
  for (const [name, options, expected] of cases) {
    it(`refuses ${name}, naming the option`, () => assert.throws(() => new EncryptionClient(options), (e: Error) => e instanceof RangeError && expected.test(e.message)));
  }
  it("accepts the limit itself", () => {
    new EncryptionClient({ credentials, timeouts: { connectTimeoutMs: MAX_TIMER_MS, requestTimeoutMs: MAX_TIMER_MS } }).close();
  });
});
