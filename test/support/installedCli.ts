import { execFile } from "node:child_process";
import path from "node:path";
import type { CliResult } from "./pulumiCli";

/**
 * Runs the package's CLI as a user's `npx pulumi-bucket-encryption` does in their project: the
 * copy installed in the project's node_modules (from `npm pack`), with the project as working
 * directory. `env` is the whole environment beyond PATH.
 */
export function runInstalledCli(projectDir: string, args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliResult> {
  const main = path.join(projectDir, "node_modules", "pulumi-bucket-encryption", "build", "cli", "main.js");
  return runNode([main, ...args], { PATH: process.env["PATH"] ?? "", ...env }, projectDir);
}

/** Runs `node <args>` with exactly `env`; never rejects on a non-zero exit (the code says it). */
export function runNode(args: readonly string[], env: Readonly<Record<string, string>>, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...args], { ...(cwd !== undefined ? { cwd } : {}), env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
    );
  });
}
