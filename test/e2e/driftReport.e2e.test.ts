import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import type { DriftReport, ResourceFinding } from "../../cli/drift/model";
import { runInstalledCli } from "../support/installedCli";
import { kmsInputs } from "../support/operations";
import { type CliResult, PulumiProject, programFor } from "../support/pulumiCli";
import { emulatorTarget, minioTarget, type Target } from "../support/targets";
import { installTools, REPO_ROOT, type Tools } from "../support/tools";

// `pulumi-bucket-encryption drift`, the packed CLI as a user installs it, against a real stack
// driven by the real Pulumi CLI: the Aliyun dialect on the emulator, the JD Cloud dialect on MinIO.
// Out-of-band changes are made on the servers directly; every verdict is checked in the JSON
// (validated against its schema), the JUnit file, the table and the exit code.

const validate = (() => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, "schema/drift-report.v1.json"), "utf8")) as object);
})();

const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testcase", "failure", "error"].includes(name) });

interface DriftRun extends CliResult {
  readonly report: DriftReport;
  readonly junit: { tests: string; failures: string; errors: string; testcase?: Array<{ name: string; failure?: Array<{ message: string }>; error?: Array<{ type: string }> }> };
  readonly summary: string;
}

interface Scenario {
  readonly label: string;
  readonly start: (tools: Tools) => Promise<Target>;
  readonly env: (target: Target) => Record<string, string>;
  /** The emulator can refuse a bucket (403) and lose one; MinIO is left as it is. */
  readonly emulator: boolean;
}

const scenarios: Scenario[] = [
  {
    label: "aliyun on the emulator",
    start: () => emulatorTarget("drift", { accessKeyId: "LTAI-drift-id", secretAccessKey: "driftAliyunSecret/0123456789abcd" }),
    env: (t) => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: t.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: t.secretAccessKey }),
    emulator: true,
  },
  {
    label: "jdcloud on MinIO",
    start: (tools) => minioTarget(tools.minio),
    env: (t) => ({ JDCLOUD_ACCESS_KEY: t.accessKeyId, JDCLOUD_SECRET_KEY: t.secretAccessKey }),
    emulator: false,
  },
];

let tools: Tools;
before(() => {
  tools = installTools("all");
});

