import { findingDetail, type Quote, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport } from "../drift/model";
import { MAX_DISPLAY_MESSAGE } from "../output/inert/displayText";
import { markdownCell, markdownCode } from "../output/inert/markdownCode";

// Every value from the state, the program or a server is a code span: GitHub reads no HTML, link,
// image or mention in it, and the display sanitiser has made it one line.
const code: Quote = (value, kind) => markdownCode(value, kind === "message" ? MAX_DISPLAY_MESSAGE : undefined);

/** The report as GitHub-flavoured Markdown, for a job summary (`$GITHUB_STEP_SUMMARY`). */
export function renderMarkdown(report: DriftReport): string {
  const title = report.outcome === "in-sync" ? "✅ In sync" : report.outcome === "drift" ? "⚠️ Drift found" : "❌ Error";
  const lines = [`## BucketEncryption drift: ${title}`, "", `Stack ${code(report.stack, "value")} (project ${code(report.project, "value")}), exit code ${report.exitCode}.`, ""];
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
    for (const r of notInSync) {
      const bucket = r.id !== undefined ? code(r.id, "value") : "";
      lines.push(`| ${markdownCell(code(r.name, "value"))} | ${markdownCell(bucket)} | ${STATUS_LABELS[r.status]} | ${markdownCell(findingDetail(r, code))} |`);
    }
    lines.push("");
  }
  if (report.otherChanges.length > 0) {
    lines.push("Other resources that would change:", "");
    for (const o of report.otherChanges) lines.push(`- ${code(o.operation, "value")} ${code(o.type, "value")} ${code(o.name, "value")}`);
    lines.push("");
  }
  for (const e of report.errors) lines.push(`> ${code(e.message, "message")}`, "");
  return lines.join("\n");
}
