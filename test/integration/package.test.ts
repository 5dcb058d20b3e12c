import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { bareSpecifiers, entryPoints, packageOf, packedFiles, readManifest } from "../support/packageContents";
import { REPO_ROOT } from "../support/tools";

// What `npm pack` would publish from this checkout's build, checked file by file. The build runs
// from clean, so this is also what a clean clone's `prepack` makes (test/package proves that).

const manifest = readManifest(REPO_ROOT);
const files = packedFiles(REPO_ROOT);
const shipped = (suffix: string) => files.filter((f) => f.endsWith(suffix));

describe("the packed package", () => {
  it("holds the built provider and CLI, the drift report's schema, the manifest, README, LICENSE and CHANGELOG, and nothing else", () => {
    const unexpected = files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|schema\/[\w.-]+\.json|build\/(provider|cli)\/[\w/.-]+\.(js|d\.ts))$/.test(f));
    assert.deepEqual(unexpected, []);
    for (const required of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "schema/drift-report.v1.json"]) assert.ok(files.includes(required), required);
  });

  it("holds every entry point package.json names (main, types, bin, exports)", () => {
    const missing = entryPoints(manifest).filter((entry) => entry !== "package.json" && !files.includes(entry));
    assert.deepEqual(missing, []);
  });

  it("holds no compiled test and no output whose source is gone", () => {
    const orphans = files
      .filter((f) => f.startsWith("build/"))
      .map((f) => f.replace(/^build\//, "").replace(/\.(d\.ts|js)$/, ".ts"))
      .filter((source) => /\.test\.ts$/.test(source) || !existsSync(path.join(REPO_ROOT, source)));
    assert.deepEqual(orphans, []);
  });

  it("declares every package its declaration files refer to, as a dependency or peer", () => {
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies ?? {})]);
    const undeclared = shipped(".d.ts").flatMap((file) =>
      bareSpecifiers(readFileSync(path.join(REPO_ROOT, file), "utf8"))
        .map(packageOf)
        .filter((pkg): pkg is string => pkg !== undefined && !declared.has(pkg))
        .map((pkg) => `${file}: ${pkg}`),
    );
    assert.deepEqual(undeclared, []);
  });

  it("requires at run time only its dependencies and peers, never a development dependency", () => {
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies ?? {})]);
    const undeclared = shipped(".js").flatMap((file) =>
      bareSpecifiers(readFileSync(path.join(REPO_ROOT, file), "utf8"))
        .map(packageOf)
        .filter((pkg): pkg is string => pkg !== undefined && pkg !== manifest.name && !declared.has(pkg))
        .map((pkg) => `${file}: ${pkg}`),
    );
    assert.deepEqual(undeclared, []);
  });

  it("carries the license it names, and where its source, issues and home page are", () => {
    assert.equal(manifest.license, "Apache-2.0");
    assert.match(readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8"), /^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    const repo = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(manifest.repository.url)?.[1];
    assert.ok(repo !== undefined, `repository.url ${manifest.repository.url} is a GitHub git URL`);
    assert.equal(manifest.repository.type, "git");
    assert.equal(manifest.bugs.url, `${repo}/issues`);
    assert.equal(manifest.homepage, `${repo}#readme`);
    assert.ok(manifest.keywords.includes("pulumi"));
    assert.match(readFileSync(path.join(REPO_ROOT, "CHANGELOG.md"), "utf8"), new RegExp(`^## \\[${manifest.version.replace(/\./g, "\\.")}\\]`, "m"));
  });
});
