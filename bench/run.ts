import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { startMinio } from "../test/support/minio";
import { S3Oracle } from "../test/support/s3Oracle";
import { installTools, REPO_ROOT, type Tools } from "../test/support/tools";
import { compareCalls, microBenchmarks, ossContenders, s3Contenders } from "./clientCost";
import { NETWORK_CONTENDERS } from "./networkContenders";
import { COMMANDS, type CommandName, medianFigure, type NetworkFigure, type NetworkFigures, renderNetworkReport } from "./networkReport";
import { runNetworkCycle } from "./networkScenario";
import { median, startEmulatorProcess } from "./processes";
import { type CycleFigures, runCycle } from "./pulumiScale";
import { fleetScanFigures } from "./fleetScan";
import { DRIFT_TARGET_RATIO, type DriftFigures, measureDrift } from "./driftReport";
import { measureStateDrift, type StateComparison } from "./stateDrift";
import { pluginVsDynamicPart } from "./pluginVsDynamic";

// `npm run bench`: every figure of the performance report from one run, printed as a Markdown
// report (also written to build/reports/bench.md). Timings are medians; ratios come from the
// same run. BENCH_PARTS chooses the parts ("network,loopback,drift,state,plugin", all by default).
// The plugin part (bench/pluginVsDynamic.ts): BENCH_PLUGIN_SIZE (300), BENCH_PLUGIN_RUNS (5).
// The drift part: BENCH_DRIFT_SIZE resources (500), BENCH_DRIFT_RUNS alternating runs (9).
// The real-network scenario: BENCH_NET_SIZES (default "20,100,300"), BENCH_NET_RTT_MS (30),
// BENCH_NET_RUNS (1), BENCH_NET_CONTENDERS (all; "floor,ours" for a quick look).
// The loopback part: BENCH_SIZES (e.g. "1,10") and BENCH_RUNS shorten it.

const PARTS = new Set((process.env["BENCH_PARTS"] ?? "network,loopback,drift,state,plugin").split(",").map((p) => p.trim()));
const NET_SIZES = (process.env["BENCH_NET_SIZES"] ?? "20,100,300").split(",").map(Number);
const NET_RTT_MS = Number(process.env["BENCH_NET_RTT_MS"] ?? "30");
const NET_RUNS = Number(process.env["BENCH_NET_RUNS"] ?? "1");
const NET_CONTENDERS = process.env["BENCH_NET_CONTENDERS"] !== undefined ? new Set(process.env["BENCH_NET_CONTENDERS"].split(",").map((c) => c.trim())) : undefined;
const SIZES = (process.env["BENCH_SIZES"] ?? "1,10,100,500").split(",").map(Number);
const RUNS = Number(process.env["BENCH_RUNS"] ?? "3");
const lines: string[] = [];
const out = (line = "") => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const tools = installTools("all");
  const pulumiVersion = execFileSync(tools.pulumi, ["version"], { encoding: "utf8" }).trim();
  const minioVersion = execFileSync("cat", [path.join(tools.binDir, "minio.version")], { encoding: "utf8" }).trim();
  out(`# Benchmark report`);
  out();
  out(`${new Date().toISOString().slice(0, 10)}; Node ${process.version}; Pulumi CLI ${pulumiVersion}; @pulumi/pulumi ${(require("@pulumi/pulumi/package.json") as { version: string }).version}; MinIO ${minioVersion}; ${os.cpus().length} cores. Command: \`npm run bench\`.`);

  const networkFigures: NetworkFigures = {};
  if (PARTS.has("network")) {
    const contenders = NETWORK_CONTENDERS.filter((c) => c.name === "floor" || NET_CONTENDERS === undefined || NET_CONTENDERS.has(c.name));
    const runs: Record<number, Record<string, Array<Record<CommandName, NetworkFigure>>>> = {};
    for (let r = 0; r < NET_RUNS; r++) {
      for (const n of NET_SIZES) {
        // A different order each round, so no contender always follows the same neighbour.
        const rotated = [...contenders.slice(r % contenders.length), ...contenders.slice(0, r % contenders.length)];
        for (const contender of rotated) {
          ((runs[n] ??= {})[contender.name] ??= []).push(await runNetworkCycle(tools, contender, n, NET_RTT_MS));
          process.stderr.write(`[bench] network N=${n} ${contender.name} run ${r + 1}/${NET_RUNS} done\n`);
        }
      }
    }
    for (const [n, byContender] of Object.entries(runs)) {
      for (const [name, cycles] of Object.entries(byContender)) {
        const medians = Object.fromEntries(COMMANDS.map((command) => [command, medianFigure(cycles.map((cycle) => cycle[command]))])) as Record<CommandName, NetworkFigure>;
        (networkFigures[Number(n)] ??= {})[name] = medians;
      }
    }
    out();
    for (const line of renderNetworkReport(networkFigures, contenders, { rttMs: NET_RTT_MS, parallelism: 4 * os.cpus().length, runs: NET_RUNS })) out(line);
  }
  const loopback = PARTS.has("loopback") ? await loopbackPart(tools) : {};
  const drift = PARTS.has("drift") ? await driftPart(tools) : undefined;
  const state = PARTS.has("state") ? await statePart(tools) : undefined;
  const plugin = PARTS.has("plugin") ? await pluginVsDynamicPart(tools, out) : undefined;
  writeReports({ networkFigures, ...loopback, ...(drift !== undefined ? { drift } : {}), ...(state !== undefined ? { state } : {}), ...(plugin !== undefined ? { plugin } : {}) });
}

