import type { Cloud } from "../model";

// Both clouds: 3-63 characters of lowercase letters, digits and hyphens, starting and ending with
// a letter or digit. Nothing else can reach the host name or the request path.
const SHARED_BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * Why `bucket` is not a valid bucket name on `cloud`, or undefined when it is.
 * JD Cloud additionally refuses consecutive hyphens (its naming rules).
 */
export function bucketNameProblem(cloud: Cloud, bucket: string): string | undefined {
  if (!SHARED_BUCKET_NAME.test(bucket)) {
    return "must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit";
  }
  if (cloud === "jdcloud" && bucket.includes("--")) {
    return "JD Cloud bucket names must not contain consecutive hyphens";
  }
  return undefined;
}
