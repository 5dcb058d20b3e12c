// What the signing cache keeps apart and for how long, and the OSS V4 canonical request's
// header order: edges the signing vectors do not reach.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ossV4Authorization, ossV4CanonicalRequest } from "../../../provider/signing/ossV4";
import { SigningCache } from "../../../provider/signing/signingCache";

const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };

describe("SigningCache keeps signers apart, and exactly 64 of them", () => {
  it("two session tokens never share a signer", () => {
    const cache = new SigningCache();
    const one = cache.awsSigner({ ...credentials, securityToken: "token-1" }, "cn-north-1");
    assert.notEqual(cache.awsSigner({ ...credentials, securityToken: "token-2" }, "cn-north-1"), one);
    assert.equal(cache.awsSigner({ ...credentials, securityToken: "token-1" }, "cn-north-1"), one);
  });
  it("a signer stays while 63 others come, and goes with the 64th", () => {
    const cache = new SigningCache();
    const first = cache.awsSigner(credentials, "region-0");
    const second = cache.awsSigner(credentials, "region-1");
    assert.equal(cache.awsSigner(credentials, "region-0"), first);
    assert.equal(cache.awsSigner(credentials, "region-1"), second);
    for (let i = 2; i < 64; i++) cache.awsSigner(credentials, `region-${i}`);
    assert.equal(cache.awsSigner(credentials, "region-0"), first, "64 entries: all kept");
    cache.awsSigner(credentials, "region-64");
    assert.notEqual(cache.awsSigner(credentials, "region-0"), first, "the 65th evicts the oldest");
  });
});

describe("OSS V4 canonical request", () => {
  it("signed headers are sorted by lower-cased name", () => {
    const canonical = ossV4CanonicalRequest({ method: "PUT", bucket: "acme", key: "", query: {}, headers: { "x-oss-security-token": "t", "Content-Type": "application/xml", "x-oss-date": "d", "Content-MD5": "m" } });
    assert.equal(canonical.split("\n").slice(3, 7).join("\n"), "content-md5:m\ncontent-type:application/xml\nx-oss-date:d\nx-oss-security-token:t");
  });
  it("signing without x-oss-date is refused by name", () => {
    assert.throws(() => ossV4Authorization({ method: "GET", bucket: "acme", key: "", query: {}, headers: {} }, credentials, "cn-hangzhou"), /needs the x-oss-date header/);
  });
});
