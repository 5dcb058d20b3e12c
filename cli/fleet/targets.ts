import { CLOUDS, cloudModule, isCloud } from "../../provider/internal";
import { parseResourceId } from "../../provider/internal";
import type { Cloud } from "../../provider/internal";
import type { ServiceTarget } from "../../provider/internal";
import { normalizeEndpoint } from "../../provider/internal";
import type { BucketTarget } from "./bucketStatus";

/** How requests reach a cloud: an endpoint override and Aliyun's signature version, as the resource's inputs. */
export interface Reach {
  readonly endpoint?: string;
  readonly signatureVersion?: string;
}

/** A validated value, or why it was refused. */
export type Parsed<T> = { readonly value: T } | { readonly problem: string };

/** Validates `endpoint` and `signatureVersion` exactly as the resource's check does. */
export function parseReach(cloud: Cloud, endpoint: string | undefined, signatureVersion: string | undefined): Parsed<Reach> {
  let normalized: string | undefined;
  if (endpoint !== undefined) {
    const result = normalizeEndpoint(endpoint);
    if ("problem" in result) return { problem: `endpoint ${JSON.stringify(endpoint)} ${result.problem}` };
    normalized = result.endpoint;
  }
  if (signatureVersion === undefined) return { value: normalized !== undefined ? { endpoint: normalized } : {} };
  const offered = cloudModule(cloud).signatureVersions;
  const chosen = offered.find((v) => v === signatureVersion);
  if (chosen === undefined) {
    return { problem: offered.length === 0 ? `${cloud} offers no choice of signature` : `signature version must be one of ${offered.join(", ")}, not ${JSON.stringify(signatureVersion)}` };
  }
  return { value: { ...(normalized !== undefined ? { endpoint: normalized } : {}), signatureVersion: chosen } };
}

/** Whether `cloud` offers a choice of signature version (the --signature-version option applies). */
export function choosesSignature(cloud: Cloud): boolean {
  return cloudModule(cloud).signatureVersions.length > 0;
}

/** A bucket given as cloud, region and name (or as one `<cloud>:<region>:<bucket>` id), with how to reach it. */
export function parseBucketTarget(cloud: string, region: string, bucket: string, reach: Reach): Parsed<BucketTarget> {
  const address = parseResourceId(`${cloud}:${region}:${bucket}`);
  if (address === undefined) {
    return { problem: `${JSON.stringify(`${cloud}:${region}:${bucket}`)} is not a bucket this package manages (cloud one of ${CLOUDS.join(", ")}, its region, a valid bucket name)` };
  }
  return { value: { ...address, ...reach } };
}

/**
 * A scan target `<cloud>:<region>` or `<cloud>:<region>=<endpoint>` (the endpoint replacing the
 * region's public one, as the resource's `endpoint` input does).
 */
export function parseServiceTarget(text: string, signatureVersion: string | undefined): Parsed<ServiceTarget> {
  const match = /^([a-z]+):([a-z0-9-]+)(?:=(.+))?$/.exec(text.trim());
  if (match === null) return { problem: `target ${JSON.stringify(text)} is not <cloud>:<region> or <cloud>:<region>=<endpoint>` };
  const [, cloudText = "", regionText = "", endpoint] = match;
  if (!isCloud(cloudText)) return { problem: `target ${JSON.stringify(text)}: cloud must be one of ${CLOUDS.join(", ")}` };
  const cloud: Cloud = cloudText;
  const region = cloudModule(cloud).normalizeRegion(regionText);
  if (!("region" in region)) return { problem: `target ${JSON.stringify(text)}: region ${region.problem}` };
  const reach = parseReach(cloud, endpoint, choosesSignature(cloud) ? signatureVersion : undefined);
  if ("problem" in reach) return { problem: `target ${JSON.stringify(text)}: ${reach.problem}` };
  return { value: { cloud, region: region.region, ...reach.value } };
}
