import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inertServerText, MAX_SERVER_MESSAGE } from "../../provider/errors/serverText";

// Server text goes into errors that land in terminals and CI logs: nothing in it may act on the
// terminal, break the line, hide text or grow without bound.

describe("inertServerText", () => {
  const cases: Array<[string, string, string]> = [
    ["plain text is kept", "The bucket has no rule.", "The bucket has no rule."],
    ["colour escapes are removed", "\u001b[31mAccess\u001b[0m Denied", "Access Denied"],
    ["a cursor move and a screen clear are removed", "a\u001b[2J\u001b[1;1Hb", "ab"],
    ["a window-title OSC ended by BEL is removed", "x\u001b]0;owned\u0007y", "xy"],
    ["an OSC 8 hyperlink ended by ST is removed, its text kept", "\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\", "click"],
    ["an 8-bit CSI is removed", "a\u009b31mb", "ab"],
    ["a lone ESC is removed", "a\u001bb", "ab"],
    ["line breaks become one space", "line one\r\nline two\n\nthree", "line one line two three"],
    ["Unicode line separators become spaces", "a\u2028b\u2029c\u0085d", "a b c d"],
    ["tabs become spaces", "a\t\tb", "a b"],
    ["other controls are shown, not sent", "a\u0000b\u0007c\u007fd", "a\\u0000b\\u0007c\\u007fd"],
    ["bidi overrides are shown, not applied", "abc\u202edcba", "abc\\u202edcba"],
    ["surrounding space is trimmed", "  x  ", "x"],
    ["non-Latin text is kept", "存储空间不存在", "存储空间不存在"],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(inertServerText(input), expected));
  }

  it("a 60 KB message is cut to the limit and says how much was left out", () => {
    const message = "\u001b[1m" + "A".repeat(60_000) + "\u001b[0m";
    const out = inertServerText(message);
    assert.equal(out, `${"A".repeat(MAX_SERVER_MESSAGE)}… (${60_000 - MAX_SERVER_MESSAGE} more characters)`);
  });

  it("a cut never splits a surrogate pair", () => {
    const out = inertServerText("😀".repeat(10), 3);
    assert.equal(out, "😀😀😀… (7 more characters)");
  });

  it("the output never holds a control character, whatever the input", () => {
    let input = "";
    for (let c = 0; c < 0x100; c++) input += String.fromCharCode(c) + "x";
    input += "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff";
    const out = inertServerText(input, 10_000);
    // eslint-disable-next-line no-control-regex -- finding control characters is the assertion
    assert.doesNotMatch(out, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
  });
});
