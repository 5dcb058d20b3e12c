import path from "node:path";
import { writeFileSync } from "node:fs";
import { runNode } from "../test/support/installedCli";
import { PulumiProject } from "../test/support/pulumiCli";
import { REPO_ROOT, type Tools } from "../test/support/tools";
import { type EmulatorProcess, median, startEmulatorProcess } from "./processes";

/** One comparison: state-based drift against one `pulumi preview --refresh`, alternating runs. */
export interface StateComparison {
  readonly label: string;
  readonly stacks: number;
  readonly resourcesPerStack: number;
  /** The stack `preview --refresh` ran on: how many resources it holds. */
  readonly previewResources: number;
  readonly previewSeconds: number[];
  readonly stateSeconds: number[];
  /** median(state) / median(preview). */
  readonly ratio: number;
  /** Rule GETs the emulator counted during each state run, over the resources compared. */
  readonly getsPerResource: number[];
  readonly goal: number;
}

/** The goals: at most these multiples of the preview they are compared with. */
export const STATE_GOALS = { single: 0.1, estate: 1.0 } as const;

const CREDENTIALS = { accessKeyId: "LTAI-bench-id", secretAccessKey: "bench-secret-value" };
const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDENTIALS.secretAccessKey };

/**
 * Both comparisons of `drift --source state` (one process per run, as a user runs it) on the
 * emulator (its own process, counting the rule GETs it receives):
 * 1. one stack of `single` resources against `pulumi preview --refresh` of that stack;
 * 2. `stacks` stacks of `perStack` resources (`--all-stacks`) against `pulumi preview --refresh` of
 *    one of them. Stack 0 is deployed by `pulumi up`; the others are its state under their own
 *    names and buckets (`pulumi stack import`), which is all a state-based report reads.
 */
export async function measureStateDrift(tools: Tools, sizes: { single: number; stacks: number; perStack: number }, runs: number): Promise<StateComparison[]> {
  const single = await comparison(tools, "one stack", 1, sizes.single, runs, STATE_GOALS.single);
  const estate = await comparison(tools, "an estate", sizes.stacks, sizes.perStack, runs, STATE_GOALS.estate);
  return [single, estate];
}

async function comparison(tools: Tools, label: string, stacks: number, perStack: number, runs: number, goal: number): Promise<StateComparison> {
  const bucket = (stack: number, i: number) => `state-s${stack}-${String(i).padStart(3, "0")}`;
  const buckets = Array.from({ length: stacks }, (_, s) => Array.from({ length: perStack }, (_, i) => bucket(s, i))).flat();
  // Every bucket holds the rule already: stack 0's `up` sets it again, the copies' state records it.
  const emulator = await startEmulatorProcess(CREDENTIALS, buckets.map((b) => `${b}=AES256`));
  const project = await PulumiProject.create({ tools, env: ENV, stack: "s0" });
  try {
    project.setProgram(program(emulator, Array.from({ length: perStack }, (_, i) => bucket(0, i))));
    await project.must(["up", "--yes", "--skip-preview"]);
    await copyStack(project, stacks);
    const previewSeconds: number[] = [];
    const stateSeconds: number[] = [];
    const getsPerResource: number[] = [];
    const stackArgs = stacks === 1 ? ["--stack", "s0"] : ["--all-stacks"];
    for (let r = 0; r < runs; r++) {
      let started = process.hrtime.bigint();
      await project.must(["preview", "--refresh", "--stack", "s0"]);
      previewSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      const getsBefore = await emulator.ruleGetCount();
      started = process.hrtime.bigint();
      const result = await runNode([path.join(REPO_ROOT, "build/cli/main.js"), "drift", "--source", "state", "--cwd", project.dir, ...stackArgs, "--format", "json"], project.environment);
      stateSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (result.code !== 0) throw new Error(`drift --source state exited ${result.code} on in-sync stacks: ${result.stderr}`);
      const compared = (JSON.parse(result.stdout) as { counts: { total: number } }).counts.total;
      if (compared !== stacks * perStack) throw new Error(`drift --source state compared ${compared} resources, not ${stacks * perStack}`);
      getsPerResource.push(((await emulator.ruleGetCount()) - getsBefore) / compared);
      process.stderr.write(`[bench] state drift, ${label}, run ${r + 1}/${runs} done\n`);
    }
    return { label, stacks, resourcesPerStack: perStack, previewResources: perStack, previewSeconds, stateSeconds, ratio: median(stateSeconds) / median(previewSeconds), getsPerResource, goal };
  } finally {
    await project.run(["destroy", "--yes", "--skip-preview", "--stack", "s0"]);
    project.dispose();
    await emulator.stop();
  }
}

function program(emulator: EmulatorProcess, buckets: readonly string[]): string {
  const resources = buckets.map((b) => ({ name: b, args: { cloud: "aliyun", region: "cn-hangzhou", bucket: b, sseAlgorithm: "AES256", endpoint: emulator.url } }));
  return [`"use strict";`, `const { BucketEncryption } = require("pulumi-bucket-encryption");`, `for (const r of ${JSON.stringify(resources)}) new BucketEncryption(r.name, r.args);`, ``].join("\n");
}

// Stacks s1… hold s0's state under their own stack name and buckets: what `up` of the same
// program there would have recorded.
async function copyStack(project: PulumiProject, stacks: number): Promise<void> {
  if (stacks === 1) return;
  const exported = (await project.must(["stack", "export", "--stack", "s0"])).stdout;
  const file = path.join(project.dir, "..", "stack-copy.json");
  for (let s = 1; s < stacks; s++) {
    await project.must(["stack", "init", `s${s}`]);
    writeFileSync(file, exported.replaceAll("urn:pulumi:s0::", `urn:pulumi:s${s}::`).replaceAll("state-s0-", `state-s${s}-`).replaceAll("-s0\"", `-s${s}"`));
    await project.must(["stack", "import", "--file", file, "--stack", `s${s}`]);
  }
  await project.must(["stack", "select", "s0"]);
}
