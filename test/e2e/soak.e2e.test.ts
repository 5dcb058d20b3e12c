import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PulumiProject, programFor } from "../support/pulumiCli";
import { emulatorTarget } from "../support/targets";
import { installTools, REPO_ROOT } from "../support/tools";

// The soak: the real Pulumi CLI runs create, update, refresh and destroy rounds over 50 buckets
// while the emulator injects a transient fault into 20% of requests (seeded, so a failure can be
// replayed). After every round, with faults paused, Pulumi's state and the server must agree.

const BUCKETS = 50;
const UPDATE_ROUNDS = 8;
const FAULT_RATE = 0.2;
const SEED = 20261122;

describe(`soak: ${BUCKETS} buckets, ${FAULT_RATE * 100}% injected faults`, () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  let project: PulumiProject;
  const names = Array.from({ length: BUCKETS }, (_, i) => `soak-${String(i).padStart(2, "0")}`);
  const report = { operations: 0, attempts: 0, retries: 0, failedOperations: 0, faultsInjected: 0, disagreements: 0, commands: 0, failedCommands: 0 };

  before(async () => {
    const tools = installTools("pulumi");
    target = await emulatorTarget("aliyun soak", { accessKeyId: "LTAI-soak-id", secretAccessKey: "soak-secret-value" });
    for (const name of names) await target.createBucket(name);
    project = await PulumiProject.create({
      tools,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey },
    });
  });
  after(async () => {
    project?.dispose();
    await target?.stop();
  });

  const program = (round: number) =>
    programFor(
      names.map((bucket) => ({
        name: bucket,
        args: { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: `key-${round % 2}`, endpoint: target.endpoint },
      })),
    );

  async function step(argv: string[], operations: number): Promise<void> {
    const before = target.emulator.log.length;
    const injectedBefore = target.emulator.faults.injected;
    target.emulator.faults.randomly(FAULT_RATE, SEED + report.commands);
    const result = await project.run(argv);
    target.emulator.faults.clear();
    report.commands++;
    const attempts = target.emulator.log.length - before;
    report.operations += operations;
    report.attempts += attempts;
    report.faultsInjected += target.emulator.faults.injected - injectedBefore;
    if (process.env["SOAK_DEBUG"]) process.stdout.write(`# ${argv[0]}: attempts ${attempts}, faults ${target.emulator.faults.injected - injectedBefore}, methods ${JSON.stringify(target.emulator.log.slice(before).reduce((m: Record<string, number>, r) => ((m[r.method] = (m[r.method] ?? 0) + 1), m), {}))}\n`);
    if (result.code === 0) {
      await assertAgreement();
      return;
    }
    // An operation that failed for good may still have reached the server (a reply lost on every
    // attempt): Pulumi then keeps the old outputs, as it must for a failed update. A refresh
    // learns the truth; after it, state and server must agree.
    report.failedCommands++;
    report.failedOperations += Number(/(\d+) errored/.exec(result.stdout)?.[1] ?? "1");
    if (process.env["SOAK_DEBUG"]) process.stdout.write(result.stdout.split("\n").filter((l) => /error/.test(l)).map((l) => `# ${l}\n`).join(""));
    await project.must(["refresh", "--yes", "--skip-preview"]);
    await assertAgreement();
  }

  // Pulumi's recorded outputs against the server's rules, bucket by bucket.
  async function assertAgreement(): Promise<void> {
    const state = JSON.parse(await project.exportState()) as { deployment: { resources?: Array<{ type: string; outputs?: Record<string, unknown> }> } };
    const recorded = new Map<string, Record<string, unknown>>();
    for (const r of state.deployment.resources ?? []) if (r.type.includes("BucketEncryption") && r.outputs) recorded.set(String(r.outputs["bucket"]), r.outputs);
    for (const bucket of names) {
      const live = target.emulator.buckets.get(bucket)?.rule;
      const outs = recorded.get(bucket);
      // A resource Pulumi does not hold must not have been left with a rule it set; one it holds
      // must hold exactly the live rule.
      const agrees = outs === undefined ? live === undefined || live.KMSMasterKeyID === undefined : live !== undefined && live.KMSMasterKeyID === outs["kmsMasterKeyId"] && live.SSEAlgorithm === outs["sseAlgorithm"];
      if (!agrees) report.disagreements++;
    }
  }

  it(`creates, updates ${UPDATE_ROUNDS} times, refreshes and destroys with state and server agreeing`, async () => {
    project.setProgram(program(0));
    await step(["up", "--yes", "--skip-preview"], BUCKETS);
    for (let round = 1; round <= UPDATE_ROUNDS; round++) {
      project.setProgram(program(round));
      await step(["up", "--yes", "--skip-preview"], BUCKETS);
    }
    await step(["refresh", "--yes", "--skip-preview"], BUCKETS);
    await step(["destroy", "--yes", "--skip-preview"], BUCKETS);
    report.retries = report.attempts - report.operations;
    mkdirSync(path.join(REPO_ROOT, "build", "reports"), { recursive: true });
    writeFileSync(path.join(REPO_ROOT, "build", "reports", "soak.json"), JSON.stringify(report, null, 2));
    process.stdout.write(`# soak: ${JSON.stringify(report)}\n`);
    assert.equal(report.disagreements, 0, "state and server agree after every round");
    assert.ok(report.operations >= 500);
    assert.ok(report.faultsInjected > report.operations * FAULT_RATE * 0.5, "faults were really injected");
  });
});
