import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import { formatForFile } from "../../cli/drift/runDrift";
import { REPO_ROOT } from "../support/tools";

// The CI examples are checked offline: parsed with the `yaml` library and validated with ajv against
// the JSON schemas editors use for these files (SchemaStore's, copied into test/fixtures).

/** A validator for a third-party schema (draft-07, written for editors: not ajv-strict). */
function schemaValidator(fixture: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures", fixture), "utf8")) as object);
}

const example = (name: string) => readFileSync(path.join(REPO_ROOT, "examples/ci", name), "utf8");

/** The `drift` command lines in a file, and the format each `--output` gets. */
function driftOutputs(text: string): string[] {
  const line = text.split("\n").find((l) => l.includes("pulumi-bucket-encryption drift"));
  assert.ok(line, "the example runs the drift command");
  return [...line.matchAll(/--output (\S+)/g)].map((m) => formatForFile(m[1] ?? "", undefined));
}

describe("examples/ci/github-drift.yml", () => {
  const validate = schemaValidator("github-workflow.schema.json");
  interface Step {
    readonly run?: string;
    readonly uses?: string;
    readonly if?: string;
    readonly with?: Readonly<Record<string, string>>;
  }
  const workflow = () => parseYaml(example("github-drift.yml")) as { on: { schedule?: unknown[] }; jobs: Record<string, { steps: Step[] }> };

  it("is valid against the GitHub Actions workflow schema", () => {
    assert.ok(validate(workflow()), JSON.stringify(validate.errors, null, 1));
    assert.ok((workflow().on.schedule ?? []).length > 0, "it runs on a schedule");
  });

  it("runs the report with this repository's action, from state, with JSON and JUnit files; no program dependencies installed", () => {
    const steps = workflow().jobs["drift"]?.steps ?? [];
    const action = steps.find((s) => s.uses?.startsWith("pulumi-bucket-encryption/pulumi-bucket-encryption@") === true);
    assert.ok(action, "a step uses the action");
    assert.equal(action.with?.["source"], "state");
    assert.deepEqual(action.with?.["stack"]?.trim().split("\n"), ["dev", "prod"]);
    assert.deepEqual([formatForFile(action.with?.["json-file"] ?? "", undefined), formatForFile(action.with?.["junit-file"] ?? "", undefined)], ["json", "junit"]);
    assert.ok(steps.some((s) => s.uses?.startsWith("pulumi/actions@") === true), "the Pulumi CLI is installed");
    assert.ok(!steps.some((s) => s.run?.includes("npm ci") === true), "no program dependencies are installed");
  });

  it("the schema does refuse a broken workflow (so the check above can fail)", () => {
    assert.equal(validate(parseYaml(example("github-drift.yml").replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest"))), false);
  });
});

describe("examples/ci/gitlab-drift.yml", () => {
  const validate = schemaValidator("gitlab-ci.schema.json");
  const job = () => (parseYaml(example("gitlab-drift.yml")) as Record<string, Record<string, unknown>>)["bucket-encryption-drift"];

  it("is valid against GitLab CI's schema", () => {
    const config = parseYaml(example("gitlab-drift.yml")) as unknown;
    assert.ok(validate(config), JSON.stringify(validate.errors, null, 1));
  });

  it("keeps the JUnit report and the JSON file always, and treats exit 2 (drift) as a warning only", () => {
    const j = job();
    assert.deepEqual(j?.["allow_failure"], { exit_codes: [2] });
    assert.deepEqual(j?.["artifacts"], { when: "always", expire_in: "30 days", paths: ["drift.json", "drift.xml"], reports: { junit: "drift.xml" } });
    assert.deepEqual(driftOutputs(example("gitlab-drift.yml")).sort(), ["json", "junit"]);
  });

  it("the schema does refuse a broken job (so the check above can fail)", () => {
    const config = parseYaml(example("gitlab-drift.yml").replace("exit_codes:", "exit_code:")) as unknown;
    assert.equal(validate(config), false);
  });
});
