/**
 * `text` cut to its first `max` code points, followed by `… (N more characters)` when anything
 * was left out (the same notice the display sanitiser writes). Counted in code points, so a cut
 * never splits a surrogate pair; one pass over the text, without copying it whole.
 */
export function keepAtMost(text: string, max: number): string {
  let kept = 0;
  let end = 0;
  let left = 0;
  for (const c of text) {
    if (kept < max) {
      kept++;
      end += c.length;
    } else left++;
  }
  return left === 0 ? text : `${text.slice(0, end)}… (${left} more characters)`;
}
