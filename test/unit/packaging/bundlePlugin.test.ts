import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { after, describe, it } from "node:test";
import { bundlePlugin, packageDirs, VERSION_GLOBAL } from "../../../packaging/bundlePlugin";

// The bundler's guards, on tiny entries in a temp folder (outside the repository, as `--entry`
// allows): the version reaches the code, the SDK's main index and requires the bundle cannot
// follow stop the build, guarded optional requires are reported.

const dir = mkdtempSync(path.join(os.tmpdir(), "bundle-plugin-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function entry(name: string, source: string): string {
  const file = path.join(dir, `${name}.js`);
  writeFileSync(file, source);
  return file;
}

function outfile(name: string): string {
  return path.join(dir, `${name}.bundle.js`);
}

describe("bundling the plugin", () => {
  it(`replaces ${VERSION_GLOBAL} with the version, and resolves the project's packages from an entry outside it`, async () => {
    const source = `const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
module.exports = { version: typeof ${VERSION_GLOBAL} === "string" ? ${VERSION_GLOBAL} : "none", struct: typeof Struct };`;
    const bundle = await bundlePlugin({ entry: entry("version", source), outfile: outfile("version"), version: "9.8.7-rc.1" });
    // Run as CommonJS with this process's require, which the bundle may use for built-ins only.
    const module = { exports: {} as Record<string, unknown> };
    const wrapped = vm.runInThisContext(`(function (module, exports, require) {${readFileSync(bundle.file, "utf8")}\n})`) as (m: typeof module, e: unknown, r: NodeJS.Require) => void;
    wrapped(module, module.exports, require);
    assert.deepEqual(module.exports, { version: "9.8.7-rc.1", struct: "function" });
    assert.deepEqual(bundle.packageDirs, ["node_modules/google-protobuf"]);
    assert.deepEqual(bundle.leftOut, []);
  });

  it("stops when the entry loads the Pulumi SDK's main index, naming who loads it", async () => {
    const loader = entry("sdk", `require("@pulumi/pulumi/proto/plugin_pb"); require("@pulumi/pulumi");`);
    await assert.rejects(bundlePlugin({ entry: loader, outfile: outfile("sdk"), version: "1.0.0" }), (error: Error) => {
      assert.match(error.message, /sdk\.js:1:.*must load only @pulumi\/pulumi\/proto\/\*, not @pulumi\/pulumi:/s);
      return true;
    });
  });

  it("stops when a require names its module at run time (the executable could not load it)", async () => {
    const dynamic = entry("dynamic", `const name = process.argv[2]; module.exports = require(name);`);
    await assert.rejects(bundlePlugin({ entry: dynamic, outfile: outfile("dynamic"), version: "1.0.0" }), /the bundle would not run as built:.*"require" will not be bundled/s);
    const indirect = entry("indirect", `const load = require; module.exports = load("ini");`);
    await assert.rejects(bundlePlugin({ entry: indirect, outfile: outfile("indirect"), version: "1.0.0" }), /the bundle would not run as built:.*Indirect calls to "require"/s);
  });

  it("stops when a module cannot be found", async () => {
    const missing = entry("missing", `require("no-such-package-anywhere");`);
    await assert.rejects(bundlePlugin({ entry: missing, outfile: outfile("missing"), version: "1.0.0" }), /no-such-package-anywhere/);
  });

  it("reports a require the code guards, and leaves Node's built-ins out silently", async () => {
    const guarded = entry("guarded", `require("node:fs"); require("path"); try { require("no-such-optional-helper"); } catch {}`);
    const bundle = await bundlePlugin({ entry: guarded, outfile: outfile("guarded"), version: "1.0.0" });
    assert.deepEqual(bundle.leftOut.map((line) => line.split(" ")[0]), ["no-such-optional-helper"]);
  });
});

describe("the packages a bundle holds", () => {
  const cases: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
    [["node_modules/ini/lib/ini.js", "node_modules/ini/package.json"], ["node_modules/ini"]],
    [["node_modules/@grpc/grpc-js/build/src/index.js"], ["node_modules/@grpc/grpc-js"]],
    [["node_modules/@alicloud/credentials/node_modules/ini/lib/ini.js"], ["node_modules/@alicloud/credentials/node_modules/ini"]],
    [["provider/index.js", "../../tmp/stub/main.js"], []],
  ];
  for (const [inputs, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(inputs)}`, () => assert.deepEqual(packageDirs(inputs), expected));
  }
});
