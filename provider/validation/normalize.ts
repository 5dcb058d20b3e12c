import { isCloud, cloudModule } from "../clouds";
import type { CloudModule } from "../clouds/cloudModule";
import { UNKNOWN_VALUE } from "../constants";
import { normalizeEndpoint } from "./endpoint";

/** Every property of a BucketEncryption, in the order users read them. */
export const PROPERTIES = [
  "cloud",
  "region",
  "bucket",
  "sseAlgorithm",
  "kmsMasterKeyId",
  "kmsDataEncryption",
  "endpoint",
  "signatureVersion",
] as const;

/** One property's name. */
export type Property = (typeof PROPERTIES)[number];

type Raw = Readonly<Record<string, unknown>>;

/**
 * The normal form of a resource's properties: the one normalisation `check`, `diff` and `read`
 * share, so equal rules compare equal whoever wrote them (a user, an older release, a server).
 * Lenient and pure: it never refuses anything (that is `check`'s job); a value it cannot
 * normalise, or a value the engine does not know yet, is kept as given. Empty values become absent.
 */
export function normalizeProps(raw: Raw): Partial<Record<Property, unknown>> {
  const cloud = typeof raw["cloud"] === "string" && isCloud(raw["cloud"]) ? cloudModule(raw["cloud"]) : undefined;
  const out: Partial<Record<Property, unknown>> = {};
  for (const property of PROPERTIES) {
    const value = normalizeProperty(cloud, property, raw[property]);
    if (value !== undefined) out[property] = value;
  }
  return out;
}

function normalizeProperty(cloud: CloudModule | undefined, property: Property, value: unknown): unknown {
  if (value === UNKNOWN_VALUE) return value;
  if (value === undefined || value === null || value === "") {
    return property === "signatureVersion" ? cloud?.signatureVersions[0] : undefined;
  }
  if (typeof value !== "string" || cloud === undefined) return value;
  switch (property) {
    case "region": {
      const result = cloud.normalizeRegion(value);
      return "region" in result ? result.region : value;
    }
    case "sseAlgorithm":
      return cloud.algorithmAliases[value] ?? value;
    case "endpoint": {
      const result = normalizeEndpoint(value);
      return "endpoint" in result ? result.endpoint : value.replace(/\/+$/, "");
    }
    default:
      return value;
  }
}
