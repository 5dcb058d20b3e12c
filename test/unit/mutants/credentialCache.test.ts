// The credential cache when a fetch fails: at the very first fetch, exactly at expiry, and for
// keys without an expiry; and which identity inputs a resource names.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CredentialCache } from "../../../provider/credentials/CredentialCache";
import type { IssuedCredentials } from "../../../provider/credentials/CredentialSource";
import { identityOf } from "../../../provider/credentials/identity";
import { CredentialSourceError } from "../../../provider/errors/CredentialSourceError";

/** A source that hands out the scripted answers in turn (an Error is thrown). */
function scripted(...answers: Array<IssuedCredentials | Error>) {
  let calls = 0;
  return {
    name: "the scripted source",
    fetch: () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer!);
    },
  };
}

describe("CredentialCache when a fetch fails", () => {
  it("names its source", () => assert.equal(new CredentialCache(scripted(new Error("x"))).sourceName, "the scripted source"));
  it("the first fetch failing is an error naming the source", async () => {
    const cache = new CredentialCache(scripted(new Error("refused")), () => 0);
    await assert.rejects(cache.get(), (e: unknown) => e instanceof CredentialSourceError && e.source === "the scripted source");
  });

  it("a renewal failing exactly at expiry does not hand out the expired credentials", async () => {
    let now = 0;
    const cache = new CredentialCache(scripted({ accessKeyId: "A", secretAccessKey: "S", expiresAt: 900 }, new Error("STS down")), () => now);
    assert.equal((await cache.get()).accessKeyId, "A");
    now = 899;
    assert.equal((await cache.get()).accessKeyId, "A", "still valid: kept when the renewal fails");
    now = 900;
    await assert.rejects(cache.get(), CredentialSourceError);
  });

  it("keys without an expiry are not kept when the source, asked again, fails", async () => {
    let now = 0;
    const cache = new CredentialCache(scripted({ accessKeyId: "A", secretAccessKey: "S", recheckAt: 100 }, new Error("profile gone")), () => now);
    await cache.get();
    now = 100;
    await assert.rejects(cache.get(), CredentialSourceError);
  });
});

describe("identityOf", () => {
  const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
    [{ profile: "ops", roleArn: "acs:ram::1:role/r", roleSessionName: "s1", externalId: "e1" }, { profile: "ops", roleArn: "acs:ram::1:role/r", roleSessionName: "s1", externalId: "e1" }],
    [{ profile: "", roleArn: "" }, {}],
    [{ profile: 7, roleArn: null, externalId: undefined }, {}],
    [{ bucket: "b", cloud: "aliyun", profile: "ops" }, { profile: "ops" }],
  ];
  for (const [props, identity] of cases) {
    it(`${JSON.stringify(props)} names ${JSON.stringify(identity)}`, () => assert.deepEqual(identityOf(props), identity));
  }
});
