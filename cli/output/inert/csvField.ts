import { keepAtMost } from "./keepAtMost";
import { showUnseen } from "./unseen";

/**
 * One RFC 4180 CSV field. A value that starts with `=`, `+`, `-`, `@`, TAB or CR (the formula
 * triggers OWASP lists for CSV injection) gets a leading `'`, so a spreadsheet shows it instead of
 * running it. Every unseen code point (controls, line breaks, bidi and zero-width characters, …)
 * is written as visible `\uXXXX`, so a record is one line and the file is inert on a terminal.
 * A field holding a comma or a quote is quoted, with quotes doubled.
 */

/**
 * The most code points of a value a field keeps. Each kept code point is written in at most 9
 * characters (`\u{e0001}`), so a field stays under a spreadsheet's cell limit (32,767 in Excel).
 */
export const MAX_CSV_VALUE = 3_000;

const FORMULA_START = /^[=+\-@\t\r]/;

/** `value` as one neutralised, bounded CSV field (see the module's description). */
export function csvField(value: string): string {
  const kept = keepAtMost(value, MAX_CSV_VALUE);
  const shown = showUnseen(FORMULA_START.test(kept) ? `'${kept}` : kept);
  return /[",]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
}
