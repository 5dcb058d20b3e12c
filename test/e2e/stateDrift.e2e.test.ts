import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import type { DriftReport, ResourceFinding } from "../../cli/drift/model";
import { runInstalledCli } from "../support/installedCli";
import { kmsInputs } from "../support/operations";
import { type CliResult, PulumiProject } from "../support/pulumiCli";
import { emulatorTarget, minioTarget, type Target } from "../support/targets";
import { installTools, REPO_ROOT, type Tools } from "../support/tools";

// `pulumi-bucket-encryption drift --source state`, the packed CLI as a user installs it, against
// stacks deployed by the real Pulumi CLI: the Aliyun dialect on the emulator, the JD Cloud dialect
// on MinIO. Out-of-band changes are made on the servers directly; the requests are counted there.
// Then, on the emulator: several stacks in one run, --all-stacks, a stack whose passphrase is not
// the one given, a program that does not compile, and resources of the provider plugin's type.

const validate = (() => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, "schema/drift-report.v1.json"), "utf8")) as object);
})();

interface Suite {
  readonly name: string;
  readonly tests: string;
  readonly failures: string;
  readonly errors: string;
  readonly testcase?: Array<{ name: string; failure?: Array<{ message: string }>; error?: Array<{ type: string }> }>;
}
const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "failure", "error"].includes(name) });

interface StateRun extends CliResult {
  readonly report: DriftReport;
  readonly suites: Suite[];
  readonly summary: string;
}

const ALIYUN_B = { accessKeyId: "LTAI-state-dev", secretAccessKey: "stateDevSecret/0123456789abcd" };
const ALIYUN_C = { accessKeyId: "LTAI-state-plugin", secretAccessKey: "statePluginSecret/0123456789ab" };

/** A program declaring, for the stack it runs in, the resources listed under that stack's name. */
function programByStack(byStack: Record<string, Array<{ name: string; args: Record<string, unknown> }>>): string {
  return [
    `"use strict";`,
    `const pulumi = require("@pulumi/pulumi");`,
    `const { BucketEncryption } = require("pulumi-bucket-encryption");`,
    `const byStack = ${JSON.stringify(byStack)};`,
    `for (const r of byStack[pulumi.getStack()] ?? []) new BucketEncryption(r.name, r.args);`,
    ``,
  ].join("\n");
}

/** Runs drift --source state with every output; checks the JSON against its schema and the exit code against it. */
async function stateDrift(project: PulumiProject, outDir: string, args: readonly string[], env: Record<string, string> = project.environment): Promise<StateRun> {
  const json = path.join(outDir, "drift.json");
  const xml = path.join(outDir, "drift.xml");
  const summary = path.join(outDir, "summary.md");
  for (const f of [json, xml, summary]) rmSync(f, { force: true });
  const result = await runInstalledCli(project.dir, ["drift", "--source", "state", "--cwd", project.dir, ...args, "--output", json, "--output", xml], { ...env, GITHUB_STEP_SUMMARY: summary });
  assert.ok(existsSync(json), `no JSON report:\n${result.stdout}\n${result.stderr}`);
  const report = JSON.parse(readFileSync(json, "utf8")) as DriftReport;
  assert.ok(validate(report), JSON.stringify(validate.errors));
  assert.equal(result.code, report.exitCode, "the exit code is the report's");
  assert.equal(report.source, "state");
  const suites = (junit.parse(readFileSync(xml, "utf8")) as { testsuites: { testsuite: Suite[] } }).testsuites.testsuite;
  return { ...result, report, suites, summary: readFileSync(summary, "utf8") };
}

function find(run: StateRun, name: string, stack?: string): ResourceFinding {
  const found = run.report.resources.find((r) => r.name === name && (stack === undefined || r.stack === stack));
  assert.ok(found, `${name} is not in the report:\n${run.stdout}`);
  return found;
}

let tools: Tools;
before(() => {
  tools = installTools("pulumi");
});

interface Scenario {
  readonly label: string;
  readonly start: () => Promise<Target>;
  readonly env: (target: Target) => Record<string, string>;
  readonly emulator: boolean;
}

