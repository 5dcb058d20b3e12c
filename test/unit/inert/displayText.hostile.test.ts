import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { displayText, MAX_DISPLAY_MESSAGE, MAX_DISPLAY_VALUE } from "../../../cli/output/inert/displayText";
import { firstUnseen, hostileString } from "../../support/hostileValues";

// The one display sanitiser: every value a terminal table or line of the CLI prints goes
// through it. Each case names what it defends against.

export const PROPERTY_RUNS = 2_000;

const cases: Array<[string, string, string]> = [
  ["plain text is kept", "acme-logs", "acme-logs"],
  ["NUL is shown, not sent", "a\u0000b", "a\\u0000b"],
  ["C0 controls are shown", "a\u0001\u0008b", "a\\u0001\\u0008b"],
  ["C1 controls are shown", "a\u0080\u0090\u009fb", "a\\u0080\\u0090\\u009fb"],
  ["DEL is shown", "a\u007fb", "a\\u007fb"],
  ["a CSI screen clear and colour are removed", "a\u001b[2J\u001b[1;31mb", "ab"],
  ["an OSC title ended by BEL is removed", "a\u001b]0;title\u0007b", "ab"],
  ["an OSC title ended by ST is removed", "a\u001b]0;title\u001b\\b", "ab"],
  ["an OSC 8 hyperlink is removed, its text kept", "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\", "click"],
  ["a DCS string is removed", "a\u001bPq#0;2\u001b\\b", "ab"],
  ["an 8-bit CSI is removed", "a\u009b2Jb", "ab"],
  ["bidi embeddings and overrides are shown", "a\u202a\u202b\u202c\u202d\u202eb", "a\\u202a\\u202b\\u202c\\u202d\\u202eb"],
  ["bidi isolates are shown", "a\u2066\u2067\u2068\u2069b", "a\\u2066\\u2067\\u2068\\u2069b"],
  ["LRM, RLM and ALM are shown", "a\u200e\u200f\u061cb", "a\\u200e\\u200f\\u061cb"],
  ["line and paragraph separators and NEL become spaces", "a\u2028b\u2029c\u0085d", "a b c d"],
  ["a bare CR becomes a space", "evil\rsafe", "evil safe"],
  ["an LF becomes a space", "a\nencrypted", "a encrypted"],
  ["a lone high surrogate is shown", "a\ud800b", "a\\ud800b"],
  ["a lone low surrogate is shown", "a\udc00b", "a\\udc00b"],
  ["a surrogate pair is kept", "a😀b", "a😀b"],
  ["U+FFFE and U+FFFF are shown", "a\ufffe\uffffb", "a\\ufffe\\uffffb"],
  ["zero-width characters and the BOM are shown", "a\u200b\u200c\u200d\u2060\ufeffb", "a\\u200b\\u200c\\u200d\\u2060\\ufeffb"],
  ["a tag character past U+FFFF is shown", "a\u{e0041}b", "a\\u{e0041}b"],
  ["non-Latin text is kept", "存储空间 Ünïcödé", "存储空间 Ünïcödé"],
  ["100,000 characters: the first 200 and a notice", "A".repeat(100_000), `${"A".repeat(MAX_DISPLAY_VALUE)}… (${100_000 - MAX_DISPLAY_VALUE} more characters)`],
  ["100,000 characters of escapes: nothing left", "\u001b[31m".repeat(20_000), ""],
];

describe("displayText: hostile values", () => {
  for (const [name, input, expected] of cases) it(name, () => assert.equal(displayText(input), expected));

  it("a message may be longer than a value", () => {
    assert.equal(displayText("B".repeat(5_000), MAX_DISPLAY_MESSAGE), `${"B".repeat(MAX_DISPLAY_MESSAGE)}… (${5_000 - MAX_DISPLAY_MESSAGE} more characters)`);
  });

  it(`property: one line, nothing unseen, bounded, unchanged by a second pass (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileString, fc.integer({ min: 1, max: 400 }), (value, max) => {
        const out = displayText(value, max);
        assert.equal(firstUnseen(out, new Set()), undefined);
        // At most `max` code points, then the notice (digits of the count included).
        assert.ok(Array.from(out).length <= max + 30, `${Array.from(out).length} code points for max ${max}`);
        if (Array.from(out).length <= max) assert.equal(displayText(out, max), out);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
