import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { DEFAULT_OUT_DIR } from "../packaging/layout";
import { archiveName, executableName, hostTarget } from "../packaging/targets";
import { projectVersion } from "../packaging/buildPlugin";
import { pluginArchive } from "../test/support/pluginArchive";

/** The plugin's executable name, which the engine looks for on PATH. */
export const PLUGIN_EXECUTABLE = "pulumi-resource-bucket-encryption";

/** A folder holding `pulumi-resource-bucket-encryption`, to be put first on the CLI's PATH. */
export interface PluginLauncher {
  readonly dir: string;
  /** What runs, in words, for the report. */
  readonly description: string;
  remove(): void;
}

/**
 * The plugin as `npm install` leaves it: the package's bin, a link named after the plugin to
 * the installed package's build/provider/plugin/main.js, which its `#!/usr/bin/env node` line
 * runs with the node on PATH.
 */
export function npmBinLauncher(nodeModules: string): PluginLauncher {
  const entry = path.join(nodeModules, "pulumi-bucket-encryption", "build", "provider", "plugin", "main.js");
  if (!existsSync(entry)) throw new Error(`the installed package has no ${entry}`);
  // npm makes a bin executable when it links it; an unpacked tarball may not carry the bit.
  chmodSync(entry, statSync(entry).mode | 0o111);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-bench-bin-"));
  symlinkSync(entry, path.join(dir, PLUGIN_EXECUTABLE));
  return { dir, description: `node ${path.relative(path.dirname(nodeModules), entry)} (npm bin link)`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The single executable (the pinned Node.js with the bundled plugin injected), unpacked from the
 * release archive: built now from this build's plugin entry by the same function
 * `npm run build:plugin` runs (into build/plugin-archives/, not dist/); if that fails, the
 * archive `npm run build:plugin` left in dist/, if any. Undefined (with the reason) when neither.
 */
export async function singleExecutableLauncher(): Promise<{ readonly launcher?: PluginLauncher; readonly note: string }> {
  const target = hostTarget();
  if (target === undefined) return { note: `no single executable is built for ${process.platform}-${process.arch}` };
  let archive: string;
  let source: string;
  try {
    const built = await pluginArchive();
    archive = built.archive;
    // 0: an archive of this same build, made earlier (the build empties build/plugin-archives/).
    source = `built by buildPlugin (as \`npm run build:plugin\` does) from this build's plugin entry${built.buildMs > 0 ? ` in ${(built.buildMs / 1000).toFixed(0)} s` : ", reused from earlier in this build"}`;
  } catch (error) {
    const fallback = path.join(DEFAULT_OUT_DIR, archiveName(projectVersion(), target));
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (!existsSync(fallback)) return { note: `not measured: the archive could not be built (${reason}) and dist/ holds none` };
    archive = fallback;
    source = `dist/${path.basename(fallback)} of ${statSync(fallback).mtime.toISOString()} (a build failed: ${reason})`;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bucket-encryption-bench-sea-"));
  const name = executableName(target);
  await tar.x({ file: archive, cwd: dir, filter: (entry) => entry === name });
  if (!existsSync(path.join(dir, name))) {
    rmSync(dir, { recursive: true, force: true });
    return { note: `not measured: ${path.basename(archive)} holds no ${name}` };
  }
  return {
    launcher: { dir, description: `the single executable from ${path.basename(archive)}`, remove: () => rmSync(dir, { recursive: true, force: true }) },
    note: source,
  };
}
