import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { PulumiProject, programFor } from "../test/support/pulumiCli";
import type { Tools } from "../test/support/tools";
import { startEmulatorProcess } from "./processes";
import { watchProviders } from "./providerWatch";

/** One command's wall time and the requests the server saw during it. */
export interface CommandFigure {
  readonly seconds: number;
  readonly requests: number;
}

/** Figures for one `up` / `refresh` / `destroy` cycle over N resources. */
export interface CycleFigures {
  readonly up: CommandFigure;
  readonly refresh: CommandFigure;
  readonly destroy: CommandFigure;
  readonly preview: CommandFigure;
  readonly providerBytes: number;
  readonly stateBytes: number;
  readonly providerPeakRssMiB: number;
}

// The floor: a dynamic resource that does nothing, same engine, backend and parallelism.
function floorProgram(n: number): string {
  return [
    `"use strict";`,
    `const pulumi = require("@pulumi/pulumi");`,
    `const provider = {`,
    `  async create(inputs) { return { id: inputs.name, outs: inputs }; },`,
    `  async diff() { return { changes: false }; },`,
    `  async read(id, props) { return { id, props }; },`,
    `  async update(id, olds, news) { return { outs: news }; },`,
    `  async delete() {},`,
    `};`,
    `for (let i = 0; i < ${n}; i++) new pulumi.dynamic.Resource(provider, "r" + i, { name: "r" + i }, {}, "floor", "Noop");`,
    ``,
  ].join("\n");
}

async function timed(project: PulumiProject, argv: string[], count: () => Promise<number>): Promise<CommandFigure> {
  const before = await count();
  const started = process.hrtime.bigint();
  await project.must(argv);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, requests: (await count()) - before };
}

/** Runs up, preview, refresh and destroy over N resources: ours against the emulator, or the floor. */
export async function runCycle(tools: Tools, kind: "ours" | "floor", n: number): Promise<CycleFigures> {
  const credentials = { accessKeyId: "LTAI-bench-id", secretAccessKey: "bench-secret-value" };
  const buckets = Array.from({ length: n }, (_, i) => `bench-${String(i).padStart(3, "0")}`);
  const emulator = kind === "ours" ? await startEmulatorProcess(credentials, buckets) : undefined;
  const count = async () => (emulator !== undefined ? emulator.requestCount() : 0);
  const program =
    kind === "ours"
      ? programFor(buckets.map((bucket) => ({ name: bucket, args: { cloud: "aliyun", region: "cn-hangzhou", bucket, sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", endpoint: emulator?.url } })))
      : floorProgram(n);
  // Marks this run's provider processes, so that no other process on the machine is counted.
  const marker = randomBytes(8).toString("hex");
  const project = await PulumiProject.create({
    tools,
    program,
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.secretAccessKey, BENCH_RUN_MARKER: marker },
  });
  try {
    const providers = watchProviders(`BENCH_RUN_MARKER=${marker}`);
    const up = await timed(project, ["up", "--yes", "--skip-preview"], count);
    const providerPeakRssMiB = providers.stop().peakRssMiB;
    const preview = await timed(project, ["preview", "--expect-no-changes"], count);
    const exported = await project.exportState();
    const resources = (JSON.parse(exported) as { deployment: { resources?: Array<{ inputs?: Record<string, unknown> }> } }).deployment.resources ?? [];
    const providerBytes = resources.map((r) => (typeof r.inputs?.["__provider"] === "string" ? r.inputs["__provider"] : "").length).find((l) => l > 0) ?? 0;
    const stackFiles = execFileSync("find", [path.join(path.dirname(project.dir), "backend"), "-name", "*.json", "-path", "*stacks*"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
    const stateBytes = stackFiles.reduce((sum, f) => sum + statSync(f).size, 0);
    const refresh = await timed(project, ["refresh", "--yes", "--skip-preview"], count);
    const destroy = await timed(project, ["destroy", "--yes", "--skip-preview"], count);
    return { up, refresh, destroy, preview, providerBytes, stateBytes, providerPeakRssMiB };
  } finally {
    project.dispose();
    await emulator?.stop();
  }
}
