/**
 * JSON for a terminal as well as a machine. `JSON.stringify` escapes C0 controls and lone
 * surrogates, but writes DEL, C1 controls (U+009B starts a terminal escape), bidi and zero-width
 * characters, the line and paragraph separators and noncharacters raw. Here those are written as
 * `\uXXXX` escapes too (a pair of them past U+FFFF): the text is inert and `JSON.parse` gives back
 * exactly the same values. Nothing is cut: JSON is the lossless format, and every value was
 * bounded when it was read.
 */

// Outside strings, JSON.stringify writes only ASCII punctuation, digits, letters, spaces and the
// LF of its indentation; inside strings, it has already escaped LF. So every match but LF lies in
// a string, where an escape means the same character.
const RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/gu;

function escapeCodeUnits(character: string): string {
  let out = "";
  for (let i = 0; i < character.length; i++) out += `\\u${character.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/** `value` as `JSON.stringify(value, null, indent)` writes it, with the characters above escaped. */
export function inertJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(RAW, (c) => (c === "\n" ? c : escapeCodeUnits(c)));
}
