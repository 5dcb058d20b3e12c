import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { buildReport } from "../drift/buildReport";
import { BUCKET_ENCRYPTION_TYPE, classify, type LiveLookup, probesNeeded } from "../drift/classify";
import { parseConfigOverride } from "../drift/configOverrides";
import type { DriftReport, ReportError } from "../drift/model";
import type { Observations } from "../drift/observeEvents";
import { probeRules } from "../drift/probeRules";
import { parseProviderError } from "../drift/providerError";
import { runRefreshPreview } from "../drift/runRefreshPreview";
import { EXIT } from "../exitCodes";
import { Progress } from "../output/progress";
import { painter, wantsColor } from "../output/style";
import { renderJson } from "../report/renderJson";
import { renderJunit } from "../report/renderJunit";
import { renderMarkdown } from "../report/renderMarkdown";
import { renderTable } from "../report/renderTable";
import { version } from "../version";

/** The formats `--format` accepts. */
export const FORMATS = ["table", "json", "junit"] as const;
type Format = (typeof FORMATS)[number] | "markdown";

interface DriftOptions {
  readonly stack?: string;
  readonly cwd: string;
  readonly parallel?: number;
  readonly config: string[];
  readonly format?: (typeof FORMATS)[number];
  readonly output: string[];
  readonly color: boolean;
}

const EXAMPLE = `
Examples:
  $ pulumi-bucket-encryption drift --stack prod
  $ pulumi-bucket-encryption drift --stack prod --output drift.xml --output drift.json
  $ pulumi-bucket-encryption drift --cwd infra --format json --config bucketEncryption:maxAttempts=3

Compares the program with the live buckets (a refresh preview through the Pulumi Automation API);
never writes state. Every --output FILE gets the format its name ends with (.json JSON, .xml JUnit,
.md Markdown), else --format; stdout then gets the table. When GITHUB_STEP_SUMMARY is set, a
Markdown summary is appended there. Progress goes to stderr.

Exit codes: ${EXIT.ok} in sync, ${EXIT.finding} drift (or anything else that would change), ${EXIT.error} error (credentials,
network, program). An error wins over drift: the report is then incomplete.`;

/** Registers `drift`. */
export function register(program: Command): void {
  program
    .command("drift")
    .description("Report which BucketEncryption rules drifted from the program, how, and what to do next.")
    .option("-s, --stack <name>", "the stack (default: the selected stack)")
    .option("-C, --cwd <dir>", "the Pulumi project directory", process.cwd())
    .option("-p, --parallel <n>", "resource operations run at once, as pulumi --parallel", positiveInteger)
    .option("-c, --config <key=value>", "a config value for this run only (repeatable); the stack's file is not changed", collect, [])
    .addOption(new Option("-f, --format <format>", "what stdout (and --output) gets").choices(FORMATS))
    .option("-o, --output <file>", "also write the report to FILE (repeatable)", collect, [])
    .option("--no-color", "no colour, even on a terminal")
    .addHelpText("after", EXAMPLE)
    .action(async (options: DriftOptions) => {
      process.exitCode = await runDrift(options);
    });
}

async function runDrift(options: DriftOptions): Promise<number> {
  const started = Date.now();
  const progress = new Progress(process.stderr);
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

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("a whole number of 1 or more");
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
