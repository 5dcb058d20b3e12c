import type { DriftReport } from "../drift/model";
import { inertJson } from "../output/inert/jsonText";

/**
 * The report as JSON, described by schema/drift-report.v1.json. Values are whole; characters a
 * terminal would act on are written as JSON escapes (`inert/jsonText`), which JSON.parse reads back.
 */
export function renderJson(report: DriftReport): string {
  return inertJson(report) + "\n";
}
