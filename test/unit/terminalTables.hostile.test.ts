import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { buildReport } from "../../cli/drift/buildReport";
import { importReportTable } from "../../cli/importFile/importReport";
import { painter } from "../../cli/output/style";
import { textTable } from "../../cli/output/textTable";
import { renderTable } from "../../cli/report/renderTable";
import { scanTable } from "../../cli/scan/scanReport";
import { firstUnseen, HOSTILE_VALUES, hostileString } from "../support/hostileValues";
import { hostileDriftReport, hostileImportOutcomes, hostileScanReport } from "../support/hostileReports";

// What the terminal tables of scan, import and drift print must be inert whatever the servers
// and the state hold: no control character (but the colour the CLI adds itself), one line per
// row, columns that still line up, and a bounded size.

export const PROPERTY_RUNS = 500;
const ESC = String.fromCharCode(27);
// The colour sequences the painter writes: ESC [ number m.
const OUR_SGR = new RegExp(`${ESC}\\[\\d+m`, "g");
// No line of a table, however hostile its values, is longer than this (code points).
const MAX_LINE = 3_000;

/** The code points of `line` from the column that starts at `offset` (code points). */
const from = (line: string, offset: number) => Array.from(line).slice(offset).join("");
/** Whether `text` starts with the word `word` (then a space, or the end of the line). */
const startsWithWord = (text: string, word: string) => text === word || text.startsWith(`${word} `);
/** The offset, in code points, of the header word `word` (headers are ASCII, each word once). */
const column = (header: string, word: string) => header.indexOf(word);

function assertInert(text: string, plain: string): void {
  assert.equal(firstUnseen(text), undefined, "no control, format or separator character");
  assert.equal(text.split("\n").length, plain.split("\n").length, "one line per row: as many lines as with plain values");
  for (const line of text.split("\n")) assert.ok(Array.from(line).length <= MAX_LINE, `a line of ${Array.from(line).length} code points`);
}

function checkScan(value: string): void {
  const text = scanTable(hostileScanReport(value));
  assertInert(text, scanTable(hostileScanReport("x")));
  const [header = "", , ...rows] = text.split("\n");
  const status = column(header, "status");
  const declared = column(header, "declared");
  const expected: Array<[string, string]> = [["encrypted", "yes"], ["unencrypted", "no"], ["error", "no"], ["missing", "no"]];
  expected.forEach(([word, flag], i) => {
    const row = rows[i] ?? "";
    assert.ok(startsWithWord(from(row, status), word), `row ${i + 1}: status column at ${status}: ${JSON.stringify(row)}`);
    assert.ok(from(row, declared).startsWith(flag), `row ${i + 1}: declared column at ${declared}: ${JSON.stringify(row)}`);
  });
}

function checkImport(value: string): void {
  const text = importReportTable(hostileImportOutcomes(value));
  assertInert(text, importReportTable(hostileImportOutcomes("x")));
  const [header = "", , ...rows] = text.split("\n");
  const result = column(header, "result");
  ["imported", "not-declarable", "no-rule", "error", "no-bucket"].forEach((word, i) => {
    assert.ok(startsWithWord(from(rows[i] ?? "", result), word), `row ${i + 1}: result column at ${result}: ${JSON.stringify(rows[i])}`);
  });
}

function checkDrift(value: string): void {
  const report = hostileDriftReport(value);
  const plain = renderTable(report, painter(false));
  assertInert(plain, renderTable(hostileDriftReport("x"), painter(false)));
  const coloured = renderTable(report, painter(true));
  assert.ok(!plain.includes(ESC), "no escape at all without colour");
  assert.equal(coloured.replace(OUR_SGR, ""), plain, "with colour: only the colour sequences added, nothing else changes");
  const lines = plain.split("\n");
  const headerIndex = lines.findIndex((l) => l.startsWith("STATUS "));
  const header = lines[headerIndex] ?? "";
  const bucket = column(header, "BUCKET");
  const labels = ["could not be read", "drifted", "rule missing", "bucket missing", "not created yet", "in sync"];
  labels.forEach((label, i) => {
    const row = lines[headerIndex + 1 + i] ?? "";
    assert.ok(startsWithWord(row, label), `row ${i + 1} starts with its status: ${JSON.stringify(row)}`);
    assert.ok(from(row, bucket).startsWith("aliyun:cn-hangzhou:"), `row ${i + 1}: BUCKET column at ${bucket}: ${JSON.stringify(row)}`);
  });
}

describe("scan table: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => checkScan(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => checkScan(value)), { numRuns: PROPERTY_RUNS }));
});

describe("import table: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => checkImport(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => checkImport(value)), { numRuns: PROPERTY_RUNS }));
});

describe("drift table, with and without colour: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => checkDrift(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => checkDrift(value)), { numRuns: PROPERTY_RUNS }));
});

describe("textTable on its own: raw hostile cells, plain and coloured", () => {
  // The table is the last line of defence: a renderer that forgot to sanitise a cell still
  // prints nothing a terminal acts on.
  for (const { name, value } of HOSTILE_VALUES) {
    it(name, () => {
      const text = textTable([[value, "x"], ["y", { tone: "bad", text: value }]], painter(true));
      assert.equal(firstUnseen(text.replace(OUR_SGR, "")), undefined);
      assert.equal(text.split("\n").length, 2);
      const [first = "", second = ""] = text.split("\n");
      // Row 1 ends with the cell "x"; row 2's second cell opens with its colour.
      assert.equal(Array.from(first).lastIndexOf("x"), Array.from(second).indexOf(ESC), "the second column starts at one offset");
    });
  }
});

describe("drift table: each value is bounded, not only the cell", () => {
  it("a 100,000-character live value does not hide the next drifted property", () => {
    const report = buildReport({
      tool: { name: "pulumi-bucket-encryption", version: "0.1.0" },
      project: "infra",
      source: "program",
      generatedAt: new Date("2026-11-25T06:00:00Z"),
      durationMs: 1,
      stacks: [{ name: "prod", otherChanges: [], errors: [], resources: [
        {
          urn: "urn:pulumi:prod::infra::pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption::b",
          name: "b",
          status: "drifted",
          comparedWith: "program",
          properties: [
            { property: "sseAlgorithm", declared: "KMS", live: "A".repeat(100_000) },
            { property: "kmsMasterKeyId", declared: "k1", live: "k2" },
          ],
        },
      ] }],
    });
    const text = renderTable(report, painter(false));
    assert.match(text, /live A{200}… \(99800 more characters\); kmsMasterKeyId: declared k1, live k2\. Next/);
  });
});
