import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { emulatorCloud, type Identity, minioCloud, type PluginCloud } from "../support/pluginClouds";
import { accountConfig, assertNoSecrets, assertProvidersKeepSecrets, assertStateHoldsNone, defaultProviderConfig, LAUNCHER_DIR, previewPlan, type ProgramTarget, twoAccountsProgram, yamlExample } from "../support/pluginPrograms";
import { installTools, type Tools } from "../support/tools";
import { YamlProject } from "../support/yamlProject";

// The provider plugin under the real Pulumi CLI, from YAML programs, on both clouds: the Aliyun
// dialect on the emulator (signatures verified with ali-oss), the JD Cloud dialect on MinIO.
// Every command runs at -v=8 with the log on stderr, so that the secrets check reads the engine's
// and the plugin's logs too. The plugin is the development launcher (scripts/bin), found through
// the example's `plugins.providers` path or on PATH.

const VERBOSE = ["-v=8", "--logtostderr"];
// The engine shows what the plugin writes on stderr only as debug messages.
const ENGINE_FLAGS = ["--debug"];
const RESOURCE_TYPE = "bucket-encryption:index:BucketEncryption";
const PROVIDER_TYPE = "pulumi:providers:bucket-encryption";

const clouds: ReadonlyArray<{ label: string; start: (tools: Tools) => Promise<PluginCloud> }> = [
  { label: "aliyun on the emulator", start: () => emulatorCloud() },
  { label: "jdcloud on MinIO", start: (tools) => minioCloud(tools.minio) },
];

let tools: Tools;
before(() => {
  tools = installTools("all");
});

// No launcher on this PATH: only what the CLI, the YAML host and the launcher's shell need.
const basePath = () => [tools.binDir, path.dirname(process.execPath), "/usr/bin", "/bin"];

