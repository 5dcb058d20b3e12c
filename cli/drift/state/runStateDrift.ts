import path from "node:path";
import type { OpenedWorkspace } from "../../automation/openWorkspace";
import { commandMessage } from "../../automation/commandMessage";
import { Progress } from "../../output/progress";
import { version } from "../../version";
import { buildReport, type StackPart } from "../buildReport";
import { parseConfigOverride } from "../configOverrides";
import { emitReport } from "../emitReport";
import type { ReportError } from "../model";
import { DEFAULT_STATE_CONCURRENCY, type DriftOptions } from "../options";
import { planReads, type ReadStack, stackFindings } from "./planReads";
import { readLiveRules } from "./readLiveRules";
import { readStackState } from "./readStackState";
import { runPooled } from "./workerPool";

/** Stacks whose state is read at once: each read is two Pulumi CLI processes. */
const STACK_READS_AT_ONCE = 4;
/** How long reading one stack's state or config may take. */
const STACK_READ_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs `drift --source state`: for each selected stack, its state and config through the
 * Automation API (`opened`, a workspace over `--cwd` that the caller started opening early), then
 * one GET of each recorded BucketEncryption's live rule, compared with the rule the state
 * recorded. No program runs and no state is written. A stack that cannot be read is an error of
 * that stack; the others are still reported. Resolves to the exit code.
 */
export async function runStateDrift(options: DriftOptions, opened: Promise<OpenedWorkspace>, started = Date.now()): Promise<number> {
  const progress = new Progress(process.stderr);
  const workDir = path.resolve(options.cwd);
  const { workspace } = await opened;
  const project = (await workspace.projectSettings()).name;
  const overrides = new Map(options.config.map((text) => parseConfigOverride(text, project)).map((o) => [o.key, o.value] as const));
  const globalErrors: ReportError[] = [];
  let names: string[] = [];
  try {
    names = await stackNames(workspace, options, workDir);
  } catch (error) {
    globalErrors.push({ message: commandMessage(error) });
  }
  progress.line(`drift: reading the state of ${names.length === 1 ? `stack ${names[0] ?? ""}` : `${names.length} stacks`} in ${workDir}`);
  const concurrency = options.concurrency ?? DEFAULT_STATE_CONCURRENCY;
  const stacks = await runPooled(names, Math.min(STACK_READS_AT_ONCE, concurrency), async (name): Promise<ReadStack | { name: string; error: string }> => {
    try {
      return { name, ...(await readStackState(workspace, name, overrides, STACK_READ_TIMEOUT_MS)) };
    } catch (error) {
      return { name, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const readable = stacks.filter((s): s is ReadStack => !("error" in s));
  const plan = planReads(readable);
  let done = 0;
  progress.line(`drift: reading the live rule of ${plan.reads.length} bucket(s)`);
  const lookups = await readLiveRules(plan.reads, process.env, concurrency, () => {
    done++;
    progress.update(() => `drift: ${done} of ${plan.reads.length} live rule(s) read`);
  });
  const parts: StackPart[] = stacks.map((s) =>
    "error" in s
      ? { name: s.name, resources: [], otherChanges: [], errors: [{ message: `the state of stack ${s.name} could not be read: ${s.error}` }] }
      : { name: s.name, resources: stackFindings(s, plan, lookups), otherChanges: [], errors: [] },
  );
  const report = buildReport({
    tool: { name: "pulumi-bucket-encryption", version: version() },
    project,
    source: "state",
    stacks: parts,
    errors: globalErrors,
    generatedAt: new Date(),
    durationMs: Date.now() - started,
  });
  progress.line(`drift: ${report.counts.total} BucketEncryption resource(s) of ${parts.length} stack(s) compared with their state in ${(report.durationMs / 1000).toFixed(1)} s`);
  emitReport(report, options);
  return report.exitCode;
}

/** The stacks asked for, each once, in order: `--stack`s, every stack (`--all-stacks`), or the selected one. */
async function stackNames(workspace: OpenedWorkspace["workspace"], options: DriftOptions, workDir: string): Promise<string[]> {
  if (options.allStacks) return [...new Set((await workspace.listStacks()).map((s) => s.name))];
  if (options.stack.length > 0) return [...new Set(options.stack)];
  const selected = (await workspace.stack())?.name;
  if (selected === undefined) throw new Error(`no stack selected in ${workDir}: pass --stack <name> or --all-stacks`);
  return [selected];
}
