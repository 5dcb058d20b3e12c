import { findingDetail, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ReportCounts } from "../drift/model";
import { sourceText, stackGroups } from "./stackGroups";

/**
 * The report as GitHub-flavoured Markdown, for a job summary (`$GITHUB_STEP_SUMMARY`): one summary
 * for the whole run, with a row of counts per stack when there are several.
 */
export function renderMarkdown(report: DriftReport): string {
  const title = report.outcome === "in-sync" ? "✅ In sync" : report.outcome === "drift" ? "⚠️ Drift found" : "❌ Error";
  const several = report.stack === undefined;
  const scope = several ? `${report.stacks.length} stacks` : `Stack \`${report.stack ?? ""}\``;
  const lines = [`## BucketEncryption drift: ${title}`, "", `${scope} (project \`${report.project}\`), exit code ${report.exitCode}.`, "", `Compared with ${sourceText(report.source)}.`, ""];
  const header = "| in sync | drifted | rule missing | bucket missing | not created | unreadable | other changes |";
  const countCells = (c: ReportCounts) => `| ${c["in-sync"]} | ${c.drifted} | ${c["rule-missing"]} | ${c["bucket-missing"]} | ${c["not-created"]} | ${c.unreadable} | ${c.otherChanges} |`;
  if (several) {
    lines.push(`| stack | outcome ${header}`, `|---|---|---|---|---|---|---|---|---|`);
    for (const s of report.stacks) lines.push(`| ${cell(s.name)} | ${s.outcome} ${countCells(s.counts)}`);
    lines.push(`| **all** | ${report.outcome} ${countCells(report.counts)}`, "");
  } else {
    lines.push(header, `|---|---|---|---|---|---|---|`, countCells(report.counts), "");
  }
  const notInSync = report.resources.filter((r) => r.status !== "in-sync");
  if (notInSync.length > 0) {
    lines.push(several ? "| stack | resource | bucket | status | detail |" : "| resource | bucket | status | detail |", several ? "|---|---|---|---|---|" : "|---|---|---|---|");
    for (const r of notInSync) {
      lines.push(`|${several ? ` ${cell(r.stack)} |` : ""} ${cell(r.name)} | ${cell(r.id ?? "")} | ${STATUS_LABELS[r.status]} | ${cell(findingDetail(r))} |`);
    }
    lines.push("");
  }
  if (report.otherChanges.length > 0) {
    lines.push("Other resources that would change:", "");
    for (const o of report.otherChanges) lines.push(`- ${o.operation} \`${o.type}\` ${cell(o.name)}${several ? ` (stack ${cell(o.stack)})` : ""}`);
    lines.push("");
  }
  for (const group of stackGroups(report)) {
    const where = several && group.summary !== undefined ? `Stack ${cell(group.summary.name)}: ` : "";
    for (const e of group.errors) lines.push(`> ${where}${cell(e.message)}`, "");
  }
  return lines.join("\n");
}

// A table cell holds one line and no unescaped pipe.
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
