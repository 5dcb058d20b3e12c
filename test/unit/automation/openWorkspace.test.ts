import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

// The Automation API loads without the TypeScript compiler and npm's arborist, and the SDK code
// that needs them still works. Each check runs in a fresh Node process, so nothing this test
// process has loaded already can hide a load.

const BUILD = path.join(__dirname, "..", "..", "..", "cli", "automation");

function inFreshProcess(script: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, BUILD }, stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out) as Record<string, unknown>;
}

const LOADED = `const loaded = () => ({
  typescript: Object.keys(require.cache).some((f) => /node_modules[\\\\/]typescript[\\\\/]/.test(f)),
  arborist: Object.keys(require.cache).some((f) => /node_modules[\\\\/]@npmcli[\\\\/]arborist[\\\\/]/.test(f)),
});`;

// Up to at least 3.248 the SDK depends on npm's arborist and loads it at its top; later releases (3.276)
// dropped it. What the installed SDK declares says which is expected, independently of the code.
const SDK_USES_ARBORIST = "@npmcli/arborist" in ((require("@pulumi/pulumi/package.json") as { dependencies?: Record<string, string> }).dependencies ?? {});

describe("loading the Automation API for a command", () => {
  it("finds the modules to defer in the installed SDK: the compiler's shim, and arborist where the SDK has it", () => {
    const { closureSerializationModules } = require(path.join(BUILD, "openWorkspace")) as { closureSerializationModules: () => string[] };
    const files = closureSerializationModules();
    assert.equal(files.length, SDK_USES_ARBORIST ? 2 : 1, files.join(", "));
    assert.match(files[0]!, /@pulumi[\\/]pulumi[\\/]typescript-shim\.js$/);
    if (SDK_USES_ARBORIST) assert.match(files[1]!, /@npmcli[\\/]arborist[\\/]/);
  });

  it("loads the API without them; a plain require loads them", () => {
    const script = (deferred: boolean) => `
      ${LOADED}
      const { withDeferredModules } = require(process.env.BUILD + "/deferredModules");
      const { closureSerializationModules } = require(process.env.BUILD + "/openWorkspace");
      const api = ${deferred ? "withDeferredModules(closureSerializationModules(), () => require(\"@pulumi/pulumi/automation\"))" : "require(\"@pulumi/pulumi/automation\")"};
      console.log(JSON.stringify({ ...loaded(), api: typeof api.LocalWorkspace.create }));`;
    assert.deepEqual(inFreshProcess(script(true)), { typescript: false, arborist: false, api: "function" });
    assert.deepEqual(inFreshProcess(script(false)), { typescript: true, arborist: SDK_USES_ARBORIST, api: "function" });
  });

  it("the SDK's function serialisation still works afterwards", () => {
    const result = inFreshProcess(`
      ${LOADED}
      const { withDeferredModules } = require(process.env.BUILD + "/deferredModules");
      const { closureSerializationModules } = require(process.env.BUILD + "/openWorkspace");
      withDeferredModules(closureSerializationModules(), () => require("@pulumi/pulumi/automation"));
      const before = loaded();
      const pulumi = require("@pulumi/pulumi");
      class Adder { constructor(n) { this.n = n; } add(a, b) { return a + b + this.n; } }
      const one = 1;
      pulumi.runtime.serializeFunction(function add(a, b) { return new Adder(one).add(a, b); }).then((s) => {
        const m = { exports: {} };
        new Function("exports", "module", "require", s.text)(m.exports, m, require);
        console.log(JSON.stringify({ before, sum: m.exports.handler(1, 2) }));
      }, (e) => console.log(JSON.stringify({ error: String(e) })));`);
    // Whether serialisation needs the compiler for this function depends on the SDK's version
    // (3.248 parses it through the stand-in, 3.270 does not parse it); either way it works.
    assert.deepEqual(result, { before: { typescript: false, arborist: false }, sum: 4 });
  });
});
