import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { storedLocation } from "../../provider/lifecycle/storedLocation";

// read and delete take only the location from state (or the id): nothing in the stored rule can
// stop them, and a stored endpoint is used as it is or refused, never replaced by another host.

const ALIYUN_ID = "aliyun:cn-hangzhou:acme-logs";
const JD_ID = "jdcloud:cn-north-1:acme-backups";

describe("storedLocation", () => {
  const found: Array<[string, string, Record<string, unknown>, unknown]> = [
    ["a normal Aliyun state", ALIYUN_ID, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", signatureVersion: "v4" }, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", signatureVersion: "v4" }],
    [
      "a JD Cloud state holding AES256 (refused as input)",
      JD_ID,
      { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", sseAlgorithm: "AES256", endpoint: "https://s3.cn-north-1.jcloudcs.com" },
      { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", endpoint: "https://s3.cn-north-1.jcloudcs.com" },
    ],
    [
      "an Aliyun state whose key id has a space, 300 characters and SM4",
      ALIYUN_ID,
      { cloud: "aliyun", region: "oss-cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "SM4", kmsMasterKeyId: `a b${"c".repeat(300)}`, kmsDataEncryption: "SM9", signatureVersion: "v1" },
      { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", signatureVersion: "v1" },
    ],
    ["a rule of any type at all", ALIYUN_ID, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: 42, kmsMasterKeyId: { nested: true }, unknownField: "x" }, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", signatureVersion: "v4" }],
    ["the id alone", ALIYUN_ID, {}, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", signatureVersion: "v4" }],
    ["the id alone, with a stored endpoint", JD_ID, { endpoint: "http://127.0.0.1:9000/" }, { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", endpoint: "http://127.0.0.1:9000" }],
    ["a broken stored bucket, the id's is used", JD_ID, { cloud: "jdcloud", region: "cn-north-1", bucket: "../other" }, { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups" }],
    ["an unknown stored signature version falls back to the default", ALIYUN_ID, { cloud: "aliyun", signatureVersion: "v9" }, { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", signatureVersion: "v4" }],
  ];
  for (const [name, id, props, expected] of found) {
    it(name, () => assert.deepEqual(storedLocation(id, props), { location: expected }));
  }

  const refused: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ["a stored endpoint over plain http to a remote host", JD_ID, { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", endpoint: "http://s3.cn-north-1.jcloudcs.com" }, /^the stored endpoint "http:\/\/s3\.cn-north-1\.jcloudcs\.com" is refused by this release's rules \(it must use https.*never sent to another host instead$/],
    ["a stored endpoint with a path", ALIYUN_ID, { cloud: "aliyun", endpoint: "https://proxy.example.com/oss" }, /the stored endpoint "https:\/\/proxy\.example\.com\/oss" is refused/],
    ["a stored endpoint with port 0", ALIYUN_ID, { cloud: "aliyun", endpoint: "http://127.0.0.1:0" }, /the stored endpoint "http:\/\/127\.0\.0\.1:0" is refused .*port 0/],
    ["a stored endpoint that is not a URL", ALIYUN_ID, { endpoint: "not a url\u001b[31m" }, /the stored endpoint "not a url" is refused/],
    ["a stored endpoint that is not a string", ALIYUN_ID, { endpoint: 7 }, /the stored endpoint is not a string \(number\)/],
    ["no cloud anywhere", "imported-thing", {}, /neither the state nor the id "imported-thing" names a cloud/],
    ["no valid region anywhere", "nonsense", { cloud: "jdcloud", region: "north", bucket: "acme" }, /holds a valid region for jdcloud/],
  ];
  for (const [name, id, props, expected] of refused) {
    it(`refuses ${name}`, () => {
      const result = storedLocation(id, props);
      assert.ok("problem" in result, JSON.stringify(result));
      assert.match(result.problem, expected);
    });
  }
});
