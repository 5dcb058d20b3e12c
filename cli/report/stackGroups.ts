import type { DriftReport, DriftSource, OtherChange, ReportError, ResourceFinding, StackSummary } from "../drift/model";

/** The part of a report that belongs to one stack (or, with `summary` absent, to no stack). */
export interface StackGroup {
  readonly summary?: StackSummary;
  readonly resources: readonly ResourceFinding[];
  readonly otherChanges: readonly OtherChange[];
  readonly errors: readonly ReportError[];
}

/**
 * The report grouped by stack, in the report's order of stacks; errors tied to no stack (the list
 * of stacks could not be read) come first, in a group of their own. A report over one stack is
 * one group holding everything.
 */
export function stackGroups(report: DriftReport): StackGroup[] {
  if (report.stacks.length === 1) {
    const summary = report.stacks[0];
    return [{ ...(summary !== undefined ? { summary } : {}), resources: report.resources, otherChanges: report.otherChanges, errors: report.errors }];
  }
  const known = new Set(report.stacks.map((s) => s.name));
  const unplaced = report.errors.filter((e) => e.stack === undefined || !known.has(e.stack));
  const groups: StackGroup[] = unplaced.length > 0 ? [{ resources: [], otherChanges: [], errors: unplaced }] : [];
  for (const summary of report.stacks) {
    groups.push({
      summary,
      resources: report.resources.filter((r) => r.stack === summary.name),
      otherChanges: report.otherChanges.filter((c) => c.stack === summary.name),
      errors: report.errors.filter((e) => e.stack === summary.name),
    });
  }
  return groups;
}

/** What the report compared the live rules with, in words. */
export function sourceText(source: DriftSource): string {
  return source === "state" ? "the state recorded at each stack's last deployment (no program run)" : "the program (a refresh preview)";
}

/** `stack prod` or `3 stacks`, for titles; the stack's name written by `quote`. */
export function stacksText(report: DriftReport, quote: (value: string) => string): string {
  return report.stack !== undefined ? `stack ${quote(report.stack)}` : `${report.stacks.length} stacks`;
}
