// The diff, change by change: which kind each change is, which ones replace, and the order they
// are reported in; a value not known yet always counts as a change.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffStates } from "../../../provider/lifecycle/diffStates";
import { UNKNOWN_VALUE } from "../../../provider/model/constants";
import { ENGINE_KEYS, PROPERTIES, PROPERTY_SPECS, REPLACING_PROPERTIES } from "../../../provider/model/properties";

const base = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", kmsMasterKeyId: "k1", signatureVersion: "v4" };

describe("diffStates details", () => {
  const cases: Array<{ name: string; olds: Record<string, unknown>; news: Record<string, unknown>; details: Array<[string, "add" | "delete" | "update", boolean]> }> = [
    { name: "nothing differs", olds: base, news: { ...base }, details: [] },
    { name: "a key id appears", olds: { ...base, kmsMasterKeyId: undefined }, news: base, details: [["kmsMasterKeyId", "add", false]] },
    { name: "a key id goes", olds: base, news: { ...base, kmsMasterKeyId: "" }, details: [["kmsMasterKeyId", "delete", false]] },
    { name: "a key id changes", olds: base, news: { ...base, kmsMasterKeyId: "k2" }, details: [["kmsMasterKeyId", "update", false]] },
    { name: "a profile appears", olds: base, news: { ...base, profile: "ops" }, details: [["profile", "add", false]] },
    { name: "a role goes", olds: { ...base, roleArn: "acs:ram::1:role/r" }, news: base, details: [["roleArn", "delete", false]] },
    {
      name: "the bucket and the algorithm change, reported in property order",
      olds: base,
      news: { ...base, sseAlgorithm: "AES256", kmsMasterKeyId: undefined, bucket: "other" },
      details: [
        ["bucket", "update", true],
        ["sseAlgorithm", "update", false],
        ["kmsMasterKeyId", "delete", false],
      ],
    },
    { name: "a region not known yet replaces, though the old one is the same string", olds: base, news: { ...base, region: UNKNOWN_VALUE }, details: [["region", "update", true]] },
    { name: "a key id not known yet is an update", olds: base, news: { ...base, kmsMasterKeyId: UNKNOWN_VALUE }, details: [["kmsMasterKeyId", "update", false]] },
    { name: "an unknown value stored before and now is still a change", olds: { ...base, profile: UNKNOWN_VALUE }, news: { ...base, profile: UNKNOWN_VALUE }, details: [["profile", "update", false]] },
    { name: "a key unknown before, absent now, goes", olds: { ...base, profile: UNKNOWN_VALUE }, news: base, details: [["profile", "delete", false]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outcome = diffStates(c.olds, c.news);
      assert.deepEqual(
        outcome.details.map((d) => [d.property, d.kind, d.replaces]),
        c.details,
      );
      assert.deepEqual(
        outcome.changed,
        c.details.map(([p]) => p),
      );
      const replaces = c.details.filter(([, , r]) => r).map(([p]) => p);
      assert.deepEqual(outcome.replaces, replaces);
      assert.equal(outcome.changes, c.details.length > 0);
      assert.equal(outcome.deleteBeforeReplace, replaces.length > 0);
    });
  }
});

describe("the property table", () => {
  it("the bucket's identity, and only it, replaces", () => {
    assert.deepEqual(REPLACING_PROPERTIES, ["cloud", "region", "bucket"]);
    for (const property of PROPERTIES) {
      const outcome = diffStates(base, { ...base, [property]: "changed-value" });
      assert.deepEqual(outcome.replaces, REPLACING_PROPERTIES.includes(property) ? [property] : [], property);
    }
  });
  it("what the engine adds is not a property, and differs without a diff", () => {
    assert.deepEqual(ENGINE_KEYS, ["__provider"]);
    assert.equal(diffStates({ ...base, __provider: "a" }, { ...base, __provider: "b" }).changes, false);
  });
  it("the inputs a resource must give are its identity and its algorithm", () => {
    assert.deepEqual(
      PROPERTIES.filter((p) => PROPERTY_SPECS[p].required),
      ["cloud", "region", "bucket", "sseAlgorithm"],
    );
  });
});
