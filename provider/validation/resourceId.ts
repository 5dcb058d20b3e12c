import { cloudModule, isCloud } from "../clouds";
import type { BucketAddress } from "../model/types";

/** The bucket an id names, or undefined when `id` is not one this package wrote. */
export function parseResourceId(id: string): BucketAddress | undefined {
  const parts = id.split(":");
  if (parts.length !== 3) return undefined;
  const [cloud = "", regionText = "", bucket = ""] = parts;
  if (!isCloud(cloud)) return undefined;
  const module = cloudModule(cloud);
  const region = module.normalizeRegion(regionText);
  if (!("region" in region) || module.bucketNameProblem(bucket) !== undefined) return undefined;
  return { cloud, region: region.region, bucket };
}
