import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BucketEncryptionState } from "../../provider/model/types";
import { type BucketTarget, declaredState } from "../../cli/fleet/bucketStatus";
import { parseBucketList } from "../../cli/importFile/bucketList";
import { renderDeclarations } from "../../cli/importFile/declarations";
import { buildImportFile, RESOURCE_TYPE } from "../../cli/importFile/importFile";
import { importOutcome } from "../../cli/importFile/importReport";
import { resourceNames } from "../../cli/importFile/resourceNames";

const aliyun: BucketEncryptionState = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS", kmsMasterKeyId: "key-1", signatureVersion: "v4" };
const jd: BucketEncryptionState = { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-backups", sseAlgorithm: "KMS", endpoint: "https://s3-internal.cn-north-1.jdcloud-oss.com" };

describe("the import file", () => {
  it("carries type, name, id, and the state plus __provider as both inputs and outputs", () => {
    const file = buildImportFile([{ name: "logs", state: aliyun }, { name: "backups", state: jd }], { kind: "dynamic", providerText: "PROVIDER TEXT" });
    assert.deepEqual(file, {
      resources: [
        {
          type: RESOURCE_TYPE,
          name: "logs",
          id: "aliyun:cn-hangzhou:acme-logs",
          inputs: { ...aliyun, __provider: "PROVIDER TEXT" },
          outputs: { ...aliyun, __provider: "PROVIDER TEXT" },
        },
        {
          type: RESOURCE_TYPE,
          name: "backups",
          id: "jdcloud:cn-north-1:acme-backups",
          inputs: { ...jd, __provider: "PROVIDER TEXT" },
          outputs: { ...jd, __provider: "PROVIDER TEXT" },
        },
      ],
    });
    assert.equal(RESOURCE_TYPE, "pulumi-nodejs:dynamic/bucketEncryption:BucketEncryption");
  });
  it("for the provider plugin, carries type, name and id only: the engine reads the rule through the plugin", () => {
    const file = buildImportFile([{ name: "logs", state: aliyun }], { kind: "plugin" });
    assert.deepEqual(file, { resources: [{ type: "bucket-encryption:index:BucketEncryption", name: "logs", id: "aliyun:cn-hangzhou:acme-logs" }] });
  });
});

describe("the declarations", () => {
  it("declare every property that is set, in a fixed order, protected when imported with protection", () => {
    const text = renderDeclarations([{ name: "logs", state: aliyun, imported: true }], { protect: true });
    assert.match(text, /import \{ BucketEncryption \} from "pulumi-bucket-encryption";/);
    assert.ok(
      text.includes(
        `new BucketEncryption("logs", {\n    cloud: "aliyun",\n    region: "cn-hangzhou",\n    bucket: "acme-logs",\n    sseAlgorithm: "KMS",\n    kmsMasterKeyId: "key-1",\n    signatureVersion: "v4",\n}, { protect: true });`,
      ),
      text,
    );
  });

  const cases = [
    { label: "without protection: no options", decl: { name: "b", state: jd, imported: true }, protect: false, has: "});", hasNot: "protect" },
    { label: "declared-only (no rule yet): a comment, never protect", decl: { name: "b", state: jd, imported: false }, protect: true, has: "has no rule: declared, not imported", hasNot: "protect: true" },
    { label: "the endpoint is declared", decl: { name: "b", state: jd, imported: true }, protect: true, has: `endpoint: "https://s3-internal.cn-north-1.jdcloud-oss.com",`, hasNot: "signatureVersion" },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const text = renderDeclarations([c.decl], { protect: c.protect });
      assert.ok(text.includes(c.has), text);
      assert.ok(!text.includes(c.hasNot), text);
    });
  }

  it("a hostile value stays inside its string literal", () => {
    const text = renderDeclarations([{ name: `x"); process.exit(1); ("`, state: { ...aliyun, kmsMasterKeyId: `k"}); require("child_process` }, imported: true }], { protect: true });
    assert.ok(text.includes(`new BucketEncryption("x\\"); process.exit(1); (\\"", {`), text);
    assert.ok(text.includes(`kmsMasterKeyId: "k\\"}); require(\\"child_process",`), text);
  });
});

describe("resource names", () => {
  const t = (cloud: "aliyun" | "jdcloud", region: string, bucket: string): BucketTarget => ({ cloud, region, bucket });
  const cases: Array<{ label: string; targets: BucketTarget[]; taken?: string[]; names: string[] }> = [
    { label: "the bucket name when unique", targets: [t("aliyun", "cn-hangzhou", "a"), t("jdcloud", "cn-north-1", "b")], names: ["a", "b"] },
    {
      label: "cloud and region first when two targets share a bucket name",
      targets: [t("aliyun", "cn-hangzhou", "same"), t("jdcloud", "cn-north-1", "same")],
      names: ["aliyun-cn-hangzhou-same", "jdcloud-cn-north-1-same"],
    },
    { label: "a numbered name after one the stack uses", targets: [t("aliyun", "cn-hangzhou", "a")], taken: ["a", "a-2"], names: ["a-3"] },
  ];
  for (const c of cases) it(c.label, () => assert.deepEqual(resourceNames(c.targets, new Set(c.taken ?? [])), c.names));
});

