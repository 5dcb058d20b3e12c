import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { CLOUDS, cloudModule } from "../../../provider/clouds";
import { packageVersion } from "../../../provider/http/userAgent";
import { SSE_ALGORITHMS } from "../../../provider/model/constants";
import { PROPERTIES, PROPERTY_SPECS } from "../../../provider/model/properties";
import { RESOURCE_TOKEN } from "../../../provider/plugin/constants";
import { buildSchema } from "../../../provider/plugin/schema/buildSchema";
import { REPO_ROOT } from "../../support/tools";

const schema = buildSchema(packageVersion());
const resource = schema.resources[RESOURCE_TOKEN];

describe("the package schema", () => {
  it("is the committed schema/bucket-encryption.json (run `npm run schema` after changing what it is built from)", () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, "schema", "bucket-encryption.json"), "utf8"));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(schema)));
  });
  it("names the package, the version and where the plugin is downloaded from", () => {
    assert.equal(schema.name, "bucket-encryption");
    assert.equal(schema.version, packageVersion());
    assert.match(schema.pluginDownloadURL, /^github:\/\/api\.github\.com\//);
  });
  it("has the resource with every property of the dynamic resource, documented, and the identity marked as replacing", () => {
    assert.ok(resource !== undefined);
    assert.deepEqual(Object.keys(resource.inputProperties), [...PROPERTIES]);
    assert.deepEqual(Object.keys(resource.properties ?? {}), [...PROPERTIES]);
    assert.deepEqual(resource.requiredInputs, ["cloud", "region", "bucket", "sseAlgorithm"]);
    for (const p of PROPERTIES) {
      assert.equal(resource.inputProperties[p]?.description, PROPERTY_SPECS[p].description, p);
      assert.equal(resource.inputProperties[p]?.willReplaceOnChanges === true, PROPERTY_SPECS[p].change === "replace", p);
    }
  });
  it("makes enums of what the clouds accept", () => {
    const values = (name: string) => schema.types[`bucket-encryption:index:${name}`]?.enum?.map((e) => e.value);
    assert.deepEqual(values("Cloud"), [...CLOUDS]);
    assert.deepEqual(values("SseAlgorithm"), [...SSE_ALGORITHMS]);
    assert.deepEqual(values("SignatureVersion"), ["v4", "v1"]);
    assert.deepEqual(values("KmsDataEncryption"), ["SM4"]);
    assert.equal(resource?.inputProperties["sseAlgorithm"]?.$ref, "#/types/bucket-encryption:index:SseAlgorithm");
  });
  it("gives the provider one object per cloud, with every setting of that cloud and its secrets marked", () => {
    for (const cloud of CLOUDS) {
      const input = schema.provider.inputProperties[cloud];
      assert.ok(input?.$ref !== undefined, cloud);
      const type = schema.types[input.$ref.replace("#/types/", "")];
      const settings = cloudModule(cloud).providerSettings;
      assert.deepEqual(Object.keys(type?.properties ?? {}), [...settings.map((s) => s.name), "endpoint"], cloud);
      for (const s of settings) assert.equal(type?.properties?.[s.name]?.secret === true, s.secret, `${cloud}.${s.name}`);
    }
    assert.equal(schema.types["bucket-encryption:index:AliyunSettings"]?.properties?.["secretKey"]?.secret, true);
    assert.equal(schema.types["bucket-encryption:index:AliyunSettings"]?.properties?.["profile"]?.secret, undefined);
  });
  it("has the same config variables as provider inputs, and the request settings as integers", () => {
    assert.deepEqual(schema.config.variables, schema.provider.inputProperties);
    for (const s of ["requestTimeoutMs", "connectTimeoutMs", "maxAttempts", "maxElapsedMs"]) assert.equal(schema.provider.inputProperties[s]?.type, "integer", s);
  });
  it("names the package for Node.js, Python, Go and .NET", () => {
    const language = schema.language as Record<string, Record<string, string>>;
    assert.equal(language["nodejs"]?.["packageName"], "@pulumi-bucket-encryption/bucket-encryption");
    assert.equal(language["python"]?.["packageName"], "pulumi_bucket_encryption");
    assert.match(language["go"]?.["importBasePath"] ?? "", /\/sdk\/go\/bucketencryption$/);
    assert.equal(language["csharp"]?.["rootNamespace"], "PulumiBucketEncryption");
    // Generated SDKs must carry the schema's version (no release build substitutes a placeholder).
    for (const sdk of ["nodejs", "python", "go", "csharp"]) assert.equal((language[sdk] as Record<string, unknown> | undefined)?.["respectSchemaVersion"], true, sdk);
  });
  it("every $ref points at a type the schema has", () => {
    const refs = JSON.stringify(schema).match(/"#\/types\/[^"]+"/g) ?? [];
    for (const r of refs) assert.ok(schema.types[(JSON.parse(r) as string).replace("#/types/", "")] !== undefined, r);
  });
});
