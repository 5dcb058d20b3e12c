import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { aliyun as aliyunDialect } from "../../provider/clouds/aliyun";
import { jdcloud as jdcloudDialect } from "../../provider/clouds/jdcloud";
import type { BucketEncryptionState } from "../../provider/model";
import { buildRequest } from "../../provider/requests/buildRequest";

const aliyun: BucketEncryptionState = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", kmsMasterKeyId: "k1", signatureVersion: "v4" };
const jdcloud: BucketEncryptionState = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", sseAlgorithm: "KMS" };

describe("the exact outgoing request", () => {
  it("Aliyun PUT: virtual-hosted on the public endpoint, XML body, Content-MD5", () => {
    const r = buildRequest(aliyunDialect, aliyun, "put");
    assert.equal(r.method, "PUT");
    assert.equal(r.protocol, "https:");
    assert.equal(r.hostname, "acme-logs.oss-cn-hangzhou.aliyuncs.com");
    assert.equal(r.path, "/");
    assert.deepEqual(r.query, { encryption: "" });
    assert.equal(r.body, aliyunDialect.encodeRule(aliyun));
    assert.deepEqual(r.headers, {
      host: "acme-logs.oss-cn-hangzhou.aliyuncs.com",
      "content-type": "application/xml",
      "content-md5": createHash("md5").update(r.body).digest("base64"),
      "content-length": String(Buffer.byteLength(r.body)),
    });
  });
  it("Content-MD5 of the shared vector's body", () => {
    const r = buildRequest(aliyunDialect, { ...aliyun, bucket: "acme-logs-01", kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac0001" }, "put");
    assert.equal(r.headers["content-md5"], "9sr8F2AmE7/hs8Y1A9ih4g==");
  });
  it("GET and DELETE: empty body with the empty MD5", () => {
    for (const op of ["get", "delete"] as const) {
      const r = buildRequest(aliyunDialect, aliyun, op);
      assert.equal(r.method, op.toUpperCase());
      assert.equal(r.body, "");
      assert.equal(r.headers["content-md5"], "1B2M2Y8AsgTpgAmY7PhCfg==");
    }
  });
  it("JD Cloud: virtual-hosted on the current domain", () => {
    const r = buildRequest(jdcloudDialect, jdcloud, "put");
    assert.equal(r.hostname, "acme-backups.s3.cn-north-1.jdcloud-oss.com");
    assert.equal(r.path, "/");
  });
  it("a custom domain endpoint keeps virtual-hosted addressing and its port", () => {
    const r = buildRequest(jdcloudDialect, { ...jdcloud, endpoint: "https://s3.cn-north-1.jcloudcs.com:8443" }, "get");
    assert.equal(r.hostname, "acme-backups.s3.cn-north-1.jcloudcs.com");
    assert.equal(r.port, 8443);
    assert.equal(r.headers["host"], "acme-backups.s3.cn-north-1.jcloudcs.com:8443");
  });
  it("a loopback endpoint uses path-style", () => {
    const r = buildRequest(aliyunDialect, { ...aliyun, endpoint: "http://127.0.0.1:9000" }, "get");
    assert.equal(r.protocol, "http:");
    assert.equal(r.hostname, "127.0.0.1");
    assert.equal(r.port, 9000);
    assert.equal(r.path, "/acme-logs/");
    assert.equal(r.headers["host"], "127.0.0.1:9000");
  });
  it("an IPv6 endpoint uses path-style with a bare address", () => {
    const r = buildRequest(aliyunDialect, { ...aliyun, endpoint: "http://[::1]:9000" }, "get");
    assert.equal(r.hostname, "::1");
    assert.equal(r.headers["host"], "[::1]:9000");
  });
});

describe("signed headers", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const creds = { accessKeyId: "AKIDEXAMPLE0001", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  it("Aliyun V4 matches the shared vector", async () => {
    const r = buildRequest(aliyunDialect, { ...aliyun, bucket: "acme-logs-01", kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac0001" }, "put");
    const { headers } = await aliyunDialect.sign(r, creds, now, { signatureVersion: "v4" });
    assert.equal(headers["x-oss-date"], "20261122T120000Z");
    assert.equal(headers["x-oss-content-sha256"], "UNSIGNED-PAYLOAD");
    assert.equal(headers["authorization"], "OSS4-HMAC-SHA256 Credential=AKIDEXAMPLE0001/20261122/cn-hangzhou/oss/aliyun_v4_request,Signature=02c31e27667886c8312a7b7b80dcfd2d6ec1d97d7cf3422e05e9a7027e98e8c6");
  });
  it("Aliyun V1 matches the shared vector", async () => {
    const r = buildRequest(aliyunDialect, { ...aliyun, bucket: "acme-logs-01" }, "get");
    const { headers } = await aliyunDialect.sign(r, creds, now, { signatureVersion: "v1" });
    assert.equal(headers["date"], "Sun, 22 Nov 2026 12:00:00 GMT");
    // GET carries Content-MD5 and Content-Type as the official SDKs send them, so they are signed.
    assert.match(headers["authorization"] ?? "", /^OSS AKIDEXAMPLE0001:/);
  });
  it("STS token is sent and signed (Aliyun)", async () => {
    const r = buildRequest(aliyunDialect, aliyun, "get");
    const { headers } = await aliyunDialect.sign(r, { ...creds, securityToken: "sts-token" }, now, {});
    assert.equal(headers["x-oss-security-token"], "sts-token");
  });
  it("JD Cloud SigV4 signs host and the payload hash, and sends the STS token", async () => {
    const r = buildRequest(jdcloudDialect, jdcloud, "put");
    const { headers } = await jdcloudDialect.sign(r, { ...creds, securityToken: "sts-token" }, now, {});
    assert.match(headers["authorization"] ?? "", /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE0001\/20261122\/cn-north-1\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-content-sha256/);
    assert.equal(headers["x-amz-security-token"], "sts-token");
    assert.equal(headers["x-amz-date"], "20261122T120000Z");
  });
});
