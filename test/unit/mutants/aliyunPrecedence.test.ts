// Which identity and which role a resource signs with on Alibaba Cloud, when the resource, the
// stack and the environment each say something: the plan, exactly, and the source's name.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planAliyunCredentials } from "../../../provider/clouds/aliyun/credentials/precedence";
import { aliyunCredentialSource } from "../../../provider/clouds/aliyun/credentials/source";

const ROLE = "acs:ram::1234567890:role/deployer";
const OTHER_ROLE = "acs:ram::1234567890:role/auditor";
const KEYS = { "alicloud:accessKey": "LTAI-precedence", "alicloud:secretKey": "precedence-secret" };
const config = (values: Record<string, string>) => (key: string) => values[key];
const nowhere = { homeDir: "/nonexistent", fileExists: () => false };
const base = { kind: "static", name: "stack config alicloud:accessKey", credentials: { accessKeyId: "LTAI-precedence", secretAccessKey: "precedence-secret", source: "stack config alicloud:accessKey" } };

describe("planAliyunCredentials", () => {
  it("keys alone: the base identity and nothing else", () => {
    assert.deepEqual(planAliyunCredentials(config(KEYS), {}, nowhere), { base });
  });
  it("the stack's role and STS endpoint come along", () => {
    const plan = planAliyunCredentials(config({ ...KEYS, "alicloud:assumeRole": JSON.stringify({ roleArn: ROLE }), "alicloud:stsEndpoint": "sts.example.com" }), {}, nowhere);
    assert.deepEqual(plan, { base, assumeRole: { name: "stack config alicloud:assumeRole", roleArn: ROLE, sessionName: "pulumi-bucket-encryption" }, stsEndpoint: "sts.example.com" });
  });
  it("a resource's roleArn replaces the stack's role, borrowing its duration and session name", () => {
    const stack = { ...KEYS, "alicloud:assumeRole": JSON.stringify({ roleArn: OTHER_ROLE, sessionName: "stack-session", sessionExpiration: 1800, externalId: "stack-ext" }) };
    assert.deepEqual(planAliyunCredentials(config(stack), {}, nowhere, { roleArn: ROLE })?.assumeRole, {
      name: "input roleArn",
      roleArn: ROLE,
      sessionName: "stack-session",
      durationSeconds: 1800,
    });
    assert.deepEqual(planAliyunCredentials(config(stack), {}, nowhere, { roleArn: ROLE, roleSessionName: "own-session", externalId: "own-ext" })?.assumeRole, {
      name: "input roleArn",
      roleArn: ROLE,
      sessionName: "own-session",
      durationSeconds: 1800,
      externalId: "own-ext",
    });
  });
  it("a resource's roleArn without a stack role takes the default session name", () => {
    assert.deepEqual(planAliyunCredentials(config(KEYS), {}, nowhere, { roleArn: ROLE })?.assumeRole, { name: "input roleArn", roleArn: ROLE, sessionName: "pulumi-bucket-encryption" });
  });
  it("a resource's profile replaces the stack's identity, when the CLI's file is there", () => {
    const withCli = { homeDir: "/home/deployer", fileExists: (file: string) => file === "/home/deployer/.aliyun/config.json" };
    assert.deepEqual(planAliyunCredentials(config(KEYS), {}, withCli, { profile: "ops" }), { base: { kind: "cliProfile", name: 'input profile "ops" (of ~/.aliyun/config.json)', configFile: "/home/deployer/.aliyun/config.json", profile: "ops" } });
    assert.throws(() => planAliyunCredentials(config(KEYS), {}, nowhere, { profile: "ops" }), /does not exist/);
  });
  it("nothing configured is no plan; a role with nothing to assume it with is refused", () => {
    assert.equal(planAliyunCredentials(config({}), {}, nowhere), undefined);
    assert.throws(() => planAliyunCredentials(config({}), {}, nowhere, { roleArn: ROLE }), /input roleArn needs credentials/);
  });
});

describe("aliyunCredentialSource names what it will sign with, before any request", () => {
  it("the base identity alone", () => {
    const plan = planAliyunCredentials(config(KEYS), {}, nowhere);
    assert.ok(plan !== undefined);
    assert.equal(aliyunCredentialSource(plan).name, "stack config alicloud:accessKey");
  });
  it("a role assumed with it", () => {
    const plan = planAliyunCredentials(config(KEYS), {}, nowhere, { roleArn: ROLE });
    assert.ok(plan !== undefined);
    assert.equal(aliyunCredentialSource(plan).name, `input roleArn (${ROLE}) with stack config alicloud:accessKey`);
  });
});
