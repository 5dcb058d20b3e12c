// The backoff ceiling and the Retry-After header, case by case: the numbers a retry waits.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy, retryAfterMs } from "../../../provider/http/retryPolicy";

describe("backoffDelayMs", () => {
  const policy: RetryPolicy = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 };
  // [attempt, random, delay]: the ceiling is min(maxDelay, base * 2^(attempt-1)), the delay floor(random * ceiling).
  const cases: Array<[number, number, number]> = [
    [1, 0.5, 50],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [4, 0.5, 400],
    [5, 0.5, 500],
    [5, 0.999, 999],
    [12, 0.25, 250],
    [2, 0.3333, 66],
  ];
  for (const [attempt, random, delay] of cases) {
    it(`attempt ${attempt}, random ${random}: ${delay} ms`, () => assert.equal(backoffDelayMs(attempt, policy, () => random), delay));
  }
  it("the defaults are those documented", () => {
    assert.deepEqual(DEFAULT_RETRY_POLICY, { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, maxElapsedMs: 60_000 });
  });
});

describe("retryAfterMs", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const cases: Array<[string | undefined, number | undefined]> = [
    ["0", 0],
    ["30", 30_000],
    [" 7 ", 7_000],
    ["120", 120_000],
    ["Sun, 22 Nov 2026 12:00:05 GMT", 5_000],
    // A date already past asks for no wait at all, not a negative one.
    ["Sun, 22 Nov 2026 11:59:00 GMT", 0],
    [" Sun, 22 Nov 2026 12:01:00 GMT ", 60_000],
    // Neither seconds nor a date: no wait is asked for (digits must be all of it).
    ["a5", undefined],
    ["5a", undefined],
    ["7s", undefined],
    ["", undefined],
    ["   ", undefined],
    [undefined, undefined],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} asks for ${expected === undefined ? "nothing" : `${expected} ms`}`, () => assert.equal(retryAfterMs(header, now), expected));
  }
});
