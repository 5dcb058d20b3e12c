// The client's small judgements at their edges: which characters a credential may not carry,
// how a clock skew is worded, and how a refused setting is echoed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clockSkewHint } from "../../../provider/client/clockSkew";
import { credentialHeaderProblem } from "../../../provider/client/credentialHeaderProblem";
import { readSettings } from "../../../provider/client/settings";

describe("credential characters at the edges of each range", () => {
  // [code point, refused as]
  const cases: Array<[number, string | undefined]> = [
    [0x00, "a control character"],
    [0x09, "a control character"],
    [0x0a, "a line break"],
    [0x0d, "a line break"],
    [0x1f, "a control character"],
    [0x20, undefined],
    [0x7e, undefined],
    [0x7f, "a control character"],
    [0x80, "a control character"],
    [0x9f, "a control character"],
    [0xa0, undefined],
    [0xff, undefined],
    [0x100, "a character outside Latin-1"],
    [0x1f600, "a character outside Latin-1"],
  ];
  for (const [code, refused] of cases) {
    it(`U+${code.toString(16).padStart(4, "0")} is ${refused ?? "accepted"}`, () => {
      for (const field of ["accessKeyId", "secretAccessKey", "securityToken"] as const) {
        const credentials = { accessKeyId: "AK", secretAccessKey: "SK", [field]: `ab${String.fromCodePoint(code)}cd` };
        const problem = credentialHeaderProblem(credentials);
        if (refused === undefined) assert.equal(problem, undefined);
        else assert.ok(problem?.includes(refused), `${field}: ${problem}`);
      }
    });
  }
});

describe("clock skew wording", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const cases: Array<[string | undefined, RegExp]> = [
    ["Sun, 22 Nov 2026 12:00:00 GMT", /the local clock is 0 s ahead of the service's/],
    ["Sun, 22 Nov 2026 11:59:59 GMT", /1 s ahead of/],
    ["Sun, 22 Nov 2026 12:00:01 GMT", /1 s behind/],
    ["not a date", /off by more than 15 minutes/],
    [undefined, /off by more than 15 minutes/],
  ];
  for (const [date, hint] of cases) {
    it(`server Date ${JSON.stringify(date)}`, () => assert.match(clockSkewHint(date, now), hint));
  }
});

describe("a refused setting is echoed whole up to 40 characters", () => {
  const noConfig = () => undefined;
  const cases: Array<[string, string]> = [
    ["x".repeat(40), JSON.stringify("x".repeat(40))],
    ["x".repeat(41), JSON.stringify(`${"x".repeat(40)}…`)],
  ];
  for (const [raw, shown] of cases) {
    it(`${raw.length} characters`, () => {
      assert.throws(() => readSettings(noConfig, { PULUMI_BUCKET_ENCRYPTION_MAX_ATTEMPTS: raw }), (error: Error) => error.message.endsWith(`not ${shown}`));
    });
  }
});
