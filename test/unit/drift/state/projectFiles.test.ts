import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { readProject } from "../../../../cli/drift/state/projectFiles";

// The project's name from its project file, as the Automation API's local workspace finds it.

describe("readProject", () => {
  let root: string;
  before(() => (root = mkdtempSync(path.join(os.tmpdir(), "project-name-"))));
  after(() => rmSync(root, { recursive: true, force: true }));
  const project = (files: Record<string, string>): string => {
    const dir = path.join(root, Math.random().toString(36).slice(2));
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  const cases: Array<[string, Record<string, string>, string]> = [
    ["Pulumi.yaml", { "Pulumi.yaml": "name: infra\nruntime: nodejs\n" }, "infra"],
    ["Pulumi.yml", { "Pulumi.yml": "name: infra-yml\nruntime: yaml\n" }, "infra-yml"],
    ["Pulumi.json", { "Pulumi.json": '{"name":"infra-json","runtime":"nodejs"}' }, "infra-json"],
    ["Pulumi.yaml before Pulumi.json", { "Pulumi.yaml": "name: first\n", "Pulumi.json": '{"name":"second"}' }, "first"],
  ];
  for (const [label, files, expected] of cases) {
    it(`reads ${label}`, async () => assert.equal((await readProject(project(files))).name, expected));
  }

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    ["no project file", {}, /no Pulumi project in .*: none of Pulumi.yaml, Pulumi.yml, Pulumi.json is there/],
    ["a file that is no YAML", { "Pulumi.yaml": "name: [unclosed\n" }, /Pulumi.yaml is not a YAML mapping/],
    ["a YAML scalar", { "Pulumi.yaml": "just text\n" }, /Pulumi.yaml is not a YAML mapping/],
    ["no name", { "Pulumi.yaml": "runtime: nodejs\n" }, /names no project/],
    ["a name that is no string", { "Pulumi.yaml": "name: [1, 2]\n" }, /names no project/],
    ["a file past its bound", { "Pulumi.yaml": `name: big\ndescription: ${"x".repeat(1024 * 1024)}\n` }, /the project file ".*Pulumi.yaml" holds \d+ bytes, more than the 1048576 allowed/],
  ];
  for (const [label, files, expected] of refusals) {
    it(`refuses ${label}`, async () => assert.rejects(readProject(project(files)), expected));
  }
});