for (const scenario of scenarios) {
  describe(`drift report: ${scenario.label}`, () => {
    let target: Target;
    let project: PulumiProject;
    let outDir: string;
    let stateBefore: string;
    const names = ["sync", "algo", "key", "gone"] as const;
    const bucketOf = (name: string) => `e2e-drift-${name}`;
    const args = (name: string) => kmsInputs(target, bucketOf(name));
    const declare = (extra: string[] = []) => project.setProgram(programFor([...names, ...extra].map((name) => ({ name, args: args(name) }))));
    const declaredRule = () => ({ SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
    const transcript: string[] = [];

    // `stack` null: no --stack, the directory's selected stack.
    const drift = async (extraArgs: string[] = [], extraEnv: Record<string, string> = {}, stack: string | null = project.stack): Promise<DriftRun> => {
      const json = path.join(outDir, "drift.json");
      const xml = path.join(outDir, "drift.xml");
      const summary = path.join(outDir, "summary.md");
      for (const f of [json, xml, summary]) rmSync(f, { force: true });
      const argv = ["drift", "--cwd", project.dir, ...(stack !== null ? ["--stack", stack] : []), "--output", json, "--output", xml, ...extraArgs];
      const result = await runInstalledCli(project.dir, argv, { ...project.environment, GITHUB_STEP_SUMMARY: summary, ...extraEnv });
      transcript.push(result.stdout, result.stderr);
      assert.ok(existsSync(json), `no JSON report:\n${result.stdout}\n${result.stderr}`);
      const report = JSON.parse(readFileSync(json, "utf8")) as DriftReport;
      assert.ok(validate(report), JSON.stringify(validate.errors));
      assert.equal(result.code, report.exitCode, "the exit code is the report's");
      transcript.push(readFileSync(json, "utf8"), readFileSync(xml, "utf8"));
      const parsed = (junit.parse(readFileSync(xml, "utf8")) as { testsuites: { testsuite: DriftRun["junit"] } }).testsuites.testsuite;
      return { ...result, report, junit: parsed, summary: readFileSync(summary, "utf8") };
    };
    const find = (run: DriftRun, name: string): ResourceFinding => {
      const found = run.report.resources.find((r) => r.name === name);
      assert.ok(found, `${name} is not in the report`);
      return found;
    };
    const statuses = (run: DriftRun) => Object.fromEntries(run.report.resources.map((r) => [r.name, r.status]));

    before(async () => {
      target = await scenario.start(tools);
      for (const name of [...names, "adopt", "lost"]) await target.createBucket(bucketOf(name));
      outDir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-drift-"));
      project = await PulumiProject.create({ tools, env: scenario.env(target) });
      declare();
      await project.must(["up", "--yes", "--skip-preview"]);
      stateBefore = await project.exportState();
    });
    after(async () => {
      await project?.run(["destroy", "--yes"]);
      project?.dispose();
      await target?.stop();
      if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
    });

    it("in sync: exit 0, every resource in sync, one passing test case each", async () => {
      const run = await drift();
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(statuses(run), { sync: "in-sync", algo: "in-sync", key: "in-sync", gone: "in-sync" });
      assert.equal(Number(run.junit.tests), 4);
      assert.equal(Number(run.junit.failures), 0);
      assert.match(run.stdout, /In sync: 4 in sync, 0 drifted/);
      assert.match(run.stderr, /^drift: refresh preview of stack /m, "progress goes to stderr");
      assert.match(run.summary, /## BucketEncryption drift: ✅ In sync/);
    });

    it("algorithm changed out-of-band: exit 2 with the property, declared and live values", async () => {
      await target.setRule(bucketOf("algo"), { SSEAlgorithm: "AES256" });
      const run = await drift();
      assert.equal(run.code, 2, run.stdout + run.stderr);
      const algo = find(run, "algo");
      assert.equal(algo.status, "drifted");
      assert.deepEqual(algo.properties?.[0], { property: "sseAlgorithm", declared: "KMS", live: "AES256" });
      assert.deepEqual(algo.live, { sseAlgorithm: "AES256" });
      assert.match(run.stdout, /drifted +algo +\S+ +sseAlgorithm: declared KMS, live AES256/);
      const testcase = run.junit.testcase?.find((c) => c.name.startsWith("algo "));
      assert.equal(testcase?.failure?.[0]?.message, "sseAlgorithm: declared KMS, live AES256");
      assert.equal(find(run, "sync").status, "in-sync");
      await target.setRule(bucketOf("algo"), declaredRule());
    });

    it("key id changed out-of-band: exit 2 on kmsMasterKeyId", async () => {
      await target.setRule(bucketOf("key"), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      const run = await drift();
      assert.equal(run.code, 2);
      assert.deepEqual(find(run, "key").properties, [{ property: "kmsMasterKeyId", declared: target.kmsKeys[0], live: target.kmsKeys[1] }]);
      await target.setRule(bucketOf("key"), declaredRule());
    });

    it("rule deleted out-of-band: exit 2, rule missing", async () => {
      await target.deleteRule(bucketOf("gone"));
      const run = await drift();
      assert.equal(run.code, 2);
      assert.equal(find(run, "gone").status, "rule-missing");
      assert.match(run.stdout, /rule missing +gone /);
      await target.setRule(bucketOf("gone"), declaredRule());
    });

    it("a planned create on a bucket that already has a rule: adoption preview with that rule", async () => {
      await target.setRule(bucketOf("adopt"), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      declare(["adopt"]);
      const run = await drift();
      assert.equal(run.code, 2);
      const adopt = find(run, "adopt");
      assert.equal(adopt.status, "not-created");
      assert.deepEqual(adopt.adoption, { bucket: "rule", liveRule: { sseAlgorithm: "KMS", kmsMasterKeyId: target.kmsKeys[1] }, wouldReplace: true });
      assert.match(run.stdout, /not created yet +adopt .*already holds KMS \(key [^)]+\), which `pulumi up` would replace with KMS/);
      declare();
    });

    if (scenario.emulator) {
      it("a server answering 403: exit 1 with the service's code and request id, never 2", async () => {
        const emulator = (target as Target & { emulator: { deniedBuckets: Set<string> } }).emulator;
        await target.setRule(bucketOf("algo"), { SSEAlgorithm: "AES256" });
        emulator.deniedBuckets.add(bucketOf("sync"));
        try {
          const run = await drift();
          assert.equal(run.code, 1, run.stdout + run.stderr);
          assert.equal(run.report.outcome, "error");
          const sync = find(run, "sync");
          assert.equal(sync.status, "unreadable");
          assert.equal(sync.error?.httpStatus, 403);
          assert.equal(sync.error?.code, "AccessDenied");
          assert.match(sync.error?.requestId ?? "", /^[0-9A-F]{24}$/);
          assert.match(run.stdout, /could not be read +sync .*HTTP 403 AccessDenied/);
          assert.equal(run.junit.testcase?.find((c) => c.name.startsWith("sync "))?.error?.[0]?.type, "AccessDenied");
        } finally {
          emulator.deniedBuckets.delete(bucketOf("sync"));
          await target.setRule(bucketOf("algo"), declaredRule());
        }
      });
    }

    it("--config is passed to the program for this run only; the stack's config file is untouched", async () => {
      const stackFile = path.join(project.dir, `Pulumi.${project.stack}.yaml`);
      const before = readFileSync(stackFile, "utf8");
      // The program declares one more resource when the (project-namespaced) key is set.
      project.setProgram(
        [
          `"use strict";`,
          `const pulumi = require("@pulumi/pulumi");`,
          `const { BucketEncryption } = require("pulumi-bucket-encryption");`,
          `const resources = ${JSON.stringify(names.map((name) => ({ name, args: args(name) })))};`,
          `const extra = new pulumi.Config().get("extraBucket");`,
          `if (extra) resources.push({ name: "extra", args: { ...resources[0].args, bucket: extra } });`,
          `for (const r of resources) new BucketEncryption(r.name, r.args);`,
          ``,
        ].join("\n"),
      );
      try {
        const without = await drift(["--parallel", "2"]);
        assert.equal(without.code, 0, without.stdout + without.stderr);
        const run = await drift(["--config", `extraBucket=${bucketOf("adopt")}`]);
        assert.equal(run.code, 2, run.stdout + run.stderr);
        assert.equal(find(run, "extra").status, "not-created");
        assert.equal(find(run, "extra").bucket, bucketOf("adopt"));
        assert.equal(readFileSync(stackFile, "utf8"), before);
      } finally {
        declare();
      }
    });

    it("several resources mixed: each classified, JUnit failures per drift, the step summary written", async () => {
      await target.setRule(bucketOf("algo"), { SSEAlgorithm: "AES256" });
      await target.setRule(bucketOf("key"), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] });
      await target.deleteRule(bucketOf("gone"));
      await target.setRule(bucketOf("adopt"), { SSEAlgorithm: "AES256" });
      const extra = ["adopt"];
      if (scenario.emulator) {
        // Deployed, then the whole bucket is deleted out-of-band.
        declare(["lost"]);
        await project.must(["up", "--yes", "--skip-preview"]);
        stateBefore = await project.exportState();
        (target as Target & { emulator: { buckets: Map<string, unknown> } }).emulator.buckets.delete(bucketOf("lost"));
        extra.push("lost");
      }
      declare(extra);
      const run = await drift();
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.deepEqual(statuses(run), {
        sync: "in-sync",
        algo: "drifted",
        key: "drifted",
        gone: "rule-missing",
        adopt: "not-created",
        ...(scenario.emulator ? { lost: "bucket-missing" } : {}),
      });
      assert.deepEqual(find(run, "adopt").adoption?.liveRule, { sseAlgorithm: "AES256" });
      // algo: sseAlgorithm and kmsMasterKeyId; key: kmsMasterKeyId; gone; adopt; lost.
      assert.equal(Number(run.junit.failures), scenario.emulator ? 6 : 5);
      assert.equal(Number(run.junit.tests), scenario.emulator ? 6 : 5);
      assert.match(run.summary, /⚠️ Drift found/);
      assert.match(run.summary, /\| `algo` \| [^|]+ \| drifted \| `sseAlgorithm`: declared `KMS`, live `AES256`/);
      assert.match(run.summary, /\| `gone` \| [^|]+ \| rule missing \|/);
      assert.doesNotMatch(run.summary, /\| `sync` \|/);
    });

    it("the --stack is compared without being selected; an unknown --stack is an error naming it; no --stack is the selected one", { skip: !scenario.emulator && "the stack handling is the same for both clouds" }, async () => {
      await project.must(["stack", "init", "other"]);
      try {
        const selected = async () => (await project.must(["stack", "--show-name"])).stdout.trim();
        assert.equal(await selected(), "other");
        declare();
        const run = await drift();
        // Earlier cases leave drift behind: what matters here is which stack was compared.
        assert.deepEqual(run.report.errors, [], run.stderr);
        assert.equal(run.report.stack, project.stack);
        for (const name of names) find(run, name);
        assert.equal(await selected(), "other", "drift changed the directory's selected stack");

        const unknown = await drift([], {}, "no-such-stack");
        assert.equal(unknown.code, 1, unknown.stdout);
        assert.equal(unknown.report.stack, "no-such-stack");
        assert.match(unknown.report.errors.map((e) => e.message).join("\n"), /no-such-stack/);
        assert.equal(await selected(), "other");

        // Without --stack: the selected one, here empty, so every resource is still to be created.
        const selectedRun = await drift([], {}, null);
        assert.equal(selectedRun.report.stack, "other");
        assert.deepEqual(new Set(selectedRun.report.resources.map((r) => r.status)), new Set(["not-created"]), selectedRun.stdout);
        assert.equal(selectedRun.code, 2);
      } finally {
        // `stack rm` leaves no stack selected, so the test's own stack is selected after it.
        await project.must(["stack", "rm", "other", "--yes"]);
        await project.must(["stack", "select", project.stack]);
      }
    });

    it("never writes state, and no secret appears in any output", async () => {
      assert.equal(await project.exportState(), stateBefore);
      for (const text of transcript) assert.ok(!text.includes(target.secretAccessKey), "the secret key appears in the drift output");
    });
  });
}
