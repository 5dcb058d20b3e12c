import { EXIT } from "../exitCodes";
import {
  type DriftReport,
  type DriftSource,
  type OtherChange,
  type ReportCounts,
  type ReportError,
  type ReportOutcome,
  REPORT_SCHEMA_ID,
  REPORT_VERSION,
  type ResourceFinding,
  type ResourceStatus,
  type StacklessChange,
  type StacklessFinding,
  type StackSummary,
  STATUSES,
} from "./model";

/** What one stack contributed, before counting. */
export interface StackPart {
  readonly name: string;
  readonly resources: readonly StacklessFinding[];
  readonly otherChanges: readonly StacklessChange[];
  /** Errors of this stack tied to none of its BucketEncryption resources. */
  readonly errors: readonly ReportError[];
}

/** Everything a report is made of, before counting. */
export interface ReportParts {
  readonly tool: { readonly name: string; readonly version: string };
  readonly project: string;
  readonly source: DriftSource;
  /** Every stack, in the order the report lists them. */
  readonly stacks: readonly StackPart[];
  /** Errors tied to no stack (the list of stacks could not be read). */
  readonly errors?: readonly ReportError[];
  readonly generatedAt: Date;
  readonly durationMs: number;
}

/**
 * Assembles the report: every finding placed in its stack, counts, the outcome and its exit code,
 * for the whole report and for each stack. An error anywhere (a resource that could not be read, a
 * program that failed, a stack whose state could not be read) makes the outcome `error` (exit 1)
 * even when drift was also found, because the report is then incomplete; drift alone is exit 2.
 */
export function buildReport(parts: ReportParts): DriftReport {
  const stackOrder = new Map(parts.stacks.map((s, i) => [s.name, i]));
  const resources: ResourceFinding[] = parts.stacks.flatMap((s) => s.resources.map((r) => ({ stack: s.name, ...r })));
  const otherChanges: OtherChange[] = parts.stacks.flatMap((s) => s.otherChanges.map((c) => ({ stack: s.name, ...c })));
  const errors: ReportError[] = [...(parts.errors ?? []), ...parts.stacks.flatMap((s) => s.errors.map((e) => ({ ...e, stack: s.name })))];
  const stacks: StackSummary[] = parts.stacks.map((s) => ({ name: s.name, ...verdict(s.resources, s.otherChanges, s.errors) }));
  const whole = verdict(resources, otherChanges, errors);
  const order = (s: ResourceStatus) => STATUSES.indexOf(s);
  const place = (stack: string) => stackOrder.get(stack) ?? 0;
  const only = parts.stacks.length === 1 ? parts.stacks[0] : undefined;
  return {
    schema: REPORT_SCHEMA_ID,
    version: REPORT_VERSION,
    tool: parts.tool,
    project: parts.project,
    ...(only !== undefined ? { stack: only.name } : {}),
    source: parts.source,
    stacks,
    generatedAt: parts.generatedAt.toISOString(),
    durationMs: Math.round(parts.durationMs),
    ...whole,
    resources: resources.sort((a, b) => place(a.stack) - place(b.stack) || order(a.status) - order(b.status) || a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn)),
    otherChanges: otherChanges.sort((a, b) => place(a.stack) - place(b.stack) || a.urn.localeCompare(b.urn)),
    errors,
  };
}

function verdict(
  resources: ReadonlyArray<Pick<ResourceFinding, "status">>,
  otherChanges: readonly unknown[],
  errors: readonly unknown[],
): { outcome: ReportOutcome; exitCode: 0 | 1 | 2; counts: ReportCounts } {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ResourceStatus, number>;
  for (const r of resources) counts[r.status]++;
  const failed = errors.length > 0 || counts.unreadable > 0;
  const drifted = resources.some((r) => r.status !== "in-sync") || otherChanges.length > 0;
  return {
    outcome: failed ? "error" : drifted ? "drift" : "in-sync",
    exitCode: failed ? EXIT.error : drifted ? EXIT.finding : EXIT.ok,
    counts: { ...counts, total: resources.length, otherChanges: otherChanges.length },
  };
}
