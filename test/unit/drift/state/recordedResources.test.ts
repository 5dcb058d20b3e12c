import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { recordedResources } from "../../../../cli/drift/state/recordedResources";
import { REPO_ROOT } from "../../../support/tools";

const fixture = () => JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/state/plugin-provider-export.json"), "utf8")) as unknown;

describe("recordedResources: the BucketEncryptions of an exported stack", () => {
  const found = recordedResources(fixture());
  const byName = new Map(found.map((r) => [r.urn.split("::").pop(), r]));

  it("both types, each live resource once; providers, the stack and the pending delete left out", () => {
    assert.deepEqual([...byName.keys()], ["logs", "own-endpoint", "other-account", "unrevealed", "orphan", "dynamic-one"]);
    assert.equal(byName.get("dynamic-one")?.id, "jdcloud:cn-north-1:acme-dyn", "the copy pending deletion is not the one kept");
  });

  it("a dynamic resource reads the stack config; its secret output is revealed", () => {
    const dynamic = byName.get("dynamic-one");
    assert.deepEqual(dynamic?.settings, { kind: "stack-config" });
    assert.equal(dynamic?.outputs["kmsMasterKeyId"], "key-secret-id");
  });

  it("a plugin resource reads its own provider's inputs; resources of one provider share one mapping", () => {
    const logs = byName.get("logs")?.settings;
    const own = byName.get("own-endpoint")?.settings;
    const other = byName.get("other-account")?.settings;
    assert.ok(logs?.kind === "provider" && own?.kind === "provider" && other?.kind === "provider");
    assert.equal(logs.config.lookup("alicloud:accessKey"), "LTAI-fixture-default");
    assert.equal(logs, own, "one mapping per provider instance");
    assert.equal(logs.fingerprint, own.fingerprint);
    assert.notEqual(logs.fingerprint, other.fingerprint);
    assert.equal(other.config.lookup("alicloud:profile"), "account-b");
    assert.ok(!logs.fingerprint.includes("fixtureDefaultSecret"));
  });

  it("a provider holding an unrevealed secret, or a provider not in the stack, is a problem of the resource", () => {
    assert.deepEqual(byName.get("unrevealed")?.settings, { kind: "problem", problem: "the provider's input aliyun.secretKey holds a secret the state export did not reveal" });
    assert.deepEqual(byName.get("orphan")?.settings, { kind: "problem", problem: "its provider is not a pulumi:providers:bucket-encryption resource of this stack" });
  });

  it("an empty stack has none; an export that is not a deployment is an error", () => {
    assert.deepEqual(recordedResources({ version: 3, deployment: { manifest: {} } }), []);
    assert.deepEqual(recordedResources({ version: 3, deployment: { resources: [null, 7, { type: "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption" }] } }), []);
    for (const bad of [null, "text", {}, { deployment: [] }]) assert.throws(() => recordedResources(bad), /holds no deployment/);
    assert.throws(() => recordedResources({ deployment: { resources: {} } }), /not a list/);
  });
});
