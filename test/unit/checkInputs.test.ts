import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN_VALUE } from "../../provider/model/constants";
import { checkInputs } from "../../provider/validation/checkInputs";

const aliyun = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };
const jdcloud = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", sseAlgorithm: "KMS" };

describe("checkInputs accepts and normalises", () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; expected: Record<string, unknown> }> = [
    { name: "Aliyun KMS with key", input: { ...aliyun, kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac0001" }, expected: { ...aliyun, kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac0001", signatureVersion: "v4" } },
    { name: "Aliyun oss- region prefix", input: { ...aliyun, region: "oss-cn-hangzhou" }, expected: { ...aliyun, signatureVersion: "v4" } },
    { name: "Aliyun AES256", input: { ...aliyun, sseAlgorithm: "AES256" }, expected: { ...aliyun, sseAlgorithm: "AES256", signatureVersion: "v4" } },
    { name: "Aliyun SM4", input: { ...aliyun, sseAlgorithm: "SM4" }, expected: { ...aliyun, sseAlgorithm: "SM4", signatureVersion: "v4" } },
    { name: "Aliyun KMS with SM4 data encryption", input: { ...aliyun, kmsDataEncryption: "SM4" }, expected: { ...aliyun, kmsDataEncryption: "SM4", signatureVersion: "v4" } },
    { name: "Aliyun V1", input: { ...aliyun, signatureVersion: "v1" }, expected: { ...aliyun, signatureVersion: "v1" } },
    { name: "empty key id is absent", input: { ...aliyun, kmsMasterKeyId: "" }, expected: { ...aliyun, signatureVersion: "v4" } },
    { name: "JD Cloud aws:kms alias", input: { ...jdcloud, sseAlgorithm: "aws:kms" }, expected: jdcloud },
    { name: "JD Cloud with key ARN", input: { ...jdcloud, kmsMasterKeyId: "arn:aws:kms:e2e-key" }, expected: { ...jdcloud, kmsMasterKeyId: "arn:aws:kms:e2e-key" } },
    { name: "endpoint trailing slash dropped", input: { ...jdcloud, endpoint: "https://s3.cn-north-1.jcloudcs.com/" }, expected: { ...jdcloud, endpoint: "https://s3.cn-north-1.jcloudcs.com" } },
    { name: "loopback http endpoint", input: { ...aliyun, endpoint: "http://127.0.0.1:9000" }, expected: { ...aliyun, endpoint: "http://127.0.0.1:9000", signatureVersion: "v4" } },
    { name: "localhost http endpoint", input: { ...aliyun, endpoint: "http://localhost:9000" }, expected: { ...aliyun, endpoint: "http://localhost:9000", signatureVersion: "v4" } },
    { name: "IPv6 loopback endpoint", input: { ...aliyun, endpoint: "http://[::1]:9000" }, expected: { ...aliyun, endpoint: "http://[::1]:9000", signatureVersion: "v4" } },
    { name: "__provider is ignored", input: { ...jdcloud, __provider: "exports.handler = …" }, expected: jdcloud },
    { name: "3-character bucket", input: { ...jdcloud, bucket: "a-1" }, expected: { ...jdcloud, bucket: "a-1" } },
    { name: "63-character bucket", input: { ...jdcloud, bucket: "a".repeat(63) }, expected: { ...jdcloud, bucket: "a".repeat(63) } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outcome = checkInputs(c.input);
      assert.deepEqual(outcome.failures, []);
      assert.deepEqual(outcome.state, c.expected);
    });
  }
});

