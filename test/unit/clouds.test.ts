import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLOUDS, cloudModule, isCloud } from "../../provider/clouds";
import { CLOUD_NAMES } from "../../provider/model/constants";
import { SSE_ALGORITHMS } from "../../provider/model/constants";
import { bucketRequestFor } from "../../provider/clouds/requestsFor";

// Every cloud of the registry answers every question the shared code asks, consistently. A new
// cloud added to the registry is checked here without a new test.
describe("the cloud registry", () => {
  it("lists every cloud and nothing that only looks like one", () => {
    assert.deepEqual([...CLOUDS], [...CLOUD_NAMES]);
    for (const cloud of CLOUD_NAMES) assert.equal(typeof cloudModule(cloud).serviceName, "string", cloud);
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty", "", "AliYun"]) assert.equal(isCloud(name), false, name);
  });
  for (const cloud of CLOUDS) {
    const module = cloudModule(cloud);
    describe(cloud, () => {
      it("accepts only algorithms of the shared vocabulary, and aliases map into them", () => {
        assert.ok(module.algorithms.length > 0);
        for (const a of module.algorithms) assert.ok((SSE_ALGORITHMS as readonly string[]).includes(a), a);
        for (const target of Object.values(module.algorithmAliases)) assert.ok(module.algorithms.includes(target), target);
      });
      it("round-trips every rule it accepts through its own XML", () => {
        for (const sseAlgorithm of module.algorithms) {
          const rule = sseAlgorithm === "KMS" ? { sseAlgorithm, kmsMasterKeyId: "key-1" } : { sseAlgorithm };
          assert.deepEqual(module.decodeRule(module.encodeRule(rule)), rule);
        }
      });
      it("builds requests to its public endpoint, with the bucket in the host name", () => {
        const region = "cn-north-1";
        assert.ok("region" in module.normalizeRegion(region));
        const request = bucketRequestFor({ cloud, region, bucket: "acme-logs" }, "get");
        assert.equal(request.hostname, `acme-logs.${module.publicEndpointHost(region)}`);
        assert.equal(request.target, "/?encryption");
      });
      it("names a gone code and its credential conventions", () => {
        assert.ok(module.goneCodes.includes("NoSuchBucket"));
        assert.ok(module.credentialConventions.environment.length > 0);
        assert.notEqual(module.credentialConventions.config.id, module.credentialConventions.config.secret);
      });
    });
  }
});
