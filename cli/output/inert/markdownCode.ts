import { displayText, MAX_DISPLAY_VALUE } from "./displayText";

/**
 * Values for GitHub-flavoured Markdown (the job summary, which GitHub renders with HTML allowed
 * and `@name` mentions linked). A value is never markup: it is made one inert line by the display
 * sanitiser, then put in a code span, where Markdown reads no HTML, link, image, entity, emphasis
 * or autolink, and GitHub links no mention.
 */

/**
 * `value` as a code span: {@link displayText} (one line, at most `max` code points plus a notice),
 * fenced by one more backtick than its longest run of backticks, with a space inside each fence
 * when it starts or ends with a backtick (CommonMark strips exactly that space). Empty for an
 * empty value. In a table cell it still needs {@link markdownCell}.
 */
export function markdownCode(value: string, max: number = MAX_DISPLAY_VALUE): string {
  const text = displayText(value, max);
  if (text === "") return "";
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * One line of inline Markdown as a GFM table cell: every `|` escaped. GFM splits cells on every
 * unescaped pipe, inside code spans too, and removes the backslash of `\|` before it reads the
 * cell, so a code span keeps its pipes. `markdown` must be one line (code spans from
 * {@link markdownCode} and text of our own are).
 */
export function markdownCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}
