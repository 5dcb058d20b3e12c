import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { entryPoints, readManifest } from "../support/packageContents";
import { REPO_ROOT } from "../support/tools";

// A user's view of a release: the checkout's files alone (as a clean clone has them, with stale
// build output planted in it), `npm pack` (whose prepack builds from clean), then a new TypeScript
// project that installs the tarball from the npm registry with nothing else of ours beside it.

const manifest = readManifest(REPO_ROOT);
const STALE = ["build/provider/removedModule.js", "build/test/unit/removed.test.js"];

function run(command: string, args: readonly string[], cwd: string, timeout = 300_000): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
}

// The files a clone has: tracked ones, plus new ones not ignored (so uncommitted work is tested
// too). A copy without git metadata (scripts/test-node24.sh makes one) holds only those already,
// beside the installed and built trees.
function checkoutFiles(): string[] {
  try {
    return run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO_ROOT).split("\0").filter((f) => f !== "");
  } catch {
    const generated = new Set(["node_modules", "build", ".git"]);
    return readdirSync(REPO_ROOT).filter((name) => !generated.has(name));
  }
}

describe("the packed package, from a clean clone to a consumer's project", () => {
  let work = "";
  let clone = "";
  let consumer = "";
  let tarball = "";
  let packed: string[] = [];

  before(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-pack-"));
    clone = path.join(work, "clone");
    consumer = path.join(work, "consumer");
    mkdirSync(clone);
    for (const file of checkoutFiles()) {
      if (existsSync(path.join(REPO_ROOT, file))) cpSync(path.join(REPO_ROOT, file), path.join(clone, file), { recursive: true });
    }
    // `npm ci` would install the same tree; hard links make it instant.
    run("cp", ["-al", path.join(REPO_ROOT, "node_modules"), path.join(clone, "node_modules")], REPO_ROOT);
    for (const stale of STALE) {
      mkdirSync(path.dirname(path.join(clone, stale)), { recursive: true });
      writeFileSync(path.join(clone, stale), "throw new Error('stale build output');\n");
    }
    const [info] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], clone)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(work, info?.filename ?? "");
    packed = (info?.files ?? []).map((f) => f.path);

    mkdirSync(consumer);
    writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    // The consumer brings its own compiler and Node types, as any TypeScript project on Node does;
    // everything else comes from the tarball's declared dependencies. The linked layout (as pnpm's)
    // shows each package only what it declares: a package reached only through another's
    // dependencies (hoisted into reach by the default layout) cannot be resolved from ours.
    // It also adds `debug`: @alicloud/credentials 2.4.7 requires it without declaring it, so in a
    // linked layout only a project that declares it can load the package (the README says so).
    const devDependencies = manifest.devDependencies;
    run(
      "npm",
      ["install", "--install-strategy=linked", "--no-audit", "--no-fund", "--prefer-offline", tarball, `typescript@${devDependencies["typescript"]}`, `@types/node@${devDependencies["@types/node"]}`, "debug@4"],
      consumer,
    );
  });
  after(() => {
    if (work !== "") rmSync(work, { recursive: true, force: true });
  });

  it("prepack builds from clean: every entry point ships, stale output neither ships nor survives", () => {
    const missing = entryPoints(manifest).filter((entry) => entry !== "package.json" && !packed.includes(entry));
    assert.deepEqual(missing, []);
    assert.deepEqual(packed.filter((f) => f.includes("removed")), []);
    assert.deepEqual(STALE.filter((f) => existsSync(path.join(clone, f))), [], "the build started by removing the old output");
  });

  it("a strict TypeScript project compiles against it and every declaration file it ships", () => {
    writeFileSync(
      path.join(consumer, "index.ts"),
      [
        'import { BucketEncryption, type BucketEncryptionArgs } from "pulumi-bucket-encryption";',
        'import * as dynamicProvider from "pulumi-bucket-encryption/dynamic-provider";',
        'const args: BucketEncryptionArgs = { cloud: "aliyun", region: "cn-hangzhou", bucket: "acme-logs", sseAlgorithm: "KMS" };',
        'export const rule = new BucketEncryption("logs", args);',
        "export const provider = dynamicProvider;",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "node16", moduleResolution: "node16", target: "ES2022", types: ["node"], skipLibCheck: false, noEmit: true },
        // Every shipped declaration file, not only those the entry points reach: a type a user
        // meets through an internal path must resolve too.
        // Named by their real path, as TypeScript reaches them through imports: module resolution
        // starts from where a file really is, beside only its package's declared dependencies.
        files: ["index.ts", ...packed.filter((f) => f.endsWith(".d.ts")).map((f) => path.join(realpathSync(path.join(consumer, "node_modules", manifest.name)), f))],
      }),
    );
    // tsc prints its diagnostics on stdout and exits non-zero; the assertion shows them.
    let output: string;
    try {
      output = run(path.join(consumer, "node_modules/.bin/tsc"), ["-p", "."], consumer);
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout ?? error);
    }
    assert.equal(output.trim(), "");
  });

  it("loads in Node, its CLI prints its version, and its requests name that version", () => {
    const installed = path.join(consumer, "node_modules", manifest.name);
    const exported = run(process.execPath, ["-e", `console.log(Object.keys(require(${JSON.stringify(manifest.name)})).sort().join(","))`], consumer);
    assert.match(exported, /\bBucketEncryption\b/);
    assert.equal(run(path.join(consumer, "node_modules/.bin", Object.keys(manifest.bin)[0] ?? ""), ["--version"], consumer).trim(), manifest.version);
    const agent = run(process.execPath, ["-p", `require(${JSON.stringify(path.join(installed, "build/provider/http/userAgent.js"))}).userAgent()`], consumer);
    assert.equal(agent.trim(), `${manifest.name}/${manifest.version} node/${process.versions.node} (${process.platform}; ${process.arch})`);
  });
});
