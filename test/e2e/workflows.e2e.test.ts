import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { ALL_TARGETS, targetLabel } from "../../packaging/targets";
import { installTools, REPO_ROOT } from "../support/tools";

// The GitHub Actions workflows, checked by actionlint (built from the Go module proxy by
// scripts/install-tools.sh): syntax, expressions, action inputs, runner labels, permissions. Then
// what they promise: CI runs the README's test command; a version tag publishes with provenance and
// attaches the plugin's archives, built on each platform's own runner, to the GitHub release.

const WORKFLOWS = path.join(REPO_ROOT, ".github", "workflows");

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}
interface Job {
  readonly "runs-on": string;
  readonly needs?: string | readonly string[];
  readonly permissions?: Record<string, string>;
  readonly strategy?: { readonly matrix?: { readonly include?: ReadonlyArray<Record<string, string>> } };
  readonly steps: readonly Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return parse(readFileSync(path.join(WORKFLOWS, name), "utf8")) as Workflow;
}

function actionlint(dir: string): { status: number | null; output: string } {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
  assert.ok(files.length > 0, `workflow files in ${dir}`);
  const result = spawnSync(installTools("actionlint").actionlint, ["-no-color", ...files], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("GitHub Actions workflows", () => {
  it("actionlint finds nothing in .github/workflows", () => {
    assert.deepEqual(actionlint(WORKFLOWS), { status: 0, output: "" });
  });

  it("actionlint does find a mistake when there is one (an undefined matrix value)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "workflows-"));
    try {
      const broken = readFileSync(path.join(WORKFLOWS, "ci.yml"), "utf8").replace("node-version: 20", "node-version: ${{ matrix.node }}");
      writeFileSync(path.join(dir, "ci.yml"), broken);
      const { status, output } = actionlint(dir);
      assert.equal(status, 1);
      assert.match(output, /property "node" is not defined/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("CI runs the README's test command on pushes and pull requests", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const command = /^(npm ci && npm test)\b/m.exec(readme)?.[1];
    assert.equal(command, "npm ci && npm test", "the README names the test command");
    const ci = workflow("ci.yml");
    assert.ok("push" in ci.on && "pull_request" in ci.on);
    assert.ok(Object.values(ci.jobs).some((job) => job.steps.some((step) => step.run?.trim() === command)));
  });

  it("a version tag publishes after the tests pass, with provenance", () => {
    const release = workflow("release.yml");
    assert.deepEqual(Object.keys(release.on), ["push"]);
    assert.deepEqual((release.on["push"] as { tags?: unknown }).tags, ["v*.*.*"]);
    const job = release.jobs["publish"];
    assert.equal(job?.permissions?.["id-token"], "write", "provenance needs the OIDC token");
    const runs = job?.steps.map((step) => step.run?.trim()) ?? [];
    const tested = runs.indexOf("npm ci && npm test");
    const published = runs.indexOf("npm publish --provenance --access public");
    assert.ok(tested >= 0 && published > tested, "publish comes after the tests");
    const setupNode = job?.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    assert.equal(setupNode?.with?.["registry-url"], "https://registry.npmjs.org");
    // Only the job that publishes may mint the token that attests the package.
    for (const [name, other] of Object.entries(release.jobs)) {
      if (name !== "publish") assert.equal(other.permissions?.["id-token"], undefined, name);
    }
  });

  it("a version tag builds the plugin for every target, each on a runner of its own OS, and attaches the archives to the release", () => {
    const release = workflow("release.yml");
    const [name, plugin] = Object.entries(release.jobs).find(([, job]) => job.steps.some((step) => step.run?.includes("npm run build:plugin"))) ?? [];
    assert.ok(plugin !== undefined && name !== undefined, "a job builds the plugin");
    const include = plugin.strategy?.matrix?.include ?? [];
    assert.deepEqual(include.map((row) => row["target"]).sort(), ALL_TARGETS.map(targetLabel).sort());
    const runnerOs: Record<string, RegExp> = { linux: /^ubuntu-/, darwin: /^macos-/, windows: /^windows-/ };
    for (const row of include) {
      const os = row["target"]?.split("-")[0] ?? "";
      assert.match(row["runner"] ?? "", runnerOs[os] ?? /^$/, `${row["target"]} builds on its own OS`);
    }
    assert.equal(new Set(include.map((row) => row["runner"])).size, include.length, "amd64 and arm64 build on different runners");
    assert.equal(plugin["runs-on"], "${{ matrix.runner }}");
    const build = plugin.steps.find((step) => step.run?.includes("npm run build:plugin"));
    assert.match(build?.run ?? "", /npm run build:plugin -- --target \$\{\{ matrix\.target \}\}/);
    const upload = plugin.steps.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    assert.equal(upload?.with?.["path"], "dist/*.tar.gz");

    const attach = Object.values(release.jobs).find((job) => job.steps.some((step) => step.run?.includes("gh release upload")));
    assert.ok(attach !== undefined, "a job uploads to the release");
    assert.deepEqual([attach.needs ?? []].flat().sort(), ["plugin", "publish"].sort(), "attached once the package is published and every archive is built");
    assert.equal(attach.permissions?.["contents"], "write");
  });
});
