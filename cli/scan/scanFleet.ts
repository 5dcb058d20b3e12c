import type { EncryptionClient, ServiceTarget } from "../../provider/internal";
import type { AdaptiveLimit } from "../concurrency/adaptiveLimit";
import { mapBounded } from "../concurrency/mapBounded";
import { type BucketStatus, type BucketTarget, readBucketStatus } from "../fleet/bucketStatus";
import type { ProgressCounter } from "../output/progress";
import type { ListingFailure } from "./scanReport";

/** How to scan. */
export interface ScanOptions {
  /** GETs in flight at once: a fixed number, or a limit the service's throttling lowers. */
  readonly concurrency: number | AdaptiveLimit;
  readonly pageSize?: number;
  /** The most pages and buckets one region's listing may hold before it is stopped. */
  readonly maxPages?: number;
  readonly maxBuckets?: number;
  readonly progress?: ProgressCounter;
  /** Told of each bucket a listing named more than once (it is read once). */
  readonly onDuplicate?: (target: ServiceTarget, bucket: string) => void;
}

/** Every bucket's status, and the regions that could not be listed. */
export interface FleetScan {
  readonly statuses: readonly BucketStatus[];
  readonly listingFailures: readonly ListingFailure[];
}

/**
 * Lists every bucket of each target (ListBuckets, paged, bounded), then reads each bucket's rule
 * with a bounded number of GETs in flight. A region that cannot be listed or a bucket that cannot
 * be read is recorded and the rest go on; a bucket is read once however often it is listed.
 */
export async function scanFleet(client: EncryptionClient, targets: readonly ServiceTarget[], options: ScanOptions): Promise<FleetScan> {
  const listingFailures: ListingFailure[] = [];
  const buckets: BucketTarget[] = [];
  for (const target of targets) {
    try {
      const listed = await client.listBuckets(target, {
        ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
        ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
        ...(options.maxBuckets !== undefined ? { maxBuckets: options.maxBuckets } : {}),
        limitNames: { pages: "--max-pages", buckets: "--max-buckets" },
        onDuplicate: (bucket) => options.onDuplicate?.(target, bucket),
      });
      for (const b of listed) buckets.push({ ...target, bucket: b.name });
      options.progress?.setTotal(buckets.length);
    } catch (error) {
      listingFailures.push({ target, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const statuses = await mapBounded(buckets, options.concurrency, async (target) => {
    const status = await readBucketStatus(client, target);
    options.progress?.tick();
    return status;
  });
  return { statuses, listingFailures };
}
