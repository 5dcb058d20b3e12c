import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { canCreateNamespaces, EcsNamespace } from "../support/ecsNamespace";

interface Outcome {
  error?: string;
  applied: number;
  ossRequests: number;
  metadataCalls: Array<{ method: string; path: string; withToken: boolean; status: number }>;
  issued: string[];
  stsCalls: Array<{ action: string; status: number; caller?: string }>;
}

const SCENARIO = path.join(__dirname, "..", "support", "ecsScenario.js");

describe("the ECS RAM role through a local metadata service on 100.100.100.200 (own network namespace)", () => {
  const namespace = new EcsNamespace();
  before(() => {
    assert.ok(canCreateNamespaces(), "this suite needs root and `ip netns` to serve the metadata address the library hard-codes");
    namespace.create();
  });
  after(() => namespace.remove());
  const run = (mode: string, operations: number): Outcome => JSON.parse(namespace.runNode(SCENARIO, [mode, String(operations)])) as Outcome;

  it("alicloud:ecsRoleName uses the hardened mode: every metadata read carries a session token; one fetch for 50 operations", () => {
    const outcome = run("hardened", 50);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.applied, 50);
    assert.equal(outcome.issued.length, 1);
    const reads = outcome.metadataCalls.filter((c) => c.method === "GET");
    assert.deepEqual(reads.map((c) => [c.path, c.withToken, c.status]), [["/latest/meta-data/ram/security-credentials/worker-role", true, 200]]);
    assert.deepEqual(outcome.metadataCalls.filter((c) => c.method === "PUT").map((c) => c.status), [200]);
  });

  it("hardened mode never falls back to token-less reads: a refused session token fails naming the source", () => {
    const outcome = run("refused", 3);
    assert.match(outcome.error ?? "", /^credentials from stack config alicloud:ecsRoleName failed: get metadata token failed with 403/);
    assert.equal(outcome.metadataCalls.filter((c) => c.method === "GET").length, 0);
    assert.equal(outcome.ossRequests, 0);
  });

  it("alicloud:assumeRole starts from the instance role: one metadata fetch, one signed AssumeRole, for 30 operations", () => {
    const outcome = run("chained", 30);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.applied, 30);
    assert.equal(outcome.issued.length, 1);
    assert.deepEqual(outcome.stsCalls, [{ action: "AssumeRole", status: 200, caller: "instance role" }]);
  });

  it("ALIBABA_CLOUD_ECS_METADATA without ALIBABA_CLOUD_IMDSV1_DISABLED tries a token, then reads without one where the service allows it", () => {
    const outcome = run("imdsv1", 5);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.applied, 5);
  });
});
