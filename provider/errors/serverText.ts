/**
 * Text a server sent (an error `Message`, a code, a request id, a body excerpt) made safe to put in
 * an error message: one line, no terminal escape sequences, no control characters, and bounded.
 * A server (or a proxy in front of it) is not trusted to write to a user's terminal or CI log.
 */

/** The longest service message kept in an error; real ones are well under 200 characters. */
export const MAX_SERVER_MESSAGE = 300;
/** The longest short field kept (code, request id, EC, content type). */
export const MAX_SERVER_FIELD = 80;

// The patterns below match control characters on purpose: finding them is this module's job.
/* eslint-disable no-control-regex */
// ESC-introduced sequences (ECMA-48): CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS/PM/APC/SOS
// strings ended by ST, and two-character escapes; plus the 8-bit CSI (U+009B).
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?/g;
// Line and paragraph breaks of every kind, and tabs: each becomes a space.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// What is left that a terminal would act on or that hides text: C0 and C1 controls, DEL,
// bidirectional overrides and isolates, and the zero-width no-break space.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

/**
 * `text` on one line with escape sequences removed, other control and bidi characters written as
 * visible `\uXXXX`, runs of spaces collapsed, and at most `max` characters (a cut says how many
 * were left out). Never throws.
 */
export function inertServerText(text: string, max: number = MAX_SERVER_MESSAGE): string {
  const cleaned = text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(BREAKS, " ")
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/ {2,}/g, " ")
    .trim();
  // Counted in code points, so a cut never splits a surrogate pair.
  const points = Array.from(cleaned);
  if (points.length <= max) return cleaned;
  return `${points.slice(0, max).join("")}… (${points.length - max} more characters)`;
}
