import type { RegionResult } from "../cloudModule";

// Aliyun region ids: cn-hangzhou, ap-southeast-1, cn-north-2-gov-1, eu-central-1.
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+){1,4}$/;
// Endpoints prefix the region with "oss-"; users copy either form.
const ENDPOINT_PREFIX = "oss-";
const MAX_REGION_LENGTH = 40;

/**
 * Normalises an Alibaba Cloud region: `oss-cn-hangzhou` becomes `cn-hangzhou` (the V4 signing
 * scope needs the plain id; the endpoint adds the prefix back).
 */
export function normalizeAliyunRegion(input: string): RegionResult {
  const region = input.startsWith(ENDPOINT_PREFIX) ? input.slice(ENDPOINT_PREFIX.length) : input;
  if (region.length <= MAX_REGION_LENGTH && REGION.test(region)) return { region };
  return { problem: "must be an Alibaba Cloud region id such as cn-hangzhou (oss-cn-hangzhou is accepted too)" };
}
