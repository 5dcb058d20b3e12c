import type { EncryptionClient } from "../../provider/internal";
import type { ServiceTarget } from "../../provider/internal";
import { boundedMap } from "../fleet/boundedMap";
import { type BucketStatus, type BucketTarget, readBucketStatus } from "../fleet/bucketStatus";
import type { Progress } from "../fleet/progress";
import type { ListingFailure } from "./scanReport";

/** How to scan. */
export interface ScanOptions {
  readonly concurrency: number;
  readonly pageSize?: number;
  readonly progress?: Progress;
}

/** Every bucket's status, and the regions that could not be listed. */
export interface FleetScan {
  readonly statuses: readonly BucketStatus[];
  readonly listingFailures: readonly ListingFailure[];
}

/**
 * Lists every bucket of each target (ListBuckets, paged), then reads each bucket's rule with at
 * most `concurrency` GETs in flight. A region that cannot be listed or a bucket that cannot be
 * read is recorded and the rest go on.
 */
export async function scanFleet(client: EncryptionClient, targets: readonly ServiceTarget[], options: ScanOptions): Promise<FleetScan> {
  const listingFailures: ListingFailure[] = [];
  const buckets: BucketTarget[] = [];
  for (const target of targets) {
    try {
      const listed = await client.listBuckets(target, options.pageSize !== undefined ? { pageSize: options.pageSize } : {});
      for (const b of listed) buckets.push({ ...target, bucket: b.name });
      options.progress?.setTotal(buckets.length);
    } catch (error) {
      listingFailures.push({ target, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const statuses = await boundedMap(buckets, options.concurrency, async (target) => {
    const status = await readBucketStatus(client, target);
    options.progress?.tick();
    return status;
  });
  return { statuses, listingFailures };
}
