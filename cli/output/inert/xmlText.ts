import { keepAtMost } from "./keepAtMost";
import { UNSEEN_CLASS, visibleCodePoint } from "./unseen";

/**
 * Values for XML 1.0 documents (the JUnit report), which strict parsers such as expat reject
 * whole for one character XML cannot carry: C0 controls but TAB, LF and CR, lone surrogates,
 * U+FFFE and U+FFFF. Those cannot be written even as character references, so they, and every
 * other code point that acts on a terminal or hides or reorders text (DEL, C1, bidi and
 * zero-width characters, line and paragraph separators, noncharacters), are written as visible
 * `\uXXXX` text. TAB, LF and CR are kept as the character references `&#9;`, `&#10;`, `&#13;`
 * (raw in an attribute a parser would turn them into spaces, and a raw CR into LF), and the five
 * markup characters as entities. The file then holds no control character of a value, and a
 * parser gives back the value, with the visible notation where characters had to go.
 */

/** The most code points of a value an attribute keeps (a CI shows `message` as a one-line summary). */
export const MAX_XML_ATTRIBUTE = 1_000;
/** The most code points of a value an element's text keeps. */
export const MAX_XML_TEXT = 4_000;

const REFERENCES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
const SPECIAL = new RegExp(`[&<>"'\\t\\n\\r]|[${UNSEEN_CLASS}]`, "gu");

function escapeXml(value: string, max: number): string {
  return keepAtMost(value, max).replace(SPECIAL, (c) => REFERENCES[c] ?? visibleCodePoint(c));
}

/**
 * `value` as the escaped content of an XML element: at most {@link MAX_XML_TEXT} code points of
 * it (then a `… (N more characters)` notice), each written as described above, so that the
 * written form is at most 9 characters per code point kept.
 */
export function xmlText(value: string, max: number = MAX_XML_TEXT): string {
  return escapeXml(value, max);
}

/** `value` as the escaped content of a quoted XML attribute, like {@link xmlText} with {@link MAX_XML_ATTRIBUTE}. */
export function xmlAttribute(value: string, max: number = MAX_XML_ATTRIBUTE): string {
  return escapeXml(value, max);
}
