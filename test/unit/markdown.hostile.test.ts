import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { renderMarkdown } from "../../cli/report/renderMarkdown";
import { firstUnseen, HOSTILE_VALUES, hostileString } from "../support/hostileValues";
import { hostileDriftReport } from "../support/hostileReports";

// The Markdown summary lands in GITHUB_STEP_SUMMARY, which GitHub renders with HTML allowed and
// mentions linked. Whatever the servers and the state hold, it must keep its tables' shape and
// produce no HTML, no link, no image and no mention from a value. markdown-it (GFM tables, raw
// HTML on, linkify on) stands in for GitHub's renderer.

export const PROPERTY_RUNS = 500;
// The summary for the hostile report never exceeds this size.
const MAX_OUTPUT = 60_000;

const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof md.parse>[number];

interface Shape {
  /** Block-level token types in order: no value may add or remove a heading, list, quote or table. */
  readonly blocks: string[];
  /** For each table row, its number of cells. */
  readonly rows: number[];
}

function shape(tokens: readonly Token[]): Shape {
  const rows: number[] = [];
  for (const t of tokens) {
    if (t.type === "tr_open") rows.push(0);
    if (t.type === "td_open" || t.type === "th_open") rows[rows.length - 1] = (rows.at(-1) ?? 0) + 1;
  }
  return { blocks: tokens.filter((t) => t.type !== "inline").map((t) => t.type), rows };
}

/** Every inline token outside code spans that would become markup: HTML, links, images, mentions. */
function markupFromText(tokens: readonly Token[]): string[] {
  const found: string[] = [];
  for (const t of tokens) {
    if (t.type === "html_block") found.push(`html block ${JSON.stringify(t.content)}`);
    for (const c of t.children ?? []) {
      if (c.type === "html_inline") found.push(`html ${JSON.stringify(c.content)}`);
      if (c.type === "link_open") found.push(`link ${JSON.stringify(c.attrGet("href"))}`);
      if (c.type === "image") found.push(`image ${JSON.stringify(c.attrGet("src"))}`);
      // GitHub links @name (and @org/team) in text; it never does so inside a code span.
      if (c.type === "text" && /@\w/.test(c.content)) found.push(`mention in ${JSON.stringify(c.content)}`);
    }
  }
  return found;
}

function check(value: string): void {
  const text = renderMarkdown(hostileDriftReport(value));
  assert.equal(firstUnseen(text), undefined, "no control, format or separator character (a CR would break a row)");
  const tokens = md.parse(text, {});
  const plain = shape(md.parse(renderMarkdown(hostileDriftReport("x")), {}));
  assert.deepEqual(shape(tokens), plain, "the same blocks, rows and cells as with a plain value");
  assert.deepEqual(markupFromText(tokens), []);
  assert.ok(text.length <= MAX_OUTPUT, `${text.length} characters`);
}

describe("Markdown summary: hostile values", () => {
  it("the plain summary has the tables it should (7 counts, 4 columns per resource)", () => {
    assert.deepEqual(shape(md.parse(renderMarkdown(hostileDriftReport("x")), {})).rows, [7, 7, 4, 4, 4, 4, 4, 4]);
  });
  for (const { name, value } of HOSTILE_VALUES) it(name, () => check(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => check(value)), { numRuns: PROPERTY_RUNS }));
});
