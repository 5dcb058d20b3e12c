import { displayText, MAX_DISPLAY_MESSAGE } from "./inert/displayText";
import type { Paint, Tone } from "./style";

/** A table cell: plain text, or text with a tone that the painter colours once laid out. */
export type Cell = string | { readonly tone: Tone; readonly text: string };

const noPaint: Paint = (_tone, text) => text;

/**
 * Lays out rows as aligned columns. Every cell goes through the display sanitiser first (one
 * line, nothing a terminal acts on, at most {@link MAX_DISPLAY_MESSAGE} code points), so no value
 * can add a line, move the cursor or change the colours; widths are measured on that text, and
 * colour is added last, outside the measured text. The last column is never padded (it may be long).
 */
export function textTable(rows: ReadonlyArray<readonly Cell[]>, paint: Paint = noPaint, gap = 2): string {
  const laid = rows.map((row) => row.map((cell) => (typeof cell === "string" ? { text: displayText(cell, MAX_DISPLAY_MESSAGE) } : { tone: cell.tone, text: displayText(cell.text, MAX_DISPLAY_MESSAGE) })));
  const widths: number[] = [];
  for (const row of laid) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell.text))));
  return laid
    .map((row) =>
      row
        .map((cell, i) => {
          const text = cell.tone !== undefined ? paint(cell.tone, cell.text) : cell.text;
          return i === row.length - 1 ? text : text + " ".repeat((widths[i] ?? 0) - width(cell.text) + gap);
        })
        .join("")
        .trimEnd(),
    )
    .join("\n");
}

// Code points: sanitised text holds no escape and no zero-width character. East Asian wide
// characters are counted as one column, so a row holding them sits a little to the right.
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A table with a header row and a rule of dashes under it, each line ending in a newline. */
export function headedTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  // Sanitised here to size the rule; textTable's own pass then leaves the text as it is.
  const shown = rows.map((row) => row.map((cell) => displayText(cell, MAX_DISPLAY_MESSAGE)));
  const widths = header.map((h, i) => Math.max(width(h), ...shown.map((r) => width(r[i] ?? ""))));
  return `${textTable([header, widths.map((w) => "-".repeat(w)), ...shown])}\n`;
}
