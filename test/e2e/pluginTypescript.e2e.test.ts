import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { emulatorCloud, type PluginCloud } from "../support/pluginClouds";
import { PulumiProject } from "../support/pulumiCli";
import { buildNodejsSdk, type CommandResult, generateSdks, runCommand } from "../support/sdks";
import { installTools, REPO_ROOT, type Tools } from "../support/tools";

// examples/plugin-typescript, the TypeScript program the docs show, run as a user runs it after
// `pulumi package add bucket-encryption`: against the Node.js SDK generated from the plugin's
// schema (the package `@pulumi-bucket-encryption/bucket-encryption`), with the plugin on PATH,
// by the real CLI, against the emulator. The repository's Node.js language host runs JavaScript
// only, so the example is compiled first with its own tsconfig.json; strict type-checking against
// the generated SDK is part of the test.

const EXAMPLE_DIR = path.join(REPO_ROOT, "examples", "plugin-typescript");
const SCHEMA = path.join(REPO_ROOT, "schema", "bucket-encryption.json");
const SDK_PACKAGE = "@pulumi-bucket-encryption/bucket-encryption";
const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

function succeeded(result: CommandResult): void {
  assert.equal(result.code, 0, `${result.command} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
}

describe("the TypeScript example, on the generated Node.js SDK", () => {
  const bucket = "plugin-typescript";
  let tools: Tools;
  let cloud: PluginCloud;
  let root: string;
  let projectDir: string;
  let project: PulumiProject;

  before(async () => {
    installTools("pulumi");
    tools = installTools("sdkgen");
    cloud = await emulatorCloud();
    await cloud.target.createBucket(bucket);
    root = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-ts-example-"));
    projectDir = path.join(root, "project");
    cpSync(EXAMPLE_DIR, projectDir, { recursive: true });
  });
  after(async () => {
    project?.dispose();
    rmSync(root, { recursive: true, force: true });
    await cloud?.stop();
  });

  it("the SDK is generated from the plugin's schema and builds", (t) => {
    const sdks = path.join(root, "sdks");
    const generated = generateSdks(tools.sdkgen, SCHEMA, sdks, ["nodejs"]);
    succeeded(generated);
    const built = buildNodejsSdk(path.join(sdks, "nodejs"));
    succeeded(built.result);
    // The SDK registers its resources with this version: a placeholder left in it fails every registration.
    const version = (JSON.parse(readFileSync(SCHEMA, "utf8")) as { version: string }).version;
    assert.equal((JSON.parse(readFileSync(path.join(built.packageDir, "package.json"), "utf8")) as { version: string }).version, version);
    t.diagnostic(`generated in ${generated.durationMs} ms, compiled in ${built.result.durationMs} ms`);
    // The project's node_modules as `npm install` would leave it: the SDK under its package name, the Pulumi SDK beside it.
    const modules = path.join(projectDir, "node_modules");
    mkdirSync(path.join(modules, path.dirname(SDK_PACKAGE)), { recursive: true });
    symlinkSync(built.packageDir, path.join(modules, SDK_PACKAGE), "dir");
    for (const scope of ["@pulumi", "@types"]) symlinkSync(path.join(REPO_ROOT, "node_modules", scope), path.join(modules, scope), "dir");
  });

  it("the example type-checks (strict) against the SDK and compiles", () => {
    succeeded(runCommand(process.execPath, [TSC, "--project", path.join(projectDir, "tsconfig.json")], projectDir));
    // What the official language host would run from index.ts, compiled.
    appendFileSync(path.join(projectDir, "Pulumi.yaml"), "main: bin/index.js\n");
  });

  it("pulumi up sets the rule through the plugin, with the keys from secret stack config", async () => {
    project = await PulumiProject.create({ tools, projectDir });
    const config: Array<[string, string, boolean]> = [
      ["bucket", bucket, false],
      ["kmsKeyId", cloud.target.kmsKeys[0], false],
      ["bucket-encryption:aliyun.accessKey", cloud.main.accessKey, true],
      ["bucket-encryption:aliyun.secretKey", cloud.main.secretKey, true],
      ["bucket-encryption:aliyun.endpoint", cloud.target.endpoint, false],
    ];
    for (const [key, value, secret] of config) await project.must(["config", "set", "--path", key, value, secret ? "--secret" : "--plaintext"]);
    await project.must(["up", "--yes", "--skip-preview"]);
    assert.deepEqual(await cloud.target.rule(bucket), { SSEAlgorithm: "KMS", KMSMasterKeyID: cloud.target.kmsKeys[0] });
    const outputs = JSON.parse((await project.must(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
    assert.deepEqual(outputs, { ruleId: `aliyun:cn-hangzhou:${bucket}`, sseAlgorithm: "KMS" });
  });

  it("a second preview expects no change; destroy removes the rule", async () => {
    await project.must(["preview", "--expect-no-changes"]);
    await project.must(["destroy", "--yes", "--skip-preview"]);
    assert.equal(await cloud.target.rule(bucket), undefined);
  });
});