/** Clients, engine scale and fleet scan on loopback. */
async function loopbackPart(tools: Tools): Promise<Record<string, unknown>> {
  // 2. One signed call against the official clients, same server, keep-alive.
  const credentials = { accessKeyId: "LTAI-bench-id", secretAccessKey: "bench-secret-value" };
  const minio = await startMinio(tools.minio);
  const oracle = new S3Oracle(minio);
  await oracle.createBucket("bench-s3");
  const s3 = s3Contenders(minio.url, minio.region, minio, "bench-s3", minio.kmsKeyName);
  const s3Costs = await compareCalls(s3.contenders, 3, 3000);
  s3.close();
  oracle.close();
  await minio.stop();
  const emulator = await startEmulatorProcess(credentials, ["bench-oss"]);
  const oss = ossContenders(emulator.url, credentials, "bench-oss", "9468da86-3509-4f8d-a61e-6eab1eac0001");
  const ossCosts = await compareCalls(oss.contenders, 3, 3000);
  oss.close();
  await emulator.stop();
  out();
  out(`## One signed PutBucketEncryption, sequential, keep-alive (median of 3 alternating 3 s rounds)`);
  out();
  out(`| server | client | calls/s | client CPU µs/call | throughput vs official | CPU vs official |`);
  out(`|---|---|---:|---:|---:|---:|`);
  for (const [server, costs, official] of [["MinIO (S3 dialect)", s3Costs, "@aws-sdk/client-s3"], ["OSS emulator (OSS V4)", ossCosts, "ali-oss"]] as const) {
    const base = costs[official]!;
    for (const [name, cost] of Object.entries(costs)) {
      out(`| ${server} | ${name} | ${fmt(cost.callsPerSecond, 0)} | ${fmt(cost.cpuMicrosPerCall, 0)} | ${fmt(cost.callsPerSecond / base.callsPerSecond)}x | ${fmt(cost.cpuMicrosPerCall / base.cpuMicrosPerCall)}x |`);
    }
  }
  const micro = await microBenchmarks(20_000);
  out();
  out(`## Signing and XML alone (20,000 iterations each)`);
  out();
  out(`| operation | ops/s |`);
  out(`|---|---:|`);
  for (const [name, rate] of Object.entries(micro)) out(`| ${name} | ${fmt(rate, 0)} |`);

  // 5a. Cold start: loading our code in a fresh process, over loading @pulumi/pulumi alone.
  const load = (script: string) =>
    median(
      Array.from({ length: 9 }, () => {
        const r = spawnSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
        return Number(r.stdout.trim());
      }),
    );
  const floorLoad = load(`const t=process.hrtime.bigint();require("@pulumi/pulumi");console.log(Number(process.hrtime.bigint()-t)/1e6)`);
  const oursLoad = load(`const t=process.hrtime.bigint();require("@pulumi/pulumi");require("pulumi-bucket-encryption/lifecycle").lifecycle;console.log(Number(process.hrtime.bigint()-t)/1e6)`);
  out();
  out(`## Provider cold start (median of 9 fresh processes)`);
  out();
  out(`| what is loaded | ms |`);
  out(`|---|---:|`);
  out(`| @pulumi/pulumi (the floor: every dynamic provider loads it) | ${fmt(floorLoad, 1)} |`);
  out(`| @pulumi/pulumi + pulumi-bucket-encryption | ${fmt(oursLoad, 1)} (+${fmt(oursLoad - floorLoad, 1)} ms, ${fmt(oursLoad / floorLoad)}x) |`);

  // 1, 3, 4, 5b. Whole Pulumi runs, ours against the do-nothing floor.
  const figures: Record<string, { ours: CycleFigures[]; floor: CycleFigures[] }> = {};
  for (const n of SIZES) {
    const runs = n >= 500 ? Math.min(RUNS, 2) : RUNS;
    const entry = (figures[n] = { ours: [] as CycleFigures[], floor: [] as CycleFigures[] });
    for (let r = 0; r < runs; r++) {
      entry.ours.push(await runCycle(tools, "ours", n));
      entry.floor.push(await runCycle(tools, "floor", n));
      process.stderr.write(`[bench] N=${n} run ${r + 1}/${runs} done\n`);
    }
  }
  out();
  out(`## Pulumi wall time against the floor (a dynamic resource that does nothing), medians`);
  out();
  out(`| N | runs | up s (floor) | ratio | refresh s (floor) | ratio | destroy s (floor) | ratio | ms per resource, up |`);
  out(`|---:|---:|---|---:|---|---:|---|---:|---:|`);
  for (const [n, { ours, floor }] of Object.entries(figures)) {
    const m = (xs: CycleFigures[], k: "up" | "refresh" | "destroy") => median(xs.map((x) => x[k].seconds));
    const cell = (k: "up" | "refresh" | "destroy") => `${fmt(m(ours, k))} (${fmt(m(floor, k))}) | ${fmt(m(ours, k) / m(floor, k))}x`;
    out(`| ${n} | ${ours.length} | ${cell("up")} | ${cell("refresh")} | ${cell("destroy")} | ${fmt((m(ours, "up") * 1000) / Number(n), 1)} |`);
  }
  out();
  out(`## Requests counted at the server per whole command, and state size`);
  out();
  out(`| N | up (create) | preview (check+diff) | refresh (read) | destroy (delete) | __provider bytes per resource | state file bytes | bytes per resource | provider peak RSS MiB (floor) |`);
  out(`|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
  for (const [n, { ours, floor }] of Object.entries(figures)) {
    const f = ours[0]!;
    out(
      `| ${n} | ${f.up.requests} | ${f.preview.requests} | ${f.refresh.requests} | ${f.destroy.requests} | ${f.providerBytes} | ${f.stateBytes} | ${fmt(f.stateBytes / Number(n), 0)} | ${fmt(median(ours.map((x) => x.providerPeakRssMiB)), 1)} (${fmt(median(floor.map((x) => x.providerPeakRssMiB)), 1)}) |`,
    );
  }
  const fleet = await fleetScanFigures(tools, Number(process.env["BENCH_FLEET_BUCKETS"] ?? "1000"), [1, 8, 32]);
  out();
  out(`## Fleet scan (\`scan --format json\`, one process per run; a quarter of the buckets have a rule)`);
  out();
  out(`| server | buckets | concurrency | wall s | ListBuckets requests | rule GETs | peak RSS MiB | exit |`);
  out(`|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const f of fleet) out(`| ${f.server} | ${f.buckets} | ${f.concurrency} | ${fmt(f.seconds)} | ${f.listRequests} | ${f.ruleRequests} | ${fmt(f.peakRssMiB, 1)} | ${f.exitCode} |`);
  return { s3Costs, ossCosts, micro, floorLoad, oursLoad, figures, fleet };
}

/** The drift report over N resources against `pulumi preview --refresh` on the same stack. */
async function driftPart(tools: Tools): Promise<DriftFigures> {
  const drift = await measureDrift(tools, Number(process.env["BENCH_DRIFT_SIZE"] ?? "500"), Number(process.env["BENCH_DRIFT_RUNS"] ?? "9"));
  const previewMedian = median(drift.previewSeconds);
  const driftMedian = median(drift.driftSeconds);
  out();
  out(`## Drift report against \`pulumi preview --refresh\` (${drift.resources} resources, in sync, alternating runs)`);
  out();
  out(`| command | runs (s) | median s |`);
  out(`|---|---|---:|`);
  out(`| pulumi preview --refresh | ${drift.previewSeconds.map((x) => fmt(x)).join(", ")} | ${fmt(previewMedian)} |`);
  out(`| pulumi-bucket-encryption drift | ${drift.driftSeconds.map((x) => fmt(x)).join(", ")} | ${fmt(driftMedian)} |`);
  out();
  out(
    `Ratio of the medians ${fmt(drift.ratio)}x, ${fmt(driftMedian - previewMedian)} s more; median of the ${drift.driftSeconds.length} pairs' ratios ${fmt(drift.pairRatio)}x ` +
      `(target at most ${fmt(DRIFT_TARGET_RATIO, 1)}x): ${drift.ratio <= DRIFT_TARGET_RATIO ? "met" : "NOT met"}.`,
  );
  out();
  out(`Where the difference goes (same rounds; medians):`);
  out();
  out(`| phase | runs (s) | median s |`);
  out(`|---|---|---:|`);
  const row = (label: string, values: readonly number[]) => out(`| ${label} | ${values.map((x) => fmt(x)).join(", ")} | ${fmt(median(values))} |`);
  row("pulumi preview --refresh --event-log FILE (the engine's events to a file)", drift.phases.fileEventsSeconds);
  row("the same preview through the Automation API (events over gRPC)", drift.phases.apiPreviewSeconds);
  row("drift's start: process start to an open workspace", drift.phases.openSeconds);
  row('require("@pulumi/pulumi/automation") in a fresh process', drift.phases.loadPlainSeconds);
  row("the same, as drift loads it (closure-serialisation modules deferred)", drift.phases.loadDeferredSeconds);
  return drift;
}

/** drift --source state against `pulumi preview --refresh`: one big stack, then an estate of stacks. */
async function statePart(tools: Tools): Promise<StateComparison[]> {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? String(fallback));
  const comparisons = await measureStateDrift(
    tools,
    { single: env("BENCH_STATE_SIZE", 500), stacks: env("BENCH_STATE_STACKS", 10), perStack: env("BENCH_STATE_PER_STACK", 50) },
    env("BENCH_STATE_RUNS", 5),
  );
  out();
  out(`## State-based drift (\`drift --source state\`) against \`pulumi preview --refresh\` (in sync, alternating runs)`);
  out();
  out(`| compared | drift --source state runs (s) | median s | preview --refresh of | runs (s) | median s | ratio | goal | rule GETs per resource (each run) |`);
  out(`|---|---|---:|---|---|---:|---:|---:|---|`);
  for (const c of comparisons) {
    const what = c.stacks === 1 ? `${c.resourcesPerStack} resources, 1 stack` : `${c.stacks} stacks of ${c.resourcesPerStack} (\`--all-stacks\`)`;
    out(
      `| ${what} | ${c.stateSeconds.map((x) => fmt(x)).join(", ")} | ${fmt(median(c.stateSeconds))} | one stack of ${c.previewResources} | ${c.previewSeconds.map((x) => fmt(x)).join(", ")} | ${fmt(median(c.previewSeconds))} | ${fmt(c.ratio)}x | at most ${fmt(c.goal, 1)}x: ${c.ratio <= c.goal ? "met" : "NOT met"} | ${c.getsPerResource.map((x) => fmt(x)).join(", ")} |`,
    );
  }
  return comparisons;
}

function writeReports(data: Record<string, unknown>): void {
  mkdirSync(path.join(REPO_ROOT, "build", "reports"), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, "build", "reports", "bench.md"), `${lines.join("\n")}\n`);
  writeFileSync(path.join(REPO_ROOT, "build", "reports", "bench.json"), JSON.stringify(data, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
