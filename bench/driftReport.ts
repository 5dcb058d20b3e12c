import { spawn } from "node:child_process";
import path from "node:path";
import { PulumiProject, programFor } from "../test/support/pulumiCli";
import { REPO_ROOT, type Tools } from "../test/support/tools";
import { median, startEmulatorProcess } from "./processes";

/** The drift report's cost against the engine's own refresh preview on the same stack. */
export interface DriftFigures {
  readonly resources: number;
  readonly previewSeconds: number[];
  readonly driftSeconds: number[];
  /** median(drift) / median(preview --refresh). */
  readonly ratio: number;
  /** The median of drift / preview over the alternating pairs: each pair shares the machine's moment. */
  readonly pairRatio: number;
}

/** The target: a report may take at most this multiple of `pulumi preview --refresh`. */
export const DRIFT_TARGET_RATIO = 1.1;

/**
 * Deploys N BucketEncryption resources on the emulator (its own process), then times, alternating
 * to share the machine's noise, `pulumi preview --refresh` and `pulumi-bucket-encryption drift`
 * (which runs that same refresh preview through the Automation API and classifies its events).
 */
export async function measureDrift(tools: Tools, n: number, runs: number): Promise<DriftFigures> {
  const credentials = { accessKeyId: "LTAI-bench-id", secretAccessKey: "bench-secret-value" };
  const buckets = Array.from({ length: n }, (_, i) => `drift-${String(i).padStart(3, "0")}`);
  const emulator = await startEmulatorProcess(credentials, buckets);
  const project = await PulumiProject.create({
    tools,
    program: programFor(buckets.map((bucket) => ({ name: bucket, args: { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", endpoint: emulator.url } }))),
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.secretAccessKey },
  });
  try {
    await project.must(["up", "--yes", "--skip-preview"]);
    const previewSeconds: number[] = [];
    const driftSeconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      let started = process.hrtime.bigint();
      await project.must(["preview", "--refresh"]);
      previewSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      started = process.hrtime.bigint();
      const code = await runDrift(project);
      driftSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (code !== 0) throw new Error(`drift exited ${code} on an in-sync stack`);
      process.stderr.write(`[bench] drift N=${n} run ${r + 1}/${runs} done\n`);
    }
    const pairRatio = median(driftSeconds.map((d, i) => d / (previewSeconds[i] ?? d)));
    return { resources: n, previewSeconds, driftSeconds, ratio: median(driftSeconds) / median(previewSeconds), pairRatio };
  } finally {
    await project.run(["destroy", "--yes", "--skip-preview"]);
    project.dispose();
    await emulator.stop();
  }
}

function runDrift(project: PulumiProject): Promise<number> {
  return new Promise((resolve, reject) => {
    const cli = path.join(REPO_ROOT, "build/cli/main.js");
    const child = spawn(process.execPath, [cli, "drift", "--cwd", project.dir, "--stack", project.stack, "--format", "json"], { env: project.environment, stdio: ["ignore", "ignore", "ignore"] });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
}
