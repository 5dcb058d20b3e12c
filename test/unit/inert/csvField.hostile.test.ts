import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { csvField, MAX_CSV_VALUE } from "../../../cli/output/inert/csvField";
import { firstUnseen, hostileString } from "../../support/hostileValues";

// The CSV sanitiser: no formula (OWASP's triggers), no control character, one line, bounded,
// RFC 4180 quoting.

export const PROPERTY_RUNS = 2_000;

const cases: Array<[string, string, string]> = [
  ["plain text", "acme-logs", "acme-logs"],
  ["= starts a formula", "=1+1", "'=1+1"],
  ["+ starts a formula", "+1", "'+1"],
  ["- starts a formula", "-1", "'-1"],
  ["@ starts a formula", "@SUM(A1)", "'@SUM(A1)"],
  ["TAB then = starts a formula", "\t=1+1", "'\\u0009=1+1"],
  ["CR then = starts a formula", "\r=1+1", "'\\u000d=1+1"],
  ["a formula with a comma and quotes is neutralised, then quoted", '=HYPERLINK("https://evil.example/","x")', `"'=HYPERLINK(""https://evil.example/"",""x"")"`],
  ["a trigger inside the value is harmless", "a=b", "a=b"],
  ["a comma is quoted", "a,b", `"a,b"`],
  ["quotes are doubled", 'say "hi"', `"say ""hi"""`],
  ["an LF is shown: the record stays one line", "a\nb", "a\\u000ab"],
  ["CRLF is shown", "a\r\nb", "a\\u000d\\u000ab"],
  ["NUL is shown", "a\u0000b", "a\\u0000b"],
  ["an escape sequence is shown, not sent", "\u001b[2Jx", "\\u001b[2Jx"],
  ["an OSC 8 hyperlink is shown", "\u001b]8;;https://e.example/\u0007x", "\\u001b]8;;https://e.example/\\u0007x"],
  ["C1 controls and DEL are shown", "\u0085\u009b\u007f", "\\u0085\\u009b\\u007f"],
  ["bidi controls are shown", "a\u202eb\u2067c\u200fd", "a\\u202eb\\u2067c\\u200fd"],
  ["line and paragraph separators are shown", "a\u2028b\u2029c", "a\\u2028b\\u2029c"],
  ["lone surrogates are shown", "\ud800\udc00\udc00\ud800", "𐀀\\udc00\\ud800"],
  ["U+FFFE and U+FFFF are shown", "\ufffe\uffff", "\\ufffe\\uffff"],
  ["zero-width characters are shown", "a\u200bb\u200dc", "a\\u200bb\\u200dc"],
  ["non-Latin text is kept", "存储空间 😀", "存储空间 😀"],
  ["100,000 characters: 3,000 and a notice", "A".repeat(100_000), `${"A".repeat(MAX_CSV_VALUE)}… (${100_000 - MAX_CSV_VALUE} more characters)`],
  ["100,000 characters starting a formula: neutralised, 3,000 and a notice", `=${"A".repeat(99_999)}`, `'=${"A".repeat(MAX_CSV_VALUE - 1)}… (${100_000 - MAX_CSV_VALUE} more characters)`],
];

describe("csvField: hostile values", () => {
  for (const [name, input, expected] of cases) it(name, () => assert.equal(csvField(input), expected));

  it(`property: an RFC 4180 parser reads one record of two fields, neutralised and one line (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const record = `${csvField(value)},${csvField("x")}\r\n`;
        assert.equal(firstUnseen(record.slice(0, -2), new Set()), undefined, "nothing unseen but the record's CRLF");
        const rows: string[][] = parse(record, { relax_quotes: false, relax_column_count: false });
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.length, 2);
        assert.doesNotMatch(rows[0]?.[0] ?? "", /^[=+\-@\t\r]/);
        assert.equal(rows[0]?.[1], "x");
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
