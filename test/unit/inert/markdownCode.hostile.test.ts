import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { displayText } from "../../../cli/output/inert/displayText";
import { markdownCell, markdownCode } from "../../../cli/output/inert/markdownCode";
import { hostileString } from "../../support/hostileValues";

// The Markdown sanitiser: a value is one inert line in a code span whose fence its backticks
// cannot close, and in a table cell its pipes cannot split the cell.

export const PROPERTY_RUNS = 2_000;

const md = new MarkdownIt({ html: true, linkify: true });

const cases: Array<[string, string, string]> = [
  ["plain text", "acme-logs", "`acme-logs`"],
  ["an empty value writes nothing", "", ""],
  ["a backtick inside: a longer fence", "a`b", "``a`b``"],
  ["a backtick at the start: a space inside the fence", "`a", "`` `a ``"],
  ["a backtick at the end", "a`", "`` a` ``"],
  ["runs of backticks: a fence longer than the longest", "a``b```c", "````a``b```c````"],
  ["a script tag stays text", "<script>alert(1)</script>", "`<script>alert(1)</script>`"],
  ["an image tag stays text", "<img src=https://evil.example/x.png>", "`<img src=https://evil.example/x.png>`"],
  ["a mention stays text", "@octocat", "`@octocat`"],
  ["a link stays text", "[x](https://evil.example/)", "`[x](https://evil.example/)`"],
  ["an entity stays text", "&#x202E;", "`&#x202E;`"],
  ["CR, LF and escapes: one inert line", "a\r\nb\u001b[31mc\rd", "`a bc d`"],
  ["bidi and zero-width characters are shown", "a\u202eb\u200bc", "`a\\u202eb\\u200bc`"],
  ["a lone surrogate is shown", "a\ud800", "`a\\ud800`"],
  ["pipes are kept outside a table", "a|b", "`a|b`"],
  ["100,000 characters: 200 and a notice", "A".repeat(100_000), `\`${"A".repeat(200)}… (99800 more characters)\``],
];

/** The inline tokens markdown-it reads from `markdown` as a paragraph. */
function inline(markdown: string) {
  return md.parseInline(markdown, {})[0]?.children ?? [];
}

describe("markdownCode and markdownCell: hostile values", () => {
  for (const [name, input, expected] of cases) it(name, () => assert.equal(markdownCode(input), expected));

  it("markdownCell escapes every pipe, inside code spans too", () => assert.equal(markdownCell("`a|b` | c"), "`a\\|b` \\| c"));

  it(`property: one code span holding exactly the display text, alone or in a table cell (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const span = markdownCode(value);
        const shown = displayText(value);
        if (shown === "") return assert.equal(span, "");
        const tokens = inline(span);
        assert.deepEqual(tokens.map((t) => t.type), ["code_inline"]);
        assert.equal(tokens[0]?.content, shown);
        const table = md.parse(`| a | b |\n|---|---|\n| ${markdownCell(span)} | x |\n`, {});
        const cells = table.filter((t) => t.type === "inline").slice(2);
        assert.equal(cells.length, 2, "the row keeps its two cells");
        assert.deepEqual(cells[0]?.children?.map((t) => [t.type, t.content]), [["code_inline", shown]]);
        assert.equal(cells[1]?.content, "x");
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
