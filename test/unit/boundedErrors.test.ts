import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { describeSourceFailure, withoutQueries } from "../../provider/errors/sourceFailure";

// A credential source's failure never carries a URL's query (tokens, signatures), whatever shape
// the URL takes in the text.

describe("withoutQueries", () => {
  const cases: Array<[string, string, string]> = [
    ["a URL", "GET https://h.example/creds?token=SECRET failed", "GET https://h.example/creds failed"],
    ["a URL without a path", "to http://127.0.0.1:8080?token=SECRET.", "to http://127.0.0.1:8080"],
    ["a request line (the library's timeout)", "ReadTimeout: 10000. GET /creds?token=SECRET failed.", "ReadTimeout: 10000. GET /creds failed."],
    ["host:port/path", "connect to 127.0.0.1:8080/creds?token=SECRET refused", "connect to 127.0.0.1:8080/creds refused"],
    ["a fragment", "see https://h/p#access_token=SECRET", "see https://h/p"],
    ["a bare query", "asked ?token=SECRET&x=1 then", "asked  then"],
    ["a word with a query and no path", "creds?token=SECRET", "creds"],
    ["a question in prose", "what? no. why?", "what? no. why?"],
    ["a path without a query", "read /home/u/.aliyun/config.json", "read /home/u/.aliyun/config.json"],
    ["two URLs", "a http://x/1?k=SECRET b http://y/2?k=SECRET", "a http://x/1 b http://y/2"],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(withoutQueries(input), expected));

  it("property: a URL-looking word's query never survives, the text around it does", () => {
    const segment = fc.stringMatching(/^[a-z0-9._-]{1,12}$/);
    const prefix = fc.constantFrom("http://", "https://", "", "GET /", "10.0.0.1:80/");
    const secret = fc.stringMatching(/^[A-Za-z0-9%+=._~-]{8,40}$/).map((s) => `Z${s}Z`);
    fc.assert(
      fc.property(prefix, fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom("?", "#"), segment, secret, (start, parts, mark, key, token) => {
        const text = `failed: ${start}${parts.join("/")}/${mark}${key}=${token} (after 3 attempts)`;
        const out = withoutQueries(text);
        assert.ok(!out.includes(token), out);
        assert.ok(out.startsWith("failed: ") && out.endsWith(" (after 3 attempts)"), out);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("describeSourceFailure drops queries and bounds what it scans", () => {
  it("the library's timeout, which named the URI's query", () => {
    assert.equal(describeSourceFailure(new Error("ReadTimeout: 10000. GET /creds?token=Q-SECRET failed.")), "ReadTimeout: 10000. GET /creds failed.");
  });
  it("a 100 MB message is described at once, bounded", () => {
    const started = Date.now();
    const described = describeSourceFailure(new Error(`error retrieving credentials from credentialsURI result: {"Code":"Success","AccessKeySecret":"SECRET","Pad":"${"x/".repeat(50 * 1024 * 1024)}"}`));
    assert.ok(Date.now() - started < 2_000, `${Date.now() - started} ms`);
    assert.equal(described, "error retrieving credentials from credentialsURI result");
  });
});
