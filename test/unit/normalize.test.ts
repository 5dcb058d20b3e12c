import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN_VALUE } from "../../provider/model/constants";
import { normalizeProps } from "../../provider/validation/normalize";

// The one normalisation check, diff and read share: every row is a raw property bag (a user's
// inputs, an older release's outputs, a live rule) and its normal form.
describe("normalizeProps", () => {
  const aliyun = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };
  const jdcloud = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", sseAlgorithm: "KMS" };
  const cases: Array<{ name: string; raw: Record<string, unknown>; normal: Record<string, unknown> }> = [
    { name: "Aliyun gets its default signature version", raw: aliyun, normal: { ...aliyun, signatureVersion: "v4" } },
    { name: "JD Cloud has no signature version to default", raw: jdcloud, normal: jdcloud },
    { name: "Aliyun oss- region prefix is dropped", raw: { ...aliyun, region: "oss-cn-hangzhou" }, normal: { ...aliyun, signatureVersion: "v4" } },
    { name: "JD Cloud keeps an oss- region as given (not its alias)", raw: { ...jdcloud, region: "oss-cn-north-1" }, normal: { ...jdcloud, region: "oss-cn-north-1" } },
    { name: "aws:kms is KMS on JD Cloud", raw: { ...jdcloud, sseAlgorithm: "aws:kms" }, normal: jdcloud },
    { name: "aws:kms is KMS on Aliyun (accepted since the first release)", raw: { ...aliyun, sseAlgorithm: "aws:kms" }, normal: { ...aliyun, signatureVersion: "v4" } },
    { name: "empty and null values are absent", raw: { ...jdcloud, kmsMasterKeyId: "", endpoint: null }, normal: jdcloud },
    { name: "endpoint loses its trailing slash", raw: { ...jdcloud, endpoint: "https://s3.cn-north-1.jcloudcs.com/" }, normal: { ...jdcloud, endpoint: "https://s3.cn-north-1.jcloudcs.com" } },
    { name: "an endpoint check refuses is kept (without trailing slashes)", raw: { ...jdcloud, endpoint: "http://example.com//" }, normal: { ...jdcloud, endpoint: "http://example.com" } },
    { name: "an unknown algorithm is kept as given", raw: { ...aliyun, sseAlgorithm: "DES" }, normal: { ...aliyun, sseAlgorithm: "DES", signatureVersion: "v4" } },
    { name: "an algorithm named like an Object member is kept as given (toString)", raw: { ...jdcloud, sseAlgorithm: "toString" }, normal: { ...jdcloud, sseAlgorithm: "toString" } },
    { name: "an algorithm named like an Object member is kept as given (__proto__)", raw: { ...aliyun, sseAlgorithm: "__proto__" }, normal: { ...aliyun, sseAlgorithm: "__proto__", signatureVersion: "v4" } },
    { name: "values the engine does not know yet are kept", raw: { ...aliyun, region: UNKNOWN_VALUE }, normal: { ...aliyun, region: UNKNOWN_VALUE, signatureVersion: "v4" } },
    { name: "an unknown cloud normalises nothing", raw: { ...aliyun, cloud: "aws", region: "oss-x" }, normal: { ...aliyun, cloud: "aws", region: "oss-x" } },
    { name: "anything that is not a property is dropped", raw: { ...jdcloud, __provider: "text", extra: 1 }, normal: jdcloud },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(normalizeProps(c.raw), c.normal));
  }
});
