import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runInstalledCli } from "../support/installedCli";
import { PulumiProject, programFor } from "../support/pulumiCli";
import { emulatorTarget, minioTarget, type Target } from "../support/targets";
import { installTools, type Tools } from "../support/tools";

// Adoption of live rules with the real Pulumi CLI: our `import` command writes the import file and
// the declarations, `pulumi import --file` takes them, and from then on the resources behave as
// if `up` had made them: no change at preview, drift caught and repaired, destroy removes them.

interface Scenario {
  readonly label: string;
  readonly start: (tools: Tools) => Promise<Target>;
  /** A second live rule, set out-of-band, different from the first. */
  readonly secondRule: (target: Target) => { SSEAlgorithm: string; KMSMasterKeyID?: string };
}

const scenarios: Scenario[] = [
  {
    label: "aliyun on the emulator",
    start: () => emulatorTarget("aliyun import", { accessKeyId: "LTAI-import-id", secretAccessKey: "importAliyunSecret/0123456789ab" }),
    secondRule: () => ({ SSEAlgorithm: "AES256" }),
  },
  {
    label: "jdcloud on MinIO",
    start: (tools) => minioTarget(tools.minio),
    secondRule: (target) => ({ SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[1] }),
  },
];

function credentialEnv(target: Target): Record<string, string> {
  return target.cloud === "aliyun"
    ? { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey }
    : { JDCLOUD_ACCESS_KEY: target.accessKeyId, JDCLOUD_SECRET_KEY: target.secretAccessKey };
}

interface StateResource {
  readonly type: string;
  readonly urn: string;
  readonly protect?: boolean;
  readonly outputs?: Record<string, unknown>;
}

let tools: Tools;
before(() => {
  tools = installTools("all");
});

