import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ossV4Authorization, ossV4SigningKey } from "../../provider/signing/ossV4";
import { SigningCache } from "../../provider/signing/signingCache";

describe("SigningCache", () => {
  it("gives the same OSS V4 key as deriving it, and reuses it", () => {
    const cache = new SigningCache();
    const first = cache.ossV4Key("secret", "20261122", "cn-hangzhou");
    assert.deepEqual(first, ossV4SigningKey("secret", "20261122", "cn-hangzhou"));
    assert.equal(cache.ossV4Key("secret", "20261122", "cn-hangzhou"), first);
    assert.notDeepEqual(cache.ossV4Key("secret", "20261123", "cn-hangzhou"), first, "a new day, a new key");
    assert.notDeepEqual(cache.ossV4Key("other", "20261122", "cn-hangzhou"), first, "another secret, another key");
  });
  it("signs exactly as without it", () => {
    const cache = new SigningCache();
    const request = { method: "GET", bucket: "acme", key: "", query: { encryption: "" }, headers: { "x-oss-date": "20261122T120000Z", "x-oss-content-sha256": "UNSIGNED-PAYLOAD" } };
    const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };
    const plain = ossV4Authorization(request, credentials, "cn-hangzhou");
    for (let i = 0; i < 2; i++) assert.equal(ossV4Authorization(request, credentials, "cn-hangzhou", [], (s, d, r) => cache.ossV4Key(s, d, r)), plain);
  });
  it("reuses one SigV4 signer per credentials and region, and keeps at most 64", () => {
    const cache = new SigningCache();
    const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };
    const signer = cache.awsSigner(credentials, "cn-north-1");
    assert.equal(cache.awsSigner(credentials, "cn-north-1"), signer);
    assert.notEqual(cache.awsSigner({ ...credentials, securityToken: "t" }, "cn-north-1"), signer);
    for (let i = 0; i < 70; i++) cache.awsSigner(credentials, `cn-east-${i}`);
    assert.notEqual(cache.awsSigner(credentials, "cn-north-1"), signer, "the oldest entry was evicted");
  });
});
