import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runInstalledCli } from "../support/installedCli";
import { assumeRoleWithPolicy } from "../support/minioSts";
import { kmsInputs } from "../support/operations";
import { PulumiProject, programFor } from "../support/pulumiCli";
import { emulatorTarget, minioTarget, type Target } from "../support/targets";
import { installTools, type Tools } from "../support/tools";
import type { OssEmulator } from "../emulator/ossEmulator";
import type { MinioServer } from "../support/minio";

// The fleet scan with the real Pulumi CLI and both servers: encrypted, unencrypted and declared
// buckets, more buckets than one ListBuckets page (Aliyun pages; S3 and MinIO answer in one), a
// 403 on one bucket, then --import and `pulumi import` + `up` to declare every bucket.

const BUCKETS = Array.from({ length: 120 }, (_, i) => `scan-${String(i).padStart(4, "0")}`);
const ENCRYPTED = BUCKETS.slice(0, 10);
const DECLARED = BUCKETS.slice(0, 3);
const DENIED = "scan-0050";

type ScanTarget = Target & { emulator?: OssEmulator; minio?: MinioServer };

interface Scenario {
  readonly label: string;
  readonly start: (tools: Tools) => Promise<ScanTarget>;
  /** Credentials that may list and read every bucket but DENIED's rule (a real 403 from the server). */
  readonly restricted: (target: ScanTarget) => Promise<Record<string, string>>;
  readonly lift: (target: ScanTarget) => void;
}

const scenarios: Scenario[] = [
  {
    label: "aliyun on the emulator",
    start: () => emulatorTarget("aliyun scan", { accessKeyId: "LTAI-scan-id", secretAccessKey: "scanAliyunSecret/0123456789abc" }),
    restricted: (target) => {
      target.emulator?.denied.add(DENIED);
      return Promise.resolve(rootEnv(target));
    },
    lift: (target) => target.emulator?.denied.clear(),
  },
  {
    label: "jdcloud on MinIO",
    start: (tools) => minioTarget(tools.minio),
    restricted: async (target) => {
      const session = await assumeRoleWithPolicy(target.minio as MinioServer, {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["s3:*"], Resource: ["arn:aws:s3:::*"] },
          { Effect: "Deny", Action: ["s3:GetEncryptionConfiguration"], Resource: [`arn:aws:s3:::${DENIED}`] },
        ],
      });
      return { JDCLOUD_ACCESS_KEY: session.accessKeyId, JDCLOUD_SECRET_KEY: session.secretAccessKey, JDCLOUD_SESSION_TOKEN: session.sessionToken };
    },
    lift: () => undefined,
  },
];

function rootEnv(target: Target): Record<string, string> {
  return target.cloud === "aliyun"
    ? { ALIBABA_CLOUD_ACCESS_KEY_ID: target.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: target.secretAccessKey }
    : { JDCLOUD_ACCESS_KEY: target.accessKeyId, JDCLOUD_SECRET_KEY: target.secretAccessKey };
}

interface ScanJson {
  summary: { buckets: number; encrypted: number; unencrypted: number; errors: number; undeclared?: number };
  buckets: Array<{ bucket: string; status: string; declared?: boolean; sseAlgorithm?: string; error?: string }>;
}

let tools: Tools;
before(() => {
  tools = installTools("all");
});

