import type { EncryptionClient } from "../../provider/internal";
import type { ConfigLookup } from "../../provider/internal";
import { readSettings } from "../../provider/internal";
import type { LiveLookup, ProbeRequest } from "./classify";
import { environmentClient } from "../fleet/environmentClient";
import { reportErrorFrom } from "./providerError";

/**
 * Reads the live rule of each requested bucket with the package's own client, with the stack's
 * credentials and request settings (stack config first, then the environment, as the provider
 * does). At most `parallel` requests at once. Never throws: a failed read becomes `{ error }`.
 */
export async function probeRules(requests: readonly ProbeRequest[], config: ConfigLookup, env: NodeJS.ProcessEnv, parallel: number): Promise<Map<string, LiveLookup>> {
  const results = new Map<string, LiveLookup>();
  if (requests.length === 0) return results;
  try {
    // Read once here so a bad setting is reported on each bucket instead of stopping the report.
    readSettings(config, env);
  } catch (error) {
    // A bad setting fails every read the same way: report it on each bucket rather than stop.
    for (const r of requests) results.set(r.urn, { error: reportErrorFrom(error) });
    return results;
  }
  const client = environmentClient(env, config);
  const queue = [...requests];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      results.set(next.urn, await probeOne(client, next));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, requests.length)) }, worker));
  } finally {
    client.close();
  }
  return results;
}

async function probeOne(client: EncryptionClient, request: ProbeRequest): Promise<LiveLookup> {
  try {
    const found = await client.readRule(request.state);
    if ("absent" in found) return { absent: found.absent };
    const { sseAlgorithm, kmsMasterKeyId, kmsDataEncryption } = found.rule;
    return {
      rule: {
        sseAlgorithm,
        ...(kmsMasterKeyId !== undefined ? { kmsMasterKeyId } : {}),
        ...(kmsDataEncryption !== undefined ? { kmsDataEncryption } : {}),
      },
    };
  } catch (error) {
    return { error: reportErrorFrom(error) };
  }
}
