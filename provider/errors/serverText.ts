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
/* eslint-enable no-control-regex */
// What is left that a terminal would act on, or that hides, reorders or corrupts text: control
// characters (C0, DEL, C1), format characters (bidirectional marks, embeddings, overrides and
// isolates, zero-width spaces and joiners, the word joiner, the byte order mark, tags), lone
// surrogates (no character at all: written out they become U+FFFD) and noncharacters (U+FFFE,
// U+FFFF and the like, which XML refuses).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/**
 * The visible name of one code point, as a JavaScript escape writes it: `\u001b`, or `\u{e0001}`
 * past U+FFFF. Written in place of a character that must not reach a reader raw.
 */
export function visibleCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` on one line with escape sequences removed, other control, format (bidi, zero-width) and
 * noncharacter code points and lone surrogates written as visible `\uXXXX`, runs of spaces
 * collapsed, and at most `max` characters (a cut says how many were left out). Never throws.
 */
export function inertServerText(text: string, max: number = MAX_SERVER_MESSAGE): string {
  const cleaned = text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(BREAKS, " ")
    .replace(INVISIBLE, (c) => visibleCodePoint(c))
    .replace(/ {2,}/g, " ")
    .trim();
  // Counted in code points, so a cut never splits a surrogate pair.
  const points = Array.from(cleaned);
  if (points.length <= max) return cleaned;
  return `${points.slice(0, max).join("")}… (${points.length - max} more characters)`;
}
