import type { RegionResult } from "../cloudModule";

// JD Cloud region ids have the form <country>-<area>-<n>. The form, not a list, is checked: the
// list grows (cn-north-1, cn-east-1, cn-east-2 and cn-south-1 today) and a region the cloud does
// not have fails at the first request with the service's own error.
const REGION = /^[a-z]{2}-[a-z]+-[0-9]+$/;
const MAX_REGION_LENGTH = 40;

/** Checks a JD Cloud region id; JD Cloud has no alias form to normalise. */
export function normalizeJdcloudRegion(input: string): RegionResult {
  if (input.length <= MAX_REGION_LENGTH && REGION.test(input)) return { region: input };
  return { problem: "must be a JD Cloud region id of the form cn-north-1 (today cn-north-1, cn-east-1, cn-east-2 or cn-south-1)" };
}
