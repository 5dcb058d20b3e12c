import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Surroundings } from "../../../provider/credentials/surroundings";
import { CLOUDS, cloudModule } from "../../../provider/clouds";
import { cloudsHoldingSecrets, readProviderConfig } from "../../../provider/plugin/providerConfig";

const none: Surroundings = { fileExists: () => false, homeDir: "/home/u" };
const withTokenFile: Surroundings = { fileExists: (f) => f === "/run/token", homeDir: "/home/u" };
const ROLE = "acs:ram::1234567890123456:role/ci";
const IDP = "acs:ram::1234567890123456:oidc-provider/github";

describe("the provider's configuration", () => {
  it("maps each cloud's settings to the keys its credential chain reads, and describes them as the provider's", () => {
    const config = readProviderConfig(
      {
        aliyun: { accessKey: "id", secretKey: "s", endpoint: "http://127.0.0.1:9000" },
        jdcloud: JSON.stringify({ accessKey: "jd-id", secretKey: "jd-s", securityToken: "t" }),
        maxAttempts: 3,
        requestTimeoutMs: "2000",
        version: "0.1.0",
      },
      none,
    );
    assert.deepEqual(config.problems, []);
    const expected: Record<string, string> = {
      "alicloud:accessKey": "id",
      "alicloud:secretKey": "s",
      "bucketEncryption:aliyunEndpoint": "http://127.0.0.1:9000",
      "jdcloud:accessKey": "jd-id",
      "jdcloud:secretKey": "jd-s",
      "jdcloud:securityToken": "t",
      "bucketEncryption:maxAttempts": "3",
      "bucketEncryption:requestTimeoutMs": "2000",
    };
    for (const [key, value] of Object.entries(expected)) assert.equal(config.lookup(key), value, key);
    assert.equal(config.lookup("alicloud:profile"), undefined);
    assert.equal(config.lookup.describe?.("alicloud:accessKey"), "provider config aliyun.accessKey");
    assert.equal(config.lookup.describe?.("bucketEncryption:aliyunEndpoint"), "provider config aliyun.endpoint");
    assert.equal(config.lookup.describe?.("bucketEncryption:maxAttempts"), "provider config maxAttempts");
  });
  it("hands object settings to the chain as JSON text, whichever form they came in", () => {
    const object = { roleArn: ROLE, sessionExpiration: 900 };
    for (const aliyun of [{ accessKey: "i", secretKey: "s", assumeRole: object }, JSON.stringify({ accessKey: "i", secretKey: "s", assumeRole: object })]) {
      const config = readProviderConfig({ aliyun }, none);
      assert.deepEqual(config.problems, []);
      assert.deepEqual(JSON.parse(config.lookup("alicloud:assumeRole") ?? "null"), object);
    }
  });
  it("an empty configuration is valid (the environment and the CLI's profiles apply)", () => assert.deepEqual(readProviderConfig({}, none).problems, []));

  const refused: Array<[string, Record<string, unknown>, Surroundings, string, RegExp]> = [
    ["an unknown key", { aws: {} }, none, "aws", /not a setting of the bucket-encryption provider; the settings are jdcloud, aliyun, requestTimeoutMs/],
    ["a cloud that is not an object", { aliyun: "keys" }, none, "aliyun", /must be an object of settings/],
    ["JSON text that is not an object", { jdcloud: "[1,2]" }, none, "jdcloud", /must be an object of settings/],
    ["an unknown field", { jdcloud: { accessKey: "a", secretKey: "b", region: "cn-north-1" } }, none, "jdcloud", /unknown field\(s\) region; the fields are accessKey, secretKey, securityToken, profile, endpoint/],
    ["a field of the other cloud", { jdcloud: { assumeRole: { roleArn: ROLE } } }, none, "jdcloud", /unknown field\(s\) assumeRole/],
    ["a string setting given a number", { aliyun: { accessKey: 7, secretKey: "s" } }, none, "aliyun", /aliyun\.accessKey must be a string/],
    ["an object setting given a string", { aliyun: { accessKey: "i", secretKey: "s", assumeRole: "acs:ram::1:role/x" } }, none, "aliyun", /aliyun\.assumeRole must be an object with the fields roleArn, sessionName/],
    ["an endpoint with a path", { aliyun: { endpoint: "https://oss.example.com/prefix" } }, none, "aliyun", /aliyun\.endpoint must be a scheme and host/],
    ["plain http to a remote endpoint", { jdcloud: { endpoint: "http://s3.example.com" } }, none, "jdcloud", /jdcloud\.endpoint must use https/],
    ["an assumeRole without roleArn", { aliyun: { accessKey: "i", secretKey: "s", assumeRole: { sessionName: "x1" } } }, none, "aliyun", /provider config aliyun\.assumeRole needs roleArn/],
    ["an OIDC setting whose token file does not exist", { aliyun: { assumeRoleWithOidc: { roleArn: ROLE, oidcProviderArn: IDP, oidcTokenFile: "/run/missing" } } }, withTokenFile, "aliyun", /provider config aliyun\.assumeRoleWithOidc names the OIDC token file \/run\/missing, which does not exist/],
    ["a profile whose file does not exist", { jdcloud: { profile: "prod" } }, none, "jdcloud", /provider config jdcloud\.profile .*does not exist/],
    ["a setting of 0", { maxAttempts: 0 }, none, "maxAttempts", /provider config maxAttempts must be a positive whole number, not "0"/],
    ["a setting that is not a number", { requestTimeoutMs: "soon" }, none, "requestTimeoutMs", /provider config requestTimeoutMs must be a positive whole number/],
    ["a timeout Node cannot hold", { maxElapsedMs: "99999999999" }, none, "maxElapsedMs", /provider config maxElapsedMs must be at most 2147483647 ms/],
  ];
  for (const [name, inputs, around, property, reason] of refused) {
    it(`refuses ${name}, naming the key`, () => {
      const { problems } = readProviderConfig(inputs, around);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]?.property, property);
      assert.match(problems[0]?.reason ?? "", reason);
    });
  }
  it("never quotes a secret in a problem", () => {
    const { problems } = readProviderConfig({ aliyun: { accessKey: 12345, secretKey: "hunter2-secret", securityToken: ["tok-secret"] } }, none);
    assert.ok(problems.length > 0);
    for (const p of problems) assert.ok(!p.reason.includes("hunter2") && !p.reason.includes("tok-secret") && !p.reason.includes("12345"), p.reason);
  });
  it("accepts a complete OIDC setting whose token file exists", () => {
    const config = readProviderConfig({ aliyun: { assumeRoleWithOidc: { roleArn: ROLE, oidcProviderArn: IDP, oidcTokenFile: "/run/token" } } }, withTokenFile);
    assert.deepEqual(config.problems, []);
  });
});

