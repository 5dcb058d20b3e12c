import path from "node:path";
import type { OpenedWorkspace } from "../automation/openWorkspace";
import type { ExitCode } from "../exitCodes";
import { ProgressDisplay } from "../output/progress";
import { version } from "../version";
import { buildReport } from "./buildReport";
import { type ConfigLookup, isBucketEncryptionType, PLUGIN_PACKAGE, PROVIDER_CONFIG_KEYS, readProviderConfig, realSurroundings } from "../../provider/internal";
import { classify, type LiveLookup, probesNeeded } from "./classify";
import { parseConfigOverride } from "./configOverrides";
import { emitReport } from "./emitReport";
import type { ReportError } from "./model";
import type { Observations } from "./observeEvents";
import type { DriftOptions } from "./options";
import { probeRules } from "./probeRules";
import { parseProviderError } from "./providerError";
import { runRefreshPreview } from "./runRefreshPreview";

export { formatForFile } from "./emitReport";

/**
 * Runs `drift`: the refresh preview in `workspace` (opened by the caller, so that it opens while
 * this module loads), the probes it needs, the report in every format asked for. Resolves to the
 * exit code; `started` (epoch ms) is when the command began, for the report's duration.
 */
export async function runDrift(options: DriftOptions, workspace: Promise<OpenedWorkspace>, started = Date.now()): Promise<ExitCode> {
  const progress = new ProgressDisplay(process.stderr);
  const workDir = path.resolve(options.cwd);
  const stack = options.stack[0];
  progress.line(`drift: refresh preview of ${stack !== undefined ? `stack ${stack}` : "the selected stack"} in ${workDir}`);
  const preview = await runRefreshPreview(
    {
      workDir,
      ...(stack !== undefined ? { stack } : {}),
      ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
      config: options.config,
      onEvent: (_event, observations) => progress.update(() => progressText(observations)),
    },
    parseConfigOverride,
    workspace,
  );
  const requests = probesNeeded(preview.observations);
  let lookups = new Map<string, LiveLookup>();
  if (requests.length > 0) {
    progress.line(`drift: reading the live rule of ${requests.length} bucket(s) the engine could not describe`);
    lookups = await probeRules(requests, withDefaultProvider(await preview.config()), process.env, options.parallel ?? 10);
  }
  const { resources, otherChanges } = classify(preview.observations, lookups);
  const errors: ReportError[] = preview.observations.errors.filter((m) => !isEngineSummary(m)).map(parseProviderError);
  const explained = errors.length > 0 || resources.some((r) => r.status === "unreadable");
  if (preview.failure !== undefined && !explained) errors.push(parseProviderError(preview.failure));
  const report = buildReport({
    tool: { name: "pulumi-bucket-encryption", version: version() },
    project: preview.project,
    source: "program",
    stacks: [{ name: preview.stack, resources, otherChanges, errors }],
    generatedAt: new Date(),
    durationMs: Date.now() - started,
  });
  progress.line(`drift: ${report.counts.total} BucketEncryption resource(s) compared in ${(report.durationMs / 1000).toFixed(1)} s`);
  emitReport(report, options);
  return report.exitCode;
}

function progressText(observations: Observations): string {
  let refreshed = 0;
  let compared = 0;
  for (const o of observations.resources.values()) {
    if (!isBucketEncryptionType(o.type)) continue;
    if (o.refreshDone) refreshed++;
    if (o.step !== undefined) compared++;
  }
  return `drift: ${refreshed} BucketEncryption rule(s) read, ${compared} compared with the program`;
}

// A probe signs as the resource's provider would: the plugin's default provider reads its
// configuration from stack config `bucket-encryption:<key>` (mapped as the plugin maps it), the
// dynamic resource from the stack config itself.
function withDefaultProvider(config: ConfigLookup): ConfigLookup {
  const inputs: Record<string, string> = {};
  for (const key of PROVIDER_CONFIG_KEYS) {
    const value = config(`${PLUGIN_PACKAGE}:${key}`);
    if (value !== undefined) inputs[key] = value;
  }
  if (Object.keys(inputs).length === 0) return config;
  const plugin = readProviderConfig(inputs, realSurroundings()).lookup;
  return (key) => plugin(key) ?? config(key);
}

// The engine ends a failed preview with this line; the errors that caused it are reported already.
function isEngineSummary(message: string): boolean {
  return /^(preview|update) failed$/i.test(message.trim());
}
