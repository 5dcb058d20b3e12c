import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { importReportJson } from "../../cli/importFile/importReport";
import { renderJson } from "../../cli/report/renderJson";
import { scanJson } from "../../cli/scan/scanReport";
import { firstUnseen, HOSTILE_VALUES, hostileString } from "../support/hostileValues";
import { hostileDriftReport, hostileImportOutcomes, hostileScanReport } from "../support/hostileReports";

// The JSON formats carry values whole (a machine reads them back), but they are printed on a
// terminal too: every character a terminal would act on, or that hides or reorders text, must be
// written as a JSON escape, so the text is inert and JSON.parse still gives back the exact value.

export const PROPERTY_RUNS = 300;

function check(value: string): void {
  const drift = hostileDriftReport(value);
  const scan = hostileScanReport(value);
  const outcomes = hostileImportOutcomes(value);
  const outputs: Array<[string, string, unknown]> = [
    ["drift", renderJson(drift), drift],
    ["scan", scanJson(scan), { buckets: scan.rows, listingFailures: scan.listingFailures }],
    ["import", importReportJson(outcomes), { buckets: outcomes }],
  ];
  for (const [name, text, expected] of outputs) {
    assert.equal(firstUnseen(text), undefined, `${name}: no raw control, format or separator character`);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    delete parsed["summary"];
    // Lone surrogates come back as written: JSON escapes carry them exactly.
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(expected)), `${name}: JSON.parse gives the values back`);
  }
}

describe("JSON formats: hostile values", () => {
  for (const { name, value } of HOSTILE_VALUES) it(name, () => check(value));
  it(`property: any string (${PROPERTY_RUNS} runs)`, () => fc.assert(fc.property(hostileString, (value) => check(value)), { numRuns: PROPERTY_RUNS }));
});
