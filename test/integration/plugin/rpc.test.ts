import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import * as grpc from "@grpc/grpc-js";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { buildSchema } from "../../../provider/plugin/schema/buildSchema";
import { packageVersion } from "../../../provider/http/userAgent";
import { RESOURCE_TOKEN } from "../../../provider/plugin/constants";
import { SECRET_SIG, SPECIAL_SIG_KEY } from "../../../provider/plugin/wireValues";
import { OssEmulator } from "../../emulator/ossEmulator";
import { PluginUnderTest, secret, struct } from "../../support/pluginClient";

// Every RPC of the provider plugin, over gRPC on loopback with the SDK's own messages (what the
// engine sends), against the OSS emulator. The emulator knows one key pair, which reaches the
// plugin only through Configure's (secret) args: a request it accepts proves the args were read.

const KEYS = { accessKeyId: "LTAI-plugin-rpc", secretAccessKey: "plugin-rpc-secret" };
const URN = `urn:pulumi:dev::proj::${RESOURCE_TOKEN}::logs`;
const Kind = proto.PropertyDiff.Kind;

describe("the provider plugin's RPCs", () => {
  const emulator = new OssEmulator([KEYS]);
  let endpoint = "";
  let plugin: PluginUnderTest;
  let n = 0;
  let bucket = "";
  const inputs = () => ({ cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: secret("key-1") });
  const configured = async () => plugin.configure({ aliyun: { accessKey: secret(KEYS.accessKeyId), secretKey: secret(KEYS.secretAccessKey), endpoint } });
  const checked = async () => {
    const response = await plugin.check(new proto.CheckRequest().setUrn(URN).setOlds(struct({})).setNews(struct(inputs())));
    assert.deepEqual(response.getFailuresList(), []);
    return response.getInputs() ?? struct({});
  };

  before(async () => {
    endpoint = await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(async () => {
    await plugin?.stop();
    plugin = await PluginUnderTest.start();
    bucket = `rpc-${++n}`;
    emulator.createBucket(bucket);
    emulator.latencyMs = 0;
  });
  after(() => plugin.stop());

  it("GetPluginInfo answers the package's version", async () => assert.equal((await plugin.pluginInfo()).getVersion(), packageVersion()));
  it("GetSchema answers the schema built from the code", async () => {
    const response = await plugin.schema();
    assert.deepEqual(JSON.parse(response.getSchema()), JSON.parse(JSON.stringify(buildSchema(packageVersion()))));
  });
  it("Attach takes the engine's address", async () => {
    await plugin.attach("127.0.0.1:12345");
    assert.deepEqual(plugin.attached, ["127.0.0.1:12345"]);
  });
  it("CheckConfig names the key at fault; a valid configuration comes back as given", async () => {
    const bad = await plugin.checkConfig(new proto.CheckRequest().setUrn("urn:pulumi:dev::proj::pulumi:providers:bucket-encryption::p").setOlds(struct({})).setNews(struct({ jdcloud: { accessKey: "a", region: "x" }, maxAttempts: "many" })));
    assert.deepEqual(bad.getFailuresList().map((f) => f.getProperty()).sort(), ["jdcloud", "maxAttempts"]);
    const good = await plugin.checkConfig(new proto.CheckRequest().setOlds(struct({})).setNews(struct({ aliyun: JSON.stringify({ endpoint }), version: "0.1.0" })));
    assert.deepEqual(good.getFailuresList(), []);
    assert.deepEqual(good.getInputs()?.toJavaScript(), { aliyun: JSON.stringify({ endpoint }), version: "0.1.0" });
  });
  it("DiffConfig reports what changed and never a replacement", async () => {
    const response = await plugin.diffConfig(new proto.DiffRequest().setOlds(struct({ jdcloud: { accessKey: "a", secretKey: "b" } })).setNews(struct({ jdcloud: { accessKey: "a", secretKey: secret("rotated") } })));
    assert.equal(response.getChanges(), proto.DiffResponse.DiffChanges.DIFF_SOME);
    assert.deepEqual(response.getDiffsList(), ["jdcloud"]);
    assert.deepEqual(response.getReplacesList(), []);
    assert.equal(response.getDetaileddiffMap().get("jdcloud")?.getKind(), Kind.UPDATE);
  });
  it("Configure with secret args: the keys sign, and the answer accepts secrets and previews", async () => {
    const response = await configured();
    assert.equal(response.getAcceptsecrets(), true);
    assert.equal(response.getSupportspreview(), true);
    const created = await plugin.create(new proto.CreateRequest().setUrn(URN).setProperties(await checked()));
    assert.equal(created.getId(), `aliyun:cn-hangzhou:${bucket}`);
    assert.deepEqual(emulator.buckets.get(bucket)?.rule, { SSEAlgorithm: "KMS", KMSMasterKeyID: "key-1" });
  });
  it("Configure refuses a malformed configuration, naming the key and no secret", async () => {
    await assert.rejects(plugin.configure({ aliyun: { securityToken: secret("sekrit-value"), assumeRoleWithOidc: { roleArn: "x" } } }), (e: grpc.ServiceError) => {
      assert.match(e.details, /provider config aliyun\.assumeRoleWithOidc/);
      assert.ok(!e.details.includes("sekrit-value"));
      return true;
    });
  });
  it("Check normalises and keeps a secret input secret; failures name the property", async () => {
    await configured();
    const inputsBack = (await checked()).toJavaScript();
    assert.deepEqual(inputsBack["kmsMasterKeyId"], { [SPECIAL_SIG_KEY]: SECRET_SIG, value: "key-1" });
    assert.equal(inputsBack["signatureVersion"], "v4");
    const refused = await plugin.check(new proto.CheckRequest().setUrn(URN).setOlds(struct({})).setNews(struct({ ...inputs(), sseAlgorithm: "AES128" })));
    assert.deepEqual(refused.getFailuresList().map((f) => f.getProperty()), ["sseAlgorithm"]);
  });
  it("Diff answers a detailed diff: ADD, DELETE, UPDATE and the replacing kinds, with delete-before-replace", async () => {
    const olds = { cloud: "aliyun", region: "cn-hangzhou", bucket: "a-1", sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", signatureVersion: "v4" };
    const news = { cloud: "aliyun", region: "cn-shanghai", bucket: "a-1", sseAlgorithm: "KMS", kmsDataEncryption: "SM4", signatureVersion: "v1" };
    const response = await plugin.diff(new proto.DiffRequest().setId("aliyun:cn-hangzhou:a-1").setUrn(URN).setOlds(struct(olds)).setNews(struct(news)));
    assert.equal(response.getChanges(), proto.DiffResponse.DiffChanges.DIFF_SOME);
    assert.equal(response.getHasdetaileddiff(), true);
    const map = response.getDetaileddiffMap();
    const kinds = Object.fromEntries(map.getEntryList().map(([k]) => [k, map.get(k)?.getKind()]));
    assert.deepEqual(kinds, { region: Kind.UPDATE_REPLACE, kmsMasterKeyId: Kind.DELETE, kmsDataEncryption: Kind.ADD, signatureVersion: Kind.UPDATE });
    assert.deepEqual(response.getReplacesList(), ["region"]);
    assert.equal(response.getDeletebeforereplace(), true);
    const same = await plugin.diff(new proto.DiffRequest().setId("x").setUrn(URN).setOlds(struct(olds)).setNews(struct(olds)));
    assert.equal(same.getChanges(), proto.DiffResponse.DiffChanges.DIFF_NONE);
  });
  it("Create in a preview sends nothing; Create, Update, Read and Delete each send one request", async () => {
    await configured();
    const properties = await checked();
    const before = emulator.log.length;
    const preview = await plugin.create(new proto.CreateRequest().setUrn(URN).setProperties(properties).setPreview(true));
    assert.equal(emulator.log.length, before);
    assert.equal(preview.getProperties()?.toJavaScript()["bucket"], bucket);
    const created = await plugin.create(new proto.CreateRequest().setUrn(URN).setProperties(properties));
    const outputs = created.getProperties()?.toJavaScript() ?? {};
    assert.deepEqual(outputs["kmsMasterKeyId"], { [SPECIAL_SIG_KEY]: SECRET_SIG, value: "key-1" }, "a secret input stays secret in the outputs");
    const id = created.getId();
    const news = struct({ ...(properties.toJavaScript() as Record<string, unknown>), sseAlgorithm: "SM4", kmsMasterKeyId: null });
    await plugin.update(new proto.UpdateRequest().setId(id).setUrn(URN).setOlds(created.getProperties() ?? struct({})).setNews(news));
    assert.deepEqual(emulator.buckets.get(bucket)?.rule, { SSEAlgorithm: "SM4" });
    const read = await plugin.read(new proto.ReadRequest().setId(id).setUrn(URN).setProperties(created.getProperties() ?? struct({})));
    assert.equal(read.getProperties()?.toJavaScript()["sseAlgorithm"], "SM4");
    await plugin.delete(new proto.DeleteRequest().setId(id).setUrn(URN).setProperties(read.getProperties() ?? struct({})));
    assert.equal(emulator.buckets.get(bucket)?.rule, undefined);
    assert.equal(emulator.requestsTo(bucket).length, 4);
  });
  it("Read with the id alone (pulumi import) answers inputs and properties; a bucket without a rule answers nothing", async () => {
    await configured();
    emulator.setRule(bucket, { SSEAlgorithm: "AES256" });
    const read = await plugin.read(new proto.ReadRequest().setId(`aliyun:cn-hangzhou:${bucket}`).setUrn(URN));
    const expected = { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "AES256", signatureVersion: "v4" };
    assert.equal(read.getId(), `aliyun:cn-hangzhou:${bucket}`);
    assert.deepEqual(read.getInputs()?.toJavaScript(), expected);
    assert.deepEqual(read.getProperties()?.toJavaScript(), expected);
    emulator.setRule(bucket, undefined);
    const gone = await plugin.read(new proto.ReadRequest().setId(`aliyun:cn-hangzhou:${bucket}`).setUrn(URN));
    assert.equal(gone.getId(), "");
    assert.equal(gone.getProperties(), undefined);
  });
  it("Cancel ends a request in flight promptly, naming the cancellation", async () => {
    await configured();
    const properties = await checked();
    emulator.latencyMs = 10_000;
    const started = Date.now();
    // Settled as soon as it ends, so its rejection is never left unhandled while Cancel is awaited.
    const creating = plugin.create(new proto.CreateRequest().setUrn(URN).setProperties(properties)).then(
      () => undefined,
      (error: unknown) => error as grpc.ServiceError,
    );
    await new Promise((r) => setTimeout(r, 300));
    await plugin.cancel();
    const error = await creating;
    assert.match(error?.details ?? "no error", /cancelled \(the Pulumi engine asked the provider to stop\)/);
    assert.ok(Date.now() - started < 3_000, `ended after ${Date.now() - started} ms`);
  });
  it("a resource's custom timeout ends the operation, naming it", async () => {
    await configured();
    const properties = await checked();
    emulator.latencyMs = 10_000;
    const started = Date.now();
    await assert.rejects(plugin.create(new proto.CreateRequest().setUrn(URN).setProperties(properties).setTimeout(1)), (e: grpc.ServiceError) =>
      /custom timeout of 1 s ran out/.test(e.details),
    );
    assert.ok(Date.now() - started < 4_000, `ended after ${Date.now() - started} ms`);
  });
  it("an RPC the package has no use for answers UNIMPLEMENTED", async () => {
    await assert.rejects(plugin.invoke(new proto.InvokeRequest().setTok("bucket-encryption:index:nothing")), (e: grpc.ServiceError) => e.code === grpc.status.UNIMPLEMENTED);
  });
});