describe("bucket list files", () => {
  it("reads ids, skips blanks and comments, normalises oss- regions, and reports every bad line by number", () => {
    const parsed = parseBucketList("# fleet\naliyun:oss-cn-hangzhou:acme-logs\n\njdcloud:cn-north-1:acme-b # comment\nnope:x:y\naliyun:cn-hangzhou:Bad_Name\n");
    assert.deepEqual(parsed.buckets, [
      { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs" },
      { cloud: "jdcloud", region: "cn-north-1", bucket: "acme-b" },
    ]);
    assert.equal(parsed.problems.length, 2);
    assert.match(parsed.problems[0] ?? "", /^line 5: /);
    assert.match(parsed.problems[1] ?? "", /^line 6: /);
  });
});

describe("the state declared for a live rule", () => {
  const cases: Array<{ label: string; target: BucketTarget; rule: Parameters<typeof declaredState>[1]; state?: Partial<BucketEncryptionState>; problem?: RegExp }> = [
    { label: "Aliyun gets signatureVersion v4 as check normalises it", target: { cloud: "aliyun", region: "cn-hangzhou", bucket: "b-1" }, rule: { sseAlgorithm: "AES256" }, state: { signatureVersion: "v4", sseAlgorithm: "AES256" } },
    { label: "Aliyun KMS with SM4 data encryption", target: { cloud: "aliyun", region: "cn-hangzhou", bucket: "b-1", signatureVersion: "v1" }, rule: { sseAlgorithm: "KMS", kmsDataEncryption: "SM4" }, state: { kmsDataEncryption: "SM4", signatureVersion: "v1" } },
    { label: "JD Cloud KMS with a key", target: { cloud: "jdcloud", region: "cn-north-1", bucket: "b-1", endpoint: "http://127.0.0.1:9000" }, rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k" }, state: { kmsMasterKeyId: "k", endpoint: "http://127.0.0.1:9000" } },
    { label: "JD Cloud AES256 set out-of-band cannot be declared (the resource refuses it)", target: { cloud: "jdcloud", region: "cn-north-1", bucket: "b-1" }, rule: { sseAlgorithm: "AES256" }, problem: /sseAlgorithm.*not supported on jdcloud/ },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const result = declaredState(c.target, c.rule);
      if (c.problem !== undefined) {
        assert.ok("problem" in result);
        assert.match(result.problem, c.problem);
      } else {
        assert.ok("state" in result, JSON.stringify(result));
        for (const [k, v] of Object.entries(c.state ?? {})) assert.equal((result.state as unknown as Record<string, unknown>)[k], v, k);
        assert.equal(result.state.bucket, "b-1");
      }
    });
  }
});

describe("import outcomes", () => {
  const target: BucketTarget = { cloud: "aliyun", region: "cn-hangzhou", bucket: "b-1" };
  const cases = [
    { finding: { kind: "encrypted", rule: { sseAlgorithm: "KMS", kmsMasterKeyId: "k" } } as const, name: "b-1", problem: undefined, result: "imported", detail: "KMS k" },
    { finding: { kind: "encrypted", rule: { sseAlgorithm: "AES256" } } as const, name: undefined, problem: "nope", result: "not-declarable", detail: "live rule AES256 cannot be declared: nope" },
    { finding: { kind: "unencrypted", code: "NoSuchServerSideEncryptionRule" } as const, name: undefined, problem: undefined, result: "no-rule", detail: /NoSuchServerSideEncryptionRule/ },
    { finding: { kind: "missing", code: "NoSuchBucket" } as const, name: undefined, problem: undefined, result: "no-bucket", detail: /does not exist \(NoSuchBucket\)/ },
    { finding: { kind: "error", message: "HTTP 403 AccessDenied" } as const, name: undefined, problem: undefined, result: "error", detail: "HTTP 403 AccessDenied" },
  ];
  for (const c of cases) {
    it(`${c.finding.kind} -> ${c.result}`, () => {
      const outcome = importOutcome({ target, finding: c.finding }, c.name, c.problem);
      assert.equal(outcome.result, c.result);
      assert.equal(outcome.id, "aliyun:cn-hangzhou:b-1");
      if (typeof c.detail === "string") assert.equal(outcome.detail, c.detail);
      else assert.match(outcome.detail, c.detail);
    });
  }
});
