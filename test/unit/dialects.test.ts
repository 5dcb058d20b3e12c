import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aliyun as aliyunDialect } from "../../provider/clouds/aliyun";
import { jdcloud as jdcloudDialect } from "../../provider/clouds/jdcloud";
import { MalformedResponseError } from "../../provider/errors/MalformedResponseError";
import type { EncryptionRule } from "../../provider/model/types";

describe("Aliyun rule XML", () => {
  const encodeCases: Array<[string, EncryptionRule, string]> = [
    ["KMS with key (the seed's example)", { sseAlgorithm: "KMS", kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac****".replace(/\*/g, "0") }, "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>9468da86-3509-4f8d-a61e-6eab1eac0000</KMSMasterKeyID>"],
    ["AES256 (the seed's syntax block)", { sseAlgorithm: "AES256" }, "<SSEAlgorithm>AES256</SSEAlgorithm>"],
    ["KMS with SM4 data encryption", { sseAlgorithm: "KMS", kmsDataEncryption: "SM4" }, "<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>"],
    ["SM4", { sseAlgorithm: "SM4" }, "<SSEAlgorithm>SM4</SSEAlgorithm>"],
  ];
  for (const [name, rule, children] of encodeCases) {
    it(`encodes ${name}`, () => {
      assert.equal(
        aliyunDialect.encodeRule(rule),
        `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>${children}</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`,
      );
      assert.deepEqual(aliyunDialect.decodeRule(aliyunDialect.encodeRule(rule)), rule);
    });
  }
  const decodeCases: Array<[string, string, EncryptionRule]> = [
    [
      "the seed's request body, with its empty KMSMasterKeyID",
      `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule>\n  <ApplyServerSideEncryptionByDefault>\n    <SSEAlgorithm>AES256</SSEAlgorithm>\n    <KMSMasterKeyID></KMSMasterKeyID>\n  </ApplyServerSideEncryptionByDefault>\n</ServerSideEncryptionRule>`,
      { sseAlgorithm: "AES256" },
    ],
    [
      "the seed's KMS example",
      `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionRule>\n  <ApplyServerSideEncryptionByDefault>\n    <SSEAlgorithm>KMS</SSEAlgorithm>\n    <KMSMasterKeyID>9468da86-3509-4f8d-a61e-6eab1eac****</KMSMasterKeyID>\n  </ApplyServerSideEncryptionByDefault>\n</ServerSideEncryptionRule>`,
      { sseAlgorithm: "KMS", kmsMasterKeyId: "9468da86-3509-4f8d-a61e-6eab1eac****" },
    ],
    [
      "children in another order, a self-closing key",
      `<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><KMSDataEncryption>SM4</KMSDataEncryption><KMSMasterKeyID/><SSEAlgorithm>KMS</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`,
      { sseAlgorithm: "KMS", kmsDataEncryption: "SM4" },
    ],
  ];
  for (const [name, body, rule] of decodeCases) {
    it(`decodes ${name}`, () => assert.deepEqual(aliyunDialect.decodeRule(body), rule));
  }
});

describe("JD Cloud rule XML", () => {
  it("encodes the seed's body with the S3 namespace and aws:kms", () => {
    assert.equal(
      jdcloudDialect.encodeRule({ sseAlgorithm: "KMS" }),
      `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
    );
  });
  const decodeCases: Array<[string, string, EncryptionRule]> = [
    [
      "the seed's example (with xmlns)",
      `<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/" >\n  <Rule>\n    <ApplyServerSideEncryptionByDefault>\n        <SSEAlgorithm>aws:kms</SSEAlgorithm>\n    </ApplyServerSideEncryptionByDefault>\n  </Rule>\n</ServerSideEncryptionConfiguration>`,
      { sseAlgorithm: "KMS" },
    ],
    [
      "the seed's first body (no xmlns)",
      `<ServerSideEncryptionConfiguration>\n  <Rule>\n    <ApplyServerSideEncryptionByDefault>\n            <SSEAlgorithm>aws:kms</SSEAlgorithm>\n    </ApplyServerSideEncryptionByDefault>\n</Rule>\n</ServerSideEncryptionConfiguration>`,
      { sseAlgorithm: "KMS" },
    ],
    [
      "MinIO's answer with a key and a BucketKeyEnabled",
      `<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>e2e-key</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
      { sseAlgorithm: "KMS", kmsMasterKeyId: "e2e-key" },
    ],
    [
      "AES256 set out-of-band",
      `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
      { sseAlgorithm: "AES256" },
    ],
    [
      "a prefixed namespace",
      `<s3:ServerSideEncryptionConfiguration xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/"><s3:Rule><s3:ApplyServerSideEncryptionByDefault><s3:SSEAlgorithm>aws:kms</s3:SSEAlgorithm></s3:ApplyServerSideEncryptionByDefault></s3:Rule></s3:ServerSideEncryptionConfiguration>`,
      { sseAlgorithm: "KMS" },
    ],
  ];
  for (const [name, body, rule] of decodeCases) {
    it(`decodes ${name}`, () => assert.deepEqual(jdcloudDialect.decodeRule(body), rule));
  }
});

describe("hostile or broken rule bodies are refused", () => {
  const bodies: Array<[string, string]> = [
    ["empty", ""],
    ["not XML", "Service Unavailable"],
    ["cut short", "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgo"],
    ["an HTML page", "<html><body>502 Bad Gateway</body></html>"],
    ["a DOCTYPE with entities (billion laughs)", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>&lol2;</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`],
    ["an external entity", `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>&x;</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`],
    ["a rule document without ApplyServerSideEncryptionByDefault", `<ServerSideEncryptionRule><Other>KMS</Other></ServerSideEncryptionRule>`],
    ["the other dialect's shape", `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`],
  ];
  for (const [name, body] of bodies) {
    it(name, () => assert.throws(() => aliyunDialect.decodeRule(body), MalformedResponseError));
  }
});

describe("values read from a server are facts: decoded as they are, whatever check would say", () => {
  const longKey = "k".repeat(60_000);
  const oss: Array<[string, string, unknown]> = [
    ["an algorithm no cloud documents", "<SSEAlgorithm>DES</SSEAlgorithm>", { sseAlgorithm: "DES" }],
    ["SM4 with a key id", "<SSEAlgorithm>SM4</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID>", { sseAlgorithm: "SM4", kmsMasterKeyId: "key-1" }],
    ["a key id with a space", "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>my key</KMSMasterKeyID>", { sseAlgorithm: "KMS", kmsMasterKeyId: "my key" }],
    ["a key id of 60,000 characters", `<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>${longKey}</KMSMasterKeyID>`, { sseAlgorithm: "KMS", kmsMasterKeyId: longKey }],
    ["a data encryption no cloud documents", "<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>SM9</KMSDataEncryption>", { sseAlgorithm: "KMS", kmsDataEncryption: "SM9" }],
    ["escaped markup in a key id", "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>&lt;b&gt;&amp;&#x1F600;</KMSMasterKeyID>", { sseAlgorithm: "KMS", kmsMasterKeyId: "<b>&\u{1F600}" }],
    ["an empty algorithm", "<SSEAlgorithm></SSEAlgorithm>", { sseAlgorithm: "" }],
  ];
  for (const [name, inner, expected] of oss) {
    it(`OSS: ${name}`, () =>
      assert.deepEqual(aliyunDialect.decodeRule(`<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>${inner}</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`), expected));
  }
  const s3: Array<[string, string, unknown]> = [
    ["AES256 set out-of-band", "<SSEAlgorithm>AES256</SSEAlgorithm>", { sseAlgorithm: "AES256" }],
    ["aws:kms:dsse, which this package never writes", "<SSEAlgorithm>aws:kms:dsse</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:k</KMSMasterKeyID>", { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: "arn:aws:kms:k" }],
    ["aws:kms is KMS", "<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>a b c</KMSMasterKeyID>", { sseAlgorithm: "KMS", kmsMasterKeyId: "a b c" }],
  ];
  for (const [name, inner, expected] of s3) {
    it(`S3: ${name}`, () =>
      assert.deepEqual(
        jdcloudDialect.decodeRule(`<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault>${inner}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`),
        expected,
      ));
  }
});
