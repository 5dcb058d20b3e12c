import { findingDetail, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceStatus } from "../drift/model";
import { type Paint, type Tone } from "../output/style";
import { textTable } from "../output/textTable";

const TONES: Readonly<Record<ResourceStatus, Tone>> = {
  "in-sync": "good",
  drifted: "bad",
  "rule-missing": "bad",
  "bucket-missing": "bad",
  "not-created": "warn",
  unreadable: "bad",
};

/** The report as the terminal shows it: one row per resource, then other changes, errors and a verdict. */
export function renderTable(report: DriftReport, paint: Paint): string {
  const lines: string[] = [];
  lines.push(paint("strong", `Drift report for stack ${report.stack} (project ${report.project})`), "");
  if (report.resources.length > 0) {
    const rows = [["STATUS", "RESOURCE", "BUCKET", "DETAIL"].map((h) => paint("dim", h))];
    for (const r of report.resources) {
      rows.push([paint(TONES[r.status], STATUS_LABELS[r.status]), r.name, r.id ?? "-", findingDetail(r)]);
    }
    lines.push(textTable(rows));
  } else {
    lines.push("No BucketEncryption resources in this stack or program.");
  }
  if (report.otherChanges.length > 0) {
    lines.push("", paint("strong", "Other resources that would change:"));
    lines.push(textTable(report.otherChanges.map((c) => [c.operation, c.type, c.name])));
  }
  if (report.errors.length > 0) {
    lines.push("", paint("bad", "Errors:"));
    for (const e of report.errors) lines.push(`  ${e.message}`);
  }
  lines.push("", verdict(report, paint));
  return lines.join("\n") + "\n";
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
  const word = report.outcome === "in-sync" ? "In sync" : report.outcome === "drift" ? "Drift found" : "Error";
  return `${paint(tone, word)}: ${parts} (exit ${report.exitCode}).`;
}
