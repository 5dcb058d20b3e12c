import { BUCKET_ENCRYPTION_TYPE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE } from "../resourceTypes";
import { holdsSecret } from "./secretValues";
import { runJson, type StateCli } from "./stateCli";

/** How a stack's state is exported: the CLI, and the Automation API's export that shows secrets. */
export interface StateExporter {
  readonly cli: StateCli;
  /** The Automation API workspace's `exportStack` (it shows secrets). */
  exportWithSecrets(name: string): Promise<unknown>;
}

/**
 * Stack `name`'s state as `pulumi stack export` gives it. First without `--show-secrets`:
 * showing secrets costs a secrets provider's key derivation (a passphrase provider's takes a
 * quarter of a second of CPU) in every stack. Only when a BucketEncryption's outputs or a
 * bucket-encryption provider's inputs hold a secret is the state read again with the Automation
 * API's `exportStack`, which shows them. Bounded in time and size; rejects with the CLI's own error.
 */
export async function exportState(exporter: StateExporter, name: string, timeoutMs: number): Promise<unknown> {
  const plain = await runJson(exporter.cli, ["stack", "export", "--stack", name], `reading the state of stack ${name}`, timeoutMs);
  if (!secretsMatter(plain)) return plain;
  return exporter.exportWithSecrets(name);
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
