import { findingDetail, type Quote, STATUS_LABELS } from "../drift/describeFinding";
import type { DriftReport, ReportCounts } from "../drift/model";
import { MAX_DISPLAY_MESSAGE } from "../output/inert/displayText";
import { markdownCell, markdownCode } from "../output/inert/markdownCode";
import { sourceText, stackGroups } from "./stackGroups";

// Every value from the state, the program or a server is a code span: GitHub reads no HTML, link,
// image or mention in it, and the display sanitiser has made it one line.
const code: Quote = (value, kind) => markdownCode(value, kind === "message" ? MAX_DISPLAY_MESSAGE : undefined);

/**
 * The report as GitHub-flavoured Markdown, for a job summary (`$GITHUB_STEP_SUMMARY`): one summary
 * for the whole run, with a row of counts per stack when there are several.
 */
export function renderMarkdown(report: DriftReport): string {
  const title = report.outcome === "in-sync" ? "✅ In sync" : report.outcome === "drift" ? "⚠️ Drift found" : "❌ Error";
  const several = report.stack === undefined;
  const scope = several ? `${report.stacks.length} stacks` : `Stack ${code(report.stack ?? "", "value")}`;
  const lines = [`## BucketEncryption drift: ${title}`, "", `${scope} (project ${code(report.project, "value")}), exit code ${report.exitCode}.`, "", `Compared with ${sourceText(report.source)}.`, ""];
  const header = "| in sync | drifted | rule missing | bucket missing | not created | unreadable | other changes |";
  const countCells = (c: ReportCounts) => `| ${c["in-sync"]} | ${c.drifted} | ${c["rule-missing"]} | ${c["bucket-missing"]} | ${c["not-created"]} | ${c.unreadable} | ${c.otherChanges} |`;
  if (several) {
    lines.push(`| stack | outcome ${header}`, `|---|---|---|---|---|---|---|---|---|`);
    for (const s of report.stacks) lines.push(`| ${markdownCell(code(s.name, "value"))} | ${s.outcome} ${countCells(s.counts)}`);
    lines.push(`| **all** | ${report.outcome} ${countCells(report.counts)}`, "");
  } else {
    lines.push(header, `|---|---|---|---|---|---|---|`, countCells(report.counts), "");
  }
  const notInSync = report.resources.filter((r) => r.status !== "in-sync");
  if (notInSync.length > 0) {
    lines.push(several ? "| stack | resource | bucket | status | detail |" : "| resource | bucket | status | detail |", several ? "|---|---|---|---|---|" : "|---|---|---|---|");
    for (const r of notInSync) {
      const bucket = r.id !== undefined ? code(r.id, "value") : "";
      const stack = several ? ` ${markdownCell(code(r.stack, "value"))} |` : "";
      lines.push(`|${stack} ${markdownCell(code(r.name, "value"))} | ${markdownCell(bucket)} | ${STATUS_LABELS[r.status]} | ${markdownCell(findingDetail(r, code))} |`);
    }
    lines.push("");
  }
  if (report.otherChanges.length > 0) {
    lines.push("Other resources that would change:", "");
    for (const o of report.otherChanges) lines.push(`- ${code(o.operation, "value")} ${code(o.type, "value")} ${code(o.name, "value")}${several ? ` (stack ${code(o.stack, "value")})` : ""}`);
    lines.push("");
  }
  for (const group of stackGroups(report)) {
    const where = several && group.summary !== undefined ? `Stack ${code(group.summary.name, "value")}: ` : "";
    for (const e of group.errors) lines.push(`> ${where}${code(e.message, "message")}`, "");
  }
  return lines.join("\n");
}
