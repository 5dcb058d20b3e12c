import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { LiveLookup } from "../../../../cli/drift/classify";
import type { LiveRule } from "../../../../cli/drift/model";
import { compareWithState, recordedLocation } from "../../../../cli/drift/state/compareWithState";
import { planReads, type ReadStack, stackFindings } from "../../../../cli/drift/state/planReads";
import type { RecordedResource } from "../../../../cli/drift/state/recordedResources";

const DYNAMIC = "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption";
const PLUGIN = "bucket-encryption:index:BucketEncryption";
const urn = (name: string, type = DYNAMIC) => `urn:pulumi:prod::infra::${type}::${name}`;

function recorded(name: string, outputs: Record<string, unknown>, settings: RecordedResource["settings"] = { kind: "stack-config" }, type = DYNAMIC): RecordedResource {
  return { urn: urn(name, type), type, id: `${String(outputs["cloud"])}:${String(outputs["region"])}:${String(outputs["bucket"])}`, outputs, settings };
}
const kms = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", kmsMasterKeyId: "k1", signatureVersion: "v4" };
const s3 = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-jd", sseAlgorithm: "KMS", kmsMasterKeyId: "k1" };
const provider = (endpoints: Record<string, string>): RecordedResource["settings"] => ({ kind: "provider", ref: "urn::id", fingerprint: "f", config: { lookup: () => undefined, endpoints } });

