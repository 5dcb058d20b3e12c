import { findingDetail, type Quote, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ResourceStatus } from "../drift/model";
import { displayText, MAX_DISPLAY_MESSAGE } from "../output/inert/displayText";
import { type Paint, type Tone } from "../output/style";
import { type Cell, textTable } from "../output/textTable";
import { type StackGroup, sourceText, stackGroups, stacksText } from "./stackGroups";

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
const value = (text: string) => shown(text, "value");

/**
 * The report as the terminal shows it: per stack (a heading for each when there are several), one
 * row per resource, then other changes and errors; then the verdict over the whole report.
 */
export function renderTable(report: DriftReport, paint: Paint): string {
  const lines: string[] = [];
  lines.push(paint("strong", `Drift report for ${stacksText(report, value)} (project ${value(report.project)})`), `Compared with ${sourceText(report.source)}.`, "");
  const groups = stackGroups(report);
  const several = report.stack === undefined;
  for (const group of groups) {
    if (several) lines.push(paint("strong", group.summary !== undefined ? `Stack ${value(group.summary.name)}: ${outcomeWord(group.summary.outcome)}` : "Not tied to a stack"));
    lines.push(...groupLines(group, paint, several), "");
  }
  if (groups.length === 0) lines.push("No stack to compare.", "");
  lines.push(verdict(report, paint));
  return lines.join("\n") + "\n";
}

function groupLines(group: StackGroup, paint: Paint, several: boolean): string[] {
  const lines: string[] = [];
  if (group.resources.length > 0) {
    const rows: Cell[][] = [["STATUS", "RESOURCE", "BUCKET", "DETAIL"].map((h) => ({ tone: "dim", text: h }))];
    for (const r of group.resources) {
      rows.push([{ tone: TONES[r.status], text: STATUS_LABELS[r.status] }, value(r.name), r.id !== undefined ? value(r.id) : "-", findingDetail(r, shown)]);
    }
    lines.push(textTable(rows, paint));
  } else if (group.summary !== undefined) {
    lines.push(several ? "No BucketEncryption resources in this stack." : "No BucketEncryption resources in this stack or program.");
  }
  if (group.otherChanges.length > 0) {
    lines.push("", paint("strong", "Other resources that would change:"));
    lines.push(textTable(group.otherChanges.map((c) => [value(c.operation), value(c.type), value(c.name)])));
  }
  if (group.errors.length > 0) {
    lines.push("", paint("bad", "Errors:"));
    for (const e of group.errors) lines.push(`  ${shown(e.message, "message")}`);
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
