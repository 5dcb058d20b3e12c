import { execFile } from "node:child_process";
import { commandMessage } from "../../automation/commandMessage";
import { PulumiNotFoundError } from "../../automation/pulumiNotFound";

/** The largest output read from one command (the Automation API's own runner reads up to 100 MB too). */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * The Pulumi CLI as the Automation API's local workspace runs it: the `pulumi` on PATH, in the
 * project's directory, with `--non-interactive` and `PULUMI_AUTOMATION_API=true`. State-based
 * drift runs its read-only commands (`stack ls`, `stack export`, `config`) this way instead of
 * through the API's workspace, so that they start at once rather than after the API's
 * `pulumi version` probe: each Pulumi CLI process costs about a third of a second of CPU, and the
 * probe would put one of them in front of every read.
 */
export interface StateCli {
  readonly command: string;
  readonly workDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/** The CLI in `workDir` with this process's environment. */
export function stateCli(workDir: string, env: NodeJS.ProcessEnv = process.env): StateCli {
  return { command: "pulumi", workDir, env };
}

/**
 * Runs one read-only command and resolves to its stdout parsed as JSON. Rejects with the CLI's
 * own `error:` lines, with "`what` took longer than …" after `timeoutMs` (the process is killed),
 * when its output is not JSON, or with PulumiNotFoundError when there is no `pulumi` on PATH.
 */
export function runJson(cli: StateCli, args: readonly string[], what: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      cli.command,
      [...args, "--non-interactive"],
      { cwd: cli.workDir, env: { ...cli.env, PULUMI_AUTOMATION_API: "true" }, timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error !== null) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") reject(new PulumiNotFoundError({ cause: error }));
          else if (error.killed === true) reject(new Error(`${what} took longer than ${timeoutMs / 1000} s`, { cause: error }));
          else reject(new Error(commandMessage(Object.assign(error, { commandResult: { stderr } })), { cause: error }));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as unknown);
        } catch (parseError) {
          reject(new Error(`the output of \`pulumi ${args.join(" ")}\` is not JSON`, { cause: parseError }));
        }
      },
    );
  });
}
