import os from "node:os";
import path from "node:path";
import { type PluginTarget, targetLabel } from "./targets";

/** The repository root (this file is compiled to build/packaging/). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The entry point the plugin is built from unless `--entry` names another. */
export const DEFAULT_ENTRY = path.join(REPO_ROOT, "build", "provider", "plugin", "main.js");

/** Where `npm run build:plugin` writes archives (ignored by git). */
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, "dist");

/**
 * The cache outside the repository that the tools' install script also uses, so a fresh clone
 * reuses downloaded runtimes: `PULUMI_BUCKET_ENCRYPTION_CACHE`, else `~/.cache/pulumi-bucket-encryption`.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env["PULUMI_BUCKET_ENCRYPTION_CACHE"] ?? path.join(os.homedir(), ".cache", "pulumi-bucket-encryption");
}

/**
 * The working folder of one target's build (bundle, blob, executable, staged archive): under
 * build/, which every `npm run build` empties, so nothing in it outlives the compiled code it came from.
 */
export function workDir(target: PluginTarget): string {
  return path.join(REPO_ROOT, "build", "plugin", targetLabel(target));
}
