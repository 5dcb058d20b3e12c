import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { configFromFiles } from "../../../../cli/drift/state/configFromFiles";
import { readProject } from "../../../../cli/drift/state/projectFiles";

// When the project's files are provably the whole answer `pulumi config --json` would give for the
// provider's keys, and every case where only the CLI can say (undefined).

const DIY = { PULUMI_BACKEND_URL: "file:///var/state" };
const PROJECT = "name: infra\nruntime: nodejs\n";

describe("configFromFiles", () => {
  let root: string;
  before(() => (root = mkdtempSync(path.join(os.tmpdir(), "config-files-"))));
  after(() => rmSync(root, { recursive: true, force: true }));
  const project = (files: Record<string, string>): string => {
    const dir = path.join(root, Math.random().toString(36).slice(2));
    mkdirSync(dir);
    for (const [name, text] of Object.entries({ "Pulumi.yaml": PROJECT, ...files })) writeFileSync(path.join(dir, name), text);
    return dir;
  };
  const answer = async (files: Record<string, string>, env: NodeJS.ProcessEnv = DIY, stack = "dev") => {
    const dir = project(files);
    return configFromFiles(dir, stack, await readProject(dir), env);
  };

  const fromFiles: Array<[string, Record<string, string>, NodeJS.ProcessEnv, string, Record<string, { value: string }>]> = [
    ["no stack file: an empty config", {}, DIY, "dev", {}],
    ["a stack file with only its salt", { "Pulumi.dev.yaml": "encryptionsalt: v1:abc\n" }, DIY, "dev", {}],
    [
      "plain strings of the provider's keys; other keys, secure or not, left out",
      { "Pulumi.dev.yaml": "config:\n  alicloud:region: cn-hangzhou\n  bucketEncryption:aliyunEndpoint: 'https://oss.example'\n  infra:size: 3\n  infra:token:\n    secure: v1:xyz\n" },
      DIY,
      "dev",
      { "alicloud:region": { value: "cn-hangzhou" }, "bucketEncryption:aliyunEndpoint": { value: "https://oss.example" } },
    ],
    ["an S3 backend", {}, { PULUMI_BACKEND_URL: "s3://bucket/state" }, "dev", {}],
    ["the backend of the project file", { "Pulumi.yaml": `${PROJECT}backend:\n  url: gs://bucket\n` }, {}, "dev", {}],
    ["an organisation's stack name: its last part names the file", { "Pulumi.dev.yaml": "config:\n  jdcloud:region: cn-north-1\n" }, DIY, "org/infra/dev", { "jdcloud:region": { value: "cn-north-1" } }],
    ["a project config of other keys", { "Pulumi.yaml": `${PROJECT}config:\n  infra:size: 3\n` }, DIY, "dev", {}],
  ];
  for (const [label, files, env, stack, expected] of fromFiles) {
    it(`from the files: ${label}`, async () => assert.deepEqual(await answer(files, env, stack), expected));
  }

  const cliOnly: Array<[string, Record<string, string>, NodeJS.ProcessEnv]> = [
    ["no backend named (the CLI's login decides)", {}, {}],
    ["Pulumi Cloud (a stack's config may live in the cloud)", {}, { PULUMI_BACKEND_URL: "https://api.pulumi.com" }],
    ["a secure provider key", { "Pulumi.dev.yaml": "config:\n  alicloud:secretKey:\n    secure: v1:abc\n" }, DIY],
    ["a provider key that is a number", { "Pulumi.dev.yaml": "config:\n  bucketEncryption:maxAttempts: 3\n" }, DIY],
    ["a structured provider key", { "Pulumi.dev.yaml": "config:\n  alicloud:assumeRoleWithOidc:\n    roleArn: acs:ram::1:role/r\n" }, DIY],
    ["ESC environments", { "Pulumi.dev.yaml": "environment:\n  - infra/dev\n" }, DIY],
    ["a merge key", { "Pulumi.dev.yaml": "config:\n  <<: {alicloud:region: cn-hangzhou}\n" }, DIY],
    ["a stack file that is no YAML", { "Pulumi.dev.yaml": "config: [unclosed\n" }, DIY],
    ["a project config naming a provider key", { "Pulumi.yaml": `${PROJECT}config:\n  alicloud:region:\n    default: cn-hangzhou\n` }, DIY],
    ["stackConfigDir", { "Pulumi.yaml": `${PROJECT}stackConfigDir: config\n` }, DIY],
    ["a project file other than Pulumi.yaml", { "Pulumi.yaml": "", "Pulumi.yml": PROJECT }, DIY],
    ["a stack file of another extension beside", { "Pulumi.dev.yml": "config: {}\n" }, DIY],
  ];
  for (const [label, files, env] of cliOnly) {
    it(`the CLI's to say: ${label}`, async () => {
      const dir = project(files);
      const settings = label.startsWith("a project file other") ? { file: path.join(dir, "Pulumi.yml"), name: "infra", settings: {} } : await readProject(dir);
      assert.equal(await configFromFiles(dir, "dev", settings, env), undefined);
    });
  }
});
