import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import * as tar from "tar";
import { EMBEDDED_NODE_VERSION } from "../../packaging/embeddedNode";
import { fetchNodeRuntime } from "../../packaging/fetchNodeRuntime";
import { hostTarget } from "../../packaging/targets";
import { bareEnvironment, pluginVersion, startPlugin } from "../../packaging/runPlugin";
import { type BuiltArchive, installPluginArchive, type InstalledPlugin, manifestVersion, PLUGIN_STUB_ENTRY, pluginArchive } from "../support/pluginArchive";
import { installTools } from "../support/tools";

// The release archive as a Pulumi user on Python, Go, .NET or YAML gets it: built from the
// committed stand-in entry (the same module graph as the real plugin), installed by the real CLI
// into a fresh plugin cache, and started by the engine with no Node.js anywhere on PATH.

const MIB = 1024 * 1024;
// Node's names for this machine mapped to the archive's, written out here rather than taken from the build.
const PULUMI_PLATFORM: Readonly<Record<string, string>> = {
  "linux-x64": "linux-amd64",
  "linux-arm64": "linux-arm64",
  "darwin-x64": "darwin-amd64",
  "darwin-arm64": "darwin-arm64",
  "win32-x64": "windows-amd64",
  "win32-arm64": "windows-arm64",
};
const EXECUTABLE = `pulumi-resource-bucket-encryption${process.platform === "win32" ? ".exe" : ""}`;
// The compressed archive is Node.js (about 40 MiB gzipped on linux-amd64) plus the bundle: well
// over that means something else got in (a second runtime, node_modules, a debug build).
const ARCHIVE_CEILING = 60 * MIB;
// The bundle is about 2 MiB; the executable is the official binary with it injected.
const INJECTED_CEILING = 16 * MIB;

interface Entry {
  readonly path: string;
  readonly type: string;
  readonly mode: number;
  readonly size: number;
}

async function entriesOf(archive: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  await tar.t({ file: archive, onReadEntry: (e) => void entries.push({ path: e.path, type: e.type, mode: e.mode ?? 0, size: e.size ?? 0 }) });
  return entries;
}

describe("the plugin archive, from the build to the plugin cache", () => {
  const version = manifestVersion();
  let pulumi = "";
  let built: BuiltArchive;
  let installed: InstalledPlugin;

  before(async () => {
    pulumi = installTools("pulumi").pulumi;
    built = await pluginArchive(PLUGIN_STUB_ENTRY);
    installed = await installPluginArchive(pulumi, built.archive, version);
  });
  after(() => installed?.remove());

  it("is named after package.json's version and this machine's platform, Pulumi's way", (t) => {
    t.diagnostic(`built in ${built.buildMs} ms (0: reused from this run)`);
    const platform = PULUMI_PLATFORM[`${process.platform}-${process.arch}`];
    assert.equal(path.basename(built.archive), `pulumi-resource-bucket-encryption-v${version}-${platform}.tar.gz`);
  });

  it("holds the executable at its root (0755) with the licence, a README and the notices, nothing else", async () => {
    const entries = await entriesOf(built.archive);
    assert.deepEqual(entries.map((e) => [e.path, e.type]), [
      [EXECUTABLE, "File"],
      ["LICENSE", "File"],
      ["README.md", "File"],
      ["THIRD-PARTY-NOTICES.txt", "File"],
    ]);
    assert.equal((entries[0]?.mode ?? 0) & 0o777, 0o755);
    for (const entry of entries.slice(1)) assert.equal(entry.mode & 0o777, 0o644, entry.path);
  });

  it("is the pinned Node.js binary plus the bundle, within its size budget", async (t) => {
    const archiveBytes = statSync(built.archive).size;
    const executableBytes = (await entriesOf(built.archive))[0]?.size ?? 0;
    const target = hostTarget();
    assert.ok(target !== undefined);
    const nodeBytes = statSync(fetchNodeRuntime(target).binary).size;
    t.diagnostic(`archive ${(archiveBytes / MIB).toFixed(1)} MiB; executable ${(executableBytes / MIB).toFixed(1)} MiB; Node ${EMBEDDED_NODE_VERSION} alone ${(nodeBytes / MIB).toFixed(1)} MiB`);
    assert.ok(archiveBytes < ARCHIVE_CEILING, `archive ${archiveBytes} bytes`);
    assert.ok(executableBytes > nodeBytes && executableBytes - nodeBytes < INJECTED_CEILING, `executable ${executableBytes} bytes, Node ${nodeBytes}`);
  });

  it("installs into a fresh plugin cache, where `pulumi plugin ls` lists it", async () => {
    assert.equal(statSync(installed.executable).mode & 0o777, 0o755);
    const { stdout } = await promisify(execFile)(pulumi, ["plugin", "ls", "--json"], { env: installed.env, timeout: 60_000 });
    const listed = JSON.parse(stdout) as Array<{ name: string; kind: string; version: string }>;
    assert.deepEqual(listed.map(({ name, kind, version: v }) => ({ name, kind, version: v })), [{ name: "bucket-encryption", kind: "resource", version }]);
  });

  it("is started by the engine from the cache with no Node.js on PATH, as a single executable on the pinned Node.js", async () => {
    // PATH is one empty folder: no node, npm or anything else for the plugin to lean on.
    assert.deepEqual(readdirSync(installed.env["PATH"] ?? ""), []);
    const { stdout } = await promisify(execFile)(pulumi, ["package", "get-schema", `bucket-encryption@${version}`], { env: installed.env, timeout: 120_000 });
    const schema = JSON.parse(stdout) as { name: string; version: string; description: string };
    assert.equal(schema.name, "bucket-encryption");
    assert.equal(schema.version, version);
    assert.deepEqual(JSON.parse(schema.description), { node: EMBEDDED_NODE_VERSION, sea: true, lifecycle: true });
  });

  it("prints its port first and answers GetPluginInfo with the version, when started alone, warning nothing", async (t) => {
    const plugin = await startPlugin(installed.executable);
    try {
      t.diagnostic(`port line after ${Math.round(plugin.startupMs)} ms`);
      assert.equal(await pluginVersion(plugin.port), version);
      // Node's "single executable application is an experimental feature" warning is turned off in the blob.
      assert.equal(plugin.stderr(), "");
    } finally {
      await plugin.stop();
    }
  });

  it("ignores a NODE_OPTIONS meant for the user's own Node.js programs", async () => {
    const env = { ...bareEnvironment(installed.env["PATH"] ?? ""), NODE_OPTIONS: `--require ${path.join(installed.home, "no-such-preload.js")}` };
    const plugin = await startPlugin(installed.executable, { env });
    try {
      assert.equal(await pluginVersion(plugin.port), version);
    } finally {
      await plugin.stop();
    }
  });

  it("ships the project's licence as is", () => {
    assert.ok(readFileSync(path.join(installed.pluginDir, "LICENSE"), "utf8").includes("Apache License"));
  });
});
