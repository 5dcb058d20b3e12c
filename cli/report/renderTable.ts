import { findingDetail, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceStatus } from "../drift/model";
import { type Paint, type Tone } from "../output/style";
import { textTable } from "../output/textTable";
import { type StackGroup, stackGroups, sourceText, stacksText } from "./stackGroups";

const TONES: Readonly<Record<ResourceStatus, Tone>> = {
  "in-sync": "good",
  drifted: "bad",
  "rule-missing": "bad",
  "bucket-missing": "bad",
  "not-created": "warn",
  unreadable: "bad",
};

/**
 * The report as the terminal shows it: per stack (a heading for each when there are several), one
 * row per resource, then other changes and errors; then the verdict over the whole report.
 */
export function renderTable(report: DriftReport, paint: Paint): string {
  const lines: string[] = [];
  lines.push(paint("strong", `Drift report for ${stacksText(report)} (project ${report.project})`), `Compared with ${sourceText(report.source)}.`, "");
  const groups = stackGroups(report);
  const several = report.stack === undefined;
  for (const group of groups) {
    if (several) lines.push(paint("strong", group.summary !== undefined ? `Stack ${group.summary.name}: ${outcomeWord(group.summary.outcome)}` : "Not tied to a stack"));
    lines.push(...groupLines(group, paint, several), "");
  }
  if (groups.length === 0) lines.push("No stack to compare.", "");
  lines.push(verdict(report, paint));
  return lines.join("\n") + "\n";
}

function groupLines(group: StackGroup, paint: Paint, several: boolean): string[] {
  const lines: string[] = [];
  if (group.resources.length > 0) {
    const rows = [["STATUS", "RESOURCE", "BUCKET", "DETAIL"].map((h) => paint("dim", h))];
    for (const r of group.resources) {
      rows.push([paint(TONES[r.status], STATUS_LABELS[r.status]), r.name, r.id ?? "-", findingDetail(r)]);
    }
    lines.push(textTable(rows));
  } else if (group.summary !== undefined) {
    lines.push(several ? "No BucketEncryption resources in this stack." : "No BucketEncryption resources in this stack or program.");
  }
  if (group.otherChanges.length > 0) {
    lines.push("", paint("strong", "Other resources that would change:"));
    lines.push(textTable(group.otherChanges.map((c) => [c.operation, c.type, c.name])));
  }
  if (group.errors.length > 0) {
    lines.push("", paint("bad", "Errors:"));
    for (const e of group.errors) lines.push(`  ${e.message}`);
  }
  return lines;
}

function outcomeWord(outcome: DriftReport["outcome"]): string {
  return outcome === "in-sync" ? "In sync" : outcome === "drift" ? "Drift found" : "Error";
}

function verdict(report: DriftReport, paint: Paint): string {
  const c = report.counts;
  const parts = [
    `${c["in-sync"]} in sync`,
    `${c.drifted} drifted`,
    `${c["rule-missing"]} rule missing`,
    `${c["bucket-missing"]} bucket missing`,
    `${c["not-created"]} not created`,
    `${c.unreadable} unreadable`,
    `${c.otherChanges} other changes`,
  ].join(", ");
  const tone: Tone = report.outcome === "in-sync" ? "good" : "bad";
  return `${paint(tone, outcomeWord(report.outcome))}: ${parts} (exit ${report.exitCode}).`;
}