describe("the clouds whose provider settings hold a secret", () => {
  const cases: ReadonlyArray<[string, Record<string, unknown>, string[]]> = [
    ["keys as an object", { aliyun: { accessKey: "id", secretKey: "s", endpoint: "https://e" } }, ["aliyun"]],
    ["keys as JSON text", { jdcloud: JSON.stringify({ accessKey: "id", secretKey: "s" }) }, ["jdcloud"]],
    ["a token alone", { jdcloud: { securityToken: "t" } }, ["jdcloud"]],
    ["a credentials URI", { aliyun: { credentialsUri: "http://127.0.0.1:1/creds?token=x" } }, ["aliyun"]],
    ["both clouds", { aliyun: { secretKey: "s" }, jdcloud: { accessKey: "a" } }, ["jdcloud", "aliyun"]],
    ["an endpoint and a profile only", { aliyun: { endpoint: "https://e", profile: "prod" } }, []],
    ["empty values", { aliyun: { accessKey: "", secretKey: null } }, []],
    ["request settings only", { maxAttempts: 3 }, []],
    ["text that is no object", { aliyun: "not json" }, []],
  ];
  for (const [label, inputs, expected] of cases) {
    it(label, () => assert.deepEqual(cloudsHoldingSecrets(inputs), expected));
  }
  it("object-valued settings have no secret field (cloudsHoldingSecrets reads top-level settings only)", () => {
    for (const cloud of CLOUDS) {
      for (const setting of cloudModule(cloud).providerSettings) assert.ok(!(setting.fields ?? []).some((f) => f.secret === true), `${cloud}.${setting.name}`);
    }
  });
});
