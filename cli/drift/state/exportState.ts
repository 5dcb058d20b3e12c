import type * as ResourceTypes from "../resourceTypes";
import { holdsSecret } from "./secretValues";
import { runJson, type StateCli } from "./stateCli";

/**
 * Stack `name`'s state as `pulumi stack export` gives it. First without `--show-secrets`:
 * showing secrets costs a secrets provider's key derivation (a passphrase provider's takes a
 * quarter of a second of CPU) in every stack. Only when a BucketEncryption's outputs or a
 * bucket-encryption provider's inputs hold a secret is the state read again with
 * `--show-secrets`. Bounded in time and size; rejects with the CLI's own error.
 */
export async function exportState(cli: StateCli, name: string, timeoutMs: number): Promise<unknown> {
  const what = `reading the state of stack ${name}`;
  const plain = await runJson(cli, ["stack", "export", "--stack", name], what, timeoutMs);
  if (!secretsMatter(plain)) return plain;
  return runJson(cli, ["stack", "export", "--show-secrets", "--stack", name], what, timeoutMs);
}

// Secrets of other resources never need revealing: only these are read.
function secretsMatter(exported: unknown): boolean {
  // Asked once the export is in: the types come from the provider's entry point, which loads its
  // whole client, and this module is loaded before the reads' CLI processes start.
  const { BUCKET_ENCRYPTION_TYPE, PLUGIN_PROVIDER_TYPE, PLUGIN_RESOURCE_TYPE } = require("../resourceTypes") as typeof ResourceTypes;
  const resources = (exported as { deployment?: { resources?: unknown } } | null)?.deployment?.resources;
  if (!Array.isArray(resources)) return false;
  return resources.some((r: { type?: unknown; outputs?: unknown; inputs?: unknown } | null) => {
    if (r === null || typeof r !== "object") return false;
    if (r.type === PLUGIN_PROVIDER_TYPE) return holdsSecret(r.inputs);
    return (r.type === BUCKET_ENCRYPTION_TYPE || r.type === PLUGIN_RESOURCE_TYPE) && holdsSecret(r.outputs);
  });
}