for (const scenario of scenarios) {
  describe(`scan: ${scenario.label}`, () => {
    let target: ScanTarget;
    let project: PulumiProject;
    const declaredArgs = (bucket: string) => kmsInputs(target, bucket);
    const scan = (args: string[], env: Record<string, string>) =>
      runInstalledCli(project.dir, ["scan", "--target", `${target.cloud}:${target.region}=${target.endpoint}`, "--stack", project.stack, ...args], { ...project.environment, ...env });
    const must = async (argv: string[]) => {
      const result = await project.run(argv);
      assert.equal(result.code, 0, `pulumi ${argv.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
      return result;
    };

    before(async () => {
      target = await scenario.start(tools);
      for (const b of BUCKETS) await target.createBucket(b);
      for (const [i, b] of ENCRYPTED.entries()) {
        await target.setRule(b, target.cloud === "aliyun" && i % 2 === 1 ? { SSEAlgorithm: "AES256" } : { SSEAlgorithm: target.kmsWire, KMSMasterKeyID: target.kmsKeys[0] });
      }
      project = await PulumiProject.create({ tools, program: programFor(DECLARED.map((b) => ({ name: b, args: declaredArgs(b) }))), env: rootEnv(target) });
      await must(["up", "--yes", "--skip-preview"]);
    });
    after(async () => {
      await project?.run(["state", "unprotect", "--all", "--yes"]);
      await project?.run(["destroy", "--yes"]);
      project?.dispose();
      await target?.stop();
    });

    it("1. reports every bucket: encrypted with what, unencrypted, declared or not, the 403 one as not read (exit 1)", async () => {
      const env = await scenario.restricted(target);
      const result = await scan(["--format", "json", "--page-size", "50", "--concurrency", "8"], env);
      assert.equal(result.code, 1, result.stderr);
      const report = JSON.parse(result.stdout) as ScanJson;
      assert.deepEqual(report.summary, { buckets: 120, encrypted: 10, unencrypted: 109, errors: 1, undeclared: 117 });
      const row = (b: string) => report.buckets.find((r) => r.bucket === b);
      assert.deepEqual(report.buckets.map((r) => r.bucket), BUCKETS);
      assert.ok(DECLARED.every((b) => row(b)?.declared === true));
      // scan-0003 is not declared and keeps the rule set out-of-band (AES256 on the odd ones on Aliyun).
      assert.equal(row("scan-0003")?.sseAlgorithm, target.cloud === "aliyun" ? "AES256" : "KMS");
      assert.equal(row("scan-0001")?.sseAlgorithm, "KMS");
      assert.equal(row("scan-0010")?.status, "unencrypted");
      assert.equal(row(DENIED)?.status, "error");
      assert.match(row(DENIED)?.error ?? "", /HTTP 403 AccessDenied/);
      assert.ok(!result.stdout.includes(target.secretAccessKey) && !result.stderr.includes(target.secretAccessKey));
      if (target.emulator !== undefined) {
        const pages = target.emulator.log.filter((r) => r.method === "GET" && r.path === "/" && r.bucket === "");
        assert.equal(pages.length, 3, "120 buckets in pages of 50");
      }
    });

    it("2. CSV and the table carry the same buckets; without the denial the exit code is 2 (buckets lack the rule)", async () => {
      scenario.lift(target);
      const csv = await scan(["--format", "csv"], rootEnv(target));
      assert.equal(csv.code, 2, csv.stderr);
      const lines = csv.stdout.trimEnd().split("\r\n");
      assert.equal(lines.length, 121);
      assert.ok(lines.includes(`${target.cloud},${target.region},scan-0000,encrypted,KMS,${target.kmsKeys[0]},,yes,`), lines.slice(0, 3).join("\n"));
      const table = await scan([], rootEnv(target));
      assert.equal(table.code, 2);
      assert.match(table.stdout, /120 buckets: 10 encrypted, 110 without a rule, 0 not read; 117 not declared in the stack\n$/);
    });

    it("3. --import declares every undeclared bucket; pulumi import and up leave every bucket encrypted and declared (exit 0)", async () => {
      const keyArgs = target.cloud === "jdcloud" ? ["--kms-master-key-id", target.kmsKeys[0]] : [];
      const written = await scan(["--import", "--algorithm", "KMS", ...keyArgs, "--format", "json"], rootEnv(target));
      assert.equal(written.code, 2, written.stderr);
      assert.match(written.stderr, /\(7 to import\) and bucket-encryption-imported\.ts \(117 declarations, 110 with a new rule\)/);
      const file = JSON.parse(readFileSync(path.join(project.dir, "bucket-encryption-import.json"), "utf8")) as { resources: Array<{ name: string }> };
      assert.deepEqual(file.resources.map((r) => r.name), ENCRYPTED.slice(3));

      // The program: the resources declared before, and the generated declarations.
      const existing = DECLARED.map((b) => `new BucketEncryption(${JSON.stringify(b)}, ${JSON.stringify(declaredArgs(b))});`).join("\n");
      writeFileSync(path.join(project.dir, "index.ts"), `${readFileSync(path.join(project.dir, "bucket-encryption-imported.ts"), "utf8")}\n${existing}\n`);
      execFileSync(process.execPath, [path.join(project.dir, "node_modules/typescript/bin/tsc"), "--strict", "--target", "ES2022", "--module", "commonjs", "--skipLibCheck", "--types", "node", "index.ts"], { cwd: project.dir, stdio: "pipe" });

      await must(["import", "--file", "bucket-encryption-import.json", "--generate-code=false", "--yes"]);
      const up = await must(["up", "--yes", "--skip-preview"]);
      assert.match(up.stdout, /110 created/);
      await must(["preview", "--expect-no-changes"]);

      const after = await scan(["--format", "json"], rootEnv(target));
      assert.equal(after.code, 0, after.stderr);
      const report = JSON.parse(after.stdout) as ScanJson;
      assert.deepEqual(report.summary, { buckets: 120, encrypted: 120, unencrypted: 0, errors: 0, undeclared: 0 });
    });
  });
}
