// The dialects' signing wrappers and the S3 rule document, checked against the signers called
// directly (no expected signature is written down here) and against their edge cases.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bucketRequestFor } from "../../../provider/clouds/requestsFor";
import { decodeOssRule } from "../../../provider/dialects/oss/ruleXml";
import { signOssRequest } from "../../../provider/dialects/oss/sign";
import { decodeS3Rule, encodeS3Rule } from "../../../provider/dialects/s3/ruleXml";
import { signS3Request } from "../../../provider/dialects/s3/sign";
import { MalformedResponseError } from "../../../provider/errors/MalformedResponseError";
import { ossV4Authorization } from "../../../provider/signing/ossV4";
import { SigningCache } from "../../../provider/signing/signingCache";

const credentials = { accessKeyId: "AKID-dialects", secretAccessKey: "dialects-secret" };
const now = new Date("2026-11-22T12:00:00Z");

describe("signS3Request", () => {
  const at = (endpoint: string) => bucketRequestFor({ cloud: "jdcloud", region: "cn-north-1", bucket: "acme", endpoint }, "get");
  it("signs the host with its port (the Host header carries it), and marks the request signed", async () => {
    const withPort = await signS3Request(at("http://127.0.0.1:9000"), credentials, now, {});
    const otherPort = await signS3Request(at("http://127.0.0.1:9001"), credentials, now, {});
    assert.equal(withPort.signed, true);
    assert.notEqual(withPort.headers["authorization"], otherPort.headers["authorization"]);
  });
});

describe("signOssRequest", () => {
  const request = bucketRequestFor({ cloud: "aliyun", region: "cn-hangzhou", bucket: "acme", endpoint: "https://oss-cn-hangzhou.aliyuncs.com" }, "get");
  it("V4: the signer's own answer, with no additional signed header, through the cache when one is given", async () => {
    let keys = 0;
    class CountingCache extends SigningCache {
      override ossV4Key(secret: string, day: string, region: string): Buffer {
        keys++;
        return super.ossV4Key(secret, day, region);
      }
    }
    const signed = await signOssRequest(request, credentials, now, { cache: new CountingCache() });
    assert.equal(signed.signed, true);
    assert.equal(keys, 1);
    const { authorization, ...unsigned } = signed.headers;
    const direct = ossV4Authorization({ method: request.method, bucket: request.bucket, key: "", query: request.query, headers: unsigned }, credentials, request.region, []);
    assert.equal(authorization, direct);
    assert.doesNotMatch(authorization ?? "", /AdditionalHeaders=[^,]/);
  });
  it("V1 marks the request signed too", async () => {
    assert.equal((await signOssRequest(request, credentials, now, { signatureVersion: "v1" })).signed, true);
  });
});

describe("the S3 rule document", () => {
  it("only KMS becomes aws:kms on the wire", () => {
    assert.match(encodeS3Rule({ sseAlgorithm: "KMS" }), /<SSEAlgorithm>aws:kms<\/SSEAlgorithm>/);
    assert.match(encodeS3Rule({ sseAlgorithm: "AES256" }), /<SSEAlgorithm>AES256<\/SSEAlgorithm>/);
    assert.match(encodeS3Rule({ sseAlgorithm: "SM4" }), /<SSEAlgorithm>SM4<\/SSEAlgorithm>/);
  });
  const rule = (inner: string) => `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>${inner}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
  const decoded: Array<[string, string, unknown]> = [
    ["aws:kms with a key", rule("<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>k1</KMSMasterKeyID>"), { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" }],
    ["an empty key id is no key id", rule("<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>"), { sseAlgorithm: "KMS" }],
    ["AES256 as it came", rule("<SSEAlgorithm>AES256</SSEAlgorithm>"), { sseAlgorithm: "AES256" }],
  ];
  for (const [name, body, expected] of decoded) {
    it(`decodes ${name}`, () => assert.deepEqual(decodeS3Rule(body), expected));
  }
  for (const body of ["<Other/>", "<ServerSideEncryptionConfiguration><Rule/></ServerSideEncryptionConfiguration>"]) {
    it(`refuses ${body}`, () => assert.throws(() => decodeS3Rule(body), MalformedResponseError));
  }
});

describe("the OSS rule document", () => {
  it("empty key id and data encryption elements are no values", () => {
    const body = "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID><KMSDataEncryption></KMSDataEncryption></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
    assert.deepEqual(decodeOssRule(body), { sseAlgorithm: "KMS" });
  });
  it("a data encryption value is kept", () => {
    const body = "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
    assert.deepEqual(decodeOssRule(body), { sseAlgorithm: "KMS", kmsDataEncryption: "SM4" });
  });
});
