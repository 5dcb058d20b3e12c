// The Alibaba Cloud credential settings read from stack config, field by field: what an empty
// value means, which values are refused, and exactly which fields a plan carries.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkedName, checkedUri } from "../../../provider/clouds/aliyun/credentials/checks";
import { assumeRoleFromConfig, stsEndpointFromConfig } from "../../../provider/clouds/aliyun/credentials/fromConfig";
import { CredentialConfigError } from "../../../provider/errors/CredentialConfigError";

const ROLE = "acs:ram::1234567890:role/deployer";
const config = (values: Record<string, string>) => (key: string) => values[key];

describe("checkedName and checkedUri", () => {
  it("unset and empty mean unset", () => {
    assert.equal(checkedName("profile", undefined, "src"), undefined);
    assert.equal(checkedName("profile", "", "src"), undefined);
    assert.equal(checkedUri(undefined, "src"), undefined);
    assert.equal(checkedUri("", "src"), undefined);
  });
  it("a valid name or URL is returned as it is", () => {
    assert.equal(checkedName("profile", "ops", "src"), "ops");
    assert.equal(checkedName("ecsRoleName", "EcsRole", "src"), "EcsRole");
    assert.equal(checkedUri("http://127.0.0.1:8080/credentials", "src"), "http://127.0.0.1:8080/credentials");
    assert.equal(checkedUri("https://sidecar.internal/credentials", "src"), "https://sidecar.internal/credentials");
  });
  const refused: Array<[string, () => unknown]> = [
    ["a profile with a space", () => checkedName("profile", "my profile", "src")],
    ["a profile with a slash", () => checkedName("profile", "../x", "src")],
    ["a role name with a space", () => checkedName("ecsRoleName", "a b", "src")],
    ["text that is no URL", () => checkedUri("sidecar:credentials", "src")],
    ["no URL at all", () => checkedUri("not a url", "src")],
    ["a file URL", () => checkedUri("file:///etc/credentials", "src")],
  ];
  for (const [name, f] of refused) {
    it(`refuses ${name}, naming the source`, () => assert.throws(f, (e: unknown) => e instanceof CredentialConfigError && e.message.includes("src")));
  }
});

describe("assumeRoleFromConfig", () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ["the role alone", { roleArn: ROLE }, { roleArn: ROLE, sessionName: "pulumi-bucket-encryption" }],
    ["with a session name", { roleArn: ROLE, sessionName: "ci-run" }, { roleArn: ROLE, sessionName: "ci-run" }],
    ["with a duration", { roleArn: ROLE, sessionExpiration: 3600 }, { roleArn: ROLE, sessionName: "pulumi-bucket-encryption", durationSeconds: 3600 }],
    ["with an external id", { roleArn: ROLE, externalId: "ext-1" }, { roleArn: ROLE, sessionName: "pulumi-bucket-encryption", externalId: "ext-1" }],
    ["with a policy", { roleArn: ROLE, policy: '{"Version":"1"}' }, { roleArn: ROLE, sessionName: "pulumi-bucket-encryption", policy: '{"Version":"1"}' }],
  ];
  for (const [name, setting, plan] of cases) {
    it(name, () => {
      assert.deepEqual(assumeRoleFromConfig(config({ "alicloud:assumeRole": JSON.stringify(setting) })), { name: "stack config alicloud:assumeRole", ...plan });
    });
  }
  it("unset is no role", () => assert.equal(assumeRoleFromConfig(config({})), undefined));
});

describe("stsEndpointFromConfig", () => {
  const cases: Array<[string, Record<string, string>, string | undefined]> = [
    ["unset", {}, undefined],
    ["empty own key, no list", { "alicloud:stsEndpoint": "" }, undefined],
    ["own key", { "alicloud:stsEndpoint": "sts-vpc.cn-hangzhou.aliyuncs.com" }, "sts-vpc.cn-hangzhou.aliyuncs.com"],
    ["own key with a port", { "alicloud:stsEndpoint": "127.0.0.1:8443" }, "127.0.0.1:8443"],
    ["own key wins over the list", { "alicloud:stsEndpoint": "a.example.com", "alicloud:endpoints": JSON.stringify([{ sts: "b.example.com" }]) }, "a.example.com"],
    ["the list's sts entry", { "alicloud:endpoints": JSON.stringify([{ oss: "x" }, { sts: "b.example.com" }]) }, "b.example.com"],
    ["a list with a null and a text entry first", { "alicloud:endpoints": JSON.stringify([null, "sts", { sts: "b.example.com" }]) }, "b.example.com"],
    ["an empty list value", { "alicloud:endpoints": "" }, undefined],
    ["a list without sts", { "alicloud:endpoints": JSON.stringify([{ oss: "x" }]) }, undefined],
  ];
  for (const [name, values, host] of cases) {
    it(name, () => assert.equal(stsEndpointFromConfig(config(values)), host));
  }
  const refused: Array<[string, Record<string, string>]> = [
    ["a scheme", { "alicloud:stsEndpoint": "https://sts.aliyuncs.com" }],
    ["a path", { "alicloud:stsEndpoint": "sts.aliyuncs.com/x" }],
    ["a list that is no list", { "alicloud:endpoints": '{"sts":"x"}' }],
    ["a list that is no JSON", { "alicloud:endpoints": "sts=x" }],
    ["a list entry with a scheme", { "alicloud:endpoints": JSON.stringify([{ sts: "https://x" }]) }],
  ];
  for (const [name, values] of refused) {
    it(`refuses ${name}`, () => assert.throws(() => stsEndpointFromConfig(config(values)), CredentialConfigError));
  }
});
