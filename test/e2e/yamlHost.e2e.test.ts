import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PulumiProject } from "../support/pulumiCli";
import { installTools, type Tools } from "../support/tools";

// The YAML language host built by install-tools.sh runs a `runtime: yaml` program under the CLI it
// builds, offline: the ground the provider plugin's cross-language tests stand on.

const PROGRAM = ["name: yaml-host-check", "runtime: yaml", "config:", "  who:", "    type: string", "outputs:", "  greeting: hello from ${who}", "  answer: 42", ""].join("\n");

/** The version a Go binary records for its main module, without the leading v. */
function builtVersion(binary: string): string {
  const info = execFileSync("go", ["version", "-m", binary], { encoding: "utf8", env: { ...process.env, PATH: `/usr/local/go/bin${path.delimiter}${process.env["PATH"] ?? ""}` } });
  const line = info.split("\n").find((l) => l.trim().startsWith("mod\t"));
  assert.ok(line !== undefined, `go version -m ${binary} names no main module`);
  return (line.trim().split("\t")[2] ?? "").replace(/^v/, "");
}

describe("the YAML language host", () => {
  let tools: Tools;
  let projectDir: string;
  let project: PulumiProject;

  before(async () => {
    installTools("pulumi");
    tools = installTools("yaml");
    projectDir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-yaml-"));
    writeFileSync(path.join(projectDir, "Pulumi.yaml"), PROGRAM);
    project = await PulumiProject.create({ tools, projectDir });
  });
  after(() => {
    project.dispose();
    rmSync(projectDir, { recursive: true, force: true });
  });

  it("is the host the CLI uses for runtime: yaml", async () => {
    const about = JSON.parse((await project.must(["about", "--json"])).stdout) as { plugins?: Array<{ name: string; kind: string; version: string | null }> };
    const host = about.plugins?.find((p) => p.kind === "language" && p.name === "yaml");
    assert.ok(host !== undefined, `no YAML language plugin in ${JSON.stringify(about.plugins)}`);
    assert.equal(host.version, builtVersion(tools.languageYaml));
  });

  it("runs pulumi up on a program of config and outputs, reading the stack config", async () => {
    await project.setConfig("who", "the stack config");
    await project.must(["up", "--yes", "--skip-preview"]);
    const outputs = JSON.parse((await project.must(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
    assert.deepEqual(outputs, { greeting: "hello from the stack config", answer: 42 });
  });
});