const scenarios: Scenario[] = [
  {
    label: "aliyun on the emulator",
    start: () => emulatorTarget("state", { accessKeyId: "LTAI-state-id", secretAccessKey: "stateAliyunSecret/0123456789ab" }),
    env: (t) => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: t.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: t.secretAccessKey }),
    emulator: true,
  },
  {
    label: "jdcloud on MinIO",
    start: () => minioTarget(installTools("minio").minio),
    env: (t) => ({ JDCLOUD_ACCESS_KEY: t.accessKeyId, JDCLOUD_SECRET_KEY: t.secretAccessKey }),
    emulator: false,
  },
];

for (const scenario of scenarios) {
  describe(`drift --source state: ${scenario.label}`, () => {
    let target: Target;
    let project: PulumiProject;
    let outDir: string;
    let stateBefore: string;
    const names = scenario.emulator ? ["sync", "algo", "key", "gone", "lost"] : ["sync", "algo", "key", "gone"];
    const bucketOf = (name: string) => `e2e-state-${name}`;
    const declaredRule = () => ({ SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
    const transcript: string[] = [];
    const run = async (extra: string[] = []) => {
      const result = await stateDrift(project, outDir, ["--stack", project.stack, ...extra]);
      transcript.push(result.stdout, result.stderr, JSON.stringify(result.report), result.summary);
      return result;
    };

    before(async () => {
      target = await scenario.start();
      for (const name of names) await target.createBucket(bucketOf(name));
      outDir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-state-"));
      project = await PulumiProject.create({ tools, env: scenario.env(target), stack: "prod" });
      project.setProgram(programByStack({ prod: names.map((name) => ({ name, args: kmsInputs(target, bucketOf(name)) })) }));
      await project.must(["up", "--yes", "--skip-preview"]);
      stateBefore = await project.exportState();
    });
    after(async () => {
      await project?.run(["destroy", "--yes", "--skip-preview"]);
      project?.dispose();
      await target?.stop();
      if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
    });

    it("in sync: exit 0, compared with the state, exactly one GET per resource counted at the server", async () => {
      const before = names.map((n) => target.requestCount(bucketOf(n)));
      const result = await run();
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.equal(result.report.stack, "prod");
      assert.deepEqual(result.report.resources.map((r) => [r.stack, r.status, r.comparedWith]), names.map(() => ["prod", "in-sync", "state"]));
      assert.deepEqual(names.map((n, i) => target.requestCount(bucketOf(n)) - (before[i] ?? 0)), names.map(() => 1));
      assert.match(result.stdout, /Compared with the state recorded at each stack's last deployment/);
      assert.match(result.summary, /## BucketEncryption drift: ✅ In sync/);
    });

    it(`algorithm changed, key changed, rule deleted${scenario.emulator ? ", bucket deleted" : ""}: found from state, exit 2, recorded and live values`, async () => {
      await target.setRule(bucketOf("algo"), { SSEAlgorithm: "AES256" });
      await target.setRule(bucketOf("key"), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      await target.deleteRule(bucketOf("gone"));
      if (scenario.emulator) (target as Target & { emulator: { buckets: Map<string, unknown> } }).emulator.buckets.delete(bucketOf("lost"));
      try {
        const result = await run();
        assert.equal(result.code, 2, result.stdout + result.stderr);
        assert.deepEqual(find(result, "algo").properties, [
          { property: "sseAlgorithm", declared: "KMS", live: "AES256" },
          { property: "kmsMasterKeyId", declared: target.kmsKeys[0], live: null },
        ]);
        assert.deepEqual(find(result, "algo").live, { sseAlgorithm: "AES256" });
        assert.deepEqual(find(result, "key").properties, [{ property: "kmsMasterKeyId", declared: target.kmsKeys[0], live: target.kmsKeys[1] }]);
        assert.equal(find(result, "gone").status, "rule-missing");
        if (scenario.emulator) assert.equal(find(result, "lost").status, "bucket-missing");
        assert.equal(find(result, "sync").status, "in-sync");
        assert.match(result.stdout, /drifted +algo +\S+ +sseAlgorithm: recorded KMS, live AES256/);
        assert.match(result.stdout, /rule missing +gone /);
        const suite = result.suites[0];
        assert.equal(result.suites.length, 1);
        assert.equal(suite?.testcase?.find((c) => c.name.startsWith("algo "))?.failure?.[0]?.message, "sseAlgorithm: recorded KMS, live AES256");
        // algo: two properties; key; gone; lost.
        assert.equal(Number(suite?.failures), scenario.emulator ? 5 : 4);
        assert.match(result.summary, /\| `gone` \| [^|]+ \| rule missing \|/);
      } finally {
        if (scenario.emulator) await target.createBucket(bucketOf("lost"));
        for (const name of names.slice(1)) await target.setRule(bucketOf(name), declaredRule());
      }
    });

    if (scenario.emulator) {
      it("a bucket answering 403: exit 1 with the service's code and request id, the others still compared", async () => {
        const emulator = (target as Target & { emulator: { deniedBuckets: Set<string> } }).emulator;
        await target.setRule(bucketOf("algo"), { SSEAlgorithm: "AES256" });
        emulator.deniedBuckets.add(bucketOf("sync"));
        try {
          const result = await run();
          assert.equal(result.code, 1, result.stdout + result.stderr);
          const sync = find(result, "sync");
          assert.equal(sync.status, "unreadable");
          assert.equal(sync.error?.httpStatus, 403);
          assert.equal(sync.error?.code, "AccessDenied");
          assert.match(sync.error?.requestId ?? "", /^[0-9A-F]{24}$/);
          assert.equal(find(result, "algo").status, "drifted", "an error elsewhere hides no drift");
          assert.match(result.stdout, /could not be read +sync .*HTTP 403 AccessDenied/);
          assert.equal(result.suites[0]?.testcase?.find((c) => c.name.startsWith("sync "))?.error?.[0]?.type, "AccessDenied");
        } finally {
          emulator.deniedBuckets.delete(bucketOf("sync"));
          await target.setRule(bucketOf("algo"), declaredRule());
        }
      });
    }

    it("never writes state, and no secret appears in any output", async () => {
      assert.equal(await project.exportState(), stateBefore);
      for (const text of transcript) assert.ok(!text.includes(target.secretAccessKey), "the secret key appears in the drift output");
    });
  });
}

describe("drift --source state over several stacks (emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  let project: PulumiProject;
  let outDir: string;
  const args = (bucket: string) => kmsInputs(target, bucket);
  const accessKeyOf = (bucket: string) => /Credential=([^/]+)\//.exec(target.emulator.requestsTo(bucket).at(-1)?.headers["authorization"] ?? "")?.[1];

  before(async () => {
    target = await emulatorTarget("stacks", { accessKeyId: "LTAI-state-prod", secretAccessKey: "stateProdSecret/0123456789abcd" }, [ALIYUN_B, ALIYUN_C]);
    for (const b of ["stacks-prod-1", "stacks-prod-2", "stacks-dev-1", "stacks-plugin-1"]) await target.createBucket(b);
    outDir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-state-"));
    project = await PulumiProject.create({ tools, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey }, stack: "prod" });
    project.setProgram(
      programByStack({
        prod: [
          { name: "one", args: args("stacks-prod-1") },
          { name: "two", args: args("stacks-prod-2") },
        ],
        dev: [{ name: "one", args: args("stacks-dev-1") }],
      }),
    );
    await project.must(["up", "--yes", "--skip-preview"]);
    // dev signs with its own stack config (a secret), not the environment's key.
    await project.must(["stack", "init", "dev"]);
    await project.must(["config", "set", "alicloud:accessKey", ALIYUN_B.accessKeyId, "--stack", "dev"]);
    await project.must(["config", "set", "alicloud:secretKey", ALIYUN_B.secretAccessKey, "--secret", "--stack", "dev"]);
    await project.must(["up", "--yes", "--skip-preview", "--stack", "dev"]);
    await project.must(["stack", "select", "prod"]);
  });
  after(async () => {
    for (const stack of ["prod", "dev"]) await project?.run(["destroy", "--yes", "--skip-preview", "--stack", stack]);
    project?.dispose();
    await target?.stop();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  it("two stacks in one run: grouped table, the stack on every resource, a JUnit suite per stack, one summary; each stack signs as its config says", async () => {
    await target.setRule("stacks-dev-1", { SSEAlgorithm: "AES256" });
    try {
      const result = await stateDrift(project, outDir, ["--stack", "prod", "--stack", "dev"]);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.equal(result.report.stack, undefined);
      assert.deepEqual(result.report.stacks.map((s) => [s.name, s.outcome, s.counts.total]), [["prod", "in-sync", 2], ["dev", "drift", 1]]);
      assert.deepEqual(result.report.resources.map((r) => [r.stack, r.name, r.status]), [["prod", "one", "in-sync"], ["prod", "two", "in-sync"], ["dev", "one", "drifted"]]);
      assert.deepEqual(result.suites.map((s) => [s.name, s.tests, s.failures]), [["drift bucket-encryption-e2e/prod", "2", "0"], ["drift bucket-encryption-e2e/dev", "1", "2"]]);
      const prodAt = result.stdout.indexOf("Stack prod: In sync");
      const devAt = result.stdout.indexOf("Stack dev: Drift found");
      assert.ok(prodAt >= 0 && devAt > prodAt, result.stdout);
      assert.match(result.stdout.slice(devAt), /drifted +one +aliyun:cn-hangzhou:stacks-dev-1 +sseAlgorithm: recorded KMS, live AES256/);
      assert.match(result.summary, /2 stacks \(project `bucket-encryption-e2e`\), exit code 2\./);
      assert.match(result.summary, /\| `dev` \| `one` \| [^|]+ \| drifted \|/);
      assert.equal(accessKeyOf("stacks-prod-1"), target.accessKeyId);
      assert.equal(accessKeyOf("stacks-dev-1"), ALIYUN_B.accessKeyId);
      assert.ok(!result.stdout.includes(ALIYUN_B.secretAccessKey) && !readFileSync(path.join(outDir, "drift.json"), "utf8").includes(ALIYUN_B.secretAccessKey));
    } finally {
      await target.setRule("stacks-dev-1", { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
    }
  });

  it("a program that does not compile is still checked: no program runs", async () => {
    const program = readFileSync(path.join(project.dir, "index.js"), "utf8");
    writeFileSync(path.join(project.dir, "index.js"), "this is not JavaScript (\n");
    try {
      const result = await stateDrift(project, outDir, ["--stack", "prod"]);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.deepEqual(result.report.resources.map((r) => r.status), ["in-sync", "in-sync"]);
    } finally {
      writeFileSync(path.join(project.dir, "index.js"), program);
    }
  });

  it("resources of the provider plugin's type: credentials and endpoint from their provider's inputs, none from the environment", async () => {
    await project.must(["stack", "init", "plugin"]);
    const state = JSON.parse((await project.must(["stack", "export", "--stack", "plugin"])).stdout) as { deployment: { resources?: unknown[] } };
    const stackUrn = "urn:pulumi:plugin::bucket-encryption-e2e::pulumi:pulumi:Stack::bucket-encryption-e2e-plugin";
    const providerUrn = "urn:pulumi:plugin::bucket-encryption-e2e::pulumi:providers:bucket-encryption::default_0_2_0";
    const providerId = "0f8a5b1c-5e2d-4c7a-9d6e-000000000001";
    const outputs = { cloud: "aliyun", region: "cn-hangzhou", bucket: "stacks-plugin-1", sseAlgorithm: "KMS", kmsMasterKeyId: target.kmsKeys[0], signatureVersion: "v4" };
    const secret = (value: string) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(value) });
    state.deployment.resources = [
      { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" },
      {
        urn: providerUrn,
        custom: true,
        id: providerId,
        type: "pulumi:providers:bucket-encryption",
        inputs: { aliyun: { accessKey: ALIYUN_C.accessKeyId, secretKey: secret(ALIYUN_C.secretAccessKey), endpoint: target.endpoint }, maxAttempts: 2, version: "0.2.0" },
        outputs: {},
        parent: stackUrn,
      },
      {
        urn: "urn:pulumi:plugin::bucket-encryption-e2e::bucket-encryption:index:BucketEncryption::from-plugin",
        custom: true,
        id: "aliyun:cn-hangzhou:stacks-plugin-1",
        type: "bucket-encryption:index:BucketEncryption",
        inputs: outputs,
        outputs,
        parent: stackUrn,
        provider: `${providerUrn}::${providerId}`,
      },
    ];
    const file = path.join(outDir, "plugin-state.json");
    writeFileSync(file, JSON.stringify(state));
    await project.must(["stack", "import", "--file", file, "--stack", "plugin"]);
    await target.setRule("stacks-plugin-1", { SSEAlgorithm: "SM4" });
    const { ALIBABA_CLOUD_ACCESS_KEY_ID: _id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: _secret, ...withoutCredentials } = project.environment;
    try {
      const result = await stateDrift(project, outDir, ["--stack", "plugin"], withoutCredentials);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      const finding = find(result, "from-plugin");
      assert.deepEqual([finding.status, finding.properties?.[0]], ["drifted", { property: "sseAlgorithm", declared: "KMS", live: "SM4" }]);
      assert.equal(accessKeyOf("stacks-plugin-1"), ALIYUN_C.accessKeyId);
      assert.ok(!result.stdout.includes(ALIYUN_C.secretAccessKey) && !result.stderr.includes(ALIYUN_C.secretAccessKey));
    } finally {
      await project.must(["stack", "select", "prod"]);
    }
  });

  it("--all-stacks: every stack of the project; a stack whose passphrase is not the one given is an error for it alone", async () => {
    // A stack made with another passphrase, holding a secret in its config and prod's resources in
    // its state: the environment's passphrase is not its own, and its dynamic resources need its config.
    const locked = { PULUMI_CONFIG_PASSPHRASE: "another-passphrase" };
    await project.must(["stack", "init", "locked"], locked);
    await project.must(["config", "set", "alicloud:secretKey", "locked-secret-value", "--secret", "--stack", "locked"], locked);
    const own = JSON.parse((await project.must(["stack", "export", "--stack", "locked"], locked)).stdout) as { deployment: { resources?: unknown[] } };
    const prod = JSON.parse((await project.must(["stack", "export", "--stack", "prod"])).stdout.replaceAll("urn:pulumi:prod::", "urn:pulumi:locked::").replaceAll("e2e-prod\"", "e2e-locked\"")) as { deployment: { resources: unknown[] } };
    own.deployment.resources = prod.deployment.resources;
    const file = path.join(outDir, "locked-state.json");
    writeFileSync(file, JSON.stringify(own));
    await project.must(["stack", "import", "--file", file, "--stack", "locked"], locked);
    await project.must(["stack", "select", "prod"]);
    try {
      const result = await stateDrift(project, outDir, ["--all-stacks"]);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.deepEqual(result.report.stacks.map((s) => [s.name, s.outcome]).sort(), [["dev", "in-sync"], ["locked", "error"], ["plugin", "drift"], ["prod", "in-sync"]]);
      assert.equal(result.report.resources.length, 4, "none of the locked stack's");
      const [error, ...others] = result.report.errors;
      assert.equal(others.length, 0);
      assert.equal(error?.stack, "locked");
      assert.match(error?.message ?? "", /the state of stack locked could not be read: .*passphrase/i);
      assert.match(result.stdout, /Stack locked: Error/);
      assert.equal(result.suites.find((s) => s.name.endsWith("/locked"))?.errors, "1");
    } finally {
      await project.must(["stack", "rm", "locked", "--yes", "--force"], { PULUMI_CONFIG_PASSPHRASE: "another-passphrase" });
      await project.must(["stack", "select", "prod"]);
    }
  });
});
