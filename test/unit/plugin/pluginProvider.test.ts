import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN_VALUE } from "../../../provider/model/constants";
import { PluginProvider } from "../../../provider/plugin/PluginProvider";
import type { DecodedProperties } from "../../../provider/plugin/wireValues";

const plain = (values: Record<string, unknown>, secrets: string[] = []): DecodedProperties => ({ values, secretKeys: new Set(secrets) });
const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-plugin", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "plugin-secret" };
const aliyun = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };
const provider = () => new PluginProvider(ENV, () => ({ fileExists: () => false, homeDir: "/nonexistent" }));

describe("PluginProvider without requests", () => {
  it("check normalises inputs and keeps a secret input secret", async () => {
    const result = await provider().check(plain({}), plain({ ...aliyun, region: "oss-cn-hangzhou", kmsMasterKeyId: "key-1" }, ["kmsMasterKeyId"]));
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.inputs.values, { ...aliyun, kmsMasterKeyId: "key-1", signatureVersion: "v4" });
    assert.deepEqual([...result.inputs.secretKeys], ["kmsMasterKeyId"]);
  });
  it("check names the property at fault", async () => {
    const result = await provider().check(plain({}), plain({ ...aliyun, cloud: "jdcloud", region: "cn-north-1", sseAlgorithm: "AES256" }));
    assert.deepEqual(result.failures.map((f) => f.property), ["sseAlgorithm"]);
  });
  it("check with a value not known yet (preview) returns the inputs as given, without failures", async () => {
    const result = await provider().check(plain({}), plain({ ...aliyun, bucket: UNKNOWN_VALUE }));
    assert.deepEqual(result.failures, []);
    assert.equal(result.inputs.values["bucket"], UNKNOWN_VALUE);
  });
  it("diff gives every changed property its kind, and replacements for the identity", async () => {
    const olds = { ...aliyun, kmsMasterKeyId: "key-1", signatureVersion: "v4", profile: "old" };
    const news = { ...aliyun, bucket: "other", kmsDataEncryption: "SM4", signatureVersion: "v4", profile: "new" };
    const diff = await provider().diff("aliyun:cn-hangzhou:acme-logs", plain(olds), plain(news));
    assert.deepEqual(
      diff.details.map((d) => [d.property, d.kind, d.replaces]),
      [
        ["bucket", "update", true],
        ["kmsMasterKeyId", "delete", false],
        ["kmsDataEncryption", "add", false],
        ["profile", "update", false],
      ],
    );
    assert.deepEqual(diff.replaces, ["bucket"]);
    assert.equal(diff.deleteBeforeReplace, true);
  });
  it("diff of equal states is empty, and an unknown value is a change", async () => {
    const state = { ...aliyun, signatureVersion: "v4" };
    assert.deepEqual((await provider().diff("x", plain(state), plain(state))).details, []);
    const unknown = await provider().diff("x", plain(state), plain({ ...state, sseAlgorithm: UNKNOWN_VALUE }));
    assert.deepEqual(unknown.details.map((d) => d.property), ["sseAlgorithm"]);
  });
  it("a preview create or update makes no request and returns the inputs, secrets kept", async () => {
    const p = provider();
    const created = await p.create(plain({ ...aliyun, bucket: UNKNOWN_VALUE }, ["bucket"]), { preview: true });
    assert.deepEqual(created, { id: "", outputs: { values: { ...aliyun, bucket: UNKNOWN_VALUE }, secretKeys: new Set(["bucket"]) } });
    const updated = await p.update("id", plain(aliyun), plain({ ...aliyun, sseAlgorithm: "SM4" }), { preview: true });
    assert.deepEqual(updated.values, { ...aliyun, sseAlgorithm: "SM4" });
  });
  it("checkConfig names the key; an unknown value is not judged", () => {
    const p = provider();
    assert.deepEqual(p.checkConfig(plain({ aliyun: { accessKey: "a", secretKey: "b" } })).failures, []);
    assert.deepEqual(p.checkConfig(plain({ jdcloud: { token: "x" } })).failures.map((f) => f.property), ["jdcloud"]);
    assert.deepEqual(p.checkConfig(plain({ aliyun: UNKNOWN_VALUE })).failures, []);
  });
  it("checkConfig keeps secret what came secret, and makes secret a cloud object holding keys in plain text", () => {
    const p = provider();
    assert.deepEqual([...p.checkConfig(plain({ aliyun: { endpoint: "https://e" }, maxAttempts: 3 }, ["maxAttempts"])).secretKeys], ["maxAttempts"]);
    assert.deepEqual([...p.checkConfig(plain({ aliyun: { accessKey: "a", secretKey: "b" }, jdcloud: { endpoint: "https://e" } })).secretKeys], ["aliyun"]);
    assert.deepEqual([...p.checkConfig(plain({ jdcloud: JSON.stringify({ securityToken: "t" }), aliyun: UNKNOWN_VALUE })).secretKeys], ["jdcloud"]);
  });
  it("diffConfig lists the keys that changed, the same object as object or JSON text being no change", () => {
    const p = provider();
    const keys = { accessKey: "a", secretKey: "b" };
    assert.deepEqual(p.diffConfig(plain({ aliyun: keys, version: "0.1.0" }), plain({ aliyun: JSON.stringify({ secretKey: "b", accessKey: "a" }), version: "0.2.0" })).changed, []);
    assert.deepEqual(p.diffConfig(plain({ aliyun: keys }), plain({ aliyun: { ...keys, secretKey: "rotated" }, maxAttempts: 3 })).changed, ["aliyun", "maxAttempts"]);
  });
  it("configure refuses a configuration check would refuse, naming the key and no value", async () => {
    await assert.rejects(provider().configure(plain({ aliyun: { accessKey: "id", secretKey: "very-secret", assumeRole: { sessionName: "x1" } } })), (e: Error) => {
      assert.match(e.message, /aliyun: provider config aliyun\.assumeRole needs roleArn/);
      assert.ok(!e.message.includes("very-secret"));
      return true;
    });
  });
});
