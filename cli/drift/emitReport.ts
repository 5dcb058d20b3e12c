import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { painter, wantsColor } from "../output/style";
import { renderJson } from "../report/renderJson";
import { renderJunit } from "../report/renderJunit";
import { renderMarkdown } from "../report/renderMarkdown";
import { renderTable } from "../report/renderTable";
import type { DriftReport } from "./model";
import type { FORMATS } from "./options";

type Format = (typeof FORMATS)[number] | "markdown";

/** Where a report goes: stdout's format, the files asked for, colour. */
export interface EmitOptions {
  readonly format?: (typeof FORMATS)[number];
  readonly output: readonly string[];
  readonly color: boolean;
}

/**
 * Writes the report: every `--output` file in the format its name asks for, stdout (the table
 * when files were asked for, else `--format`), and the Markdown summary appended to
 * `$GITHUB_STEP_SUMMARY` when that is set.
 */
export function emitReport(report: DriftReport, options: EmitOptions, env: NodeJS.ProcessEnv = process.env): void {
  const color = wantsColor(process.stdout, options.color, env);
  const stdoutFormat: Format = options.output.length > 0 ? "table" : (options.format ?? "table");
  process.stdout.write(render(report, stdoutFormat, color));
  for (const file of options.output) writeFileSync(file, render(report, formatForFile(file, options.format), false));
  const summary = env["GITHUB_STEP_SUMMARY"];
  if (summary !== undefined && summary !== "") appendFileSync(summary, renderMarkdown(report) + "\n");
}

function render(report: DriftReport, format: Format, color: boolean): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "junit":
      return renderJunit(report);
    case "markdown":
      return renderMarkdown(report);
    case "table":
      return renderTable(report, painter(color));
  }
}

/** `.json` JSON, `.xml` JUnit, `.md` Markdown; anything else: --format, or the table. */
export function formatForFile(file: string, fallback: (typeof FORMATS)[number] | undefined): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".xml") return "junit";
  if (ext === ".md") return "markdown";
  return fallback ?? "table";
}
