import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { buildProgram } from "../../../cli/main";
import { REPO_ROOT } from "../../support/tools";

// The command line itself, in a child process as a user runs it; no server, no Pulumi run.
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, "build/cli/main.js"), ...args], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" } });

describe("drift command line", () => {
  it("--help lists the options, an example and the exit codes", () => {
    const result = cli("drift", "--help");
    assert.equal(result.status, 0);
    for (const text of ["--stack", "--cwd", "--parallel", "--config", "--format", "--output", "--no-color", "--source", "--all-stacks", "--concurrency", "Examples:", "$ pulumi-bucket-encryption drift --stack prod", "--source state --all-stacks", "0 in sync, 2 drift", "1 error"]) {
      assert.ok(result.stdout.includes(text), `help lacks ${text}:\n${result.stdout}`);
    }
  });
  it("the program's help names the command", () => {
    assert.match(cli("--help").stdout, /drift \[options\]/);
  });
  it("loads only the command it runs; help and anything unknown get every command", () => {
    const names = (only?: string) => buildProgram(only).commands.map((c) => c.name());
    assert.deepEqual(names("drift"), ["drift"]);
    assert.deepEqual(names("scan"), ["scan"]);
    for (const other of [undefined, "--help", "help", "drif", "constructor", "__proto__"]) assert.deepEqual(names(other), ["drift", "import", "scan"], String(other));
  });
  const usage: Array<[string, string[]]> = [
    ["an unknown format", ["drift", "--format", "xml"]],
    ["a parallelism of 0", ["drift", "--parallel", "0"]],
    ["an unknown option", ["drift", "--frobnicate"]],
    ["an unknown source", ["drift", "--source", "cache"]],
    ["a concurrency of 0", ["drift", "--source", "state", "--concurrency", "0"]],
  ];
  for (const [name, args] of usage) {
    it(`${name} is a usage error: exit 1, never 2`, () => {
      const result = cli(...args);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /error:/);
    });
  }
  const combinations: Array<[string, string[], RegExp]> = [
    ["two stacks from the program", ["drift", "--stack", "a", "--stack", "b"], /several --stack need --source state/],
    ["--all-stacks from the program", ["drift", "--all-stacks"], /--all-stacks needs --source state/],
    ["--parallel with the state", ["drift", "--source", "state", "--parallel", "2"], /--parallel applies to --source program/],
  ];
  for (const [name, args, message] of combinations) {
    it(`${name} is a usage error that says why: exit 1, before anything runs`, () => {
      const result = cli(...args, "--cwd", path.join(REPO_ROOT, "schema"));
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /Pulumi\.yaml|project/i, "it stopped before opening the project");
    });
  }
  it("a directory without a Pulumi project is an error (exit 1)", () => {
    const result = cli("drift", "--cwd", path.join(REPO_ROOT, "schema"), "--stack", "dev");
    assert.equal(result.status, 1);
    assert.match(result.stderr, /error:/);
  });
});
