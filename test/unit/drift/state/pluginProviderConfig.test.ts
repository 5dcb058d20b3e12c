import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PLUGIN_PROVIDER_TYPE, pluginProviderConfig } from "../../../../cli/drift/state/pluginProviderConfig";
import { HIDDEN_SECRET, revealSecrets } from "../../../../cli/drift/state/secretValues";
import { REPO_ROOT } from "../../../support/tools";

// The provider plugin's instance config, as a hand-written state export holds it, mapped to the
// stack-config lookups the credential code reads.

interface ExportedResource {
  readonly urn: string;
  readonly type: string;
  readonly inputs?: Record<string, unknown>;
}
const exported = JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/state/plugin-provider-export.json"), "utf8")) as { deployment: { resources: ExportedResource[] } };
const providerInputs = (name: string): Record<string, unknown> => {
  const found = exported.deployment.resources.find((r) => r.type === PLUGIN_PROVIDER_TYPE && r.urn.endsWith(`::${name}`));
  assert.ok(found, `provider ${name} in the fixture`);
  return revealSecrets(found.inputs ?? {}) as Record<string, unknown>;
};
const mapped = (inputs: Record<string, unknown>) => {
  const result = pluginProviderConfig(inputs);
  assert.ok(!("problem" in result), JSON.stringify(result));
  return result;
};

describe("pluginProviderConfig: a provider's inputs as stack config", () => {
  it("the default provider: aliyun.* as alicloud:*, jdcloud.* as jdcloud:*, settings as bucketEncryption:*, numbers as text, the secret revealed", () => {
    const config = mapped(providerInputs("default_0_2_0"));
    const cases: Array<[string, string | undefined]> = [
      ["alicloud:accessKey", "LTAI-fixture-default"],
      ["alicloud:secretKey", "fixtureDefaultSecret"],
      ["bucketEncryption:aliyunEndpoint", "http://127.0.0.1:9000"],
      ["alicloud:endpoint", undefined],
      ["jdcloud:profile", "jd-ops"],
      ["bucketEncryption:maxAttempts", "3"],
      ["bucketEncryption:requestTimeoutMs", "5000"],
      ["bucketEncryption:connectTimeoutMs", undefined],
      ["bucketEncryption:version", undefined],
      ["alicloud:profile", undefined],
      ["aliyun:accessKey", undefined],
      ["version", undefined],
    ];
    for (const [key, expected] of cases) assert.equal(config.lookup(key), expected, key);
    assert.deepEqual(config.endpoints, { aliyun: "http://127.0.0.1:9000" });
  });

  it("a section stored as JSON text, with an object field given as JSON text (as stack config holds objects)", () => {
    const config = mapped(providerInputs("account-b"));
    assert.equal(config.lookup("alicloud:profile"), "account-b");
    assert.deepEqual(JSON.parse(config.lookup("alicloud:assumeRole") ?? "null"), { roleArn: "acs:ram::1234567890123456:role/drift-reader", sessionName: "drift" });
    assert.equal(config.lookup("bucketEncryption:connectTimeoutMs"), "2000");
    assert.deepEqual(config.endpoints, {});
  });

  it("a secret the export did not reveal is a problem naming the input, never a silently missing key", () => {
    const result = pluginProviderConfig(providerInputs("hidden"));
    assert.deepEqual(result, { problem: "the provider's input aliyun.secretKey holds a secret the state export did not reveal" });
  });

  const problems: Array<[string, Record<string, unknown>, RegExp]> = [
    ["a section that is neither an object nor JSON text", { aliyun: "profile=a" }, /input aliyun: must be an object of settings \(or its JSON text\)/],
    ["a section that is a list", { jdcloud: ["a"] }, /input jdcloud: must be an object of settings/],
    ["a section that is JSON text of a number", { aliyun: "42" }, /input aliyun: must be an object of settings/],
    ["a field the plugin does not have", { jdcloud: { region: "cn-north-1" } }, /input jdcloud: has unknown field\(s\) region/],
    ["a hidden setting", { maxAttempts: HIDDEN_SECRET }, /input maxAttempts holds a secret/],
    ["a hidden nested object field", { aliyun: { assumeRole: { roleArn: "r", externalId: HIDDEN_SECRET } } }, /input aliyun\.assumeRole\.externalId holds a secret/],
    ["a whole hidden section", { jdcloud: HIDDEN_SECRET }, /input jdcloud holds a secret/],
  ];
  for (const [name, inputs, expected] of problems) {
    it(`${name} is a problem`, () => {
      const result = pluginProviderConfig(inputs);
      assert.ok("problem" in result, JSON.stringify(result));
      assert.match(result.problem, expected);
    });
  }

  it("empty and absent sections map to nothing; inherited names are never read", () => {
    for (const inputs of [{}, { aliyun: "" }, { aliyun: null }, { jdcloud: {} }]) {
      const config = mapped(inputs);
      assert.equal(config.lookup("alicloud:accessKey"), undefined);
      assert.deepEqual(config.endpoints, {});
    }
    const config = mapped({ aliyun: { accessKey: "a" } });
    for (const key of ["alicloud:toString", "alicloud:__proto__", "bucketEncryption:constructor", "jdcloud:hasOwnProperty"]) assert.equal(config.lookup(key), undefined, key);
  });

  it("property: every key field of a cloud section reads back under the key its credential chain reads, and nothing else does", () => {
    const value = fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/);
    const keys = fc.record({ accessKey: value, secretKey: value, securityToken: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(keys, keys, fc.boolean(), (aliyun, jdcloud, asText) => {
        const config = mapped({ aliyun: asText ? JSON.stringify(aliyun) : aliyun, jdcloud });
        for (const [k, v] of Object.entries(aliyun)) assert.equal(config.lookup(`alicloud:${k}`), v);
        for (const [k, v] of Object.entries(jdcloud)) assert.equal(config.lookup(`jdcloud:${k}`), v);
        for (const k of ["accessKey", "secretKey", "securityToken"]) {
          if (!Object.hasOwn(aliyun, k)) assert.equal(config.lookup(`alicloud:${k}`), undefined);
          if (!Object.hasOwn(jdcloud, k)) assert.equal(config.lookup(`jdcloud:${k}`), undefined);
        }
        assert.deepEqual(config.endpoints, {});
      }),
    );
  });
});

describe("revealSecrets", () => {
  const SIG = "4dabf18193072939515e22adb298388d";
  const secret = (plaintext: string) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext });
  const cases: Array<[string, unknown, unknown]> = [
    ["a plain value", { a: 1, b: ["x"] }, { a: 1, b: ["x"] }],
    ["a secret string", { k: secret('"v"') }, { k: "v" }],
    ["a secret object holding a secret", secret(JSON.stringify({ inner: secret('"deep"') })), { inner: "deep" }],
    ["a secret without plaintext", { k: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" } }, { k: HIDDEN_SECRET }],
    ["a secret whose plaintext is not JSON", { k: secret("not json") }, { k: HIDDEN_SECRET }],
    ["another special value (an asset) is left as it is", { k: { [SIG]: "c44067f5952c0a294b673a41bacd8c17", text: "t" } }, { k: { [SIG]: "c44067f5952c0a294b673a41bacd8c17", text: "t" } }],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.deepEqual(revealSecrets(input), expected));
  it("does not change its input", () => {
    const input = { k: secret('"v"') };
    const copy = structuredClone(input);
    revealSecrets(input);
    assert.deepEqual(input, copy);
  });
});
