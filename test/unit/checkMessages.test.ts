import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInputs } from "../../provider/validation/checkInputs";

// check's messages and its rules must agree: every value a refusal names as an example is
// accepted, and every bound a message states is exactly the rule's. (JD Cloud regions: the form
// is checked, not a list; the message says so and lists today's regions as examples.)

const aliyun = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };
const jdcloud = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-logs", sseAlgorithm: "KMS" };

function reason(input: Record<string, unknown>, property: string): string | undefined {
  return checkInputs(input).failures.find((f) => f.property === property)?.reason;
}
function accepted(input: Record<string, unknown>): boolean {
  return checkInputs(input).failures.length === 0;
}

describe("check: messages and rules agree", () => {
  it("JD Cloud regions: the message says the form is checked, and each region it lists is accepted", () => {
    const message = reason({ ...jdcloud, region: "north" }, "region") ?? "";
    assert.match(message, /of the form cn-north-1/);
    const listed = /today (.*)\)/.exec(message)?.[1]?.split(/, | or /) ?? [];
    assert.deepEqual(listed, ["cn-north-1", "cn-east-1", "cn-east-2", "cn-south-1"]);
    for (const region of listed) assert.ok(accepted({ ...jdcloud, region }), region);
    // The form, not the list: a region of that form the list does not name is accepted too.
    assert.ok(accepted({ ...jdcloud, region: "cn-southwest-2" }));
    for (const region of ["cn-north", "north-1", "cn-north-1a", "CN-NORTH-1", "cn_north_1"]) assert.ok(!accepted({ ...jdcloud, region }), region);
  });

  it("Aliyun regions: both spellings the message names are accepted", () => {
    const message = reason({ ...aliyun, region: "?" }, "region") ?? "";
    assert.match(message, /such as cn-hangzhou \(oss-cn-hangzhou is accepted too\)/);
    assert.ok(accepted({ ...aliyun, region: "cn-hangzhou" }));
    assert.ok(accepted({ ...aliyun, region: "oss-cn-hangzhou" }));
  });

  it("algorithms: every value and alias the message names is accepted on Aliyun; JD Cloud's message names only KMS", () => {
    const message = reason({ ...aliyun, sseAlgorithm: "DES" }, "sseAlgorithm") ?? "";
    assert.equal(message, "must be one of KMS, AES256, SM4 (aws:kms is accepted for KMS)");
    for (const sseAlgorithm of ["KMS", "AES256", "SM4", "aws:kms"]) assert.ok(accepted({ ...aliyun, sseAlgorithm }), sseAlgorithm);
    assert.equal(reason({ ...jdcloud, sseAlgorithm: "AES256" }, "sseAlgorithm"), "AES256 is not supported on jdcloud; use KMS");
    assert.ok(accepted({ ...jdcloud, sseAlgorithm: "KMS" }));
    assert.ok(accepted({ ...jdcloud, sseAlgorithm: "aws:kms" }));
  });

  it("key ids: exactly 1-256 of the characters the message lists", () => {
    const message = reason({ ...aliyun, kmsMasterKeyId: "a b" }, "kmsMasterKeyId") ?? "";
    assert.equal(message, "must be a KMS key id or ARN: 1-256 letters, digits and : / _ . @ + = , -");
    assert.ok(accepted({ ...aliyun, kmsMasterKeyId: `aZ9:/_.@+=,-${"k".repeat(244)}` }), "256 characters, every listed symbol");
    assert.ok(!accepted({ ...aliyun, kmsMasterKeyId: "k".repeat(257) }), "257 characters");
    for (const c of [" ", "#", "?", "%", "&", "<", "é"]) assert.ok(!accepted({ ...aliyun, kmsMasterKeyId: `a${c}b` }), JSON.stringify(c));
  });

  it("bucket names: the bounds the message states", () => {
    assert.match(reason({ ...aliyun, bucket: "A" }, "bucket") ?? "", /3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit/);
    assert.ok(accepted({ ...aliyun, bucket: "abc" }));
    assert.ok(accepted({ ...aliyun, bucket: "a".repeat(63) }));
    assert.ok(!accepted({ ...aliyun, bucket: "ab" }));
    assert.ok(!accepted({ ...aliyun, bucket: "a".repeat(64) }));
    assert.ok(!accepted({ ...aliyun, bucket: "-abc" }));
  });

  it("endpoints: the example the message gives is accepted", () => {
    const message = reason({ ...aliyun, endpoint: "x" }, "endpoint") ?? "";
    const example = /such as (\S+)/.exec(message)?.[1] ?? "";
    assert.equal(example, "https://oss-cn-hangzhou-internal.aliyuncs.com");
    assert.ok(accepted({ ...aliyun, endpoint: example }));
  });
});
