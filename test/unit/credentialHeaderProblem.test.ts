import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { credentialHeaderProblem } from "../../provider/client/credentialHeaderProblem";

const SOURCE = "stack config alicloud:accessKey";

describe("credentialHeaderProblem", () => {
  const refused: Array<[string, { accessKeyId: string; secretAccessKey: string; securityToken?: string }, RegExp]> = [
    ["a key id ending in a line feed", { accessKeyId: "LTAI5t\n", secretAccessKey: "Plain7Secret" }, /^the access key id of the credentials from stack config alicloud:accessKey contains a line break/],
    ["a secret with a carriage return", { accessKeyId: "LTAIplainKey7", secretAccessKey: "se\rcret" }, /^the secret key .* contains a line break/],
    ["a token with CRLF", { accessKeyId: "LTAIplainKey7", secretAccessKey: "Plain7Secret", securityToken: "tok\r\nX-Evil: 1" }, /^the security token .* contains a line break/],
    ["a key id with a NUL", { accessKeyId: "LTAIwith\u0000Nul", secretAccessKey: "Plain7Secret" }, /^the access key id .* contains a control character/],
    ["a secret with a tab", { accessKeyId: "LTAIplainKey7", secretAccessKey: "Tab\tSecret" }, /^the secret key .* contains a control character/],
    ["a secret outside Latin-1", { accessKeyId: "LTAIplainKey7", secretAccessKey: "密钥" }, /^the secret key .* contains a character outside Latin-1/],
    ["a key id with an emoji", { accessKeyId: "LTAIsmile😀", secretAccessKey: "Plain7Secret" }, /^the access key id .* contains a character outside Latin-1/],
    ["a token with a C1 control", { accessKeyId: "LTAIplainKey7", secretAccessKey: "Plain7Secret", securityToken: "TokenC1\u0085Tail" }, /^the security token .* contains a control character/],
  ];
  for (const [name, credentials, expected] of refused) {
    it(`refuses ${name}, naming the source and never the value`, () => {
      const problem = credentialHeaderProblem({ ...credentials, source: SOURCE });
      assert.ok(problem !== undefined);
      assert.match(problem, expected);
      for (const value of [credentials.accessKeyId, credentials.secretAccessKey, credentials.securityToken ?? "\u0000none"]) {
        assert.ok(!problem.includes(value.trim()), "the value is never quoted");
      }
    });
  }

  const accepted: Array<[string, { accessKeyId: string; secretAccessKey: string; securityToken?: string }]> = [
    ["ordinary keys", { accessKeyId: "LTAI5tExample", secretAccessKey: "abc/DEF+123=" }],
    ["a long STS token", { accessKeyId: "STS.id", secretAccessKey: "Plain7Secret", securityToken: "CAIS".repeat(300) }],
    ["Latin-1 letters", { accessKeyId: "idé", secretAccessKey: "ÿ" }],
    ["spaces", { accessKeyId: "id with space", secretAccessKey: "Plain7Secret" }],
  ];
  for (const [name, credentials] of accepted) {
    it(`accepts ${name}`, () => assert.equal(credentialHeaderProblem(credentials), undefined));
  }

  it("without a source, says the configured credentials", () => {
    assert.match(credentialHeaderProblem({ accessKeyId: "a\n", secretAccessKey: "Plain7Secret" }) ?? "", /of the configured credentials/);
  });
});
