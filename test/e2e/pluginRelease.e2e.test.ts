import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { emulatorCloud, type PluginCloud } from "../support/pluginClouds";
import { installPluginArchive, type InstalledPlugin, pluginArchive } from "../support/pluginArchive";
import { defaultProviderConfig } from "../support/pluginPrograms";
import { installTools, REPO_ROOT } from "../support/tools";
import { YamlProject } from "../support/yamlProject";

// The linux-amd64 (this machine's) release archive of the real plugin, installed by the CLI into a
// fresh plugin cache, serving a YAML program and `pulumi package get-schema` with nothing on PATH
// but the Pulumi CLI and the YAML language host: no Node.js, no launcher, no Pulumi.yaml plugin
// path. What a user of Python, Go, .NET or YAML has.

const SCHEMA = path.join(REPO_ROOT, "schema", "bucket-encryption.json");
const PROGRAM = [
  "name: bucket-encryption-release",
  "runtime: yaml",
  "config:",
  "  bucket:",
  "    type: string",
  "resources:",
  "  logs-encryption:",
  "    type: bucket-encryption:index:BucketEncryption",
  "    properties:",
  "      cloud: aliyun",
  "      region: cn-hangzhou",
  "      bucket: ${bucket}",
  "      sseAlgorithm: AES256",
  "outputs:",
  "  ruleId: ${logs-encryption.id}",
  "",
].join("\n");

describe("the release archive, installed into a fresh plugin cache, with no Node.js on PATH", () => {
  const bucket = "plugin-release";
  let installed: InstalledPlugin;
  let buildMs = 0;
  let toolsDir: string;
  let cloud: PluginCloud;
  let project: YamlProject;

  before(async () => {
    const pulumi = installTools("pulumi").pulumi;
    const { languageYaml } = installTools("yaml");
    const built = await pluginArchive();
    buildMs = built.buildMs;
    installed = await installPluginArchive(pulumi, built.archive, built.version);
    // The only folder on PATH: the CLI and the YAML host, as symbolic links.
    toolsDir = path.join(installed.home, "only-pulumi");
    mkdirSync(toolsDir);
    symlinkSync(pulumi, path.join(toolsDir, "pulumi"));
    symlinkSync(languageYaml, path.join(toolsDir, "pulumi-language-yaml"));
    cloud = await emulatorCloud();
    await cloud.target.createBucket(bucket);
    project = await YamlProject.create({ pulumi: path.join(toolsDir, "pulumi"), program: PROGRAM, path: [toolsDir], home: installed.home });
    await project.setConfig([{ key: "bucket", value: bucket }, ...defaultProviderConfig("aliyun", cloud.main, cloud.target.endpoint)]);
  });
  after(async () => {
    project?.dispose();
    installed?.remove();
    await cloud?.stop();
  });

  it("leaves Node.js out of reach: PATH holds pulumi and pulumi-language-yaml only", (t) => {
    t.diagnostic(`archive built in ${buildMs} ms (0: reused from this run)`);
    assert.deepEqual(readdirSync(toolsDir).sort(), ["pulumi", "pulumi-language-yaml"]);
    const probe = spawnSync("/bin/sh", ["-c", "command -v node"], { env: { PATH: toolsDir }, encoding: "utf8" });
    assert.notEqual(probe.status, 0, `node is reachable: ${probe.stdout}`);
  });

  it("`pulumi package get-schema bucket-encryption` answers the committed schema", async () => {
    const { stdout } = await project.must(["package", "get-schema", "bucket-encryption"]);
    assert.deepEqual(JSON.parse(stdout), JSON.parse(readFileSync(SCHEMA, "utf8")));
  });

  it("pulumi up sets the rule through the installed plugin", async () => {
    await project.must(["up", "--yes", "--skip-preview"]);
    assert.deepEqual(await cloud.target.rule(bucket), { SSEAlgorithm: "AES256" });
    const outputs = JSON.parse((await project.must(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
    assert.deepEqual(outputs, { ruleId: `aliyun:cn-hangzhou:${bucket}` });
  });

  it("pulumi destroy removes it", async () => {
    await project.must(["destroy", "--yes", "--skip-preview"]);
    assert.equal(await cloud.target.rule(bucket), undefined);
  });
});
