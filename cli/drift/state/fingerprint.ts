import { createHash } from "node:crypto";

/**
 * A digest of settings (key and value pairs, in any order): equal for equal settings, so that
 * resources configured alike share one client, and holding no secret in the clear.
 */
export function fingerprint(entries: Iterable<readonly [string, string]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}
