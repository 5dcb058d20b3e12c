// A 2xx body that does not parse: a cut of the service's XML (retried) or someone else's answer
// (refused), told apart by what it claims (its type) and how it starts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifySuccessBody } from "../../../provider/client/successBody";

describe("classifySuccessBody: bodies that do not parse", () => {
  const cases: Array<[string, string, string | undefined, "malformed" | "unproven"]> = [
    ["a cut document, no type", "<ServerSideEncryptionRule><Apply", undefined, "malformed"],
    ["a cut document after blank lines", "\n  <ServerSideEncryptionRule><Apply", undefined, "malformed"],
    ["a cut document under text/plain", "<ServerSideEncryptionRule><Apply", "text/plain", "malformed"],
    ["text claiming XML", "OK then", "application/xml", "malformed"],
    ["text claiming XML with parameters", "OK then", "text/xml; charset=utf-8", "malformed"],
    ["text claiming XML in capitals", "OK then", "APPLICATION/XML", "malformed"],
    ["text claiming an +xml type", "OK then", "application/problem+xml", "malformed"],
    ["text ending in <, no type", "OK then <", undefined, "unproven"],
    ["text, no type", "OK then", undefined, "unproven"],
    ["text with a type that only contains xml", "OK then", "application/xmlish", "unproven"],
    ["text under text/plain", "OK then", "text/plain", "unproven"],
  ];
  for (const [name, body, type, kind] of cases) {
    it(`${name}: ${kind}`, () => assert.equal(classifySuccessBody(body, type).kind, kind));
  }
});
