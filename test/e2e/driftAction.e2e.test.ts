import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { installTools, REPO_ROOT } from "../support/tools";

// The action and its scheduled example, checked by actionlint (built from the Go module proxy by
// scripts/install-tools.sh). actionlint checks a local action's inputs against its action.yml, so
// the example is checked once as it is (the published action) and once pointed at this
// repository's action.yml in a scratch repository (so the unknown-input case below proves it is read).

describe("the drift action under actionlint", () => {
  let actionlint: string;
  let dir: string;
  before(() => {
    actionlint = installTools("actionlint").actionlint;
    dir = mkdtempSync(path.join(os.tmpdir(), "drift-action-lint-"));
    // actionlint finds the repository, and with it local actions, by its .git directory.
    assert.equal(spawnSync("git", ["init", "-q"], { cwd: dir }).status, 0);
    mkdirSync(path.join(dir, ".github", "workflows"), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, "action.yml"), path.join(dir, "action.yml"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const example = () => readFileSync(path.join(REPO_ROOT, "examples/ci/github-drift.yml"), "utf8");
  const lint = (workflow: string) => {
    const file = path.join(dir, ".github", "workflows", "drift.yml");
    writeFileSync(file, workflow);
    const result = spawnSync(actionlint, ["-no-color", file], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const local = (workflow: string) => workflow.replace(/uses: pulumi-bucket-encryption\/pulumi-bucket-encryption@v0/, "uses: ./");

  it("the example as published: nothing found", () => {
    assert.deepEqual(lint(example()), { status: 0, output: "" });
  });

  it("the example against this action.yml: every input it passes is one the action declares", () => {
    assert.notEqual(local(example()), example());
    assert.deepEqual(lint(local(example())), { status: 0, output: "" });
  });

  it("an input the action does not have, or an output it does not set, is found", () => {
    const unknownInput = lint(local(example()).replace("json-file: drift.json", "json-files: drift.json"));
    assert.equal(unknownInput.status, 1);
    assert.match(unknownInput.output, /input "json-files" is not defined in action/);
    const unknownOutput = lint(local(example()).replace("steps.drift.outputs.outcome", "steps.drift.outputs.verdict"));
    assert.equal(unknownOutput.status, 1);
    assert.match(unknownOutput.output, /property "verdict" is not defined/);
  });
});
