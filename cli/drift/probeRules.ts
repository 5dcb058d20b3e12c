import { type ConfigLookup, createClient, type EncryptionClient } from "../../provider/internal";
import { mapBounded } from "../concurrency/mapBounded";
import type { LiveLookup, ProbeRequest } from "./classify";
import { errorFacts } from "../output/errorFacts";
import { lookupRule } from "./lookupRule";

/**
 * Reads the live rule of each requested bucket with the package's own client, with the stack's
 * credentials and request settings (stack config first, then the environment, as the provider
 * does). At most `parallel` requests at once. Never throws: a failed read becomes `{ error }`.
 */
export async function probeRules(requests: readonly ProbeRequest[], config: ConfigLookup, env: NodeJS.ProcessEnv, parallel: number): Promise<Map<string, LiveLookup>> {
  const results = new Map<string, LiveLookup>();
  if (requests.length === 0) return results;
  let client: EncryptionClient;
  try {
    client = createClient({ config, env }).client;
  } catch (error) {
    // A bad setting fails every read the same way: report it on each bucket rather than stop.
    for (const r of requests) results.set(r.urn, { error: errorFacts(error) });
    return results;
  }
  try {
    const found = await mapBounded(requests, parallel, (request) => lookupRule(client, request.state));
    requests.forEach((r, i) => results.set(r.urn, found[i] ?? { error: { message: "not read" } }));
  } finally {
    client.close();
  }
  return results;
}
