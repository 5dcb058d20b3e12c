import { isCloud, cloudModule } from "../clouds";
import type { CloudModule } from "../clouds/cloudModule";
import { UNKNOWN_VALUE } from "../model/constants";
import { normalizeEndpoint } from "../http/endpoint";
import { PROPERTIES, type Property } from "../model/properties";

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
      // Own keys only: a value read from a server may be "toString" or "__proto__".
      return Object.prototype.hasOwnProperty.call(cloud.algorithmAliases, value) ? cloud.algorithmAliases[value] : value;
    case "endpoint": {
      const result = normalizeEndpoint(value);
      return "endpoint" in result ? result.endpoint : value.replace(/\/+$/, "");
    }
    default:
      return value;
  }
}
