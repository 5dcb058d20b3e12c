import { findingDetail, type Quote, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceStatus } from "../drift/model";
import { displayText, MAX_DISPLAY_MESSAGE } from "../output/inert/displayText";
import { type Paint, type Tone } from "../output/style";
import { type Cell, textTable } from "../output/textTable";

const TONES: Readonly<Record<ResourceStatus, Tone>> = {
  "in-sync": "good",
  drifted: "bad",
  "rule-missing": "bad",
  "bucket-missing": "bad",
  "not-created": "warn",
  unreadable: "bad",
};

// Every value from the state, the program or a server goes through the display sanitiser before
// it is placed, measured or coloured.
const shown: Quote = (value, kind) => displayText(value, kind === "message" ? MAX_DISPLAY_MESSAGE : undefined);

/** The report as the terminal shows it: one row per resource, then other changes, errors and a verdict. */
export function renderTable(report: DriftReport, paint: Paint): string {
  const lines: string[] = [];
  lines.push(paint("strong", `Drift report for stack ${shown(report.stack, "value")} (project ${shown(report.project, "value")})`), "");
  if (report.resources.length > 0) {
    const rows: Cell[][] = [["STATUS", "RESOURCE", "BUCKET", "DETAIL"].map((h) => ({ tone: "dim", text: h }))];
    for (const r of report.resources) {
      rows.push([{ tone: TONES[r.status], text: STATUS_LABELS[r.status] }, shown(r.name, "value"), r.id !== undefined ? shown(r.id, "value") : "-", findingDetail(r, shown)]);
    }
    lines.push(textTable(rows, paint));
  } else {
    lines.push("No BucketEncryption resources in this stack or program.");
  }
  if (report.otherChanges.length > 0) {
    lines.push("", paint("strong", "Other resources that would change:"));
    lines.push(textTable(report.otherChanges.map((c) => [shown(c.operation, "value"), shown(c.type, "value"), shown(c.name, "value")])));
  }
  if (report.errors.length > 0) {
    lines.push("", paint("bad", "Errors:"));
    for (const e of report.errors) lines.push(`  ${shown(e.message, "message")}`);
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
