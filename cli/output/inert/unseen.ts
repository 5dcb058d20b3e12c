import { visibleCodePoint } from "../../../provider/internal";

/**
 * Code points that no output of the CLI writes raw: control characters (C0, DEL, C1), format
 * characters (bidirectional controls, zero-width characters, the byte order mark, tags), lone
 * surrogates, the line and paragraph separators, and noncharacters (U+FFFE, U+FFFF, …). As the
 * body of a character class, for patterns with the `u` flag.
 */
export const UNSEEN_CLASS = String.raw`\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}`;

const UNSEEN = new RegExp(`[${UNSEEN_CLASS}]`, "gu");

/**
 * `text` with every unseen code point written as its visible name (`\u001b`, `\u{e0001}`), and
 * nothing else changed: line breaks and escape sequences included, so the text stays on one line
 * and shows what the server sent. A literal `\u001b` in the input reads the same: the notation is
 * for people, not to be decoded.
 */
export function showUnseen(text: string): string {
  return text.replace(UNSEEN, (c) => visibleCodePoint(c));
}

export { visibleCodePoint };
