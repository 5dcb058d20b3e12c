import { configKeyName, type ConfigLookup } from "../credentials/staticConventions";
import { normalizeEndpoint } from "../http/endpoint";
import type { Cloud } from "../model/types";

/**
 * The configuration key of a cloud's default endpoint (`bucketEncryption:aliyunEndpoint`): the
 * base URL used for every resource of that cloud that names no `endpoint` of its own, and for a
 * read by id alone (an import), whose id names no endpoint. An explicit provider's `<cloud>.endpoint`
 * input is read under the same key.
 */
export function defaultEndpointKey(cloud: Cloud): string {
  return `bucketEncryption:${cloud}Endpoint`;
}

/** A configured default endpoint that today's endpoint rules refuse; the message names the key. */
export class DefaultEndpointError extends Error {
  override readonly name = "DefaultEndpointError";
}

/** The default endpoint configured for `cloud`, normalised, or undefined; throws DefaultEndpointError when malformed. */
export function defaultEndpointOf(cloud: Cloud, config: ConfigLookup): string | undefined {
  const key = defaultEndpointKey(cloud);
  const raw = config(key);
  if (raw === undefined || raw === "") return undefined;
  const result = normalizeEndpoint(raw);
  if ("problem" in result) throw new DefaultEndpointError(`${configKeyName(config, key)} ${result.problem}`);
  return result.endpoint;
}
