import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import { REPO_ROOT } from "../support/tools";

// The repository's GitHub Action (action.yml): its metadata against SchemaStore's schema for
// action files, its inputs and outputs, and its two scripts run by bash as the runner runs them,
// with `npx` replaced by a stand-in that records its arguments and writes a report.

interface ActionStep {
  readonly id?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string>>;
}
interface ActionFile {
  readonly inputs: Record<string, { description: string; default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}
const text = () => readFileSync(path.join(REPO_ROOT, "action.yml"), "utf8");
const action = () => parseYaml(text()) as ActionFile;

describe("action.yml", () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/github-action.schema.json"), "utf8")) as object);

  it("is valid against SchemaStore's schema for action metadata, and the schema refuses a broken one", () => {
    assert.ok(validate(action()), JSON.stringify(validate.errors, null, 1));
    assert.equal(validate(parseYaml(text().replace("using: composite", "using: compozite"))), false);
    assert.equal(validate(parseYaml(text().replace("    description: The name of that artifact.\n", ""))), false, "an input without a description");
  });

  it("is a composite action with the inputs and outputs a workflow needs", () => {
    const a = action();
    assert.equal(a.runs.using, "composite");
    for (const input of ["stack", "all-stacks", "source", "working-directory", "json-file", "junit-file", "fail-on"]) assert.ok(input in a.inputs, input);
    assert.equal(a.inputs["source"]?.default, "state");
    assert.deepEqual(Object.keys(a.outputs).sort(), ["exit-code", "json-file", "junit-file", "outcome"]);
  });

  it("every input it reads is declared; inputs reach scripts only through the environment; the upload and the verdict run whatever the report found", () => {
    const a = action();
    for (const [, name] of text().matchAll(/inputs\.([a-z-]+)/g)) assert.ok(name !== undefined && name in a.inputs, `inputs.${name} is not declared`);
    for (const step of a.runs.steps) assert.doesNotMatch(step.run ?? "", /\$\{\{/, "an expression pasted into a script");
    const upload = a.runs.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@") === true);
    assert.match(upload?.if ?? "", /always\(\)/);
    assert.deepEqual(upload?.with?.["path"]?.trim().split("\n"), ["${{ steps.report.outputs.json-file }}", "${{ steps.report.outputs.junit-file }}"]);
    assert.match(a.runs.steps.at(-1)?.if ?? "", /always\(\)/);
  });
});

describe("scripts/action/drift-report.sh", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "drift-action-"));
    mkdirSync(path.join(dir, "bin"));
    mkdirSync(path.join(dir, "work"));
    // The stand-in npx: records its arguments, writes the JSON report it was asked for, exits as told.
    writeFileSync(
      path.join(dir, "bin", "npx"),
      [
        "#!/usr/bin/env bash",
        `printf '%s\\n' "$@" > "${dir}/npx-args"`,
        'prev=""; for a in "$@"; do if [ "$prev" = --output ] && [[ "$a" == *.json ]] && [ -n "$FAKE_OUTCOME" ]; then printf \'{"outcome":"%s"}\' "$FAKE_OUTCOME" > "$a"; fi; prev="$a"; done',
        'exit "$FAKE_EXIT"',
        "",
      ].join("\n"),
    );
    chmodSync(path.join(dir, "bin", "npx"), 0o755);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function report(inputs: Record<string, string>, fake: { exit: number; outcome: string }) {
    const outputs = path.join(dir, "outputs");
    writeFileSync(outputs, "");
    const result = spawnSync("bash", [path.join(REPO_ROOT, "scripts/action/drift-report.sh")], {
      cwd: path.join(dir, "work"),
      encoding: "utf8",
      env: { PATH: `${path.join(dir, "bin")}:${process.env["PATH"] ?? ""}`, GITHUB_OUTPUT: outputs, GITHUB_ACTION_PATH: REPO_ROOT, FAKE_EXIT: String(fake.exit), FAKE_OUTCOME: fake.outcome, ...inputs },
    });
    const values = Object.fromEntries(readFileSync(outputs, "utf8").trim().split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    let args: string[] = [];
    try {
      args = readFileSync(path.join(dir, "npx-args"), "utf8").trim().split("\n");
    } catch {
      // npx never ran.
    }
    rmSync(path.join(dir, "npx-args"), { force: true });
    return { status: result.status, stdout: result.stdout, outputs: values, args };
  }
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

  it("the action's own release, the source, each stack (lines or spaces), absolute report paths; drift is exit 2 in the outputs, the step itself passes", () => {
    const r = report({ INPUT_SOURCE: "state", INPUT_STACK: "dev\nprod  qa\n", INPUT_ALL_STACKS: "false", INPUT_JSON_FILE: "out/drift.json", INPUT_JUNIT_FILE: "drift.xml" }, { exit: 2, outcome: "drift" });
    const json = path.join(dir, "work", "out", "drift.json");
    assert.equal(r.status, 0);
    assert.deepEqual(r.args, ["--yes", `pulumi-bucket-encryption@${version}`, "drift", "--source", "state", "--output", json, "--output", path.join(dir, "work", "drift.xml"), "--stack", "dev", "--stack", "prod", "--stack", "qa"]);
    assert.deepEqual(r.outputs, { "json-file": json, "junit-file": path.join(dir, "work", "drift.xml"), "exit-code": "2", outcome: "drift" });
  });

  it("all stacks, a concurrency and a pinned version; an error is exit 1 with its outcome", () => {
    const r = report({ INPUT_SOURCE: "state", INPUT_STACK: "", INPUT_ALL_STACKS: "true", INPUT_CONCURRENCY: "8", INPUT_VERSION: "0.2.1" }, { exit: 1, outcome: "error" });
    assert.deepEqual(r.args.slice(1, 4), ["pulumi-bucket-encryption@0.2.1", "drift", "--source"]);
    assert.deepEqual(r.args.slice(-3), ["--all-stacks", "--concurrency", "8"]);
    assert.equal(r.outputs["exit-code"], "1");
    assert.equal(r.outputs["outcome"], "error");
  });

  it("a report that was never written, or holds no verdict, is an error outcome; a bad all-stacks value stops before running", () => {
    assert.equal(report({ INPUT_JSON_FILE: "missing.json" }, { exit: 1, outcome: "" }).outputs["outcome"], "error");
    assert.equal(report({ INPUT_JSON_FILE: "odd.json" }, { exit: 0, outcome: "splendid" }).outputs["outcome"], "error");
    const bad = report({ INPUT_ALL_STACKS: "yes" }, { exit: 0, outcome: "in-sync" });
    assert.deepEqual(bad.args, []);
    assert.equal(bad.outputs["exit-code"], "1");
    assert.match(bad.stdout, /::error title=BucketEncryption drift::all-stacks must be true or false/);
  });
});

describe("scripts/action/verdict.sh", () => {
  const verdict = (code: string | undefined, failOn: string) =>
    spawnSync("bash", [path.join(REPO_ROOT, "scripts/action/verdict.sh")], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", FAIL_ON: failOn, ...(code !== undefined ? { EXIT_CODE: code } : {}) } }).status;
  const cases: Array<[string | undefined, string, number]> = [
    ["0", "drift", 0],
    ["2", "drift", 1],
    ["1", "drift", 1],
    ["2", "error", 0],
    ["1", "error", 1],
    [undefined, "error", 1],
    ["1", "never", 0],
    ["0", "sometimes", 1],
  ];
  for (const [code, failOn, status] of cases) it(`exit code ${code ?? "(none)"} with fail-on ${failOn}: the step ${status === 0 ? "passes" : "fails"}`, () => assert.equal(verdict(code, failOn), status));
});
