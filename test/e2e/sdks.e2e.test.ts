import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { compileSdk, generateSdks, schemaLanguageInfo, SDK_LANGUAGES, type CommandResult, type SchemaLanguageInfo, type SdkLanguage } from "../support/sdks";
import { installTools, REPO_ROOT, type Tools } from "../support/tools";

// The provider plugin's schema, as the repository ships it (a unit test keeps it equal to what the
// plugin serves).
const SCHEMA_PATH = path.join(REPO_ROOT, "schema/bucket-encryption.json");

/** What each SDK must declare: the resource class, its inputs, the provider class, in the language's own spelling. */
const DECLARATIONS: Record<SdkLanguage, { readonly extension: string; readonly patterns: readonly RegExp[] }> = {
  nodejs: {
    extension: ".ts",
    patterns: [
      /export class BucketEncryption extends pulumi\.CustomResource/,
      /export interface BucketEncryptionArgs \{[^}]*\bsseAlgorithm: pulumi\.Input</s,
      /export interface BucketEncryptionArgs \{[^}]*\bkmsMasterKeyId\?: pulumi\.Input<string\b/s,
      /export class Provider extends pulumi\.ProviderResource/,
      /export interface ProviderArgs \{[^}]*\baliyun\?: pulumi\.Input</s,
    ],
  },
  python: {
    extension: ".py",
    patterns: [
      /^class BucketEncryption\(pulumi\.CustomResource\):/m,
      /^class BucketEncryptionArgs:/m,
      /def sse_algorithm\(self\)/,
      /def kms_master_key_id\(self\)/,
      /^class Provider\(pulumi\.ProviderResource\):/m,
    ],
  },
  go: {
    extension: ".go",
    patterns: [
      /^type BucketEncryption struct \{/m,
      /^type BucketEncryptionArgs struct \{[^}]*\bSseAlgorithm\s/ms,
      /^type BucketEncryptionArgs struct \{[^}]*\bKmsMasterKeyId\s+pulumi\.StringPtrInput/ms,
      /^func NewBucketEncryption\(/m,
      /^type Provider struct \{/m,
    ],
  },
};

/** Every source file of one extension under dir, concatenated (node_modules left out). */
function sources(dir: string, extension: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(extension) && !f.split(path.sep).includes("node_modules"))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}

/** The plugin metadata a generated SDK carries, which the engine reads to find the plugin. */
function pluginMetadata(language: SdkLanguage, sdkDir: string, info: SchemaLanguageInfo): { name?: string; server?: string } {
  switch (language) {
    case "nodejs":
      return (JSON.parse(readFileSync(path.join(sdkDir, "package.json"), "utf8")) as { pulumi: { name?: string; server?: string } }).pulumi;
    case "python":
      return JSON.parse(readFileSync(path.join(sdkDir, info.pythonPackage, "pulumi-plugin.json"), "utf8")) as { name?: string; server?: string };
    case "go":
      return JSON.parse(readFileSync(path.join(sdkDir, path.posix.basename(info.goImportBasePath), "pulumi-plugin.json"), "utf8")) as { name?: string; server?: string };
  }
}

function describeResult(result: CommandResult): string {
  return `${result.command} exited ${result.code}\n${result.stdout}\n${result.stderr}`;
}

describe(`SDKs generated from ${path.relative(REPO_ROOT, SCHEMA_PATH)}`, () => {
  let tools: Tools;
  let outDir: string;
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as { name: string; pluginDownloadURL?: string };
  const info = schemaLanguageInfo(SCHEMA_PATH);

  before(() => {
    tools = installTools("sdkgen");
    outDir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-sdks-"));
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it("generates the Node.js, Python and Go SDKs", (t) => {
    const result = generateSdks(tools.sdkgen, SCHEMA_PATH, outDir);
    t.diagnostic(`generated in ${result.durationMs} ms`);
    assert.equal(result.code, 0, describeResult(result));
    for (const language of SDK_LANGUAGES) assert.ok(existsSync(path.join(outDir, language)), `no ${language} SDK in ${outDir}`);
  });

  for (const language of SDK_LANGUAGES) {
    it(`the ${language} SDK declares the resource, its inputs and the provider`, () => {
      const code = sources(path.join(outDir, language), DECLARATIONS[language].extension);
      for (const pattern of DECLARATIONS[language].patterns) assert.match(code, pattern, `the ${language} SDK has nothing matching ${String(pattern)}`);
    });

    it(`the ${language} SDK names the plugin and where to download it`, () => {
      const metadata = pluginMetadata(language, path.join(outDir, language), info);
      assert.equal(metadata.name, schema.name);
      assert.equal(metadata.server, schema.pluginDownloadURL);
    });

    it(`the ${language} SDK compiles`, (t) => {
      const steps = compileSdk(language, outDir, info);
      t.diagnostic(`compiled in ${steps.reduce((sum, step) => sum + step.durationMs, 0)} ms`);
      for (const step of steps) assert.equal(step.code, 0, describeResult(step));
    });
  }

  it("refuses a schema that references a missing type, naming it, and writes no SDK", () => {
    const broken = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as { resources: Record<string, { inputProperties: Record<string, unknown> }> };
    const resource = Object.values(broken.resources)[0];
    assert.ok(resource !== undefined, "the schema declares no resource");
    resource.inputProperties["sseAlgorithm"] = { $ref: "#/types/bucket-encryption:index:NoSuchType" };
    const brokenPath = path.join(outDir, "broken.schema.json");
    writeFileSync(brokenPath, JSON.stringify(broken));
    const brokenOut = path.join(outDir, "broken");
    const result = generateSdks(tools.sdkgen, brokenPath, brokenOut);
    assert.notEqual(result.code, 0, describeResult(result));
    assert.match(result.stderr, /bucket-encryption:index:NoSuchType/);
    assert.ok(!existsSync(brokenOut), "an SDK was written from an invalid schema");
  });
});
