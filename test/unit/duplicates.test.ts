import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { BucketTarget } from "../../cli/fleet/bucketStatus";
import { uniqueTargets } from "../../cli/fleet/uniqueTargets";
import { outputProblem } from "../../cli/importFile/writeImport";

// One bucket named twice is read and declared once; --out and --declarations naming one file
// are refused before anything is written.

const at = (bucket: string, extra: Partial<BucketTarget> = {}): BucketTarget => ({ cloud: "aliyun", region: "cn-hangzhou", bucket, ...extra });

describe("uniqueTargets", () => {
  const cases: Array<[string, BucketTarget[], string[], string[]]> = [
    ["no repeats", [at("a"), at("b")], ["a", "b"], []],
    ["a bucket named twice", [at("a"), at("a")], ["a"], ["aliyun:cn-hangzhou:a"]],
    ["three times, among others: first-seen order, named once", [at("b"), at("a"), at("b"), at("c"), at("b")], ["b", "a", "c"], ["aliyun:cn-hangzhou:b"]],
    ["one name in two regions is two buckets", [at("a"), at("a", { region: "cn-shanghai" })], ["a", "a"], []],
    ["one name on two clouds is two buckets", [at("a"), at("a", { cloud: "jdcloud", region: "cn-north-1" })], ["a", "a"], []],
    ["the same bucket through another endpoint is still one", [at("a"), at("a", { endpoint: "https://oss-cn-hangzhou-internal.aliyuncs.com" })], ["a"], ["aliyun:cn-hangzhou:a"]],
  ];
  for (const [name, input, buckets, repeated] of cases) {
    it(name, () => {
      const unique = uniqueTargets(input);
      assert.deepEqual(unique.targets.map((t) => t.bucket), buckets);
      assert.deepEqual(unique.repeated, repeated);
    });
  }
  it("property: every id once, in first-seen order; repeated are exactly the ids seen more than once", () => {
    const target = fc.record({ cloud: fc.constantFrom("aliyun" as const, "jdcloud" as const), region: fc.constantFrom("r-1", "r-2"), bucket: fc.constantFrom("a", "b", "c") });
    fc.assert(
      fc.property(fc.array(target, { maxLength: 12 }), (input) => {
        const ids = input.map((t) => `${t.cloud}:${t.region}:${t.bucket}`);
        const unique = uniqueTargets(input);
        assert.deepEqual(unique.targets.map((t) => `${t.cloud}:${t.region}:${t.bucket}`), [...new Set(ids)]);
        assert.deepEqual(new Set(unique.repeated), new Set(ids.filter((id, i) => ids.indexOf(id) !== i)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("outputProblem", () => {
  const cwd = process.cwd();
  const refused: Array<[string, string, string]> = [
    ["the same name", "out.json", "out.json"],
    ["one relative, one absolute", "out.json", path.join(cwd, "out.json")],
    ["through ./ and ..", "./dir/../out.json", "out.json"],
  ];
  for (const [name, importFile, declarationsFile] of refused) {
    it(`refuses ${name}`, () => assert.match(outputProblem({ importFile, declarationsFile }) ?? "", /^--out and --declarations name the same file \(.+\): .*give two different files$/));
  }
  it("accepts two files", () => assert.equal(outputProblem({ importFile: "import.json", declarationsFile: "imported.ts" }), undefined));
});
