import type { ExitCode } from "../../exitCodes";
import { ProgressDisplay } from "../../output/progress";
import { version } from "../../version";
import { buildReport, type StackPart } from "../buildReport";
import { emitReport } from "../emitReport";
import { DEFAULT_STATE_CONCURRENCY, type DriftOptions } from "../options";
import { planReads, type ReadStack, stackFindings } from "./planReads";
import { readLiveRules } from "./readLiveRules";
import type { StateReads } from "./startStateReads";

/**
 * Runs `drift --source state` once the stacks are being read (`reads`, started by the caller
 * before this module loads): one GET of each recorded BucketEncryption's live rule, compared with
 * the rule the state recorded, then the report in every format asked for. No program runs and no
 * state is written. A stack that could not be read is an error of that stack; the others are
 * still reported. Resolves to the exit code.
 */
export async function runStateDrift(options: DriftOptions, reads: Promise<StateReads>, started = Date.now()): Promise<ExitCode> {
  const progress = new ProgressDisplay(process.stderr);
  const { project, stacks, errors } = await reads;
  const readable = stacks.filter((s): s is ReadStack => !("error" in s));
  const plan = planReads(readable);
  let done = 0;
  progress.line(`drift: reading the live rule of ${plan.reads.length} bucket(s)`);
  const lookups = await readLiveRules(plan.reads, process.env, options.concurrency ?? DEFAULT_STATE_CONCURRENCY, () => {
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
    errors,
    generatedAt: new Date(),
    durationMs: Date.now() - started,
  });
  progress.line(`drift: ${report.counts.total} BucketEncryption resource(s) of ${parts.length} stack(s) compared with their state in ${(report.durationMs / 1000).toFixed(1)} s`);
  emitReport(report, options);
  return report.exitCode;
}