describe("compareWithState: the live rule against the rule the state recorded", () => {
  const cases: Array<{ name: string; outputs: Record<string, unknown>; lookup: LiveLookup | { notRead: string }; expect: Record<string, unknown> }> = [
    { name: "the same rule: in sync", outputs: kms, lookup: { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } }, expect: { status: "in-sync", live: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } } },
    {
      name: "algorithm changed: both rule properties, recorded and live",
      outputs: kms,
      lookup: { rule: { sseAlgorithm: "AES256" } },
      expect: { status: "drifted", properties: [{ property: "sseAlgorithm", declared: "KMS", live: "AES256" }, { property: "kmsMasterKeyId", declared: "k1", live: null }] },
    },
    { name: "key changed", outputs: kms, lookup: { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k2" } }, expect: { status: "drifted", properties: [{ property: "kmsMasterKeyId", declared: "k1", live: "k2" }] } },
    { name: "S3's wire value aws:kms is the recorded KMS", outputs: s3, lookup: { rule: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k1" } }, expect: { status: "in-sync", live: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } } },
    { name: "a data-encryption algorithm appeared", outputs: kms, lookup: { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1", kmsDataEncryption: "SM4" } }, expect: { status: "drifted", properties: [{ property: "kmsDataEncryption", declared: null, live: "SM4" }] } },
    { name: "rule deleted", outputs: kms, lookup: { absent: "no-rule" }, expect: { status: "rule-missing", declared: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } } },
    { name: "bucket deleted", outputs: kms, lookup: { absent: "no-bucket" }, expect: { status: "bucket-missing" } },
    {
      name: "403: could not be read, with status, code and request id",
      outputs: kms,
      lookup: { error: { message: "GET … HTTP 403 AccessDenied", httpStatus: 403, code: "AccessDenied", requestId: "5C1B" } },
      expect: { status: "unreadable", error: { message: "GET … HTTP 403 AccessDenied", httpStatus: 403, code: "AccessDenied", requestId: "5C1B" } },
    },
    { name: "never read", outputs: kms, lookup: { notRead: "no region" }, expect: { status: "unreadable", error: { message: "not read: no region" } } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const finding = compareWithState(recorded("logs", c.outputs), c.lookup);
      assert.equal(finding.comparedWith, "state");
      assert.equal(finding.name, "logs");
      for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(finding[key as keyof typeof finding], value, key);
      if (c.expect["properties"] === undefined) assert.equal(finding.properties, undefined);
    });
  }

  it("property: in sync exactly when the live rule is the recorded one (after the aliases), and only rule properties ever drift", () => {
    const algorithm = fc.constantFrom("KMS", "AES256", "SM4");
    const optional = fc.option(fc.constantFrom("k1", "k2", "SM4"), { nil: undefined });
    const rule = fc.record({ sseAlgorithm: algorithm, kmsMasterKeyId: optional, kmsDataEncryption: optional });
    fc.assert(
      fc.property(rule, rule, (was, now) => {
        const outputs = { ...kms, ...was };
        const live: LiveRule = Object.fromEntries(Object.entries(now).filter(([, v]) => v !== undefined)) as unknown as LiveRule;
        const finding = compareWithState(recorded("p", outputs), { rule: live });
        const same = was.sseAlgorithm === now.sseAlgorithm && was.kmsMasterKeyId === now.kmsMasterKeyId && was.kmsDataEncryption === now.kmsDataEncryption;
        assert.equal(finding.status, same ? "in-sync" : "drifted");
        for (const p of finding.properties ?? []) assert.ok(["sseAlgorithm", "kmsMasterKeyId", "kmsDataEncryption"].includes(p.property));
      }),
    );
  });
});

describe("recordedLocation: where a recorded resource is read", () => {
  it("from its outputs, as a refresh reads it", () => {
    assert.deepEqual(recordedLocation(recorded("a", { ...kms, endpoint: "http://127.0.0.1:9000/", profile: "p" })), {
      location: { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", endpoint: "http://127.0.0.1:9000", signatureVersion: "v4", profile: "p" },
    });
  });
  it("a plugin resource without an endpoint uses its provider's endpoint for its cloud; its own endpoint wins", () => {
    const viaProvider = recordedLocation(recorded("a", kms, provider({ aliyun: "http://127.0.0.1:9001", jdcloud: "http://127.0.0.1:9002" }), PLUGIN));
    assert.ok("location" in viaProvider);
    assert.equal(viaProvider.location.endpoint, "http://127.0.0.1:9001");
    const own = recordedLocation(recorded("a", { ...kms, endpoint: "http://127.0.0.1:9100" }, provider({ aliyun: "http://127.0.0.1:9001" }), PLUGIN));
    assert.ok("location" in own);
    assert.equal(own.location.endpoint, "http://127.0.0.1:9100");
    const otherCloud = recordedLocation(recorded("a", kms, provider({ jdcloud: "http://127.0.0.1:9002" }), PLUGIN));
    assert.ok("location" in otherCloud);
    assert.equal(otherCloud.location.endpoint, undefined);
  });
  it("state that names no usable location is a problem, never a guess", () => {
    const result = recordedLocation({ ...recorded("a", { ...kms, region: 7 }), id: "" });
    assert.ok("problem" in result);
  });
});

describe("planReads and stackFindings", () => {
  const stack = (name: string, fingerprint: string, resources: RecordedResource[]): ReadStack => ({ name, resources, config: () => undefined, configFingerprint: fingerprint });
  it("one read per resource; stacks configured alike share a client key; problems are never sent", () => {
    const a = stack("a", "same", [recorded("x", kms), recorded("bad", { ...kms, cloud: "nowhere" })]);
    const b = stack("b", "same", [recorded("y", kms), recorded("z", kms, { kind: "problem", problem: "no provider" }, PLUGIN)]);
    const c = stack("c", "other", [recorded("w", kms)]);
    const plan = planReads([a, b, c]);
    assert.deepEqual(plan.reads.map((r) => r.key.split("\u0000")[0]), ["a", "b", "c"]);
    assert.equal(plan.reads[0]?.clientKey, plan.reads[1]?.clientKey);
    assert.notEqual(plan.reads[0]?.clientKey, plan.reads[2]?.clientKey);
    assert.equal(plan.notRead.size, 2);
    const lookups = new Map(plan.reads.map((r) => [r.key, { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } }]));
    assert.deepEqual(stackFindings(b, plan, lookups).map((f) => [f.name, f.status, f.error?.message]), [["y", "in-sync", undefined], ["z", "unreadable", "not read: no provider"]]);
    assert.match(stackFindings(a, plan, lookups)[1]?.error?.message ?? "", /^not read: neither the state nor the id/);
  });
});
