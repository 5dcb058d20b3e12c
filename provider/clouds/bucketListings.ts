import type { Cloud } from "../model";
import { aliyunBucketListing } from "./aliyun/listBuckets";
import type { BucketListing } from "./bucketListing";
import { jdcloudBucketListing } from "./jdcloud/listBuckets";

const LISTINGS: Readonly<Record<Cloud, BucketListing>> = { aliyun: aliyunBucketListing, jdcloud: jdcloudBucketListing };

/** How `cloud` lists buckets. */
export function bucketListingFor(cloud: Cloud): BucketListing {
  return LISTINGS[cloud];
}
