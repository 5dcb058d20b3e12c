import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { OpenedWorkspace } from "../automation/openWorkspace";
import type { ExitCode } from "../exitCodes";
import { ProgressDisplay } from "../output/progress";
import { painter, wantsColor } from "../output/style";
import { renderJson } from "../report/renderJson";
import { renderJunit } from "../report/renderJunit";
import { renderMarkdown } from "../report/renderMarkdown";
import { renderTable } from "../report/renderTable";
import { version } from "../version";
import { buildReport } from "./buildReport";
import { BUCKET_ENCRYPTION_TYPE, classify, type LiveLookup, probesNeeded } from "./classify";
import { parseConfigOverride } from "./configOverrides";
import type { DriftReport, ReportError } from "./model";
import type { Observations } from "./observeEvents";
import type { DriftOptions, FORMATS } from "./options";
import { probeRules } from "./probeRules";
import { parseProviderError } from "./providerError";
import { runRefreshPreview } from "./runRefreshPreview";

type Format = (typeof FORMATS)[number] | "markdown";

/**
 * Runs `drift`: the refresh preview in `workspace` (opened by the caller, so that it opens while
 * this module loads), the probes it needs, the report in every format asked for. Resolves to the
 * exit code; `started` (epoch ms) is when the command began, for the report's duration.
 */
export async function runDrift(options: DriftOptions, workspace: Promise<OpenedWorkspace>, started = Date.now()): Promise<ExitCode> {
  const progress = new ProgressDisplay(process.stderr);
  const workDir = path.resolve(options.cwd);
  progress.line(`drift: refresh preview of ${options.stack !== undefined ? `stack ${options.stack}` : "the selected stack"} in ${workDir}`);
  const preview = await runRefreshPreview(
    {
      workDir,
      ...(options.stack !== undefined ? { stack: options.stack } : {}),
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
    lookups = await probeRules(requests, await preview.config(), process.env, options.parallel ?? 10);
  }
  const { resources, otherChanges } = classify(preview.observations, lookups);
  const errors: ReportError[] = preview.observations.errors.filter((m) => !isEngineSummary(m)).map(parseProviderError);
  const explained = errors.length > 0 || resources.some((r) => r.status === "unreadable");
  if (preview.failure !== undefined && !explained) errors.push(parseProviderError(preview.failure));
  const report = buildReport({
    tool: { name: "pulumi-bucket-encryption", version: version() },
    project: preview.project,
    stack: preview.stack,
    generatedAt: new Date(),
    durationMs: Date.now() - started,
    resources,
    otherChanges,
    errors,
  });
  progress.line(`drift: ${report.counts.total} BucketEncryption resource(s) compared in ${(report.durationMs / 1000).toFixed(1)} s`);
  emit(report, options);
  return report.exitCode;
}

function emit(report: DriftReport, options: DriftOptions): void {
  const color = wantsColor(process.stdout, options.color, process.env);
  const stdoutFormat: Format = options.output.length > 0 ? "table" : (options.format ?? "table");
  process.stdout.write(render(report, stdoutFormat, color));
  for (const file of options.output) writeFileSync(file, render(report, formatForFile(file, options.format), false));
  const summary = process.env["GITHUB_STEP_SUMMARY"];
  if (summary !== undefined && summary !== "") appendFileSync(summary, renderMarkdown(report) + "\n");
}

function render(report: DriftReport, format: Format, color: boolean): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "junit":
      return renderJunit(report);
    case "markdown":
      return renderMarkdown(report);
    case "table":
      return renderTable(report, painter(color));
  }
}

/** `.json` JSON, `.xml` JUnit, `.md` Markdown; anything else: --format, or the table. */
export function formatForFile(file: string, fallback: (typeof FORMATS)[number] | undefined): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".xml") return "junit";
  if (ext === ".md") return "markdown";
  return fallback ?? "table";
}

function progressText(observations: Observations): string {
  let refreshed = 0;
  let compared = 0;
  for (const o of observations.resources.values()) {
    if (o.type !== BUCKET_ENCRYPTION_TYPE) continue;
    if (o.refreshDone) refreshed++;
    if (o.step !== undefined) compared++;
  }
  return `drift: ${refreshed} BucketEncryption rule(s) read, ${compared} compared with the program`;
}

// The engine ends a failed preview with this line; the errors that caused it are reported already.
function isEngineSummary(message: string): boolean {
  return /^(preview|update) failed$/i.test(message.trim());
}
