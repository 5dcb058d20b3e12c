import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { scanCsv } from "../../cli/scan/scanReport";
import { firstUnseen, HOSTILE_VALUES, hostileString, UNSEEN } from "../support/hostileValues";
import { hostileScanReport } from "../support/hostileReports";

// `scan --format csv` goes to a terminal or a spreadsheet. Whatever the servers hold, an RFC 4180
// parser must give back one record per bucket with every column, no field may start a formula,
// no control character may reach the terminal, and each field is bounded.

export const PROPERTY_RUNS = 500;
// The longest field, in code points, a hostile value can produce: 3,000 code points kept, each
// written in at most 9 characters, plus the cut notice; under Excel's 32,767-character cell.
const MAX_FIELD = 27_050;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What the field for `value` must read once parsed: a leading `'` when the value would start a
 * formula, then each control, format, surrogate, separator or noncharacter code point written as
 * `\uXXXX` (`\u{XXXXX}` past U+FFFF). An oracle written apart from the code it checks.
 */
function neutralised(value: string): string {
  let out = FORMULA_START.test(value) ? "'" : "";
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0;
    out += UNSEEN.test(c) ? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`) : c;
  }
  return out;
}

function check(value: string): void {
  const text = scanCsv(hostileScanReport(value));
  const records = text.split("\r\n");
  assert.equal(records.length, 6, "a header, 4 records and the final CRLF: no value adds a line");
  for (const r of records) assert.equal(firstUnseen(r, new Set()), undefined, `no control character in ${JSON.stringify(r.slice(0, 80))}`);
  const rows: string[][] = parse(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false });
  assert.equal(rows.length, 5);
  for (const row of rows) {
    assert.equal(row.length, 9);
    for (const field of row) {
      assert.doesNotMatch(field, FORMULA_START, "no field starts a formula");
      assert.ok(Array.from(field).length <= MAX_FIELD, `a field of ${Array.from(field).length} code points`);
    }
  }
  if (Array.from(value).length <= 1_000) {
    assert.equal(rows[2]?.[2], neutralised(value), "a listed bucket's name, neutralised");
    assert.equal(rows[1]?.[5], neutralised(value), "a live key id, neutralised");
    assert.equal(rows[3]?.[8], neutralised(value), "an error message, neutralised");
  }
}

describe("CSV: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => check(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => check(value)), { numRuns: PROPERTY_RUNS }));
});
