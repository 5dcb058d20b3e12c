// What a complete response means, answer by answer: success, gone, an error to retry or to
// throw, an acknowledgement that proves the call or one that does not.
import assert from "node:assert/strict";
import type http from "node:http";
import { describe, it } from "node:test";
import { acknowledged, failure, headerValue, isGone, isSuccess, requestIdOf, unproven } from "../../../provider/client/responses";
import { cloudModule } from "../../../provider/clouds";
import { AcknowledgementError } from "../../../provider/errors/AcknowledgementError";
import { MalformedResponseError } from "../../../provider/errors/MalformedResponseError";
import { ServiceError } from "../../../provider/errors/ServiceError";
import type { HttpResponse } from "../../../provider/http/sendRequest";

const context = { resource: "aliyun:cn-hangzhou:acme-logs", cloud: "aliyun" as const, serviceName: "Alibaba Cloud OSS", method: "PUT" };
const now = new Date("2026-11-22T12:00:00Z");
const errorXml = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message><RequestId>BODY-RID</RequestId></Error>`;
const response = (status: number, body = "", headers: http.IncomingHttpHeaders = {}): HttpResponse => ({ status, body, headers });

/** Runs `f`, returning what it threw (or failing when it returned). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return assert.fail("expected a throw");
}

describe("headerValue and requestIdOf", () => {
  it("takes the first non-empty header among the names, in their order", () => {
    const r = response(200, "", { a: "", b: "second", c: "third" });
    assert.equal(headerValue(r, ["a", "b", "c"]), "second");
    assert.equal(headerValue(r, ["c", "b"]), "third");
    assert.equal(headerValue(r, ["a"]), undefined);
    assert.equal(headerValue(r, ["missing"]), undefined);
  });
  it("ignores a header Node gives as a list", () => {
    assert.equal(headerValue(response(200, "", { "set-cookie": ["x"] }), ["set-cookie"]), undefined);
  });
  const ids: Array<[http.IncomingHttpHeaders, string | undefined]> = [
    [{ "x-oss-request-id": "OSS" }, "OSS"],
    [{ "x-amz-request-id": "AMZ" }, "AMZ"],
    [{ "x-req-id": "JDC" }, "JDC"],
    [{ "x-amz-request-id": "AMZ", "x-oss-request-id": "OSS" }, "OSS"],
    [{}, undefined],
  ];
  for (const [headers, id] of ids) {
    it(`request id of ${JSON.stringify(headers)} is ${id ?? "none"}`, () => assert.equal(requestIdOf(response(500, "", headers)), id));
  }
});

describe("isSuccess", () => {
  const cases: Array<[number, boolean]> = [
    [199, false],
    [200, true],
    [204, true],
    [299, true],
    [300, false],
    [404, false],
  ];
  for (const [status, ok] of cases) {
    it(`${status} is ${ok ? "" : "not "}a success`, () => assert.equal(isSuccess(response(status)), ok));
  }
});

describe("isGone", () => {
  const cases: Array<["aliyun" | "jdcloud", number, string, boolean]> = [
    ["aliyun", 404, errorXml("NoSuchServerSideEncryptionRule"), true],
    ["aliyun", 404, errorXml("NoSuchBucket"), true],
    ["aliyun", 404, errorXml("ServerSideEncryptionConfigurationNotFoundError"), false],
    ["jdcloud", 404, errorXml("ServerSideEncryptionConfigurationNotFoundError"), true],
    ["jdcloud", 404, errorXml("NoSuchBucket"), true],
    ["aliyun", 404, errorXml("NoSuchKey"), false],
    ["aliyun", 404, "", false],
    ["aliyun", 404, "<html>not found</html>", false],
    ["aliyun", 403, errorXml("NoSuchBucket"), false],
    ["aliyun", 200, errorXml("NoSuchBucket"), false],
  ];
  for (const [cloud, status, body, gone] of cases) {
    it(`${cloud} ${status} ${body.slice(0, 60)}… is ${gone ? "" : "not "}gone`, () => assert.equal(isGone(cloudModule(cloud), response(status, body)), gone));
  }
});

describe("failure", () => {
  it("a transient status is returned for a retry, with the service's words", () => {
    const outcome = failure(response(503, errorXml("ServiceUnavailable"), { "x-oss-request-id": "HDR" }), context, now);
    assert.ok("retry" in outcome);
    assert.ok(outcome.retry instanceof ServiceError);
    assert.equal(outcome.retry.status, 503);
    assert.equal(outcome.retry.code, "ServiceUnavailable");
    assert.equal(outcome.waitMs, undefined);
    assert.equal("waitMs" in outcome, false);
  });
  it("a transient status without a body is retried too", () => {
    const outcome = failure(response(503), context, now);
    assert.ok("retry" in outcome);
  });
  it("Retry-After sets the least wait, in seconds or as a date", () => {
    assert.deepEqual((failure(response(429, "", { "retry-after": "3" }), context, now) as { waitMs: number }).waitMs, 3_000);
    assert.deepEqual((failure(response(503, "", { "retry-after": "Sun, 22 Nov 2026 12:00:02 GMT" }), context, now) as { waitMs: number }).waitMs, 2_000);
  });
  it("a permanent error is thrown at once", () => {
    const error = thrown(() => failure(response(403, errorXml("AccessDenied"), { "retry-after": "3" }), context, now));
    assert.ok(error instanceof ServiceError);
    assert.equal(error.status, 403);
    assert.equal(error.code, "AccessDenied");
  });
  it("a transient code under a 400 is retried", () => {
    assert.ok("retry" in failure(response(400, errorXml("RequestTimeout")), context, now));
  });
  it("RequestTimeTooSkewed carries the skew measured from the server's Date", () => {
    const error = thrown(() => failure(response(403, errorXml("RequestTimeTooSkewed"), { date: "Sun, 22 Nov 2026 11:40:00 GMT" }), context, now));
    assert.ok(error instanceof ServiceError);
    assert.match(error.hint ?? "", /1200 s ahead of/);
  });
  it("another code takes no clock hint, even with a Date header", () => {
    const error = thrown(() => failure(response(403, errorXml("AccessDenied"), { date: "Sun, 22 Nov 2026 11:40:00 GMT" }), context, now));
    assert.ok(error instanceof ServiceError);
    assert.doesNotMatch(error.hint ?? "", /ahead of|behind/);
  });
});

describe("acknowledged", () => {
  it("an empty 2xx proves the call", () => {
    assert.deepEqual(acknowledged(response(200), context, now), { done: undefined });
    assert.deepEqual(acknowledged(response(204, "  \n"), context, now), { done: undefined });
  });
  it("a cut XML body is retried as malformed", () => {
    const outcome = acknowledged(response(200, "<ServerSideEncryptionRule><Apply", { "content-type": "application/xml" }), context, now);
    assert.ok("retry" in outcome);
    assert.ok(outcome.retry instanceof MalformedResponseError);
    assert.match(outcome.retry.message, /^the acknowledgement is not XML: /);
    assert.ok(outcome.retry.cause !== undefined, "the parser's error is kept as the cause");
  });
  it("a body that claims XML but is none is read as a cut, by its content type", () => {
    const outcome = acknowledged(response(200, "OK then", { "content-type": "application/xml" }), context, now);
    assert.ok("retry" in outcome && outcome.retry instanceof MalformedResponseError);
  });
  it("a document that is not an error is refused, naming its root", () => {
    const error = thrown(() => acknowledged(response(200, "<ListAllMyBucketsResult/>", { "content-type": "application/xml" }), context, now));
    assert.ok(error instanceof AcknowledgementError);
    assert.match(error.message, /<ListAllMyBucketsResult> document/);
    assert.equal(error.contentType, "application/xml");
  });
  it("an HTML page is refused and never retried", () => {
    const error = thrown(() => acknowledged(response(200, "<html><body>login</body></html>", { "content-type": "text/html" }), context, now));
    assert.ok(error instanceof AcknowledgementError);
  });
  it("a transient error document under 200 is retried, after its Retry-After", () => {
    const outcome = acknowledged(response(200, errorXml("SlowDown"), { "retry-after": "2" }), context, now);
    assert.ok("retry" in outcome);
    assert.ok(outcome.retry instanceof AcknowledgementError);
    assert.equal(outcome.waitMs, 2_000);
  });
  it("a permanent error document under 200 is thrown", () => {
    const error = thrown(() => acknowledged(response(200, errorXml("AccessDenied")), context, now));
    assert.ok(error instanceof AcknowledgementError);
    assert.equal(error.code, "AccessDenied");
  });
});

describe("unproven", () => {
  it("retries only an error document whose code is transient", () => {
    assert.ok("retry" in unproven(response(200), context, { kind: "error-document", error: { code: "InternalError" } }, now));
    assert.ok(thrown(() => unproven(response(200), context, { kind: "error-document", error: { code: "NoSuchBucket" } }, now)) instanceof AcknowledgementError);
    assert.ok(thrown(() => unproven(response(200), context, { kind: "error-document", error: {} }, now)) instanceof AcknowledgementError);
    assert.ok(thrown(() => unproven(response(200), context, { kind: "other", excerpt: "InternalError" }, now)) instanceof AcknowledgementError);
  });
});
