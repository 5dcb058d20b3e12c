import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { OssEmulator } from "../emulator/ossEmulator";
import { runBuiltCli } from "../support/builtCli";

// `import` of a bucket named twice writes one resource (two would be two Pulumi resources managing
// one rule); --out and --declarations naming one file are refused before any request or write.

const ALIYUN = { accessKeyId: "LTAI-dup-id", secretAccessKey: "dup-Secret/aliyun" };
const KEYS = { ALIBABA_CLOUD_ACCESS_KEY_ID: ALIYUN.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALIYUN.secretAccessKey };

describe("import and scan --import: duplicates and one file named twice", () => {
  const emulator = new OssEmulator([ALIYUN]);
  let endpoint = "";
  let cwd = "";
  const cli = (...args: string[]) => runBuiltCli(args, KEYS, { cwd, killAfterMs: 60_000 });
  const importFile = () => JSON.parse(readFileSync(path.join(cwd, "import.json"), "utf8")) as { resources: Array<{ id: string; name: string }> };
  const declarations = () => readFileSync(path.join(cwd, "imported.ts"), "utf8");

  before(async () => {
    endpoint = await emulator.start();
    for (const b of ["dup-a", "dup-b"]) {
      emulator.createBucket(b);
      emulator.setRule(b, { SSEAlgorithm: "AES256" });
    }
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.log.length = 0;
    if (cwd !== "") rmSync(cwd, { recursive: true, force: true });
    cwd = mkdtempSync(path.join(os.tmpdir(), "duplicates-"));
  });

  it("import a a b: one GET, one resource and one declaration per bucket, a note for the repeat (exit 0)", async () => {
    const result = await cli("import", "--cloud", "aliyun", "--region", "cn-hangzhou", "--endpoint", endpoint, "dup-a", "dup-a", "dup-b", "--out", "import.json", "--declarations", "imported.ts", "--format", "json");
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual((JSON.parse(result.stdout) as { buckets: Array<{ id: string }> }).buckets.map((b) => b.id), ["aliyun:cn-hangzhou:dup-a", "aliyun:cn-hangzhou:dup-b"]);
    assert.deepEqual(importFile().resources.map((r) => r.id), ["aliyun:cn-hangzhou:dup-a", "aliyun:cn-hangzhou:dup-b"]);
    assert.equal(declarations().match(/new BucketEncryption\(/g)?.length, 2);
    assert.deepEqual(emulator.log.map((r) => r.bucket), ["dup-a", "dup-b"]);
    assert.match(result.stderr, /^note: aliyun:cn-hangzhou:dup-a is named more than once; it is read and declared once$/m);
  });

  it("--from naming one bucket twice, its region spelt two ways: one resource", async () => {
    writeFileSync(path.join(cwd, "list.txt"), "aliyun:cn-hangzhou:dup-a\naliyun:oss-cn-hangzhou:dup-a\n");
    const result = await cli("import", "--from", "list.txt", "--endpoint", endpoint, "--out", "import.json", "--declarations", "imported.ts");
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(importFile().resources.map((r) => r.id), ["aliyun:cn-hangzhou:dup-a"]);
    assert.equal(emulator.log.length, 1);
  });

  const sameFile: Array<[string, string, string]> = [
    ["the same name", "out.json", "out.json"],
    ["one name through ./", "./out.json", "out.json"],
  ];
  for (const [name, out, declared] of sameFile) {
    it(`import --out and --declarations as ${name}: refused before any request, nothing written (exit 1)`, async () => {
      const result = await cli("import", "--cloud", "aliyun", "--region", "cn-hangzhou", "--endpoint", endpoint, "dup-a", "--out", out, "--declarations", declared);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^error: --out and --declarations name the same file \(.*out\.json\): the TypeScript declarations would replace the import file; give two different files$/m);
      assert.doesNotMatch(result.stderr, /pulumi import/);
      assert.equal(emulator.log.length, 0);
      assert.equal(existsSync(path.join(cwd, "out.json")), false);
    });
  }

  it("scan --import with --out and --declarations naming one file: refused before any request (exit 1)", async () => {
    const result = await cli("scan", "--target", `aliyun:cn-hangzhou=${endpoint}`, "--stack", "dev", "--import", "--out", "same.ts", "--declarations", "same.ts");
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^error: --out and --declarations name the same file \(same\.ts\)/m);
    assert.equal(emulator.log.length, 0);
    assert.equal(existsSync(path.join(cwd, "same.ts")), false);
  });
});
