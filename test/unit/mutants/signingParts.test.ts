// Parts of the signers checked against Node's crypto and the V1 string to sign, on inputs the
// signing vectors do not carry: several x-oss- headers out of order, a subresource with a value,
// and the kinds of data the SigV4 library hands the hash.
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { describe, it } from "node:test";
import { NodeSha256 } from "../../../provider/signing/hashing";
import { ossV1StringToSign } from "../../../provider/signing/ossV1";
import { ossV4AdditionalHeaders, ossV4CanonicalQuery } from "../../../provider/signing/ossV4";

describe("ossV1StringToSign", () => {
  const request = (headers: Record<string, string>, query: Record<string, string> = { encryption: "" }) => ({ method: "PUT", bucket: "acme", key: "", query, headers });
  it("sorts the x-oss- headers, whatever their order and case", () => {
    const signed = ossV1StringToSign(request({ "x-oss-security-token": "t", "X-OSS-Meta-B": " b ", date: "D", "x-oss-meta-a": "a", "content-type": "application/xml" }));
    assert.equal(signed, "PUT\n\napplication/xml\nD\nx-oss-meta-a:a\nx-oss-meta-b:b\nx-oss-security-token:t\n/acme/?encryption");
  });
  it("a subresource with a value signs as key=value; others are not signed", () => {
    assert.match(ossV1StringToSign(request({}, { encryption: "1", "max-keys": "5" })), /\n\/acme\/\?encryption=1$/);
    assert.match(ossV1StringToSign(request({}, { "max-keys": "5" })), /\n\/acme\/$/);
  });
  it("a service call signs the resource /", () => {
    assert.match(ossV1StringToSign({ ...request({}, {}), bucket: "" }), /\n\/$/);
  });
});

describe("NodeSha256", () => {
  const bytes = new TextEncoder().encode("the payload");
  const expectedHash = createHash("sha256").update("the payload").digest();
  const expectedHmac = createHmac("sha256", "the key").update("the payload").digest();
  const digest = async (secret: string | ArrayBuffer | Uint8Array | undefined, data: Uint8Array) => {
    const hash = new NodeSha256(secret);
    hash.update(data);
    return Buffer.from(await hash.digest());
  };
  it("hashes bytes, and a view into a larger buffer by its own bytes only", async () => {
    assert.deepEqual(await digest(undefined, bytes), expectedHash);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    assert.deepEqual(await digest(undefined, padded.subarray(4, 4 + bytes.length)), expectedHash);
  });
  it("takes a secret as text, as bytes or as an ArrayBuffer", async () => {
    const key = new TextEncoder().encode("the key");
    assert.deepEqual(await digest("the key", bytes), expectedHmac);
    assert.deepEqual(await digest(key, bytes), expectedHmac);
    assert.deepEqual(await digest(key.buffer.slice(key.byteOffset, key.byteOffset + key.byteLength), bytes), expectedHmac);
  });
  it("reset starts over with the same secret", async () => {
    const hash = new NodeSha256("the key");
    hash.update(new TextEncoder().encode("noise"));
    hash.reset();
    hash.update(bytes);
    assert.deepEqual(Buffer.from(await hash.digest()), expectedHmac);
  });
});

describe("OSS V4 canonical parts", () => {
  it("the query is sorted by encoded key, bare keys for empty values", () => {
    assert.equal(ossV4CanonicalQuery({ "max-keys": "1000", marker: "b k", encryption: "" }), "encryption&marker=b%20k&max-keys=1000");
  });
  it("additional headers: lower-cased, present, not signed anyway, each once, sorted", () => {
    const request = { method: "GET", bucket: "acme", key: "", query: {}, headers: { Host: "h", "X-Custom": "c", "x-oss-date": "d", "content-type": "t", range: "r" } };
    assert.deepEqual(ossV4AdditionalHeaders(request, ["x-custom", "HOST", "host", "missing", "x-oss-date", "content-type", "Range"]), ["host", "range", "x-custom"]);
    assert.deepEqual(ossV4AdditionalHeaders(request, []), []);
  });
});
