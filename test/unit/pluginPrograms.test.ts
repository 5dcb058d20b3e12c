import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse } from "yaml";
import { benchRules, dynamicProgram, sdkProgram, yamlProgram } from "../../bench/pluginPrograms";
import { RESOURCE_TOKEN } from "../../provider/plugin/constants";

// The plugin part compares programs that must differ only in the kind of resource: same rules,
// same arguments, same outputs.

const ENDPOINT = "http://127.0.0.1:4567";

describe("the plugin part's programs", () => {
  it("the SDK program is the dynamic resource's program with the SDK's module, line for line", () => {
    const rules = benchRules(["bench-000", "bench-001"], ENDPOINT);
    const dynamic = dynamicProgram(rules).split("\n");
    const sdk = sdkProgram(rules).split("\n");
    assert.equal(sdk.length, dynamic.length);
    const differing = sdk.map((line, i) => [line, dynamic[i]] as const).filter(([a, b]) => a !== b);
    assert.deepEqual(differing, [[`const { BucketEncryption } = require("@pulumi-bucket-encryption/bucket-encryption");`, `const { BucketEncryption } = require("pulumi-bucket-encryption");`]]);
  });

  it("the YAML program declares every rule by the plugin's type token, with the same arguments and outputs", () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(names, (buckets) => {
        const rules = benchRules(buckets, ENDPOINT);
        const program = parse(yamlProgram("p", rules)) as {
          runtime: string;
          resources: Record<string, { type: string; properties: Record<string, unknown> }>;
          outputs: Record<string, Record<string, string>>;
        };
        assert.equal(program.runtime, "yaml");
        assert.deepEqual(Object.keys(program.resources), buckets);
        for (const rule of rules) {
          assert.equal(program.resources[rule.name]?.type, RESOURCE_TOKEN);
          assert.deepEqual(program.resources[rule.name]?.properties, rule.args);
          assert.deepEqual(program.outputs[rule.name], { id: `\${${rule.name}.id}`, sseAlgorithm: `\${${rule.name}.sseAlgorithm}`, kmsMasterKeyId: `\${${rule.name}.kmsMasterKeyId}` });
        }
      }),
    );
  });

  it("every rule names its own bucket and the emulator's endpoint", () => {
    const rules = benchRules(["a-1", "b-2"], ENDPOINT);
    assert.deepEqual(rules.map((r) => [r.name, r.args["bucket"], r.args["endpoint"]]), [["a-1", "a-1", ENDPOINT], ["b-2", "b-2", ENDPOINT]]);
  });
});
