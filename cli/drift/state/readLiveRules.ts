import { type BucketLocation, type ConfigLookup, createClient, type EncryptionClient } from "../../../provider/internal";
import { errorFacts } from "../../output/errorFacts";
import type { LiveLookup } from "../classify";
import { lookupRule } from "../lookupRule";
import { runPooled } from "./workerPool";

/** One GET to make: where, and with which settings. */
export interface RuleRead {
  /** The caller's key for the result. */
  readonly key: string;
  readonly location: BucketLocation;
  /** Credentials and request settings, read as the provider reads stack config. */
  readonly config: ConfigLookup;
  /**
   * Reads with the same `clientKey` have the same config and share one client: its connections
   * (per regional endpoint) and its credential caches (per identity).
   */
  readonly clientKey: string;
}

/**
 * Reads each bucket's live rule with exactly one GET (plus retries of transient failures) with
 * the package's own client, at most `concurrency` at once over all reads. Credentials come from
 * the resource's own identity (its location's `profile`, `roleArn`, …), then its config, then
 * `env`. Never throws: a read that fails, or a config whose settings are malformed, becomes
 * `{ error }` for the reads it concerns. `onRead` is called after each read (progress).
 */
export async function readLiveRules(reads: readonly RuleRead[], env: NodeJS.ProcessEnv, concurrency: number, onRead?: () => void): Promise<Map<string, LiveLookup>> {
  const clients = new Map<string, { readonly client: EncryptionClient } | { readonly error: unknown }>();
  const clientFor = (read: RuleRead) => {
    let entry = clients.get(read.clientKey);
    if (entry === undefined) {
      try {
        entry = { client: createClient({ config: read.config, env }).client };
      } catch (error) {
        // Malformed request settings fail every read of this config the same way.
        entry = { error };
      }
      clients.set(read.clientKey, entry);
    }
    return entry;
  };
  try {
    const results = await runPooled(reads, concurrency, async (read): Promise<[string, LiveLookup]> => {
      const entry = clientFor(read);
      const lookup = "error" in entry ? { error: errorFacts(entry.error) } : await lookupRule(entry.client, read.location);
      onRead?.();
      return [read.key, lookup];
    });
    return new Map(results);
  } finally {
    for (const entry of clients.values()) if ("client" in entry) entry.client.close();
  }
}
