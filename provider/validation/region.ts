import type { Cloud } from "../model";

// Aliyun region ids: cn-hangzhou, ap-southeast-1, cn-north-2-gov-1, eu-central-1.
const ALIYUN_REGION = /^[a-z]{2,}(?:-[a-z0-9]+){1,4}$/;
// JD Cloud region ids: cn-north-1, cn-east-1, cn-east-2, cn-south-1.
const JDCLOUD_REGION = /^[a-z]{2}-[a-z]+-[0-9]+$/;
// Aliyun endpoints prefix the region with "oss-"; users copy either form.
const ALIYUN_ENDPOINT_PREFIX = "oss-";
const MAX_REGION_LENGTH = 40;

/** The outcome of normalising a region: the plain region id, or why the input is not one. */
export type RegionResult = { readonly region: string } | { readonly problem: string };

/**
 * Normalises a region for `cloud`: Aliyun's `oss-cn-hangzhou` becomes `cn-hangzhou` (the V4
 * signing scope needs the plain id; endpoints add the prefix back).
 */
export function normalizeRegion(cloud: Cloud, input: string): RegionResult {
  if (cloud === "aliyun") {
    const region = input.startsWith(ALIYUN_ENDPOINT_PREFIX) ? input.slice(ALIYUN_ENDPOINT_PREFIX.length) : input;
    if (region.length <= MAX_REGION_LENGTH && ALIYUN_REGION.test(region)) return { region };
    return { problem: "must be an Alibaba Cloud region id such as cn-hangzhou (oss-cn-hangzhou is accepted too)" };
  }
  if (input.length <= MAX_REGION_LENGTH && JDCLOUD_REGION.test(input)) return { region: input };
  return { problem: "must be a JD Cloud region id: cn-north-1, cn-east-1, cn-east-2 or cn-south-1" };
}
