import { EXIT } from "../exitCodes";
import { type DriftReport, type OtherChange, REPORT_SCHEMA_ID, REPORT_VERSION, type ReportError, type ResourceFinding, type ResourceStatus, STATUSES } from "./model";

/** Everything a report is made of, before counting. */
export interface ReportParts {
  readonly tool: { readonly name: string; readonly version: string };
  readonly project: string;
  readonly stack: string;
  readonly generatedAt: Date;
  readonly durationMs: number;
  readonly resources: readonly ResourceFinding[];
  readonly otherChanges: readonly OtherChange[];
  readonly errors: readonly ReportError[];
}

/**
 * Assembles the report: counts, the outcome and its exit code. An error anywhere (a resource
 * that could not be read, a program that failed) makes the outcome `error` (exit 1) even when
 * drift was also found, because the report is then incomplete; drift alone is exit 2.
 */
export function buildReport(parts: ReportParts): DriftReport {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ResourceStatus, number>;
  for (const r of parts.resources) counts[r.status]++;
  const failed = parts.errors.length > 0 || counts.unreadable > 0;
  const drifted = parts.resources.some((r) => r.status !== "in-sync") || parts.otherChanges.length > 0;
  const outcome = failed ? "error" : drifted ? "drift" : "in-sync";
  const exitCode = failed ? EXIT.error : drifted ? EXIT.finding : EXIT.ok;
  const order = (s: ResourceStatus) => STATUSES.indexOf(s);
  const resources = [...parts.resources].sort((a, b) => order(a.status) - order(b.status) || a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn));
  return {
    schema: REPORT_SCHEMA_ID,
    version: REPORT_VERSION,
    tool: parts.tool,
    project: parts.project,
    stack: parts.stack,
    generatedAt: parts.generatedAt.toISOString(),
    durationMs: Math.round(parts.durationMs),
    outcome,
    exitCode,
    counts: { ...counts, total: parts.resources.length, otherChanges: parts.otherChanges.length },
    resources,
    otherChanges: [...parts.otherChanges].sort((a, b) => a.urn.localeCompare(b.urn)),
    errors: parts.errors,
  };
}