for (const { label, start } of clouds) {
  describe(`the provider plugin from YAML: ${label}`, () => {
    let cloud: PluginCloud;
    let target: ProgramTarget;
    const identities: Identity[] = [];
    const secrets = () => [...cloud.secrets, ...identities.map((i) => i.accessKey)];
    const expectedRule = () => ({ SSEAlgorithm: cloud.target.kmsWire, KMSMasterKeyID: cloud.target.kmsKeys[0] });
    const ruleResources = async (project: YamlProject) => (await project.resources()).filter((r) => r.type === RESOURCE_TYPE);

    before(async () => {
      cloud = await start(tools);
      identities.push(cloud.main);
      target = { cloud: cloud.target.cloud, region: cloud.target.region, endpoint: cloud.target.endpoint, kmsKey: cloud.target.kmsKeys[0] };
    });
    after(() => cloud?.stop());

    describe("the stack's default provider, on the YAML example", () => {
      const bucket = "plugin-example";
      let project: YamlProject;

      before(async () => {
        await cloud.target.createBucket(bucket);
        project = await YamlProject.create({ pulumi: tools.pulumi, program: yamlExample(), path: basePath(), flags: VERBOSE, engineFlags: ENGINE_FLAGS });
        await project.setConfig([
          { key: "cloud", value: target.cloud },
          { key: "region", value: target.region },
          { key: "bucket", value: bucket },
          // A secret input: the plugin must keep it secret in the outputs it returns (the engine trusts them).
          { key: "kmsKeyId", value: target.kmsKey, secret: true },
          ...defaultProviderConfig(target.cloud, cloud.main, target.endpoint),
        ]);
      });
      after(() => project?.dispose());

      it("up sets the declared rule with one write, through the provider's endpoint", async () => {
        await project.must(["up", "--yes", "--skip-preview"]);
        assert.deepEqual(await cloud.target.rule(bucket), expectedRule());
        assert.equal(cloud.writes(bucket), 1);
        const outputs = JSON.parse((await project.must(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
        assert.deepEqual(outputs, { ruleId: `${target.cloud}:${target.region}:${bucket}`, sseAlgorithm: "KMS" });
      });

      it("a second preview expects no change and sends no request", async () => {
        const before = cloud.target.requestCount(bucket);
        await project.must(["preview", "--expect-no-changes"]);
        assert.equal(cloud.target.requestCount(bucket), before);
      });

      it("an out-of-band change fails `preview --refresh --diff --expect-no-changes`, showing both values, writing nothing", async () => {
        await cloud.target.setRule(bucket, { SSEAlgorithm: "AES256" });
        const writes = cloud.writes(bucket);
        const check = await project.run(["preview", "--refresh", "--diff", "--expect-no-changes"]);
        assert.notEqual(check.code, 0, "the drift check passed");
        assert.match(check.stdout, /sseAlgorithm\s*:\s*"AES256"\s*=>\s*"KMS"/);
        assert.equal(cloud.writes(bucket), writes);
      });

      it("refresh records the live value and leaves the server alone", async () => {
        await project.must(["refresh", "--yes", "--skip-preview"]);
        const [rule] = await ruleResources(project);
        assert.equal(rule?.outputs?.["sseAlgorithm"], "AES256");
        assert.deepEqual(await cloud.target.rule(bucket), { SSEAlgorithm: "AES256" });
      });

      it("up repairs the rule, after which the drift check passes", async () => {
        await project.must(["up", "--yes", "--skip-preview"]);
        assert.deepEqual(await cloud.target.rule(bucket), expectedRule());
        await project.must(["preview", "--refresh", "--expect-no-changes"]);
      });

      it("a rule deleted out-of-band: refresh drops the resource, up recreates the rule", async () => {
        await cloud.target.deleteRule(bucket);
        await project.must(["refresh", "--yes", "--skip-preview"]);
        assert.deepEqual(await ruleResources(project), []);
        await project.must(["up", "--yes", "--skip-preview"]);
        assert.deepEqual(await cloud.target.rule(bucket), expectedRule());
        assert.equal((await ruleResources(project)).length, 1);
      });

      it("rotating the provider's keys and a request setting changes no resource and writes nothing; the new keys sign", async () => {
        const rotated = await cloud.rotate(cloud.main);
        identities.push(rotated);
        await project.setConfig([...defaultProviderConfig(target.cloud, rotated, target.endpoint), { key: "bucket-encryption:requestTimeoutMs", value: "20000" }]);
        cloud.retire(cloud.main);
        const writes = cloud.writes(bucket);
        // The engine compares a default provider's new configuration itself and plans nothing for it.
        const plan = previewPlan((await project.must(["preview", "--expect-no-changes", "--json"])).stdout);
        assert.deepEqual(plan.changeSummary, { same: 2 });
        await project.must(["up", "--yes", "--skip-preview"]);
        // A provider still signing with the retired keys would fail this refresh on the emulator.
        await project.must(["preview", "--refresh", "--expect-no-changes"]);
        assert.equal(cloud.writes(bucket), writes);
        const signers = cloud.signers(bucket);
        if (signers !== undefined) assert.ok(signers.includes(rotated.accessKey), "the rotated key never signed");
      });

      it("no secret (keys, the secret KMS key id) in the state, the backend, the outputs or the CLI's -v=8 output; the provider's keys are stored as secrets", async () => {
        await assertProvidersKeepSecrets(project);
        await assertNoSecrets(project, [...secrets(), target.kmsKey]);
      });

      it("destroy removes the rule, leaking nothing either", async () => {
        await project.must(["destroy", "--yes", "--skip-preview"]);
        assert.equal(await cloud.target.rule(bucket), undefined);
        await assertNoSecrets(project, [...secrets(), target.kmsKey]);
      });
    });

    describe("`pulumi import` by id into a stack with no state, the plugin on PATH", () => {
      const bucket = "plugin-imported";
      const header = "name: bucket-encryption-import\nruntime: yaml\n";
      let project: YamlProject;

      before(async () => {
        await cloud.target.createBucket(bucket);
        // A rule both clouds accept (JD Cloud has KMS only), set by another client.
        await cloud.target.setRule(bucket, expectedRule());
        const identity = await cloud.rotate(cloud.main);
        identities.push(identity);
        project = await YamlProject.create({ pulumi: tools.pulumi, program: header, path: [LAUNCHER_DIR, ...basePath()], flags: VERBOSE, engineFlags: ENGINE_FLAGS });
        await project.setConfig(defaultProviderConfig(target.cloud, identity, target.endpoint));
      });
      after(() => project?.dispose());

      it("imports the live rule by `<cloud>:<region>:<bucket>`, writing nothing, and writes its YAML declaration", async () => {
        const id = `${target.cloud}:${target.region}:${bucket}`;
        const writes = cloud.writes(bucket);
        await project.must(["import", RESOURCE_TYPE, "imported", id, "--yes", "--protect=false", "--out", "imported.yaml"]);
        assert.equal(cloud.writes(bucket), writes);
        const [imported] = await ruleResources(project);
        assert.equal(imported?.id, id);
        assert.equal(imported?.outputs?.["sseAlgorithm"], "KMS");
        const generated = readFileSync(path.join(project.dir, "imported.yaml"), "utf8");
        for (const line of [`type: bucket-encryption:`, `bucket: ${bucket}`, `kmsMasterKeyId: ${target.kmsKey}`, "sseAlgorithm: KMS"]) assert.ok(generated.includes(line), `the generated code has no "${line}":\n${generated}`);
      });

      it("a program declaring it previews no change, live rule included", async () => {
        project.setProgram(
          `${header}resources:\n  imported:\n    type: ${RESOURCE_TYPE}\n    properties:\n      cloud: ${target.cloud}\n      region: ${target.region}\n      bucket: ${bucket}\n      sseAlgorithm: KMS\n      kmsMasterKeyId: ${target.kmsKey}\n`,
        );
        await project.must(["preview", "--refresh", "--expect-no-changes"]);
      });

      it("destroy removes the imported rule", async () => {
        await project.must(["destroy", "--yes", "--skip-preview"]);
        assert.equal(await cloud.target.rule(bucket), undefined);
      });
    });

    describe("two explicit providers, each with its own account's keys", () => {
      const buckets = { production: "plugin-production", staging: "plugin-staging" };
      const rules = [
        { name: "production-logs", bucket: buckets.production, provider: "production" },
        { name: "staging-logs", bucket: buckets.staging, provider: "staging" },
      ];
      const keys = new Map<"production" | "staging", Identity>();
      const keysOf = (account: "production" | "staging"): Identity => {
        const identity = keys.get(account);
        assert.ok(identity !== undefined);
        return identity;
      };
      // A session token is one more secret field (MinIO's sessions have one).
      const accounts = () => (["production", "staging"] as const).map((name) => ({ name, withToken: keysOf(name).securityToken !== undefined }));
      let project: YamlProject;

      before(async () => {
        for (const account of ["production", "staging"] as const) {
          keys.set(account, await cloud.account(account, buckets[account]));
          identities.push(keysOf(account));
        }
        project = await YamlProject.create({ pulumi: tools.pulumi, program: twoAccountsProgram(target, accounts(), rules), path: [LAUNCHER_DIR, ...basePath()], flags: VERBOSE, engineFlags: ENGINE_FLAGS });
        // Staging's keys are plain stack config, as a careless user might set them: the plugin must still keep them out of the state.
        await project.setConfig([...accountConfig("production", keysOf("production")), ...accountConfig("staging", keysOf("staging"), false)]);
      });
      after(() => project?.dispose());

      it("up sets each account's rule through its own provider", async () => {
        await project.must(["up", "--yes", "--skip-preview"]);
        for (const bucket of Object.values(buckets)) assert.deepEqual(await cloud.target.rule(bucket), expectedRule(), bucket);
        for (const account of ["production", "staging"] as const) {
          const signers = cloud.signers(buckets[account]);
          if (signers !== undefined) assert.deepEqual(signers, [keysOf(account).accessKey], `${account}'s bucket was signed by other keys`);
        }
      });

      it("the accounts are apart: staging's bucket through production's provider is refused with AccessDenied", async () => {
        const crossed = { name: "crossed", bucket: buckets.staging, provider: "production", kmsKey: cloud.target.kmsKeys[1] };
        project.setProgram(twoAccountsProgram(target, accounts(), [...rules, crossed]));
        const result = await project.run(["up", "--yes", "--skip-preview"]);
        assert.notEqual(result.code, 0, "a bucket of another account was written");
        assert.match(result.stdout, /AccessDenied/);
        assert.deepEqual(await cloud.target.rule(buckets.staging), expectedRule());
        assert.deepEqual((await ruleResources(project)).map((r) => r.urn.split("::").pop()).sort(), ["production-logs", "staging-logs"]);
        project.setProgram(twoAccountsProgram(target, accounts(), rules));
      });

      it("rotating production's keys updates that provider only: no resource changes, nothing is written", async () => {
        const rotated = await cloud.rotate(keysOf("production"));
        identities.push(rotated);
        await project.setConfig(accountConfig("production", rotated));
        cloud.retire(keysOf("production"));
        const writes = Object.values(buckets).map((b) => cloud.writes(b));
        const plan = previewPlan((await project.must(["preview", "--json"])).stdout);
        assert.deepEqual(plan.changeSummary, { same: 4, update: 1 });
        assert.deepEqual(plan.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.type}`), [`update ${PROVIDER_TYPE}`]);
        await project.must(["up", "--yes", "--skip-preview"]);
        await project.must(["preview", "--refresh", "--expect-no-changes"]);
        assert.deepEqual(Object.values(buckets).map((b) => cloud.writes(b)), writes);
      });

      it("no secret in the state, the backend, the outputs or the CLI's -v=8 output; both providers' keys are stored as secrets, staging's plain ones too", async () => {
        await assertProvidersKeepSecrets(project);
        const staging = keysOf("staging");
        const plain = [staging.accessKey, staging.secretKey, ...(staging.securityToken !== undefined ? [staging.securityToken] : [])];
        // Plain config is no secret to the CLI, which prints it (`preview --json`): only the state must not hold it.
        await assertStateHoldsNone(project, plain);
        await assertNoSecrets(project, secrets().filter((s) => !plain.includes(s)));
      });

      it("destroy removes both rules, each through its own provider", async () => {
        await project.must(["destroy", "--yes", "--skip-preview"]);
        for (const bucket of Object.values(buckets)) assert.equal(await cloud.target.rule(bucket), undefined, bucket);
        const staging = keysOf("staging");
        await assertStateHoldsNone(project, [staging.accessKey, staging.secretKey]);
        await assertNoSecrets(project, secrets().filter((s) => s !== staging.accessKey && s !== staging.secretKey && s !== staging.securityToken));
      });
    });
  });
}
