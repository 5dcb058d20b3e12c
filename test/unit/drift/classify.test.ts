import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { classify, type LiveLookup, probesNeeded } from "../../../cli/drift/classify";
import type { ResourceFinding } from "../../../cli/drift/model";
import { newObservations, observeEvent } from "../../../cli/drift/observeEvents";
import { REPO_ROOT } from "../../support/tools";
import { diagnostic, props, refresh, step, urnOf } from "./events";

const fold = (events: readonly EngineEvent[]) => {
  const observations = newObservations();
  for (const e of events) observeEvent(observations, e);
  return observations;
};

const SERVICE_403 =
  "Preview failed: GET ?encryption on aliyun:cn-hangzhou:acme-one (Alibaba Cloud OSS) failed: HTTP 403 AccessDenied: You have no right to access this bucket. [request id 5C1B0A]. Next: the access key lacks permission.";

interface Case {
  readonly name: string;
  readonly events: EngineEvent[];
  readonly lookups?: Record<string, LiveLookup>;
  /** Which resources the command must read itself. */
  readonly probes?: string[];
  readonly expect: Partial<ResourceFinding>;
}

const stored = props("acme-one");
const cases: Case[] = [
  {
    name: "same after refresh: in sync",
    events: [...refresh("r", stored, stored), ...step("same", "r", stored, stored)],
    expect: { status: "in-sync", comparedWith: "program", id: "aliyun:cn-hangzhou:acme-one", live: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } },
  },
  {
    name: "algorithm changed out-of-band: drifted, declared and live values",
    events: [...refresh("r", stored, props("acme-one", { sseAlgorithm: "AES256", kmsMasterKeyId: undefined })), ...step("update", "r", props("acme-one", { sseAlgorithm: "AES256", kmsMasterKeyId: undefined }), stored)],
    expect: {
      status: "drifted",
      properties: [
        { property: "sseAlgorithm", declared: "KMS", live: "AES256" },
        { property: "kmsMasterKeyId", declared: "k1", live: null },
      ],
    },
  },
  {
    name: "key id changed: drifted on kmsMasterKeyId only",
    events: [...refresh("r", stored, props("acme-one", { kmsMasterKeyId: "k2" })), ...step("update", "r", props("acme-one", { kmsMasterKeyId: "k2" }), stored)],
    expect: { status: "drifted", properties: [{ property: "kmsMasterKeyId", declared: "k1", live: "k2" }] },
  },
  {
    name: "S3 wire value aws:kms live equals declared KMS: no drift property",
    events: [...refresh("r", stored, props("acme-one", { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k2" })), ...step("update", "r", props("acme-one", { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k2" }), stored)],
    expect: { status: "drifted", properties: [{ property: "kmsMasterKeyId", declared: "k1", live: "k2" }] },
  },
  {
    name: "program changed the bucket: a replacement is drift on the identity",
    events: [...refresh("r", stored, stored), ...step("replace", "r", stored, props("acme-two"))],
    expect: { status: "drifted", properties: [{ property: "bucket", declared: "acme-two", live: "acme-one" }] },
  },
  {
    name: "rule deleted out-of-band: rule missing (the GET says no rule)",
    events: [...refresh("r", stored, undefined), ...step("create", "r", undefined, stored)],
    lookups: { r: { absent: "no-rule" } },
    probes: ["r"],
    expect: { status: "rule-missing" },
  },
  {
    name: "bucket deleted: bucket missing (the GET says NoSuchBucket)",
    events: [...refresh("r", stored, undefined), ...step("create", "r", undefined, stored)],
    lookups: { r: { absent: "no-bucket" } },
    probes: ["r"],
    expect: { status: "bucket-missing" },
  },
  {
    name: "gone, and the GET fails: could not be read, with the GET's error",
    events: [...refresh("r", stored, undefined), ...step("create", "r", undefined, stored)],
    lookups: { r: { error: { message: "boom", httpStatus: 403, code: "AccessDenied" } } },
    probes: ["r"],
    expect: { status: "unreadable", error: { message: "boom", httpStatus: 403, code: "AccessDenied" } },
  },
  {
    name: "planned create on a bucket holding another rule: adoption preview",
    events: step("create", "r", undefined, stored),
    lookups: { r: { rule: { sseAlgorithm: "AES256" } } },
    probes: ["r"],
    expect: { status: "not-created", live: { sseAlgorithm: "AES256" }, adoption: { bucket: "rule", liveRule: { sseAlgorithm: "AES256" }, wouldReplace: true } },
  },
  {
    name: "planned create on a bucket holding the same rule: adopted unchanged",
    events: step("create", "r", undefined, stored),
    lookups: { r: { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" } } },
    probes: ["r"],
    expect: { status: "not-created", adoption: { bucket: "rule", liveRule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k1" }, wouldReplace: false } },
  },
  {
    name: "planned create on a bucket without a rule",
    events: step("create", "r", undefined, stored),
    lookups: { r: { absent: "no-rule" } },
    probes: ["r"],
    expect: { status: "not-created", adoption: { bucket: "no-rule", wouldReplace: false } },
  },
  {
    name: "planned create on a missing bucket",
    events: step("create", "r", undefined, stored),
    lookups: { r: { absent: "no-bucket" } },
    probes: ["r"],
    expect: { status: "not-created", adoption: { bucket: "no-bucket", wouldReplace: false } },
  },
  {
    name: "read refused with 403: could not be read, with status, code and request id",
    events: [...refresh("r", stored, stored).slice(0, 1), diagnostic(SERVICE_403, urnOf("r"))],
    expect: { status: "unreadable", comparedWith: "state", error: { message: SERVICE_403.replace("Preview failed: ", ""), httpStatus: 403, code: "AccessDenied", requestId: "5C1B0A" } },
  },
  {
    name: "preview stopped after this refresh: compared with the deployed inputs",
    events: refresh("r", stored, props("acme-one", { kmsMasterKeyId: "k9" })),
    expect: { status: "drifted", comparedWith: "state", properties: [{ property: "kmsMasterKeyId", declared: "k1", live: "k9" }] },
  },
  {
    name: "preview stopped before this refresh finished: could not be read",
    events: refresh("r", stored, stored).slice(0, 1),
    expect: { status: "unreadable", comparedWith: "state" },
  },
];

describe("classify: one finding per BucketEncryption from the engine's events", () => {
  for (const c of cases) {
    it(c.name, () => {
      const observations = fold(c.events);
      assert.deepEqual(
        probesNeeded(observations).map((p) => p.urn),
        (c.probes ?? []).map((n) => urnOf(n)),
      );
      const lookups = new Map(Object.entries(c.lookups ?? {}).map(([n, l]) => [urnOf(n), l]));
      const { resources, otherChanges } = classify(observations, lookups);
      assert.equal(resources.length, 1);
      assert.deepEqual(otherChanges, []);
      const found = resources[0] as ResourceFinding;
      for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(found[key as keyof ResourceFinding], value, key);
      if (found.status !== "drifted") assert.equal(found.properties, undefined);
    });
  }

  it("lists other resource types that would change, and never providers or the stack", () => {
    const observations = fold([
      ...step("update", "bucket", { a: 1 }, { a: 2 }, "aws:s3/bucket:Bucket"),
      ...step("create", "role", undefined, { a: 2 }, "aws:iam/role:Role"),
      ...step("same", "unchanged", { a: 1 }, { a: 1 }, "aws:iam/role:Role"),
      ...step("update", "default", { a: 1 }, { a: 2 }, "pulumi:providers:pulumi-nodejs"),
      ...step("delete", "removed", props("acme-three"), undefined),
    ]);
    const { resources, otherChanges } = classify(observations, new Map());
    assert.deepEqual(resources, []);
    assert.deepEqual(
      otherChanges.map((o) => [o.name, o.operation]).sort(),
      [
        ["bucket", "update"],
        ["removed", "delete"],
        ["role", "create"],
      ],
    );
  });
});

describe("classify: events recorded from a real preview that stopped on a 403", () => {
  const recorded = JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/drift-events-preview-failed.json"), "utf8")) as EngineEvent[];
  it("reports the refused read with its code and the others from what the refresh read", () => {
    const observations = fold(recorded);
    const probes = probesNeeded(observations).map((p) => p.urn.split("::").pop());
    assert.deepEqual(probes.sort(), ["b-gone", "b-nobucket"]);
    const lookups = new Map<string, LiveLookup>([
      [urnOf("b-gone").replace("dev::infra", "e2e::bucket-encryption-e2e"), { absent: "no-rule" }],
      [urnOf("b-nobucket").replace("dev::infra", "e2e::bucket-encryption-e2e"), { absent: "no-bucket" }],
    ]);
    const byName = new Map(classify(observations, lookups).resources.map((r) => [r.name, r]));
    assert.equal(byName.get("b-sync")?.status, "unreadable");
    assert.equal(byName.get("b-sync")?.error?.code, "AccessDenied");
    assert.equal(byName.get("b-sync")?.error?.httpStatus, 403);
    assert.match(byName.get("b-sync")?.error?.requestId ?? "", /^[0-9A-F]{24}$/);
    assert.equal(byName.get("b-drift")?.status, "drifted");
    assert.deepEqual(byName.get("b-drift")?.properties?.[0], { property: "sseAlgorithm", declared: "KMS", live: "AES256" });
    assert.equal(byName.get("b-gone")?.status, "rule-missing");
    assert.equal(byName.get("b-nobucket")?.status, "bucket-missing");
    assert.deepEqual(observations.errors, ["preview failed"]);
  });
});

describe("classify: events recorded from a real preview with every kind of difference", () => {
  const recorded = JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/drift-events-all-statuses.json"), "utf8")) as EngineEvent[];
  const recordedUrn = (name: string) => urnOf(name).replace("dev::infra", "e2e::bucket-encryption-e2e");
  it("in sync, drifted, rule missing, bucket missing, and a planned create to adopt", () => {
    const observations = fold(recorded);
    assert.deepEqual(probesNeeded(observations).map((p) => p.urn).sort(), ["b-gone", "b-new", "b-nobucket"].map(recordedUrn));
    const lookups = new Map<string, LiveLookup>([
      [recordedUrn("b-gone"), { absent: "no-rule" }],
      [recordedUrn("b-nobucket"), { absent: "no-bucket" }],
      [recordedUrn("b-new"), { rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "zz" } }],
    ]);
    const byName = new Map(classify(observations, lookups).resources.map((r) => [r.name, r]));
    assert.deepEqual(
      [...byName.values()].map((r) => [r.name, r.status, r.comparedWith]).sort(),
      [
        ["b-drift", "drifted", "program"],
        ["b-gone", "rule-missing", "program"],
        ["b-new", "not-created", "program"],
        ["b-nobucket", "bucket-missing", "program"],
        ["b-sync", "in-sync", "program"],
      ],
    );
    assert.deepEqual(byName.get("b-drift")?.properties, [
      { property: "sseAlgorithm", declared: "KMS", live: "AES256" },
      { property: "kmsMasterKeyId", declared: "k1", live: null },
    ]);
    assert.deepEqual(byName.get("b-new")?.adoption, { bucket: "rule", liveRule: { sseAlgorithm: "KMS", kmsMasterKeyId: "zz" }, wouldReplace: true });
    assert.deepEqual(observations.errors, []);
  });
});
