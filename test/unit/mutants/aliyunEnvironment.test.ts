// The Alibaba Cloud base identity from the environment and the home directory, in the official
// library's order, and the OIDC role assumption wherever it is written: field by field.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { baseFromConfig } from "../../../provider/clouds/aliyun/credentials/fromConfig";
import { baseFromEnvironment } from "../../../provider/clouds/aliyun/credentials/fromEnvironment";
import { CredentialConfigError } from "../../../provider/errors/CredentialConfigError";

const HOME = "/home/deployer";
const CLI_FILE = `${HOME}/.aliyun/config.json`;
const SHARED_FILE = `${HOME}/.alibabacloud/credentials`;
const TOKEN_FILE = "/var/run/oidc/token";
const ROLE = "acs:ram::1234567890:role/deployer";
const PROVIDER = "acs:ram::1234567890:oidc-provider/github";
const around = (...files: string[]) => ({ homeDir: HOME, fileExists: (file: string) => files.includes(file) });

describe("baseFromEnvironment", () => {
  it("a role ARN alone is not an OIDC setting", () => {
    assert.equal(baseFromEnvironment({ ALIBABA_CLOUD_ROLE_ARN: ROLE }, around()), undefined);
  });
  it("an OIDC setting missing a part is refused", () => {
    assert.throws(() => baseFromEnvironment({ ALIBABA_CLOUD_ROLE_ARN: ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER }, around(TOKEN_FILE)), CredentialConfigError);
    assert.throws(() => baseFromEnvironment({ ALIBABA_CLOUD_OIDC_TOKEN_FILE: TOKEN_FILE }, around(TOKEN_FILE)), /incomplete OIDC setting/);
    assert.throws(() => baseFromEnvironment({ ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER }, around(TOKEN_FILE)), /incomplete OIDC setting/);
  });
  it("the CLI's current profile, or the one named", () => {
    assert.deepEqual(baseFromEnvironment({}, around(CLI_FILE)), { kind: "cliProfile", name: "the current profile of ~/.aliyun/config.json", configFile: CLI_FILE });
    assert.deepEqual(baseFromEnvironment({ ALIBABA_CLOUD_PROFILE: "ops" }, around(CLI_FILE)), {
      kind: "cliProfile",
      name: 'environment ALIBABA_CLOUD_PROFILE (profile "ops" of ~/.aliyun/config.json)',
      configFile: CLI_FILE,
      profile: "ops",
    });
  });
  for (const disabled of ["true", "TRUE", "True"]) {
    it(`ALIBABA_CLOUD_CLI_PROFILE_DISABLED=${disabled} skips the CLI's file`, () => {
      assert.equal(baseFromEnvironment({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: disabled }, around(CLI_FILE)), undefined);
    });
  }
  it("ALIBABA_CLOUD_CLI_PROFILE_DISABLED=false keeps it", () => {
    assert.equal(baseFromEnvironment({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "false" }, around(CLI_FILE))?.kind, "cliProfile");
  });
  it("the shared credentials file, with or without a profile", () => {
    assert.deepEqual(baseFromEnvironment({}, around(SHARED_FILE)), { kind: "sharedFile", name: `the shared credentials file ${SHARED_FILE}`, file: SHARED_FILE });
    assert.deepEqual(baseFromEnvironment({ ALIBABA_CLOUD_PROFILE: "ops" }, around(SHARED_FILE)), {
      kind: "sharedFile",
      name: `the shared credentials file ${SHARED_FILE} (profile "ops")`,
      file: SHARED_FILE,
      profile: "ops",
    });
    assert.equal(baseFromEnvironment({ ALIBABA_CLOUD_CREDENTIALS_FILE: "/etc/ali.ini" }, around("/etc/ali.ini"))?.kind, "sharedFile");
  });
  it("a profile named with no file to hold it is refused", () => {
    assert.throws(() => baseFromEnvironment({ ALIBABA_CLOUD_PROFILE: "ops" }, around()), CredentialConfigError);
  });
  const hardening: Array<[string | undefined, boolean]> = [
    [undefined, false],
    ["false", false],
    ["true", true],
    ["TRUE", true],
  ];
  for (const [value, hardened] of hardening) {
    it(`the ECS role with ALIBABA_CLOUD_IMDSV1_DISABLED=${value ?? "(unset)"} is ${hardened ? "" : "not "}hardened`, () => {
      const env = { ALIBABA_CLOUD_ECS_METADATA: "EcsRole", ...(value !== undefined ? { ALIBABA_CLOUD_IMDSV1_DISABLED: value } : {}) };
      assert.deepEqual(baseFromEnvironment(env, around()), { kind: "ecsRole", name: "environment ALIBABA_CLOUD_ECS_METADATA", roleName: "EcsRole", hardened });
    });
  }
});

describe("OIDC role assumption", () => {
  const oidcConfig = (fields: Record<string, unknown>) => (key: string) => (key === "alicloud:assumeRoleWithOidc" ? JSON.stringify(fields) : undefined);
  const full = { roleArn: ROLE, oidcProviderArn: PROVIDER, oidcTokenFile: TOKEN_FILE };
  const plan = { kind: "oidc", name: "stack config alicloud:assumeRoleWithOidc", roleArn: ROLE, oidcProviderArn: PROVIDER, tokenFile: TOKEN_FILE, sessionName: "pulumi-bucket-encryption" };
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ["the required fields", full, plan],
    ["a session name", { ...full, roleSessionName: "ci-run" }, { ...plan, sessionName: "ci-run" }],
    ["a duration", { ...full, sessionExpiration: 1800 }, { ...plan, durationSeconds: 1800 }],
    ["a policy", { ...full, policy: '{"Version":"1"}' }, { ...plan, policy: '{"Version":"1"}' }],
  ];
  for (const [name, fields, expected] of cases) {
    it(`from stack config: ${name}`, () => assert.deepEqual(baseFromConfig(oidcConfig(fields), around(TOKEN_FILE)), expected));
  }
  for (const missing of ["roleArn", "oidcProviderArn", "oidcTokenFile"] as const) {
    it(`without ${missing} it is refused`, () => {
      const fields: Record<string, unknown> = { ...full };
      delete fields[missing];
      assert.throws(() => baseFromConfig(oidcConfig(fields), around(TOKEN_FILE)), CredentialConfigError);
    });
  }
  it("a token file that is not there is refused at once", () => {
    assert.throws(() => baseFromConfig(oidcConfig(full), around()), /does not exist/);
  });
  it("from the environment, with the session name of its variable", () => {
    const env = { ALIBABA_CLOUD_ROLE_ARN: ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER, ALIBABA_CLOUD_OIDC_TOKEN_FILE: TOKEN_FILE, ALIBABA_CLOUD_ROLE_SESSION_NAME: "from-env" };
    assert.deepEqual(baseFromEnvironment(env, around(TOKEN_FILE)), { ...plan, name: "environment ALIBABA_CLOUD_OIDC_TOKEN_FILE", sessionName: "from-env" });
  });
});
