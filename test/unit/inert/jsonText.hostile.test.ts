import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { inertJson } from "../../../cli/output/inert/jsonText";
import { firstUnseen, hostileString } from "../../support/hostileValues";

// The JSON sanitiser: lossless, but nothing a terminal acts on and nothing hidden is written raw.

export const PROPERTY_RUNS = 2_000;

const cases: Array<[string, unknown, string]> = [
  ["plain text", "acme-logs", '"acme-logs"'],
  ["NUL and ESC (JSON.stringify escapes C0 itself)", "a\u0000\u001b[2J", '"a\\u0000\\u001b[2J"'],
  ["DEL and C1 controls", "\u007f\u0085\u009b", '"\\u007f\\u0085\\u009b"'],
  ["bidi controls", "a\u202eb\u2066c\u200e", '"a\\u202eb\\u2066c\\u200e"'],
  ["line and paragraph separators", "\u2028\u2029", '"\\u2028\\u2029"'],
  ["lone surrogates (JSON.stringify escapes them itself)", "\udfff\ud800", '"\\udfff\\ud800"'],
  ["a surrogate pair is kept", "😀", '"😀"'],
  ["a format character past U+FFFF: a pair of escapes", "\u{e0001}", '"\\udb40\\udc01"'],
  ["U+FFFE and U+FFFF", "\ufffe\uffff", '"\\ufffe\\uffff"'],
  ["zero-width characters and the BOM", "\u200b\u200d\ufeff", '"\\u200b\\u200d\\ufeff"'],
  ["indentation is kept", { a: ["\u202e"] }, '{\n  "a": [\n    "\\u202e"\n  ]\n}'],
  ["non-Latin text is kept", "存储空间", '"存储空间"'],
];

describe("inertJson: hostile values", () => {
  for (const [name, input, expected] of cases) it(name, () => assert.equal(inertJson(input), expected));

  it("100,000 characters are kept whole: JSON is the lossless format", () => {
    const value = "\u202e".repeat(100_000);
    assert.equal(JSON.parse(inertJson(value)), value);
  });

  it(`property: JSON.parse gives the value back, and nothing unseen is written raw (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(hostileString, { maxLength: 4 }), (values) => {
        const text = inertJson({ values });
        assert.equal(firstUnseen(text), undefined);
        assert.deepEqual(JSON.parse(text), { values });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
