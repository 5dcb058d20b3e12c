import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planAliyunCredentials } from "../../provider/clouds/aliyun/credentials/precedence";
import type { Surroundings as PlanSurroundings } from "../../provider/credentials/surroundings";
import { planJdcloudCredentials, readJdcProfile } from "../../provider/clouds/jdcloud/credentials";
import { credentialSourceFor } from "../../provider/clouds/credentialSourceFor";
import { CredentialConfigError } from "../../provider/errors/CredentialConfigError";
import { CredentialsError } from "../../provider/errors/CredentialsError";

const none = () => undefined;
const config = (values: Record<string, string>) => (key: string) => values[key];
const home = (...files: string[]): PlanSurroundings => ({ homeDir: "/home/u", fileExists: (f) => files.includes(f) });
const empty = home();
const cli = home("/home/u/.aliyun/config.json");
const tokens = (...files: string[]) => home("/run/token", "/run/env-token", ...files);
const KEYS = { "alicloud:accessKey": "i", "alicloud:secretKey": "s" };
const ROLE = "acs:ram::1234567890123456:role/ci-deployer";
const IDP = "acs:ram::1234567890123456:oidc-provider/github";

describe("static key conventions", () => {
  it("prefers stack config over the environment", async () => {
    const source = credentialSourceFor("aliyun", config({ "alicloud:accessKey": "cfg-id", "alicloud:secretKey": "cfg-secret", "alicloud:securityToken": "tok" }), {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret",
    }, empty);
    assert.deepEqual(await source.fetch(), { accessKeyId: "cfg-id", secretAccessKey: "cfg-secret", securityToken: "tok", source: "stack config alicloud:accessKey" });
  });
  const envCases: Array<[string, "aliyun" | "jdcloud", Record<string, string>, string]> = [
    ["Alibaba Cloud CLI names", "aliyun", { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b" }, "a"],
    ["Terraform/Pulumi alicloud names", "aliyun", { ALICLOUD_ACCESS_KEY: "c", ALICLOUD_SECRET_KEY: "d" }, "c"],
    ["OSS SDK names", "aliyun", { OSS_ACCESS_KEY_ID: "e", OSS_ACCESS_KEY_SECRET: "f" }, "e"],
    ["JD Cloud names", "jdcloud", { JDCLOUD_ACCESS_KEY: "g", JDCLOUD_SECRET_KEY: "h" }, "g"],
    ["JD Cloud lego names", "jdcloud", { JDCLOUD_ACCESS_KEY_ID: "i", JDCLOUD_ACCESS_KEY_SECRET: "j" }, "i"],
  ];
  for (const [name, cloud, env, id] of envCases) {
    it(`reads ${name}`, async () => assert.equal((await credentialSourceFor(cloud, none, env, empty).fetch()).accessKeyId, id));
  }
  it("never pairs an id with another convention's secret", () => {
    assert.throws(() => credentialSourceFor("aliyun", none, { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALICLOUD_SECRET_KEY: "b" }, empty), CredentialsError);
  });
  it("names both ways to provide credentials, and no secret", () => {
    assert.throws(
      () => credentialSourceFor("jdcloud", config({ "alicloud:secretKey": "s3cr3t" }), {}, empty),
      (e: Error) => /jdcloud:accessKey and jdcloud:secretKey/.test(e.message) && /JDCLOUD_ACCESS_KEY and JDCLOUD_SECRET_KEY/.test(e.message) && !e.message.includes("s3cr3t"),
    );
  });
});

describe("Alibaba Cloud precedence (planAliyunCredentials)", () => {
  const oidcConfig = JSON.stringify({ roleArn: ROLE, oidcProviderArn: IDP, oidcTokenFile: "/run/token" });
  const oidcEnv = { ALIBABA_CLOUD_ROLE_ARN: ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: IDP, ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/run/env-token" };
  const keysEnv = { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b" };
  const cases: Array<[string, Record<string, string>, Record<string, string>, PlanSurroundings, string, string]> = [
    ["config keys beat config OIDC", { "alicloud:accessKey": "i", "alicloud:secretKey": "s", "alicloud:assumeRoleWithOidc": oidcConfig }, {}, tokens(), "static", "stack config alicloud:accessKey"],
    ["config OIDC beats environment keys", { "alicloud:assumeRoleWithOidc": oidcConfig }, keysEnv, tokens(), "oidc", "stack config alicloud:assumeRoleWithOidc"],
    ["config profile beats environment keys", { "alicloud:profile": "prod" }, keysEnv, cli, "cliProfile", 'stack config alicloud:profile (profile "prod" of ~/.aliyun/config.json)'],
    ["config ECS role", { "alicloud:ecsRoleName": "worker" }, {}, empty, "ecsRole", "stack config alicloud:ecsRoleName"],
    ["config credentials URI", { "alicloud:credentialsUri": "http://127.0.0.1:9/creds" }, {}, empty, "uri", "stack config alicloud:credentialsUri"],
    ["environment keys beat environment OIDC", {}, { ...keysEnv, ...oidcEnv }, tokens(), "static", "environment ALIBABA_CLOUD_ACCESS_KEY_ID"],
    ["environment OIDC beats the CLI profile file", {}, oidcEnv, tokens("/home/u/.aliyun/config.json"), "oidc", "environment ALIBABA_CLOUD_OIDC_TOKEN_FILE"],
    ["CLI file's current profile", {}, {}, home("/home/u/.aliyun/config.json"), "cliProfile", "the current profile of ~/.aliyun/config.json"],
    ["ALIBABA_CLOUD_PROFILE", {}, { ALIBABA_CLOUD_PROFILE: "stage" }, home("/home/u/.aliyun/config.json"), "cliProfile", 'environment ALIBABA_CLOUD_PROFILE (profile "stage" of ~/.aliyun/config.json)'],
    ["shared credentials file", {}, {}, home("/home/u/.alibabacloud/credentials"), "sharedFile", "the shared credentials file /home/u/.alibabacloud/credentials"],
    ["CLI file beats the ECS role", {}, { ALIBABA_CLOUD_ECS_METADATA: "worker" }, home("/home/u/.aliyun/config.json"), "cliProfile", "the current profile of ~/.aliyun/config.json"],
    ["ECS role beats the credentials URI", {}, { ALIBABA_CLOUD_ECS_METADATA: "worker", ALIBABA_CLOUD_CREDENTIALS_URI: "http://127.0.0.1:9/" }, empty, "ecsRole", "environment ALIBABA_CLOUD_ECS_METADATA"],
    ["credentials URI last", {}, { ALIBABA_CLOUD_CREDENTIALS_URI: "http://127.0.0.1:9/" }, empty, "uri", "environment ALIBABA_CLOUD_CREDENTIALS_URI"],
  ];
  for (const [name, cfg, env, around, kind, source] of cases) {
    it(name, () => {
      const plan = planAliyunCredentials(config(cfg), env, around);
      assert.equal(plan?.base.kind, kind);
      assert.equal(plan.base.name, source);
    });
  }
  it("is undefined when nothing is configured", () => assert.equal(planAliyunCredentials(none, {}, empty), undefined));
  it("assumes a role on top of any base, with the library's defaults filled", () => {
    const plan = planAliyunCredentials(config({ "alicloud:profile": "base", "alicloud:assumeRole": JSON.stringify({ roleArn: ROLE, externalId: "ext-1", sessionExpiration: 900 }), "alicloud:stsEndpoint": "127.0.0.1:8443" }), {}, cli);
    assert.deepEqual(plan?.assumeRole, { name: "stack config alicloud:assumeRole", roleArn: ROLE, sessionName: "pulumi-bucket-encryption", durationSeconds: 900, externalId: "ext-1" });
    assert.equal(plan.stsEndpoint, "127.0.0.1:8443");
  });
  it("takes the STS endpoint from alicloud:stsEndpoint, else from pulumi-alicloud's alicloud:endpoints list", () => {
    const base = KEYS;
    assert.equal(planAliyunCredentials(config({ ...base, "alicloud:endpoints": JSON.stringify([{ oss: "x" }, { sts: "sts-vpc.cn-hangzhou.aliyuncs.com" }]) }), {}, empty)?.stsEndpoint, "sts-vpc.cn-hangzhou.aliyuncs.com");
    assert.equal(planAliyunCredentials(config({ ...base, "alicloud:stsEndpoint": "127.0.0.1:9443", "alicloud:endpoints": JSON.stringify([{ sts: "other" }]) }), {}, empty)?.stsEndpoint, "127.0.0.1:9443");
    assert.equal(planAliyunCredentials(config({ ...base, "alicloud:endpoints": JSON.stringify([{ oss: "x" }]) }), {}, empty)?.stsEndpoint, undefined);
    assert.throws(() => planAliyunCredentials(config({ ...base, "alicloud:endpoints": JSON.stringify([{ sts: "https://x" }]) }), {}, empty), /alicloud:endpoints sts must be a host name/);
  });
  it("marks the ECS role hardened (no IMDSv1 fallback) from config, and from the environment on request", () => {
    const fromConfig = planAliyunCredentials(config({ "alicloud:ecsRoleName": "worker" }), {}, empty)?.base;
    const fromEnv = planAliyunCredentials(none, { ALIBABA_CLOUD_ECS_METADATA: "worker", ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }, empty)?.base;
    assert.ok(fromConfig?.kind === "ecsRole" && fromConfig.hardened);
    assert.ok(fromEnv?.kind === "ecsRole" && fromEnv.hardened);
  });
  const refused: Array<[string, Record<string, string>, Record<string, string>, RegExp]> = [
    ["assumeRole without a base", { "alicloud:assumeRole": JSON.stringify({ roleArn: ROLE }) }, {}, /stack config alicloud:assumeRole needs credentials/],
    ["assumeRole without roleArn", { ...KEYS, "alicloud:assumeRole": JSON.stringify({ sessionName: "abc" }) }, {}, /alicloud:assumeRole needs roleArn/],
    ["a malformed role ARN", { ...KEYS, "alicloud:assumeRole": JSON.stringify({ roleArn: "role/x" }) }, {}, /roleArn must be a RAM role ARN/],
    ["a too-short session", { ...KEYS, "alicloud:assumeRole": JSON.stringify({ roleArn: ROLE, sessionExpiration: 60 }) }, {}, /sessionExpiration must be a whole number of seconds from 900/],
    ["an unknown field", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ROLE, oidcProviderArn: IDP, oidcTokenFile: "/t", token: "x" }) }, {}, /unknown field\(s\) token/],
    ["OIDC without its token file", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ROLE, oidcProviderArn: IDP }) }, {}, /assumeRoleWithOidc needs oidcTokenFile/],
    ["a non-object", { "alicloud:assumeRole": "acs:ram::1:role/x" }, {}, /must be an object/],
    ["an incomplete OIDC environment", {}, { ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/t", ALIBABA_CLOUD_ROLE_ARN: ROLE }, /incomplete OIDC setting: also set ALIBABA_CLOUD_OIDC_PROVIDER_ARN/],
    ["an STS endpoint with a scheme", { ...KEYS, "alicloud:stsEndpoint": "https://sts.aliyuncs.com" }, {}, /alicloud:stsEndpoint must be a host name/],
    ["a credentials URI that is not http", { "alicloud:credentialsUri": "file:///etc/passwd" }, {}, /must be an http\(s\) URL/],
    ["an OIDC token file that does not exist", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: ROLE, oidcProviderArn: IDP, oidcTokenFile: "/run/missing" }) }, {}, /stack config alicloud:assumeRoleWithOidc names the OIDC token file \/run\/missing, which does not exist/],
    ["a profile named but no profile file", {}, { ALIBABA_CLOUD_PROFILE: "prod" }, /names profile "prod" but neither/],
    ["alicloud:profile without ~/.aliyun/config.json", { "alicloud:profile": "prod" }, {}, /stack config alicloud:profile names profile "prod" but \/home\/u\/\.aliyun\/config\.json does not exist/],
  ];
  for (const [name, cfg, env, message] of refused) {
    it(`refuses ${name}, naming the source`, () => assert.throws(() => planAliyunCredentials(config(cfg), env, empty), (e: Error) => e instanceof CredentialConfigError && message.test(e.message)));
  }
});

