// Which answers are retried, status by status and code by code: each status and each code is
// decided on its own, so that no entry of the tables can go missing unnoticed (a 503 without a
// code once could, because every 503 case also carried a transient code).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isThrottling, isTransientCode, isTransientResponse } from "../../../provider/errors/transience";

const TRANSIENT_STATUSES = [429, 500, 502, 503, 504];
const PERMANENT_STATUSES = [200, 301, 400, 401, 403, 404, 405, 409, 412, 499, 501, 505, 511];
const THROTTLING_CODES = ["SlowDown", "Throttling", "ThrottlingException", "TooManyRequests", "QpsLimitExceeded"];
const OTHER_TRANSIENT_CODES = ["RequestTimeout", "InternalError", "ServiceUnavailable", "RequestTimeoutException", "OperationAborted"];
const PERMANENT_CODES = ["AccessDenied", "InvalidArgument", "NoSuchBucket", "RequestTimeTooSkewed", "MalformedXML", "SignatureDoesNotMatch", "slowdown", ""];

describe("transience: statuses alone", () => {
  for (const status of TRANSIENT_STATUSES) {
    it(`${status} without a code is retried`, () => assert.equal(isTransientResponse(status, undefined), true));
  }
  for (const status of PERMANENT_STATUSES) {
    it(`${status} without a code is not retried`, () => assert.equal(isTransientResponse(status, undefined), false));
  }
});

describe("transience: codes under a status that is not transient", () => {
  for (const code of [...THROTTLING_CODES, ...OTHER_TRANSIENT_CODES]) {
    it(`400 ${code} is retried`, () => {
      assert.equal(isTransientResponse(400, code), true);
      assert.equal(isTransientCode(code), true);
    });
  }
  for (const code of PERMANENT_CODES) {
    it(`400 ${JSON.stringify(code)} is not retried`, () => {
      assert.equal(isTransientResponse(400, code), false);
      assert.equal(isTransientCode(code), false);
    });
  }
});

describe("throttling", () => {
  it("429 throttles whatever the code", () => {
    assert.equal(isThrottling(429, undefined), true);
    assert.equal(isThrottling(429, "AccessDenied"), true);
  });
  for (const code of THROTTLING_CODES) {
    it(`${code} throttles under any status`, () => {
      assert.equal(isThrottling(503, code), true);
      assert.equal(isThrottling(400, code), true);
    });
  }
  for (const status of [...TRANSIENT_STATUSES.filter((s) => s !== 429), ...PERMANENT_STATUSES]) {
    it(`${status} without a code does not throttle`, () => assert.equal(isThrottling(status, undefined), false));
  }
  for (const code of [...OTHER_TRANSIENT_CODES, ...PERMANENT_CODES]) {
    it(`${JSON.stringify(code)} under 503 is transient but does not throttle`, () => assert.equal(isThrottling(503, code), false));
  }
});