for (const scenario of scenarios) {
  describe(`import: ${scenario.label}`, () => {
    let target: Target;
    let project: PulumiProject;
    const buckets = { first: "imp-first", second: "imp-second", none: "imp-none", missing: "imp-missing" };
    const transcript: string[] = [];
    const must = async (argv: string[]) => {
      const result = await project.run(argv);
      transcript.push(result.stdout, result.stderr);
      assert.equal(result.code, 0, `pulumi ${argv.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
      return result;
    };
    const stateResources = async () =>
      ((JSON.parse(await project.exportState()) as { deployment: { resources?: StateResource[] } }).deployment.resources ?? []).filter((r) => r.type.includes("BucketEncryption"));
    const requests = () => Object.values(buckets).reduce((n, b) => n + target.requestCount(b), 0);
    // The generated TypeScript, compiled as a user's build would (strict), becomes the program.
    const useDeclarations = (extra = "") => {
      const source = readFileSync(path.join(project.dir, "bucket-encryption-imported.ts"), "utf8") + extra;
      writeFileSync(path.join(project.dir, "index.ts"), source);
      execFileSync(process.execPath, [path.join(project.dir, "node_modules/typescript/bin/tsc"), "--strict", "--target", "ES2022", "--module", "commonjs", "--esModuleInterop", "--skipLibCheck", "--types", "node", "index.ts"], {
        cwd: project.dir,
        stdio: "pipe",
      });
    };

    before(async () => {
      target = await scenario.start(tools);
      for (const b of [buckets.first, buckets.second, buckets.none]) await target.createBucket(b);
      await target.setRule(buckets.first, { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      await target.setRule(buckets.second, scenario.secondRule(target));
      project = await PulumiProject.create({ tools, program: programFor([]), env: credentialEnv(target) });
    });
    after(async () => {
      await project?.run(["state", "unprotect", "--all", "--yes"]);
      await project?.run(["destroy", "--yes"]);
      project?.dispose();
      await target?.stop();
    });

    it("1. our import reads each rule with one GET; no rule and no bucket are reported and left out", async () => {
      const region = target.cloud === "aliyun" ? `oss-${target.region}` : target.region;
      const result = await runInstalledCli(
        project.dir,
        ["import", "--cloud", target.cloud, "--region", region, "--endpoint", target.endpoint, buckets.first, buckets.second, buckets.none, buckets.missing, "--format", "json"],
        credentialEnv(target),
      );
      assert.equal(result.code, 2, result.stderr);
      const outcomes = (JSON.parse(result.stdout) as { buckets: Array<{ id: string; result: string }> }).buckets;
      assert.deepEqual(
        outcomes.map((o) => o.result),
        ["imported", "imported", "no-rule", "no-bucket"],
      );
      assert.equal(target.requestCount(buckets.first), 1);
      assert.equal(target.requestCount(buckets.none), 1);
      assert.match(result.stderr, /pulumi import --file bucket-encryption-import\.json --generate-code=false/);
      assert.ok(!(result.stdout + result.stderr).includes(target.secretAccessKey));
      const file = JSON.parse(readFileSync(path.join(project.dir, "bucket-encryption-import.json"), "utf8")) as { resources: Array<{ id: string; inputs: Record<string, unknown> }> };
      assert.deepEqual(file.resources.map((r) => r.id), [`${target.cloud}:${target.region}:${buckets.first}`, `${target.cloud}:${target.region}:${buckets.second}`]);
      // Installed from npm, the provider is stored as a reference to the installed module, not code.
      const provider = String(file.resources[0]?.inputs["__provider"]);
      assert.match(provider, /require\("pulumi-bucket-encryption\/dynamic-provider"\)/);
      assert.ok(provider.length < 400, `__provider is ${provider.length} bytes`);
    });

    it("2. pulumi import --file takes the file without a request; the resources are protected", async () => {
      const before = requests();
      await must(["import", "--file", "bucket-encryption-import.json", "--generate-code=false", "--yes"]);
      assert.equal(requests(), before, "the engine must not call the provider's read");
      const state = await stateResources();
      assert.deepEqual(state.map((r) => r.urn.split("::").pop()).sort(), [buckets.first, buckets.second]);
      assert.ok(state.every((r) => r.protect === true));
      const first = state.find((r) => r.urn.endsWith(`::${buckets.first}`));
      assert.equal(first?.outputs?.["sseAlgorithm"], "KMS");
      assert.equal(first?.outputs?.["kmsMasterKeyId"], target.kmsKeys[0]);
    });

    it("3. with the generated declarations, preview shows no change and sends no request", async () => {
      useDeclarations();
      const before = requests();
      await must(["preview", "--expect-no-changes"]);
      assert.equal(requests(), before);
    });

    it("4. the stored provider text is exactly what up stores for a declared resource, and refresh works with it", async () => {
      const rule = target.cloud === "aliyun" ? `sseAlgorithm: "AES256"` : `sseAlgorithm: "KMS", kmsMasterKeyId: ${JSON.stringify(target.kmsKeys[0])}`;
      useDeclarations(
        `new BucketEncryption("control", { cloud: ${JSON.stringify(target.cloud)}, region: ${JSON.stringify(target.region)}, bucket: ${JSON.stringify(buckets.none)}, ${rule}, endpoint: ${JSON.stringify(target.endpoint)} });\n`,
      );
      await must(["up", "--yes", "--skip-preview"]);
      const state = await stateResources();
      const byName = new Map(state.map((r) => [r.urn.split("::").pop(), r.outputs?.["__provider"]]));
      assert.equal(typeof byName.get("control"), "string");
      assert.equal(byName.get(buckets.first), byName.get("control"));
      assert.equal(byName.get(buckets.second), byName.get("control"));
      await must(["refresh", "--yes"]);
      await must(["preview", "--refresh", "--expect-no-changes"]);
    });

    it("5. drift on an imported resource fails the pipeline check; refresh and up repair it", async () => {
      await target.setRule(buckets.first, scenario.secondRule(target));
      const check = await project.run(["preview", "--refresh", "--expect-no-changes", "--diff"]);
      assert.notEqual(check.code, 0, "the drift check must fail");
      assert.match(check.stdout + check.stderr, target.cloud === "aliyun" ? /sseAlgorithm/ : /kmsMasterKeyId/);
      await must(["refresh", "--yes"]);
      await must(["up", "--yes", "--skip-preview"]);
      assert.deepEqual(await target.rule(buckets.first), { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      await must(["preview", "--refresh", "--expect-no-changes"]);
    });

    it("6. destroy refuses protected resources until unprotected, then removes every rule", async () => {
      const refused = await project.run(["destroy", "--yes"]);
      assert.notEqual(refused.code, 0);
      assert.match(refused.stdout + refused.stderr, /protected/);
      assert.notEqual(await target.rule(buckets.first), undefined);
      await must(["state", "unprotect", "--all", "--yes"]);
      await must(["destroy", "--yes"]);
      for (const b of [buckets.first, buckets.second, buckets.none]) assert.equal(await target.rule(b), undefined, b);
      assert.ok(!transcript.join("\n").includes(target.secretAccessKey));
    });
  });
}
