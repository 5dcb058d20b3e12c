import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { MAX_XML_ATTRIBUTE, MAX_XML_TEXT, xmlAttribute, xmlText } from "../../../cli/output/inert/xmlText";
import { firstUnseen, hostileString } from "../../support/hostileValues";

// The XML sanitiser: what XML 1.0 cannot carry (even as a character reference) is written as
// visible \uXXXX text, TAB, LF and CR as character references, markup as entities.

export const PROPERTY_RUNS = 2_000;

const cases: Array<[string, string, string]> = [
  ["plain text is kept", "acme-logs", "acme-logs"],
  ["NUL is shown", "a\u0000b", "a\\u0000b"],
  ["U+0001, backspace, VT and FF are shown", "\u0001\u0008\u000b\u000c", "\\u0001\\u0008\\u000b\\u000c"],
  ["TAB, LF and CR become character references", "a\tb\nc\rd", "a&#9;b&#10;c&#13;d"],
  ["an ESC of a CSI is shown, the rest is text", "\u001b[31mred", "\\u001b[31mred"],
  ["an OSC title ended by BEL", "\u001b]0;t\u0007", "\\u001b]0;t\\u0007"],
  ["an OSC 8 hyperlink ended by ST", "\u001b]8;;https://e.example/\u001b\\x", "\\u001b]8;;https://e.example/\\u001b\\x"],
  ["a DCS string", "\u001bPq\u001b\\", "\\u001bPq\\u001b\\"],
  ["C1 controls (NEL, 8-bit CSI) are shown", "\u0085\u009b", "\\u0085\\u009b"],
  ["DEL is shown", "\u007f", "\\u007f"],
  ["bidi controls are shown", "a\u202eb\u2066c\u200ed", "a\\u202eb\\u2066c\\u200ed"],
  ["line and paragraph separators are shown", "a\u2028b\u2029c", "a\\u2028b\\u2029c"],
  ["lone surrogates are shown", "a\ud800b\udfffc", "a\\ud800b\\udfffc"],
  ["a surrogate pair is kept", "😀", "😀"],
  ["U+FFFE and U+FFFF are shown", "\ufffe\uffff", "\\ufffe\\uffff"],
  ["zero-width characters are shown", "a\u200bb\ufeffc", "a\\u200bb\\ufeffc"],
  ["markup characters become entities", `<a href="x">&'`, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"],
  ["a CDATA end is harmless", "]]>", "]]&gt;"],
  ["non-Latin text is kept", "存储空间", "存储空间"],
];

/** What a strict parser gives back for `xml`: the attribute `v` of `<a>` and its text. */
function parseBack(xml: string): { attribute: string; text: string } {
  const parser = new SaxesParser();
  let problem: Error | undefined;
  let attribute = "";
  let text = "";
  parser.on("error", (e) => (problem ??= e));
  parser.on("opentag", (tag) => (attribute = String(tag.attributes["v"] ?? "")));
  parser.on("text", (t) => (text += t));
  parser.write(xml).close();
  if (problem !== undefined) throw problem;
  return { attribute, text };
}

// An oracle written apart from the module: a code point XML may not or should not carry becomes
// its visible name; every other one, TAB, LF and CR included, comes back as it was.
const XML_UNSEEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/u;
function expectedBack(value: string): string {
  return Array.from(value)
    .map((c) => {
      if (c === "\t" || c === "\n" || c === "\r" || !XML_UNSEEN.test(c)) return c;
      const code = c.codePointAt(0) ?? 0;
      return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
    })
    .join("");
}

describe("xmlText and xmlAttribute: hostile values", () => {
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(xmlText(input), expected);
      assert.equal(xmlAttribute(input), expected);
    });
  }

  it("100,000 characters: text keeps 4,000, an attribute 1,000, each with a notice", () => {
    assert.equal(xmlText("A".repeat(100_000)), `${"A".repeat(MAX_XML_TEXT)}… (${100_000 - MAX_XML_TEXT} more characters)`);
    assert.equal(xmlAttribute("A".repeat(100_000)), `${"A".repeat(MAX_XML_ATTRIBUTE)}… (${100_000 - MAX_XML_ATTRIBUTE} more characters)`);
  });

  it("100,000 control characters: 4,000 kept, each written in 6 characters", () => {
    assert.equal(xmlText("\u0001".repeat(100_000)), `${"\\u0001".repeat(MAX_XML_TEXT)}… (${100_000 - MAX_XML_TEXT} more characters)`);
  });

  it(`property: a strict parser reads the value back, with the notation where characters had to go (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const xml = `<a v="${xmlAttribute(value)}">${xmlText(value)}</a>`;
        assert.equal(firstUnseen(xml, new Set()), undefined, "nothing unseen in the document");
        const back = parseBack(xml);
        assert.equal(back.attribute, expectedBack(value));
        assert.equal(back.text, expectedBack(value));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
