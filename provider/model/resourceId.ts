import type { BucketAddress } from "./types";

/** The resource id: `<cloud>:<region>:<bucket>`, enough to find the rule again (refresh, read by id). */
export function formatResourceId(address: BucketAddress): string {
  return `${address.cloud}:${address.region}:${address.bucket}`;
}
