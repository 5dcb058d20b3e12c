import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CredentialCache } from "../../provider/credentials/CredentialCache";
import type { CredentialSource, IssuedCredentials } from "../../provider/credentials/CredentialSource";
import { renewAt } from "../../provider/credentials/renewalPolicy";
import { describeSourceFailure } from "../../provider/errors/sourceFailure";

/** A source that issues numbered credentials living `lifetimeMs` on a fake clock, and can be told to fail. */
function fakeSource(clock: { t: number }, lifetimeMs: number | undefined) {
  const state = { calls: 0, fail: false, release: Promise.resolve() };
  const source: CredentialSource = {
    name: "test source",
    fetch: async (): Promise<IssuedCredentials> => {
      state.calls++;
      const n = state.calls;
      await state.release;
      if (state.fail) throw new Error('get sts token failed with OIDC: {"RequestId":"R-1","Code":"InvalidParameter.OIDCToken","Message":"The OIDC token is expired."}');
      return { accessKeyId: `STS.${n}`, secretAccessKey: `s${n}`, securityToken: `t${n}`, ...(lifetimeMs !== undefined ? { expiresAt: clock.t + lifetimeMs } : {}) };
    },
  };
  return { source, state };
}

describe("renewalPolicy", () => {
  const cases: Array<[string, number, number | undefined, number | undefined, number]> = [
    ["an hour's credentials 5 minutes early", 0, 3_600_000, undefined, 3_300_000],
    ["a 30 s lifetime a third early", 0, 30_000, undefined, 20_000],
    ["long-lived keys never", 0, undefined, undefined, Number.POSITIVE_INFINITY],
    ["an opaque source at its recheck time", 0, undefined, 60_000, 60_000],
    ["already expired credentials at once", 10_000, 5_000, undefined, 5_000],
  ];
  for (const [name, fetchedAt, expiresAt, recheckAt, expected] of cases) it(`renews ${name}`, () => assert.equal(renewAt(fetchedAt, expiresAt, recheckAt), expected));
});

describe("CredentialCache", () => {
  it("shares one fetch among concurrent callers (no stampede)", async () => {
    const clock = { t: 0 };
    const { source, state } = fakeSource(clock, 30_000);
    let open!: () => void;
    state.release = new Promise((r) => (open = r));
    const cache = new CredentialCache(source, () => clock.t);
    const waiting = Array.from({ length: 500 }, () => cache.get());
    open();
    const results = await Promise.all(waiting);
    assert.equal(state.calls, 1);
    assert.ok(results.every((r) => r.accessKeyId === "STS.1"));
  });
  it("renews before expiry, once, and never hands out expired credentials", async () => {
    const clock = { t: 0 };
    const { source, state } = fakeSource(clock, 30_000);
    const cache = new CredentialCache(source, () => clock.t);
    for (let t = 0; t <= 120_000; t += 500) {
      clock.t = t;
      const c = await cache.get();
      assert.ok(c.expiresAt !== undefined && c.expiresAt - t >= 10_000, `at ${t} ms the credentials expire at ${c.expiresAt}`);
    }
    // 120 s of 30 s credentials renewed 10 s early: one fetch per 20 s.
    assert.equal(state.calls, 7);
  });
  it("keeps valid credentials when a renewal fails, and fails naming the source once they expire", async () => {
    const clock = { t: 0 };
    const { source, state } = fakeSource(clock, 30_000);
    const cache = new CredentialCache(source, () => clock.t);
    await cache.get();
    state.fail = true;
    clock.t = 25_000;
    assert.equal((await cache.get()).accessKeyId, "STS.1");
    clock.t = 31_000;
    await assert.rejects(cache.get(), (e: Error) => /^credentials from test source failed: get sts token failed with OIDC InvalidParameter.OIDCToken: The OIDC token is expired. \[request id R-1\]/.test(e.message));
  });
  it("does not cache a failure: the next call tries again", async () => {
    const clock = { t: 0 };
    const { source, state } = fakeSource(clock, undefined);
    const cache = new CredentialCache(source, () => clock.t);
    state.fail = true;
    await assert.rejects(cache.get());
    state.fail = false;
    assert.equal((await cache.get()).accessKeyId, "STS.2");
  });
});

describe("describeSourceFailure", () => {
  const cases: Array<[string, string, string]> = [
    ["an STS error body", 'refresh session token failed: {"RequestId":"R2","Code":"NoPermission","Message":"You are not authorized"}', "refresh session token failed NoPermission: You are not authorized [request id R2]"],
    ["a signature error that echoes the token", 'refresh session token failed: {"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3DSECRET-TOKEN","RequestId":"R3"}', "refresh session token failed SignatureDoesNotMatch: Specified signature is not matched with our calculation. server [request id R3]"],
    ["a config file's content", "parse aliyun cli config from '/h/.aliyun/config.json' failed: {\"access_key_secret\": \"SECRET\"", "parse aliyun cli config from '/h/.aliyun/config.json' failed"],
    ["a credentials URI refusal", 'get sts token failed, httpStatus: 503, message = {"Code":"ServiceUnavailable","Message":"starting"}.', "get sts token failed, httpStatus: 503 ServiceUnavailable: starting"],
    ["a metadata refusal that is not JSON", "get sts token failed, httpStatus: 500, message = <html>secret-ish</html>", "get sts token failed, httpStatus: 500"],
    ["a plain message", "unable to get profile with 'prod'", "unable to get profile with 'prod'"],
    ["a network error with the signed URL", "getaddrinfo ENOTFOUND sts.aliyuncs.comPOST https://sts.aliyuncs.com/?Version=2015-04-01&AccessKeyId=STS.x&SecurityToken=CAIS-SECRET&Signature=abc", "getaddrinfo ENOTFOUND sts.aliyuncs.comPOST https://sts.aliyuncs.com/"],
  ];
  for (const [name, input, expected] of cases) it(`reduces ${name}`, () => assert.equal(describeSourceFailure(new Error(input)), expected));
});
