import { findingDetail, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport } from "../drift/model";

/** The report as GitHub-flavoured Markdown, for a job summary (`$GITHUB_STEP_SUMMARY`). */
export function renderMarkdown(report: DriftReport): string {
  const title = report.outcome === "in-sync" ? "✅ In sync" : report.outcome === "drift" ? "⚠️ Drift found" : "❌ Error";
  const lines = [`## BucketEncryption drift: ${title}`, "", `Stack \`${report.stack}\` (project \`${report.project}\`), exit code ${report.exitCode}.`, ""];
  const c = report.counts;
  lines.push(
    `| in sync | drifted | rule missing | bucket missing | not created | unreadable | other changes |`,
    `|---|---|---|---|---|---|---|`,
    `| ${c["in-sync"]} | ${c.drifted} | ${c["rule-missing"]} | ${c["bucket-missing"]} | ${c["not-created"]} | ${c.unreadable} | ${c.otherChanges} |`,
    "",
  );
  const notInSync = report.resources.filter((r) => r.status !== "in-sync");
  if (notInSync.length > 0) {
    lines.push("| resource | bucket | status | detail |", "|---|---|---|---|");
    for (const r of notInSync) lines.push(`| ${cell(r.name)} | ${cell(r.id ?? "")} | ${STATUS_LABELS[r.status]} | ${cell(findingDetail(r))} |`);
    lines.push("");
  }
  if (report.otherChanges.length > 0) {
    lines.push("Other resources that would change:", "");
    for (const o of report.otherChanges) lines.push(`- ${o.operation} \`${o.type}\` ${cell(o.name)}`);
    lines.push("");
  }
  for (const e of report.errors) lines.push(`> ${cell(e.message)}`, "");
  return lines.join("\n");
}

// A table cell holds one line and no unescaped pipe.
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
