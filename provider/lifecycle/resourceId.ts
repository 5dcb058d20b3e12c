import { CLOUDS } from "../constants";
import type { BucketAddress, Cloud } from "../model";
import { bucketNameProblem } from "../validation/bucketName";
import { normalizeRegion } from "../validation/region";

/** The resource id: `<cloud>:<region>:<bucket>`, enough to find the rule again (refresh, read by id). */
export function formatResourceId(address: BucketAddress): string {
  return `${address.cloud}:${address.region}:${address.bucket}`;
}

/** The bucket an id names, or undefined when `id` is not one this package wrote. */
export function parseResourceId(id: string): BucketAddress | undefined {
  const parts = id.split(":");
  if (parts.length !== 3) return undefined;
  const [cloudText = "", regionText = "", bucket = ""] = parts;
  if (!(CLOUDS as readonly string[]).includes(cloudText)) return undefined;
  const cloud = cloudText as Cloud;
  const region = normalizeRegion(cloud, regionText);
  if (!("region" in region) || bucketNameProblem(cloud, bucket) !== undefined) return undefined;
  return { cloud, region: region.region, bucket };
}
