import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveCredentials } from "../../provider/credentials";
import { CredentialsError } from "../../provider/errors/CredentialsError";

const none = () => undefined;
const config = (values: Record<string, string>) => (key: string) => values[key];

describe("resolveCredentials", () => {
  it("prefers stack config over the environment", () => {
    const c = resolveCredentials("aliyun", config({ "alicloud:accessKey": "cfg-id", "alicloud:secretKey": "cfg-secret", "alicloud:securityToken": "tok" }), {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret",
    });
    assert.deepEqual(c, { accessKeyId: "cfg-id", secretAccessKey: "cfg-secret", securityToken: "tok", source: "stack config alicloud:accessKey" });
  });
  const envCases: Array<[string, "aliyun" | "jdcloud", Record<string, string>, string]> = [
    ["Alibaba Cloud CLI names", "aliyun", { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b" }, "a"],
    ["Terraform/Pulumi alicloud names", "aliyun", { ALICLOUD_ACCESS_KEY: "c", ALICLOUD_SECRET_KEY: "d" }, "c"],
    ["OSS SDK names", "aliyun", { OSS_ACCESS_KEY_ID: "e", OSS_ACCESS_KEY_SECRET: "f" }, "e"],
    ["JD Cloud names", "jdcloud", { JDCLOUD_ACCESS_KEY: "g", JDCLOUD_SECRET_KEY: "h" }, "g"],
    ["JD Cloud lego names", "jdcloud", { JDCLOUD_ACCESS_KEY_ID: "i", JDCLOUD_ACCESS_KEY_SECRET: "j" }, "i"],
  ];
  for (const [name, cloud, env, id] of envCases) {
    it(`reads ${name}`, () => assert.equal(resolveCredentials(cloud, none, env).accessKeyId, id));
  }
  it("never pairs an id with another convention's secret", () => {
    assert.throws(() => resolveCredentials("aliyun", none, { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALICLOUD_SECRET_KEY: "b" }), CredentialsError);
  });
  it("names both ways to provide credentials, and no secret", () => {
    assert.throws(
      () => resolveCredentials("jdcloud", config({ "alicloud:secretKey": "s3cr3t" }), {}),
      (e: Error) => /jdcloud:accessKey and jdcloud:secretKey/.test(e.message) && /JDCLOUD_ACCESS_KEY and JDCLOUD_SECRET_KEY/.test(e.message) && !e.message.includes("s3cr3t"),
    );
  });
  it("sends STS tokens from the environment", () => {
    const c = resolveCredentials("aliyun", none, { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b", ALIBABA_CLOUD_SECURITY_TOKEN: "t" });
    assert.equal(c.securityToken, "t");
  });
});