describe("checkInputs refuses, naming the property", () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; property: string; reason: RegExp }> = [
    { name: "unknown algorithm (InvalidEncryptionAlgorithmError)", input: { ...aliyun, sseAlgorithm: "DES" }, property: "sseAlgorithm", reason: /KMS, AES256, SM4/ },
    { name: "lower-case algorithm", input: { ...aliyun, sseAlgorithm: "kms" }, property: "sseAlgorithm", reason: /must be one of/ },
    { name: "AES256 on JD Cloud", input: { ...jdcloud, sseAlgorithm: "AES256" }, property: "sseAlgorithm", reason: /not supported on jdcloud; use KMS/ },
    { name: "SM4 on JD Cloud", input: { ...jdcloud, sseAlgorithm: "SM4" }, property: "sseAlgorithm", reason: /not supported on jdcloud/ },
    { name: "KMS key with AES256 (InvalidArgument)", input: { ...aliyun, sseAlgorithm: "AES256", kmsMasterKeyId: "k1" }, property: "kmsMasterKeyId", reason: /only when sseAlgorithm is KMS/ },
    { name: "KMS key with SM4", input: { ...aliyun, sseAlgorithm: "SM4", kmsMasterKeyId: "k1" }, property: "kmsMasterKeyId", reason: /only when sseAlgorithm is KMS/ },
    { name: "data encryption with AES256", input: { ...aliyun, sseAlgorithm: "AES256", kmsDataEncryption: "SM4" }, property: "kmsDataEncryption", reason: /only when sseAlgorithm is KMS/ },
    { name: "data encryption not SM4", input: { ...aliyun, kmsDataEncryption: "AES" }, property: "kmsDataEncryption", reason: /must be SM4/ },
    { name: "data encryption on JD Cloud", input: { ...jdcloud, kmsDataEncryption: "SM4" }, property: "kmsDataEncryption", reason: /not a setting of JD Cloud OSS/ },
    { name: "signature version on JD Cloud", input: { ...jdcloud, signatureVersion: "v1" }, property: "signatureVersion", reason: /JD Cloud OSS, which always uses AWS Signature V4/ },
    { name: "unknown signature version", input: { ...aliyun, signatureVersion: "v2" }, property: "signatureVersion", reason: /v4 or v1/ },
    { name: "unknown cloud", input: { ...aliyun, cloud: "aws" }, property: "cloud", reason: /jdcloud, aliyun/ },
    { name: "a name Object.prototype has is not a cloud", input: { ...aliyun, cloud: "constructor" }, property: "cloud", reason: /jdcloud, aliyun/ },
    { name: "missing bucket", input: { cloud: "aliyun", region: "cn-hangzhou", sseAlgorithm: "KMS" }, property: "bucket", reason: /required/ },
    { name: "missing algorithm", input: { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme" }, property: "sseAlgorithm", reason: /required/ },
    { name: "non-string bucket", input: { ...aliyun, bucket: 42 }, property: "bucket", reason: /string/ },
    { name: "upper-case bucket", input: { ...aliyun, bucket: "Acme" }, property: "bucket", reason: /lowercase/ },
    { name: "bucket with dot", input: { ...aliyun, bucket: "acme.logs" }, property: "bucket", reason: /lowercase/ },
    { name: "bucket with path", input: { ...aliyun, bucket: "acme/../x" }, property: "bucket", reason: /lowercase/ },
    { name: "bucket with host", input: { ...aliyun, bucket: "evil.com#" }, property: "bucket", reason: /lowercase/ },
    { name: "bucket too short", input: { ...aliyun, bucket: "ab" }, property: "bucket", reason: /3-63/ },
    { name: "bucket too long", input: { ...aliyun, bucket: "a".repeat(64) }, property: "bucket", reason: /3-63/ },
    { name: "bucket starting with hyphen", input: { ...aliyun, bucket: "-acme" }, property: "bucket", reason: /starting and ending/ },
    { name: "JD Cloud consecutive hyphens", input: { ...jdcloud, bucket: "acme--logs" }, property: "bucket", reason: /consecutive hyphens/ },
    { name: "JD Cloud region format", input: { ...jdcloud, region: "beijing" }, property: "region", reason: /cn-north-1/ },
    { name: "JD Cloud oss- region", input: { ...jdcloud, region: "oss-cn-north-1" }, property: "region", reason: /JD Cloud region/ },
    { name: "Aliyun region format", input: { ...aliyun, region: "Hangzhou" }, property: "region", reason: /cn-hangzhou/ },
    { name: "Aliyun region with dot", input: { ...aliyun, region: "cn-hangzhou.evil" }, property: "region", reason: /cn-hangzhou/ },
    { name: "endpoint not a URL", input: { ...aliyun, endpoint: "oss-cn-hangzhou.aliyuncs.com" }, property: "endpoint", reason: /absolute URL/ },
    { name: "endpoint ftp", input: { ...aliyun, endpoint: "ftp://example.com" }, property: "endpoint", reason: /https/ },
    { name: "plain http to a remote host", input: { ...aliyun, endpoint: "http://oss-cn-hangzhou.aliyuncs.com" }, property: "endpoint", reason: /plain http is allowed only/ },
    { name: "plain http to a private address", input: { ...aliyun, endpoint: "http://10.0.0.5" }, property: "endpoint", reason: /plain http is allowed only/ },
    { name: "credentials in endpoint", input: { ...aliyun, endpoint: "https://ak:sk@example.com" }, property: "endpoint", reason: /credentials/ },
    { name: "endpoint with path", input: { ...aliyun, endpoint: "https://example.com/other-bucket" }, property: "endpoint", reason: /without a path/ },
    { name: "endpoint with query", input: { ...aliyun, endpoint: "https://example.com?x=1" }, property: "endpoint", reason: /without a path/ },
    { name: "endpoint with port 0", input: { ...aliyun, endpoint: "http://127.0.0.1:0" }, property: "endpoint", reason: /port 0/ },
    { name: "endpoint with port 00", input: { ...aliyun, endpoint: "https://example.com:00" }, property: "endpoint", reason: /port 0/ },
    { name: "endpoint path /. the URL parser drops", input: { ...aliyun, endpoint: "https://example.com/." }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint path /.. the URL parser drops", input: { ...aliyun, endpoint: "https://example.com/.." }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint path /%2e the URL parser drops", input: { ...aliyun, endpoint: "https://example.com/%2e/" }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint with a backslash path", input: { ...aliyun, endpoint: "https://example.com\\." }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint with a tab the URL parser strips", input: { ...aliyun, endpoint: "https://exam\tple.com" }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint with a line break the URL parser strips", input: { ...aliyun, endpoint: "https://example.com\n" }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint with leading space", input: { ...aliyun, endpoint: " https://example.com" }, property: "endpoint", reason: /would be dropped/ },
    { name: "endpoint with two trailing slashes", input: { ...aliyun, endpoint: "https://example.com//" }, property: "endpoint", reason: /without a path/ },
    { name: "key id with XML", input: { ...aliyun, kmsMasterKeyId: "<x>" }, property: "kmsMasterKeyId", reason: /KMS key id/ },
    { name: "unknown property (typo)", input: { ...aliyun, kmsKeyId: "k" }, property: "kmsKeyId", reason: /not an input/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outcome = checkInputs(c.input);
      assert.equal(outcome.state, undefined);
      const failure = outcome.failures.find((f) => f.property === c.property);
      assert.ok(failure, `expected a failure on ${c.property}, got ${JSON.stringify(outcome.failures)}`);
      assert.match(failure.reason, c.reason);
    });
  }
});

describe("checkInputs during preview", () => {
  it("skips unknown values and yields no state", () => {
    const outcome = checkInputs({ ...aliyun, bucket: UNKNOWN_VALUE }, (v) => v === UNKNOWN_VALUE);
    assert.deepEqual(outcome.failures, []);
    assert.equal(outcome.state, undefined);
  });
  it("still reports known problems beside unknown values", () => {
    const outcome = checkInputs({ ...jdcloud, bucket: UNKNOWN_VALUE, sseAlgorithm: "AES256" }, (v) => v === UNKNOWN_VALUE);
    assert.deepEqual(outcome.failures.map((f) => f.property), ["sseAlgorithm"]);
  });
});
