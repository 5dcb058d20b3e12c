import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { kmsInputs } from "../support/operations";
import { PulumiProject, programFor } from "../support/pulumiCli";
import { emulatorTarget, minioTarget, type Target, type WireRule } from "../support/targets";
import { installTools, type Tools } from "../support/tools";

// Drift never breaks the resource, with the real Pulumi CLI: a rule changed out-of-band to a
// value check refuses as input is repaired by `up --refresh`; after `refresh` records such a
// value, a replacement (the bucket renamed) and `destroy` still succeed. Assertions on the
// servers' own state (the emulator's store; MinIO through the AWS SDK).

interface Scenario {
  readonly label: string;
  readonly start: (tools: Tools) => Promise<Target>;
  /** Three out-of-band rules check refuses as input, one per step. */
  readonly drifts: readonly [WireRule, WireRule, WireRule];
}

const scenarios: Scenario[] = [
  {
    label: "aliyun on the emulator",
    start: () => emulatorTarget("aliyun drift", { accessKeyId: "LTAI-e2e-drift", secretAccessKey: "e2eDriftSecret/0123456789" }),
    drifts: [{ SSEAlgorithm: "SM4", KMSMasterKeyID: "sm4-key" }, { SSEAlgorithm: "KMS", KMSMasterKeyID: "a key with spaces" }, { SSEAlgorithm: "KMS", KMSMasterKeyID: `k${"x".repeat(299)}` }],
  },
  {
    label: "jdcloud on MinIO",
    start: (tools) => minioTarget(tools.minio),
    drifts: [{ SSEAlgorithm: "AES256" }, { SSEAlgorithm: "AES256" }, { SSEAlgorithm: "AES256" }],
  },
];

function credentialEnv(target: Target): Record<string, string> {
  return target.cloud === "aliyun"
    ? { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey }
    : { JDCLOUD_ACCESS_KEY: target.accessKeyId, JDCLOUD_SECRET_KEY: target.secretAccessKey };
}

let tools: Tools;
before(() => {
  tools = installTools("all");
});

for (const scenario of scenarios) {
  describe(`drift with the real CLI: ${scenario.label}`, () => {
    let target: Target;
    let project: PulumiProject;
    const first = "drift-first";
    const renamed = "drift-renamed";
    const declared = () => ({ SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
    const setProgram = (bucket: string) =>
      project.setProgram(programFor([{ name: "enc", args: kmsInputs(target, bucket) }]));
    const must = async (argv: string[]) => {
      const result = await project.run(argv);
      assert.equal(result.code, 0, `pulumi ${argv.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
      return result;
    };
    const recorded = async () => {
      const state = JSON.parse(await project.exportState()) as { deployment: { resources?: Array<{ type: string; outputs?: Record<string, unknown> }> } };
      return state.deployment.resources?.find((r) => r.type.includes("BucketEncryption"))?.outputs;
    };
    const wire = (rule: WireRule) => ({ sseAlgorithm: rule.SSEAlgorithm === "aws:kms" ? "KMS" : rule.SSEAlgorithm, kmsMasterKeyId: rule.KMSMasterKeyID });

    before(async () => {
      target = await scenario.start(tools);
      await target.createBucket(first);
      await target.createBucket(renamed);
      project = await PulumiProject.create({ tools, program: programFor([]), env: credentialEnv(target) });
      setProgram(first);
      await must(["up", "--yes", "--skip-preview"]);
      assert.deepEqual(await target.rule(first), declared());
    });
    after(async () => {
      await project?.run(["destroy", "--yes"]);
      project?.dispose();
      await target?.stop();
    });

    it("1. drift to a value check refuses: up --refresh repairs it", async () => {
      await target.setRule(first, scenario.drifts[0]);
      await must(["up", "--refresh", "--yes", "--skip-preview"]);
      assert.deepEqual(await target.rule(first), declared());
      await must(["preview", "--refresh", "--expect-no-changes"]);
    });

    it("2. the same drift recorded by refresh: renaming the bucket replaces the resource", async () => {
      await target.setRule(first, scenario.drifts[1]);
      await must(["refresh", "--yes"]);
      const outputs = await recorded();
      assert.deepEqual({ sseAlgorithm: outputs?.["sseAlgorithm"], kmsMasterKeyId: outputs?.["kmsMasterKeyId"] }, wire(scenario.drifts[1]));
      setProgram(renamed);
      const result = await must(["up", "--yes", "--skip-preview"]);
      assert.match(result.stdout, /1 replaced/);
      assert.equal(await target.rule(first), undefined, "the old bucket's rule was deleted");
      assert.deepEqual(await target.rule(renamed), declared());
    });

    it("3. the same drift recorded by refresh: destroy succeeds and the server holds no rule", async () => {
      await target.setRule(renamed, scenario.drifts[2]);
      await must(["refresh", "--yes"]);
      const outputs = await recorded();
      assert.deepEqual({ sseAlgorithm: outputs?.["sseAlgorithm"], kmsMasterKeyId: outputs?.["kmsMasterKeyId"] }, wire(scenario.drifts[2]));
      await must(["destroy", "--yes"]);
      assert.equal(await target.rule(renamed), undefined);
      assert.equal(await target.rule(first), undefined);
    });
  });
}
