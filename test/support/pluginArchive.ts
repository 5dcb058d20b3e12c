import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildPlugin, projectVersion } from "../../packaging/buildPlugin";
import { DEFAULT_ENTRY } from "../../packaging/layout";
import { archiveName, executableName, hostTarget, PLUGIN_NAME, type PluginTarget } from "../../packaging/targets";
import { REPO_ROOT } from "./tools";

/** The committed stand-in entry (test/fixtures/plugin-stub/main.ts, compiled): what the real plugin requires, serving GetPluginInfo and GetSchema. */
export const PLUGIN_STUB_ENTRY = path.join(REPO_ROOT, "build", "test", "fixtures", "plugin-stub", "main.js");

/** An archive built for this machine. */
export interface BuiltArchive {
  readonly archive: string;
  readonly version: string;
  readonly target: PluginTarget;
  /** Milliseconds the build took; 0 when an archive built earlier in this run was reused. */
  readonly buildMs: number;
}

const building = new Map<string, Promise<BuiltArchive>>();

/**
 * The plugin archive for this machine, built from `entry` (the real plugin's compiled entry by
 * default) once per test process, and reused across processes of the same run: it is kept under
 * build/, which every `npm run build` empties, keyed by the entry's path.
 */
export function pluginArchive(entry: string = DEFAULT_ENTRY): Promise<BuiltArchive> {
  let pending = building.get(entry);
  if (pending === undefined) {
    pending = buildOnce(entry);
    building.set(entry, pending);
  }
  return pending;
}

async function buildOnce(entry: string): Promise<BuiltArchive> {
  const target = hostTarget();
  if (target === undefined) throw new Error(`no plugin is built for ${process.platform}-${process.arch}`);
  const version = projectVersion();
  const outDir = path.join(REPO_ROOT, "build", "plugin-archives", createHash("sha256").update(entry).digest("hex").slice(0, 12));
  const archive = path.join(outDir, archiveName(version, target));
  // Written last, after the archive is complete: its presence means a whole archive.
  const done = path.join(outDir, "built.json");
  if (existsSync(done) && existsSync(archive)) return { archive, version, target, buildMs: 0 };
  const started = performance.now();
  await buildPlugin({ target, entry, outDir, check: false });
  const buildMs = Math.round(performance.now() - started);
  writeFileSync(done, JSON.stringify({ entry, archive, buildMs }));
  return { archive, version, target, buildMs };
}

/** A plugin installed into a fresh Pulumi home by the CLI. */
export interface InstalledPlugin {
  /** The PULUMI_HOME it is installed in. */
  readonly home: string;
  /** `$PULUMI_HOME/plugins/resource-bucket-encryption-v<version>/`. */
  readonly pluginDir: string;
  readonly executable: string;
  /** The environment that runs the CLI offline against this home (no update check, no registry, no downloads). */
  readonly env: Readonly<Record<string, string>>;
  /** Removes the home. */
  remove(): void;
}

/**
 * Installs `archive` as `pulumi plugin install resource bucket-encryption <version> -f <archive>`
 * does for a user, into a new PULUMI_HOME in a temp folder.
 */
export async function installPluginArchive(pulumi: string, archive: string, version: string): Promise<InstalledPlugin> {
  const home = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-plugin-home-"));
  const env: Record<string, string> = {
    HOME: home,
    PATH: path.join(home, "no-tools"),
    PULUMI_HOME: home,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
  };
  mkdirSync(env["PATH"] ?? "");
  try {
    await promisify(execFile)(pulumi, ["plugin", "install", "resource", PLUGIN_NAME, version, "-f", archive, "--non-interactive"], { env, timeout: 120_000 });
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
  const pluginDir = path.join(home, "plugins", `resource-${PLUGIN_NAME}-v${version}`);
  const target = hostTarget();
  const executable = path.join(pluginDir, target === undefined ? "" : executableName(target));
  return { home, pluginDir, executable, env, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/** The version the archive's executable must report: package.json's, read here independently of the build. */
export function manifestVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
}
