import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN_VALUE } from "../../provider/model/constants";
import { diffStates } from "../../provider/lifecycle/diffStates";

const olds = { __provider: "old text", cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", kmsMasterKeyId: "k1", signatureVersion: "v4" };

describe("diffStates", () => {
  const cases: Array<{ name: string; olds?: Record<string, unknown>; news: Record<string, unknown>; changes: boolean; replaces: string[]; changed?: string[] }> = [
    { name: "equal", news: { ...olds, __provider: "new text" }, changes: false, replaces: [] },
    { name: "__provider change alone is no change", news: { ...olds, __provider: "other" }, changes: false, replaces: [] },
    { name: "aws:kms vs KMS", olds: { ...olds, cloud: "jdcloud", region: "cn-north-1", sseAlgorithm: "aws:kms", signatureVersion: undefined }, news: { ...olds, cloud: "jdcloud", region: "cn-north-1", signatureVersion: undefined }, changes: false, replaces: [] },
    { name: "oss- region prefix in old state", olds: { ...olds, region: "oss-cn-hangzhou" }, news: olds, changes: false, replaces: [] },
    { name: "empty vs absent key id", olds: { ...olds, kmsMasterKeyId: "" }, news: { ...olds, kmsMasterKeyId: undefined }, changes: false, replaces: [] },
    { name: "absent signature version is v4 on Aliyun", olds: { ...olds, signatureVersion: undefined }, news: olds, changes: false, replaces: [] },
    { name: "algorithm change updates in place", news: { ...olds, sseAlgorithm: "AES256", kmsMasterKeyId: undefined }, changes: true, replaces: [], changed: ["sseAlgorithm", "kmsMasterKeyId"] },
    { name: "key change updates in place", news: { ...olds, kmsMasterKeyId: "k2" }, changes: true, replaces: [], changed: ["kmsMasterKeyId"] },
    { name: "endpoint change updates, never replaces", news: { ...olds, endpoint: "https://oss-cn-hangzhou-internal.aliyuncs.com" }, changes: true, replaces: [], changed: ["endpoint"] },
    { name: "signature version change updates, never replaces", news: { ...olds, signatureVersion: "v1" }, changes: true, replaces: [], changed: ["signatureVersion"] },
    { name: "bucket change replaces", news: { ...olds, bucket: "other" }, changes: true, replaces: ["bucket"] },
    { name: "region change replaces", news: { ...olds, region: "cn-shanghai" }, changes: true, replaces: ["region"] },
    { name: "cloud change replaces", news: { ...olds, cloud: "jdcloud" }, changes: true, replaces: ["cloud"] },
    { name: "unknown bucket during preview replaces", news: { ...olds, bucket: UNKNOWN_VALUE }, changes: true, replaces: ["bucket"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outcome = diffStates(c.olds ?? olds, c.news);
      assert.equal(outcome.changes, c.changes);
      assert.deepEqual(outcome.replaces, c.replaces);
      assert.equal(outcome.deleteBeforeReplace, c.replaces.length > 0);
      if (c.changed !== undefined) assert.deepEqual(outcome.changed, c.changed);
    });
  }
});
