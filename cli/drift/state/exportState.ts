import { execFile } from "node:child_process";
import type * as Automation from "@pulumi/pulumi/automation";
import { commandMessage } from "../../automation/commandMessage";
import { BUCKET_ENCRYPTION_TYPE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE } from "../resourceTypes";
import { holdsSecret } from "./secretValues";

/** The largest stack export read (the Automation API's own runner reads up to 100 MB too). */
const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** What exporting needs from the Automation API's workspace. */
export type ExportingWorkspace = Pick<Automation.LocalWorkspace, "exportStack" | "pulumiCommand" | "workDir" | "envVars">;

/**
 * Stack `name`'s state as `pulumi stack export` gives it. First without `--show-secrets`, run by
 * the CLI the Automation API found (`pulumiCommand`, in the workspace's directory and environment,
 * as its own commands run): showing secrets costs a secrets provider's key derivation (a passphrase
 * provider's takes a quarter of a second of CPU) in every stack. Only when a BucketEncryption's
 * outputs or a bucket-encryption provider's inputs hold a secret is the state read again with the
 * API's `exportStack`, which shows them. Bounded in time and size; rejects with the CLI's own error.
 */
export async function exportState(workspace: ExportingWorkspace, name: string, timeoutMs: number): Promise<unknown> {
  const plain = await plainExport(workspace, name, timeoutMs);
  if (!secretsMatter(plain)) return plain;
  return workspace.exportStack(name);
}

function plainExport(workspace: ExportingWorkspace, name: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      workspace.pulumiCommand.command,
      ["stack", "export", "--stack", name, "--non-interactive"],
      { cwd: workspace.workDir, env: { ...process.env, ...workspace.envVars, PULUMI_AUTOMATION_API: "true" }, timeout: timeoutMs, maxBuffer: MAX_EXPORT_BYTES, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error !== null) {
          const why = error.killed === true ? `reading the state of stack ${name} took longer than ${timeoutMs / 1000} s` : commandMessage(Object.assign(error, { commandResult: { stderr } }));
          reject(new Error(why, { cause: error }));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as unknown);
        } catch (parseError) {
          reject(new Error(`the state export of stack ${name} is not JSON`, { cause: parseError }));
        }
      },
    );
  });
}

// Secrets of other resources never need revealing: only these are read.
function secretsMatter(exported: unknown): boolean {
  const resources = (exported as { deployment?: { resources?: unknown } } | null)?.deployment?.resources;
  if (!Array.isArray(resources)) return false;
  return resources.some((r: { type?: unknown; outputs?: unknown; inputs?: unknown } | null) => {
    if (r === null || typeof r !== "object") return false;
    if (r.type === PLUGIN_PROVIDER_TYPE) return holdsSecret(r.inputs);
    return (r.type === BUCKET_ENCRYPTION_TYPE || r.type === PLUGIN_RESOURCE_TYPE) && holdsSecret(r.outputs);
  });
}
