import { inertServerText } from "../../../provider/internal";

/**
 * The display sanitiser: what every terminal output of the CLI does to a value a server, a state
 * file or a listing supplied before it is printed. It is the provider's own `inertServerText`
 * (one line, escape sequences removed, other control, format and noncharacter code points and
 * lone surrogates written as `\uXXXX`, spaces collapsed, cut with a notice), with the CLI's bounds.
 * Colour is added only after a value went through here, and widths are measured on the result.
 */

/** The most code points of a name, a bucket id or a rule value a terminal line shows (a bucket name is at most 63). */
export const MAX_DISPLAY_VALUE = 200;
/** The most code points of an error message or a whole table cell a terminal line shows. */
export const MAX_DISPLAY_MESSAGE = 1_000;

/**
 * `value` made safe to print: one line, nothing a terminal acts on, nothing hidden or reordered,
 * at most `max` code points plus a `… (N more characters)` notice. Idempotent for text within
 * the bound, so sanitising twice (a value, then the cell holding it) changes nothing.
 */
export function displayText(value: string, max: number = MAX_DISPLAY_VALUE): string {
  return inertServerText(value, max);
}
