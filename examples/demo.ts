import { randomBytes } from "node:crypto";
import { PulumiProject } from "../test/support/pulumiCli";
import { emulatorTarget, minioTarget, type Target } from "../test/support/targets";
import { installTools, REPO_ROOT } from "../test/support/tools";

// `npm start`: builds the tools once, starts MinIO (JD Cloud dialect) and the local OSS emulator
// (Alibaba Cloud dialect) on 127.0.0.1, creates the buckets, runs `pulumi up` on the root
// project (examples/index.ts) with a local backend, reads the live rules back from the servers,
// checks for drift, and stops everything.

const ALIYUN_KEY = "9468da86-3509-4f8d-a61e-6eab1eac0001";

function say(text: string): void {
  process.stdout.write(`\n== ${text}\n`);
}

async function jdcloudTarget(): Promise<Target> {
  try {
    return await minioTarget(installTools("minio").minio);
  } catch (error) {
    // The emulator speaks enough of the S3 dialect to stand in while MinIO cannot run.
    say(`MinIO did not start (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); using the emulator's S3 dialect for JD Cloud`);
    const stand = await emulatorTarget("jdcloud on the emulator", { accessKeyId: "demo-jd", secretAccessKey: randomBytes(18).toString("base64url") });
    return { ...stand, cloud: "jdcloud", region: "cn-north-1", kmsKeys: ["demo-key", "arn:aws:kms:demo-key"], kmsWire: "aws:kms" };
  }
}

async function main(): Promise<void> {
  say("Installing tools (first run builds the Pulumi CLI and MinIO from the Go module proxy)");
  const tools = installTools("pulumi");
  say("Starting MinIO and the OSS emulator on 127.0.0.1");
  const jd = await jdcloudTarget();
  const aliyun = await emulatorTarget("aliyun", { accessKeyId: "demo-aliyun", secretAccessKey: randomBytes(18).toString("base64url") });
  const jdBucket = "acme-backups";
  const aliyunBucket = "acme-logs";
  let project: PulumiProject | undefined;
  try {
    await jd.createBucket(jdBucket);
    await aliyun.createBucket(aliyunBucket);
    say(`JD Cloud dialect at ${jd.endpoint}, Alibaba Cloud dialect at ${aliyun.endpoint}`);
    project = await PulumiProject.create({
      tools,
      projectDir: REPO_ROOT,
      stack: "demo",
      env: {
        JDCLOUD_ACCESS_KEY: jd.accessKeyId,
        JDCLOUD_SECRET_KEY: jd.secretAccessKey,
        ALIBABA_CLOUD_ACCESS_KEY_ID: aliyun.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: aliyun.secretAccessKey,
      },
    });
    await project.setConfig("jdcloudEndpoint", jd.endpoint);
    await project.setConfig("jdcloudRegion", jd.region);
    await project.setConfig("jdcloudBucket", jdBucket);
    await project.setConfig("jdcloudKmsKeyId", jd.kmsKeys[0]);
    await project.setConfig("aliyunEndpoint", aliyun.endpoint);
    await project.setConfig("aliyunBucket", aliyunBucket);
    await project.setConfig("aliyunKmsKeyId", ALIYUN_KEY);

    say("pulumi up");
    process.stdout.write((await project.must(["up", "--yes", "--skip-preview"])).stdout);

    say("Live rules, read back from the servers");
    process.stdout.write(`JD Cloud   ${jdBucket}: ${JSON.stringify(await jd.rule(jdBucket))}\n`);
    process.stdout.write(`Aliyun OSS ${aliyunBucket}: ${JSON.stringify(await aliyun.rule(aliyunBucket))}\n`);

    say("pulumi preview --refresh --expect-no-changes (the drift check a pipeline runs)");
    const check = await project.must(["preview", "--refresh", "--expect-no-changes"]);
    process.stdout.write(check.stdout.split("\n").filter((l) => /Resources:|unchanged/.test(l)).join("\n") + "\n");
    say("Done: stopping the servers");
  } finally {
    project?.dispose();
    await jd.stop();
    await aliyun.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
