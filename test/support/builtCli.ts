import { execFile } from "node:child_process";
import path from "node:path";
import type { CliResult } from "./pulumiCli";
import { REPO_ROOT } from "./tools";

/** The CLI as built in this checkout. */
export const BUILT_CLI = path.join(REPO_ROOT, "build", "cli", "main.js");

/** A CLI run: its result, how long the process took to exit, and whether it had to be killed. */
export interface TimedRun extends CliResult {
  readonly ms: number;
  readonly killed: boolean;
}

/**
 * Runs the built CLI in a child process with exactly `env` (PATH added when absent) and kills it
 * after `killAfterMs`: a command that hangs ends the test as a failure instead of hanging it. `ms`
 * is the time to the process's exit, not to its last output.
 */
export function runBuiltCli(args: readonly string[], env: Readonly<Record<string, string>>, options: { readonly cwd?: string; readonly killAfterMs?: number } = {}): Promise<TimedRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT_CLI, ...args],
      { ...(options.cwd !== undefined ? { cwd: options.cwd } : {}), env: { PATH: process.env["PATH"] ?? "", ...env }, timeout: options.killAfterMs ?? 60_000, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const killed = error !== null && error.killed === true;
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr, ms: Date.now() - started, killed });
      },
    );
  });
}
