import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PulumiProject } from "../test/support/pulumiCli";
import type { Tools } from "../test/support/tools";
import type { PluginLauncher } from "./pluginLaunchers";
import { PLUGIN_EXECUTABLE } from "./pluginLaunchers";
import { benchRules, dynamicProgram, sdkProgram, yamlProgram } from "./pluginPrograms";
import type { CycleCommand, PluginCommandFigure } from "./pluginReport";
import { startEmulatorProcess } from "./processes";
import { isDynamicProvider, watchProviders } from "./providerWatch";

/** One way of declaring the same rules: the dynamic resource, or the plugin from a program in some language. */
export interface PluginBenchContender {
  /** A short name for logs and the JSON report. */
  readonly name: string;
  /** The table's label. */
  readonly label: string;
  readonly program: "dynamic" | "sdk" | "yaml";
  /** Where the engine finds the plugin (PATH); none for the dynamic resource. */
  readonly launcher?: PluginLauncher;
  /** A row that informs but is not held to the goal (another language host). */
  readonly informative: boolean;
}

const CREDENTIALS = { accessKeyId: "LTAI-bench-id", secretAccessKey: "bench-secret-value" };

/** The commands of one cycle, in order, with the flags that keep the engine from previewing first. */
const CYCLE: ReadonlyArray<readonly [CycleCommand, readonly string[]]> = [
  ["up", ["up", "--yes", "--skip-preview"]],
  ["refresh", ["refresh", "--yes", "--skip-preview"]],
  ["destroy", ["destroy", "--yes", "--skip-preview"]],
];

// The plugin's process runs as `node …/pulumi-resource-bucket-encryption` (the npm bin, through
// its #! line) or as the executable itself; the dynamic resource's as node on cmd/dynamic-provider.
const isPluginProcess = (cmdline: string) => cmdline.includes(PLUGIN_EXECUTABLE);

/**
 * Runs `up`, `refresh` and `destroy` of N rules for one contender, on a new stack against a new
 * emulator holding the N buckets (the same setup for every contender), and returns each command's
 * wall time, the requests the emulator counted, and the provider processes' CPU and peak RSS.
 * Throws unless the emulator saw exactly N requests for each command, and unless a provider
 * process of the contender's kind was seen: figures of another code path would be meaningless.
 */
export async function runPluginCycle(tools: Tools, contender: PluginBenchContender, n: number): Promise<Record<CycleCommand, PluginCommandFigure>> {
  const buckets = Array.from({ length: n }, (_, i) => `bench-${String(i).padStart(3, "0")}`);
  const emulator = await startEmulatorProcess(CREDENTIALS, buckets);
  const rules = benchRules(buckets, emulator.url);
  // Marks this run's provider processes, so that no other process on the machine is counted.
  const marker = `BENCH_RUN_MARKER=${randomBytes(8).toString("hex")}`;
  const env: Record<string, string> = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDENTIALS.secretAccessKey,
    BENCH_RUN_MARKER: marker.slice(marker.indexOf("=") + 1),
    ...(contender.launcher !== undefined ? { PATH: [contender.launcher.dir, tools.path].join(path.delimiter) } : {}),
  };
  const yamlDir = contender.program === "yaml" ? mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-bench-yaml-")) : undefined;
  if (yamlDir !== undefined) writeFileSync(path.join(yamlDir, "Pulumi.yaml"), yamlProgram("bucket-encryption-bench-yaml", rules));
  const program = contender.program === "dynamic" ? dynamicProgram(rules) : sdkProgram(rules);
  let project: PulumiProject | undefined;
  try {
    project = await PulumiProject.create({ tools, env, ...(yamlDir !== undefined ? { projectDir: yamlDir } : { program }) });
    const figures: Partial<Record<CycleCommand, PluginCommandFigure>> = {};
    for (const [command, argv] of CYCLE) {
      const before = await emulator.requestCount();
      const providers = watchProviders(marker, contender.program === "dynamic" ? isDynamicProvider : isPluginProcess);
      const started = process.hrtime.bigint();
      await project.must(argv);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = providers.stop();
      const requests = (await emulator.requestCount()) - before;
      if (requests !== n) throw new Error(`${contender.name}: pulumi ${command} over ${n} rules made ${requests} requests at the emulator, not ${n}`);
      if (usage.processes === 0) throw new Error(`${contender.name}: pulumi ${command} ran no provider process of this contender's kind`);
      figures[command] = { seconds, requests, providerCpuMs: usage.cpuMs, providerPeakRssMiB: usage.peakRssMiB, providerProcesses: usage.processes };
    }
    return figures as Record<CycleCommand, PluginCommandFigure>;
  } finally {
    project?.dispose();
    if (yamlDir !== undefined) rmSync(yamlDir, { recursive: true, force: true });
    await emulator.stop();
  }
}
