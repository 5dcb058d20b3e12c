import type { DriftReport } from "../drift/model";

/** The report as JSON, described by schema/drift-report.v1.json. */
export function renderJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
