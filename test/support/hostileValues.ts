import fc from "fast-check";

/**
 * Values a server, a state file or a bucket listing could hand the CLI, each aimed at one way an
 * output can be subverted: terminal control, fake rows, hidden or reordered text, markup, formula
 * injection, invalid XML, and sheer size. Every renderer's hostile test runs the whole table.
 */
export const HOSTILE_VALUES: ReadonlyArray<{ readonly name: string; readonly value: string }> = [
  { name: "NUL", value: "a\u0000b" },
  { name: "BEL", value: "a\u0007b" },
  { name: "backspace over text", value: "acme-logs\u0008\u0008\u0008\u0008evil" },
  { name: "vertical tab and form feed", value: "a\u000bb\u000cc" },
  { name: "every C0 control", value: Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") },
  { name: "a bare CR that overwrites the line", value: "evil\rsafe" },
  { name: "an LF that adds a fake row", value: "acme\nencrypted  KMS  fake-row" },
  { name: "CRLF", value: "a\r\nb" },
  { name: "TAB", value: "a\tb" },
  { name: "DEL", value: "a\u007fb" },
  { name: "a lone ESC", value: "a\u001bb" },
  { name: "CSI screen clear and cursor home", value: "\u001b[2J\u001b[Hcleared" },
  { name: "SGR that hides text", value: "\u001b[8mhidden\u001b[0m" },
  { name: "OSC window title ended by BEL", value: "x\u001b]0;owned\u0007y" },
  { name: "OSC window title ended by ST", value: "x\u001b]2;owned\u001b\\y" },
  { name: "OSC 8 hyperlink", value: "\u001b]8;;https://evil.example/\u001b\\click me\u001b]8;;\u001b\\" },
  { name: "DCS string", value: "\u001bPq#0;2;0;0;0\u001b\\after" },
  { name: "8-bit CSI", value: "a\u009b2Jb" },
  { name: "C1 controls (NEL, DCS, ST, OSC)", value: "a\u0085b\u0090c\u009cd\u009de" },
  { name: "right-to-left override", value: "invoice\u202etxt.exe" },
  { name: "bidi embeddings and overrides", value: "\u202aa\u202bb\u202cc\u202dd\u202e" },
  { name: "bidi isolates", value: "\u2066a\u2067b\u2068c\u2069" },
  { name: "LRM, RLM and ALM", value: "a\u200eb\u200fc\u061cd" },
  { name: "line separator", value: "a\u2028b" },
  { name: "paragraph separator", value: "a\u2029b" },
  { name: "lone high surrogate", value: "a\ud800b" },
  { name: "lone low surrogate", value: "a\udc00b" },
  { name: "U+FFFE and U+FFFF", value: "a\ufffeb\uffffc" },
  { name: "zero-width characters", value: "acme\u200b-\u200clogs\u200d\u2060\ufeff" },
  { name: "a script tag", value: "<script>alert(1)</script>" },
  { name: "an image to an outside host", value: "<img src=https://evil.example/x.png>" },
  { name: "a Markdown link and image", value: "[click](https://evil.example/) ![x](https://evil.example/x.png)" },
  { name: "autolinks", value: "<https://evil.example/> https://evil.example/ www.evil.example" },
  { name: "mentions", value: "@octocat @acme/security-team" },
  { name: "an HTML entity for a bidi control", value: "a&#x202E;b &lt;b&gt;" },
  { name: "backticks", value: "`a``b```c`" },
  { name: "pipes", value: "a|b\\|c" },
  { name: "formula with =", value: '=HYPERLINK("https://evil.example/","x")' },
  { name: "formula triggers + - @", value: "+1+cmd|' /C calc'!A0" },
  { name: "TAB then =", value: "\t=1+1" },
  { name: "CR then =", value: "\r=1+1" },
  { name: "XML markup", value: `</failure><x a="1">&amp;]]>'"` },
  { name: "non-Latin text and emoji (kept)", value: "存储空间 😀 Ünïcödé" },
  { name: "100,000 characters", value: "A".repeat(100_000) },
  { name: "100,000 characters of escapes and breaks", value: "\u001b[31m\r\n\u202e".repeat(10_000) },
];

/** Characters an inert output must not hold raw: controls, format (bidi, zero-width), surrogates, separators, noncharacters. */
export const UNSEEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/u;

/** The first unseen character in `text` other than those in `allowed`, as `U+XXXX at N`, or undefined. */
export function firstUnseen(text: string, allowed: ReadonlySet<string> = new Set(["\n"])): string | undefined {
  let index = 0;
  for (const c of text) {
    if (UNSEEN.test(c) && !allowed.has(c)) return `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")} at ${index}`;
    index += c.length;
  }
  return undefined;
}

// Pieces of the hostile table, single hostile characters, any code point (lone surrogates too)
// and plain words, so that generated strings mix attack pieces with ordinary text.
const PIECES = ["\u001b[31m", "\u001b]0;t\u0007", "\u001b]8;;https://e.example\u001b\\", "\u001bP", "\u001b\\", "\r\n", "<script>", "<img src=x>", "@user", "https://e.example", "www.e.example", "`", "``", "|", "=", "+", "-", "@", "&#1;", "]]>", "'", '"'];
const HOSTILE_CHARS = [..."\u0000\u0001\u0007\u0008\t\n\u000b\u000c\r\u001b\u007f\u0085\u009b\u009c\u202a\u202e\u2066\u2069\u200e\u200f\u2028\u2029\ud800\udfff\ufffe\uffff\u200b\u200d\ufeff"];

/** Strings mixing hostile pieces, hostile characters, any code point, lone surrogates and plain text. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.constantFrom(...HOSTILE_CHARS),
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.constantFrom("acme", "KMS", "key-1", " ", "  "),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));
