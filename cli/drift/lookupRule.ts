import type { BucketLocation, EncryptionClient } from "../../provider/internal";
import { errorFacts } from "../output/errorFacts";
import type { LiveLookup } from "./classify";

/**
 * One GET of a bucket's live rule, as both drift sources compare it: the rule's three properties
 * (absent ones left out), or which of rule and bucket is missing, or the failure's facts. Never
 * rejects: one bucket's failure is that bucket's finding.
 */
export async function lookupRule(client: EncryptionClient, location: BucketLocation): Promise<LiveLookup> {
  try {
    const found = await client.readRule(location);
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
    return { error: errorFacts(error) };
  }
}
