import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifySuccessBody } from "../../provider/client/successBody";

// What a 2xx body proves. Both clouds document an empty body for PUT (200) and DELETE (204).

describe("classifySuccessBody", () => {
  const cases: Array<[string, string, string | undefined, unknown]> = [
    ["the documented empty body", "", undefined, { kind: "empty" }],
    ["whitespace only", " \r\n", "application/xml", { kind: "empty" }],
    [
      "an Aliyun error document under 200",
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>You have no right.</Message><RequestId>R1</RequestId><EC>0003-00000001</EC></Error>`,
      "application/xml",
      { kind: "unproven", body: { kind: "error-document", error: { code: "AccessDenied", message: "You have no right.", requestId: "R1", ec: "0003-00000001" } } },
    ],
    [
      "an S3 error document under 200, namespaced",
      `<Error xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Code>SlowDown</Code><Message>Reduce your rate.</Message></Error>`,
      undefined,
      { kind: "unproven", body: { kind: "error-document", error: { code: "SlowDown", message: "Reduce your rate." } } },
    ],
    ["an HTML page by its type", "<p>Welcome</p>", "text/html; charset=utf-8", { kind: "unproven", body: { kind: "html", excerpt: "an HTML page" } }],
    [
      "an HTML page by its look, type claimed XML",
      "<!DOCTYPE html>\n<html><head><title>Wi-Fi login</title></head><body/></html>",
      "application/xml",
      { kind: "unproven", body: { kind: "html", excerpt: 'an HTML page titled "Wi-Fi login"' } },
    ],
    [
      "an XHTML page (well-formed XML)",
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Proxy</title></head><body/></html>`,
      "application/xhtml+xml",
      { kind: "unproven", body: { kind: "html", excerpt: 'an HTML page titled "Proxy"' } },
    ],
    ["plain text", "OK", "text/plain", { kind: "unproven", body: { kind: "other", excerpt: '"OK"' } }],
  ];
  for (const [name, body, type, expected] of cases) {
    it(name, () => assert.deepEqual(classifySuccessBody(body, type), expected));
  }

  it("a cut of the service's XML may heal", () => {
    const out = classifySuccessBody("<ServerSideEncryptionRule><ApplyServerSideEncryptionBy", "application/xml");
    assert.equal(out.kind, "malformed");
  });

  it("another document is a document, judged by the operation", () => {
    const out = classifySuccessBody("<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>", "application/xml");
    assert.equal(out.kind, "document");
    assert.equal(out.kind === "document" ? out.root : "", "ServerSideEncryptionRule");
  });
});
