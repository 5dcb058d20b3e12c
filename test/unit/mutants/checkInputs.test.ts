// Inputs at the edges of the checks: values not known yet, null, and the percent-encoding the
// signers share.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN_VALUE } from "../../../provider/model/constants";
import { uriEncode, uriEncodePath } from "../../../provider/signing/uriEncode";
import { checkInputs } from "../../../provider/validation/checkInputs";
import { normalizeProps } from "../../../provider/validation/normalize";

const valid = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };
const isUnknown = (value: unknown) => value === UNKNOWN_VALUE;

describe("checkInputs: values not known yet and null", () => {
  for (const property of ["kmsMasterKeyId", "endpoint", "profile", "signatureVersion", "bucket", "region"]) {
    it(`${property} not known yet: no failure, and no state to act on`, () => {
      const outcome = checkInputs({ ...valid, [property]: UNKNOWN_VALUE }, isUnknown);
      assert.deepEqual(outcome, { failures: [] });
    });
  }
  it("null is the same as absent, for optional and required inputs", () => {
    assert.deepEqual(checkInputs({ ...valid, kmsMasterKeyId: null, endpoint: null }).state, { ...valid, signatureVersion: "v4" });
    assert.deepEqual(checkInputs({ ...valid, bucket: null }).failures, [{ property: "bucket", reason: "is required" }]);
  });
  it("without a judge of unknowns, every value is checked as given", () => {
    assert.deepEqual(checkInputs(valid).state, { ...valid, signatureVersion: "v4" });
  });
});

describe("checkInputs: each missing required input is one failure", () => {
  for (const property of ["cloud", "region", "bucket", "sseAlgorithm"] as const) {
    it(property, () => {
      const raw: Record<string, unknown> = { ...valid };
      delete raw[property];
      assert.deepEqual(checkInputs(raw).failures, [{ property, reason: "is required" }]);
    });
  }
});

describe("checkInputs: one refusal does not bring others that follow from it", () => {
  const cases: Array<[string, Record<string, unknown>, Array<[string, RegExp]>]> = [
    [
      "an unknown cloud: the algorithm's refusal lists no aliases",
      { ...valid, cloud: "nope", sseAlgorithm: "X" },
      [
        ["cloud", /^must be one of jdcloud, aliyun$/],
        ["sseAlgorithm", /^must be one of KMS, AES256, SM4$/],
      ],
    ],
    ["a refused algorithm: the key id and data encryption are not refused on its account", { ...valid, sseAlgorithm: "bogus", kmsMasterKeyId: "k", kmsDataEncryption: "SM4" }, [["sseAlgorithm", /\(aws:kms is accepted for KMS\)$/]]],
    ["an unknown cloud: identity inputs are not judged by any cloud's rules", { ...valid, cloud: "nope", profile: "ops", roleArn: "acs:ram::1:role/r", roleSessionName: "s1", externalId: "e1" }, [["cloud", /^must be one of/]]],
    ["a refused roleArn: its session name is not refused as given without one", { ...valid, roleArn: "bad", roleSessionName: "s1" }, [["roleArn", /^must be a RAM role ARN/]]],
    [
      "another refusal does not count as a roleArn given",
      { ...valid, bucket: "B!", roleSessionName: "s1" },
      [
        ["bucket", /^must be 3-63 characters/],
        ["roleSessionName", /^applies only with roleArn/],
      ],
    ],
  ];
  for (const [name, raw, expected] of cases) {
    it(name, () => {
      const failures = checkInputs(raw).failures;
      assert.deepEqual(
        failures.map((f) => f.property),
        expected.map(([p]) => p),
      );
      expected.forEach(([, reason], i) => assert.match(failures[i]?.reason ?? "", reason));
    });
  }
});

describe("normalizeProps keeps what it cannot normalise, and drops what is empty", () => {
  it("null is absent; a number is kept as given", () => {
    assert.deepEqual(normalizeProps({ cloud: "aliyun", region: 7, bucket: "b", endpoint: null, kmsMasterKeyId: null }), { cloud: "aliyun", region: 7, bucket: "b", signatureVersion: "v4" });
  });
});

describe("normalizeProps with a cloud name that is an Object key", () => {
  for (const cloud of ["toString", "constructor", "__proto__"]) {
    it(`${cloud} is kept as given, nothing normalised`, () => {
      assert.deepEqual(normalizeProps({ cloud, region: "oss-cn-hangzhou", signatureVersion: "" }), { cloud, region: "oss-cn-hangzhou" });
    });
  }
});

describe("uriEncode", () => {
  const cases: Array<[string, string]> = [
    ["a!'()*b", "a%21%27%28%29%2Ab"],
    ["A-Za-z0-9-._~", "A-Za-z0-9-._~"],
    ["a b/c", "a%20b%2Fc"],
    ["é", "%C3%A9"],
  ];
  for (const [value, encoded] of cases) {
    it(`${JSON.stringify(value)} is ${encoded}`, () => assert.equal(uriEncode(value), encoded));
  }
  it("a path keeps its slashes", () => assert.equal(uriEncodePath("a b/c(1)"), "a%20b/c%281%29"));
});
