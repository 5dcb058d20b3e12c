import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { renderJunit } from "../../cli/report/renderJunit";
import { firstUnseen, HOSTILE_VALUES, hostileString } from "../support/hostileValues";
import { hostileDriftReport } from "../support/hostileReports";

// The JUnit file of `drift` must be well-formed XML 1.0 whatever the servers and the state hold:
// CI systems read it with strict parsers (expat), which reject the whole file for one character
// XML cannot carry. saxes is such a strict parser; the first test proves it.

export const PROPERTY_RUNS = 500;
// The JUnit file for the hostile report (9 problems, 8 test cases) never exceeds this size.
const MAX_OUTPUT = 500_000;

interface Parsed {
  readonly testcases: number;
  readonly failures: number;
  readonly errors: number;
  readonly totals: Readonly<Record<string, string>>;
}

/** Parses `xml` strictly; throws on the first well-formedness error. */
function parseStrict(xml: string): Parsed {
  const parser = new SaxesParser();
  let problem: Error | undefined;
  let testcases = 0;
  let failures = 0;
  let errors = 0;
  let totals: Record<string, string> = {};
  parser.on("error", (e) => (problem ??= e));
  parser.on("opentag", (tag) => {
    if (tag.name === "testcase") testcases++;
    if (tag.name === "failure") failures++;
    if (tag.name === "error") errors++;
    if (tag.name === "testsuite") totals = { ...(tag.attributes as Record<string, string>) };
  });
  parser.write(xml).close();
  if (problem !== undefined) throw problem;
  return { testcases, failures, errors, totals };
}

function check(value: string): void {
  const xml = renderJunit(hostileDriftReport(value));
  const parsed = parseStrict(xml);
  const plain = parseStrict(renderJunit(hostileDriftReport("x")));
  assert.deepEqual({ ...parsed, totals: { tests: parsed.totals["tests"], failures: parsed.totals["failures"], errors: parsed.totals["errors"] } }, { ...plain, totals: { tests: plain.totals["tests"], failures: plain.totals["failures"], errors: plain.totals["errors"] } });
  assert.equal(firstUnseen(xml), undefined, "no control, format or separator character in the file");
  assert.ok(xml.length <= MAX_OUTPUT, `${xml.length} characters`);
}

describe("the strict parser really is strict", () => {
  const rejected: Array<[string, string]> = [
    ["U+0001 in text", "<a>x\u0001y</a>"],
    ["U+0001 as a character reference", "<a>x&#1;y</a>"],
    ["ESC in an attribute", '<a b="\u001b"/>'],
    ["U+FFFE", "<a>\ufffe</a>"],
    ["U+FFFF", "<a>\uffff</a>"],
    ["an unescaped <", "<a>1 < 2</a>"],
  ];
  for (const [name, xml] of rejected) it(`rejects ${name}`, () => assert.throws(() => parseStrict(xml)));
  it("accepts TAB, LF and CR as character references", () => assert.doesNotThrow(() => parseStrict('<a b="&#9;&#10;&#13;">&#13;</a>')));
});

describe("JUnit XML: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => check(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => check(value)), { numRuns: PROPERTY_RUNS }));
});
