import path from "node:path";
import { runNode } from "../test/support/installedCli";
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
  /** Where the difference goes, timed in the same rounds (see bench/automationPhases.ts). */
  readonly phases: {
    /** `pulumi preview --refresh` writing the engine's events to a file (`--event-log`). */
    readonly fileEventsSeconds: number[];
    /** The same preview run by the Automation API, which streams the events to it over gRPC. */
    readonly apiPreviewSeconds: number[];
    /** From process start until a workspace is open, as `drift` opens it. */
    readonly openSeconds: number[];
    /** `require("@pulumi/pulumi/automation")` in a fresh process, as is and as `drift` loads it. */
    readonly loadPlainSeconds: number[];
    readonly loadDeferredSeconds: number[];
  };
}

/** The target: a report may take at most this multiple of `pulumi preview --refresh`. */
export const DRIFT_TARGET_RATIO = 1.1;

/**
 * Deploys N BucketEncryption resources on the emulator (its own process), then times, alternating
 * to share the machine's noise, `pulumi preview --refresh` and `pulumi-bucket-encryption drift`
 * (which runs that same refresh preview through the Automation API and classifies its events),
 * and in the same rounds the phases between the two: the preview writing its events to a file,
 * the preview run by the Automation API, the opening of its workspace; then the API's load time.
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
    const fileEventsSeconds: number[] = [];
    const apiPreviewSeconds: number[] = [];
    const openSeconds: number[] = [];
    const eventLog = path.join(project.dir, "..", "events.json");
    for (let r = 0; r < runs; r++) {
      let started = process.hrtime.bigint();
      await project.must(["preview", "--refresh"]);
      previewSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      started = process.hrtime.bigint();
      const drift = await runNode([path.join(REPO_ROOT, "build/cli/main.js"), "drift", "--cwd", project.dir, "--stack", project.stack, "--format", "json"], project.environment);
      driftSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (drift.code !== 0) throw new Error(`drift exited ${drift.code} on an in-sync stack`);
      started = process.hrtime.bigint();
      // The flag is one of the CLI's debug commands, as the Automation API itself sets.
      await project.must(["preview", "--refresh", "--suppress-progress", "--event-log", eventLog], { PULUMI_DEBUG_COMMANDS: "true" });
      fileEventsSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      const api = await phase<{ openSeconds: number; previewSeconds: number }>(["preview", project.dir, project.stack], project.environment);
      apiPreviewSeconds.push(api.previewSeconds);
      openSeconds.push(api.openSeconds);
      process.stderr.write(`[bench] drift N=${n} run ${r + 1}/${runs} done\n`);
    }
    const loadPlainSeconds: number[] = [];
    const loadDeferredSeconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      for (const [mode, into] of [["plain", loadPlainSeconds], ["deferred", loadDeferredSeconds]] as const) {
        into.push((await phase<{ loadSeconds: number }>(["load", mode], project.environment)).loadSeconds);
      }
    }
    const pairRatio = median(driftSeconds.map((d, i) => d / (previewSeconds[i] ?? d)));
    return {
      resources: n,
      previewSeconds,
      driftSeconds,
      ratio: median(driftSeconds) / median(previewSeconds),
      pairRatio,
      phases: { fileEventsSeconds, apiPreviewSeconds, openSeconds, loadPlainSeconds, loadDeferredSeconds },
    };
  } finally {
    await project.run(["destroy", "--yes", "--skip-preview"]);
    project.dispose();
    await emulator.stop();
  }
}

const PHASES = path.join(__dirname, "automationPhases.js");

// A phase script's figures; its failure, with its stderr, ends the bench.
async function phase<T>(args: readonly string[], env: Readonly<Record<string, string>>): Promise<T> {
  const result = await runNode([PHASES, ...args], env);
  if (result.code !== 0) throw new Error(`automationPhases ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
