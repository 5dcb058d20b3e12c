import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { isPulumiMissing, PulumiNotFoundError } from "../../cli/automation/pulumiNotFound";
import { runBuiltCli } from "../support/builtCli";

// With no `pulumi` on PATH, the commands that need it say so in one line, with how to install it,
// instead of the Automation API's five lines around "code: -2".

const ONE_LINE = "the Pulumi CLI was not found on PATH; install it (https://www.pulumi.com/docs/install/) or put it on PATH";

describe("drift and scan --stack without the Pulumi CLI", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "no-pulumi-"));
  // An empty directory as the whole PATH: the CLI itself runs through node's own path.
  const env = { PATH: path.join(dir, "empty-bin"), HOME: dir };
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("drift: one error line saying the CLI was not found and how to install it (exit 1)", async () => {
    const result = await runBuiltCli(["drift", "--stack", "dev"], env, { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    const errors = result.stderr.split("\n").filter((l) => !l.startsWith("drift: ") && l !== "");
    assert.deepEqual(errors, [`error: ${ONE_LINE}`]);
  });

  it("drift --source state: the same one line, once, not an error per stack (exit 1)", async () => {
    const result = await runBuiltCli(["drift", "--source", "state", "--stack", "dev", "--stack", "prod"], env, { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    const errors = result.stderr.split("\n").filter((l) => !l.startsWith("drift: ") && l !== "");
    assert.deepEqual(errors, [`error: ${ONE_LINE}`]);
  });

  it("scan --stack: the same one line, as why the stack cannot be read (exit 1)", async () => {
    const result = await runBuiltCli(["scan", "--target", "aliyun:cn-hangzhou", "--stack", "dev"], env, { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.stderr.split("\n").filter((l) => l !== ""), [`error: cannot read stack dev's state in ${dir}: ${ONE_LINE}`]);
  });
});

describe("isPulumiMissing", () => {
  const cases: Array<[string, unknown, boolean]> = [
    ["the SDK's CommandError for a spawn ENOENT", { commandResult: { code: -2, err: { code: "ENOENT" } } }, true],
    ["a spawn refused (EACCES)", { commandResult: { code: -2, err: { code: "EACCES" } } }, false],
    ["a CLI that ran and failed", { commandResult: { code: 255, stderr: "error: no stack named dev" } }, false],
    ["a plain error", new Error("ENOENT"), false],
    ["not an object", "ENOENT", false],
    ["null", null, false],
  ];
  for (const [name, error, expected] of cases) it(`${name}: ${expected}`, () => assert.equal(isPulumiMissing(error), expected));
  it("the error is one line and keeps its cause", () => {
    const cause = new Error("spawn pulumi ENOENT");
    const error = new PulumiNotFoundError({ cause });
    assert.equal(error.message, ONE_LINE);
    assert.equal(error.cause, cause);
  });
});