describe("JD Cloud precedence and jdc profiles", () => {
  const jdc = home("/home/u/.jdc/config");
  it("config keys, then jdcloud:profile, then the environment, then the active jdc profile", () => {
    const keys = { JDCLOUD_ACCESS_KEY: "g", JDCLOUD_SECRET_KEY: "h" };
    assert.equal(planJdcloudCredentials(config({ "jdcloud:accessKey": "a", "jdcloud:secretKey": "b", "jdcloud:profile": "p" }), keys, jdc)?.kind, "static");
    assert.equal(planJdcloudCredentials(config({ "jdcloud:profile": "p" }), keys, jdc)?.name, 'stack config jdcloud:profile (profile "p" of ~/.jdc/config)');
    assert.equal(planJdcloudCredentials(none, keys, jdc)?.name, "environment JDCLOUD_ACCESS_KEY");
    assert.equal(planJdcloudCredentials(none, {}, jdc)?.name, "the active profile of ~/.jdc/config");
    assert.equal(planJdcloudCredentials(none, {}, empty), undefined);
  });
  it("refuses jdcloud:profile when ~/.jdc/config is missing", () => {
    assert.throws(() => planJdcloudCredentials(config({ "jdcloud:profile": "p" }), {}, empty), /jdcloud:profile .*does not exist/);
  });
  const ini = "[default]\naccess_key = DEFAULTAK\nsecret_key = defaultsk\nregion_id = cn-north-1\n\n[prod]\naccess_key = PRODAK\nsecret_key = prodsk\n\n[broken]\naccess_key = X\n";
  it("reads the profile named in ~/.jdc/current, else default, else the requested one", () => {
    assert.equal(readJdcProfile(ini, "prod\n", undefined, "the active profile").accessKeyId, "PRODAK");
    assert.equal(readJdcProfile(ini, undefined, undefined, "the active profile").accessKeyId, "DEFAULTAK");
    assert.equal(readJdcProfile(ini, "prod", "default", "cfg").secretAccessKey, "defaultsk");
  });
  it("names the missing or incomplete profile, never a value", () => {
    assert.throws(() => readJdcProfile(ini, undefined, "stage", "src"), (e: Error) => /^~\/\.jdc\/config has no profile "stage" \(profiles: default, prod, broken\)/.test(e.message));
    assert.throws(() => readJdcProfile(ini, undefined, "broken", "src"), (e: Error) => /profile "broken" of ~\/\.jdc\/config lacks access_key or secret_key/.test(e.message) && !e.message.includes("X"));
  });
});
