import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BucketEncryptionLifecycle } from "../../provider/lifecycle/BucketEncryptionLifecycle";
import { diffStates } from "../../provider/lifecycle/diffStates";
import { checkInputs } from "../../provider/validation/checkInputs";

const ROLE = "acs:ram::1234567890123456:role/staging";
const aliyun = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };
const jd = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-logs", sseAlgorithm: "KMS" };

describe("per-resource identity inputs (check)", () => {
  const accepted: Array<[string, Record<string, string>]> = [
    ["an Aliyun profile", { ...aliyun, profile: "staging" }],
    ["an Aliyun role with session name and external id", { ...aliyun, roleArn: ROLE, roleSessionName: "deploy-7", externalId: "ext-42" }],
    ["a profile and a role together", { ...aliyun, profile: "base", roleArn: ROLE }],
    ["a JD Cloud profile", { ...jd, profile: "prod" }],
  ];
  for (const [name, inputs] of accepted) {
    it(`accepts ${name} and keeps it in the state`, () => {
      const outcome = checkInputs(inputs);
      assert.deepEqual(outcome.failures, []);
      for (const key of ["profile", "roleArn", "roleSessionName", "externalId"]) assert.equal((outcome.state as Record<string, unknown> | undefined)?.[key], inputs[key]);
    });
  }
  const refused: Array<[string, Record<string, string>, string, RegExp]> = [
    ["a role on JD Cloud", { ...jd, roleArn: ROLE }, "roleArn", /not available on JD Cloud/],
    ["a malformed role ARN", { ...aliyun, roleArn: "staging" }, "roleArn", /must be a RAM role ARN/],
    ["a session name without a role", { ...aliyun, roleSessionName: "abc" }, "roleSessionName", /applies only with roleArn/],
    ["an external id without a role", { ...aliyun, externalId: "abc" }, "externalId", /applies only with roleArn/],
    ["a bad session name", { ...aliyun, roleArn: ROLE, roleSessionName: "has space" }, "roleSessionName", /2-64 letters/],
    ["a profile with a slash", { ...aliyun, profile: "../x" }, "profile", /must be a profile name/],
  ];
  for (const [name, inputs, property, reason] of refused) {
    it(`refuses ${name}, naming ${property}`, () => {
      const failures = checkInputs(inputs).failures;
      assert.equal(failures.length, 1, JSON.stringify(failures));
      assert.equal(failures[0]?.property, property);
      assert.match(failures[0]?.reason ?? "", reason);
    });
  }
});

describe("per-resource identity inputs (diff)", () => {
  const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
    ["a profile added", aliyun, { ...aliyun, profile: "staging" }],
    ["a profile changed", { ...aliyun, profile: "prod" }, { ...aliyun, profile: "staging" }],
    ["a role removed", { ...aliyun, roleArn: ROLE }, aliyun],
    ["an external id changed", { ...aliyun, roleArn: ROLE, externalId: "a1" }, { ...aliyun, roleArn: ROLE, externalId: "b2" }],
  ];
  for (const [name, olds, news] of cases) {
    it(`${name} updates in place, never replacing (so never deleting the rule)`, () => {
      const outcome = diffStates(olds, news);
      assert.equal(outcome.changes, true);
      assert.deepEqual(outcome.replaces, []);
      assert.equal(outcome.deleteBeforeReplace, false);
    });
  }
  it("the same identity is no change", () => assert.equal(diffStates({ ...aliyun, roleArn: ROLE }, { ...aliyun, roleArn: ROLE }).changes, false));
});

describe("per-resource identity inputs (check with the credential sources, no request)", () => {
  const noFiles = () => ({ homeDir: "/home/u", fileExists: () => false });
  it("a resource's profile without the CLI's file fails at preview, naming the profile input", async () => {
    const lifecycle = new BucketEncryptionLifecycle({ ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b" }, noFiles);
    const checked = await lifecycle.check({}, { ...aliyun, profile: "staging" });
    assert.deepEqual(checked.failures, [{ property: "profile", reason: 'input profile names profile "staging" but /home/u/.aliyun/config.json does not exist (create it with aliyun configure --profile staging)' }]);
  });
  it("a stack source's problem is reported under cloud", async () => {
    const lifecycle = new BucketEncryptionLifecycle({}, noFiles);
    await lifecycle.configure({ config: { get: (k: string) => (k === "alicloud:assumeRole" ? JSON.stringify({ roleArn: ROLE }) : undefined) } });
    const checked = await lifecycle.check({}, aliyun);
    assert.deepEqual(checked.failures, [{ property: "cloud", reason: "stack config alicloud:assumeRole needs credentials to assume the role with; none are configured" }]);
  });
});
