import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clockSkewHint } from "../../provider/client/clockSkew";
import { ServiceError } from "../../provider/errors/ServiceError";
import { parseServiceErrorBody } from "../../provider/xml/serviceErrorBody";
import { isTransientResponse } from "../../provider/errors/transience";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, retryAfterMs } from "../../provider/http/retryPolicy";

const context = { resource: "aliyun:cn-hangzhou:acme-logs", cloud: "aliyun" as const, serviceName: "Alibaba Cloud OSS", method: "PUT" };

describe("service error bodies", () => {
  const cases: Array<[string, string, ReturnType<typeof parseServiceErrorBody>]> = [
    [
      "Aliyun with EC",
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>NoSuchServerSideEncryptionRule</Code>\n  <Message>The server side encryption configuration was not found</Message>\n  <RequestId>5C1B138A109F4E405B2D8AEF</RequestId>\n  <HostId>acme.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0005-00000004</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0005-00000004</RecommendDoc>\n</Error>`,
      { code: "NoSuchServerSideEncryptionRule", message: "The server side encryption configuration was not found", requestId: "5C1B138A109F4E405B2D8AEF", ec: "0005-00000004" },
    ],
    [
      "Aliyun with a namespace",
      `<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com"><Code>AccessDenied</Code><Message>You have no right to access this object.</Message><RequestId>AB12</RequestId></Error>`,
      { code: "AccessDenied", message: "You have no right to access this object.", requestId: "AB12" },
    ],
    [
      "S3 (MinIO) with an escaped quote",
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region is wrong; expecting &#39;cn-north-1&#39;.</Message><BucketName>b</BucketName><Resource>/b</Resource><RequestId>18EA</RequestId><HostId>dd9</HostId></Error>`,
      { code: "AuthorizationHeaderMalformed", message: "the region is wrong; expecting 'cn-north-1'.", requestId: "18EA" },
    ],
    ["empty body", "", {}],
    ["HTML from a proxy", "<html><body>Bad Gateway</body></html>", { excerpt: "an HTML page" }],
    ["an HTML page with a title", "<!DOCTYPE html><html><head><title>Sign in\u001b[31m</title></head></html>", { excerpt: 'an HTML page titled "Sign in"' }],
    ["a DOCTYPE", `<!DOCTYPE x [<!ENTITY a "b">]><Error><Code>&a;</Code></Error>`, { excerpt: `"<!DOCTYPE x [<!ENTITY a "b">]><Error><Code>&a;</Code></Error>"` }],
    ["plain text", "Service Unavailable\r\n", { excerpt: '"Service Unavailable"' }],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.deepEqual(parseServiceErrorBody(body), expected));
  }
});

describe("ServiceError messages", () => {
  it("name the resource, cloud, status, code, message, request id and a hint", () => {
    const e = new ServiceError(context, 403, { code: "AccessDenied", message: "You have no right to access this object.", requestId: "RID1" }, undefined);
    assert.equal(
      e.message,
      "PUT ?encryption on aliyun:cn-hangzhou:acme-logs (Alibaba Cloud OSS) failed after 1 attempt: HTTP 403 AccessDenied: You have no right to access this object. [request id RID1]. Next: the access key lacks permission for bucket encryption (PutBucketEncryption/GetBucketEncryption/DeleteBucketEncryption), or the bucket belongs to another account.",
    );
  });
  it("fall back to the request id header and the status alone, with what to do next", () => {
    const e = new ServiceError(context, 502, {}, "HDR-ID");
    assert.equal(
      e.message,
      "PUT ?encryption on aliyun:cn-hangzhou:acme-logs (Alibaba Cloud OSS) failed after 1 attempt: HTTP 502 [request id HDR-ID]. Next: the service is busy or failing; retry later, or allow more time (bucketEncryption:maxAttempts, bucketEncryption:maxElapsedMs).",
    );
    assert.match(e.afterAttempts(3).message, /failed after 3 attempts: HTTP 502/);
  });
  it("quote a body that is not an error document", () => {
    const e = new ServiceError(context, 403, { excerpt: 'an HTML page titled "Proxy login"' }, undefined);
    assert.match(e.message, /HTTP 403: an HTML page titled "Proxy login"\. Next: the service refused the request as sent/);
  });
  for (const code of ["toString", "constructor", "__proto__"]) {
    it(`a code named like an Object member (${code}) gets the generic advice, not a function`, () => {
      const message = new ServiceError(context, 400, { code }, undefined).message;
      assert.match(message, /Next: the service refused the request as sent/);
      assert.doesNotMatch(message, /function|\[object/);
    });
  }
  for (const code of ["NoSuchBucket", "InvalidArgument", "InvalidEncryptionAlgorithmError", "SignatureDoesNotMatch"]) {
    it(`hint for ${code}`, () => assert.match(new ServiceError(context, 400, { code }, undefined).message, /Next: /));
  }
});

describe("clock skew", () => {
  it("says by how much and which way", () => {
    assert.match(clockSkewHint("Sun, 22 Nov 2026 12:00:00 GMT", new Date("2026-11-22T12:20:00Z")), /1200 s ahead of the service's/);
    assert.match(clockSkewHint("Sun, 22 Nov 2026 12:00:00 GMT", new Date("2026-11-22T11:30:00Z")), /1800 s behind the service's/);
    assert.match(clockSkewHint(undefined, new Date()), /more than 15 minutes/);
  });
});

describe("retry policy", () => {
  const transient: Array<[number, string | undefined, boolean]> = [
    [500, "InternalError", true],
    [503, "SlowDown", true],
    [503, "ServiceUnavailable", true],
    [429, undefined, true],
    [502, undefined, true],
    [504, undefined, true],
    [400, "RequestTimeout", true],
    [403, "AccessDenied", false],
    [400, "InvalidArgument", false],
    [404, "NoSuchBucket", false],
    [403, "RequestTimeTooSkewed", false],
    [400, "MalformedXML", false],
    [501, "NotImplemented", false],
  ];
  for (const [status, code, expected] of transient) {
    it(`${status} ${code ?? "(no code)"} is ${expected ? "" : "not "}retried`, () => assert.equal(isTransientResponse(status, code), expected));
  }
  it("full jitter stays under an exponentially growing, capped ceiling", () => {
    const p = DEFAULT_RETRY_POLICY;
    assert.equal(backoffDelayMs(1, p, () => 0.999999), p.baseDelayMs - 1);
    assert.equal(backoffDelayMs(3, p, () => 0.5), (p.baseDelayMs * 4) / 2);
    assert.equal(backoffDelayMs(30, p, () => 0.999999), p.maxDelayMs - 1);
    assert.equal(backoffDelayMs(5, p, () => 0), 0);
  });
  it("Retry-After in seconds or as a date", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    assert.equal(retryAfterMs("3", now), 3000);
    assert.equal(retryAfterMs("Sun, 22 Nov 2026 12:00:05 GMT", now), 5000);
    assert.equal(retryAfterMs("soon", now), undefined);
    assert.equal(retryAfterMs(undefined, now), undefined);
  });
});
