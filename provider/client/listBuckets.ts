import type { CloudModule } from "../clouds/cloudModule";
import type { ListedBucket } from "../dialects/bucketListing";
import { ListingLimitError } from "../errors/ListingLimitError";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import { describeRequest, type RequestContext } from "../errors/requestContext";
import { inertServerText, MAX_SERVER_FIELD } from "../errors/serverText";
import type { ServiceTarget } from "../model/types";
import type { BucketPage } from "../dialects/bucketListing";

/** Options of a bucket listing. */
export interface ListOptions {
  /** Buckets asked for per page where the cloud's listing takes a page size (clamped to its maximum). */
  readonly pageSize?: number;
  /** The most pages read before the listing is stopped with ListingLimitError. */
  readonly maxPages?: number;
  /** The most buckets held before the listing is stopped with ListingLimitError. */
  readonly maxBuckets?: number;
  readonly signal?: AbortSignal;
  /** Called after each page with the buckets listed so far (for progress). */
  readonly onPage?: (listedSoFar: number) => void;
  /** Called once for each bucket a listing names again (it is kept once). */
  readonly onDuplicate?: (name: string) => void;
  /** How the caller's users raise each limit (a CLI flag), for the error's advice. */
  readonly limitNames?: { readonly pages: string; readonly buckets: string };
}

/** Default page size: the largest a cloud allows, so a fleet costs the fewest requests. */
export const DEFAULT_LIST_PAGE_SIZE = 1000;

/**
 * Default bounds of one region's listing. 100,000 buckets is a hundred times the largest quota
 * either cloud grants an account on request; 10,000 pages covers them at 10 buckets a page.
 */
export const DEFAULT_LIST_LIMITS = { maxPages: 10_000, maxBuckets: 100_000 } as const;

/** Fetches one page: `query` is the cloud's page query; one logical call with retries. */
export type PageFetcher = (query: Readonly<Record<string, string>>, context: RequestContext) => Promise<BucketPage>;

/**
 * Every bucket `target`'s region lists, page by page: buckets the service places in another
 * region are left out, a bucket named twice is kept once (and reported to `onDuplicate`), and the
 * listing stops with ListingLimitError past `maxPages` or `maxBuckets`, and with
 * MalformedResponseError when a marker comes back a second time (that answer would page for ever).
 */
export async function listAllBuckets(cloud: CloudModule, target: ServiceTarget, fetchPage: PageFetcher, context: RequestContext, options: ListOptions = {}): Promise<ListedBucket[]> {
  const pageSize = options.pageSize ?? DEFAULT_LIST_PAGE_SIZE;
  const maxPages = options.maxPages ?? DEFAULT_LIST_LIMITS.maxPages;
  const maxBuckets = options.maxBuckets ?? DEFAULT_LIST_LIMITS.maxBuckets;
  const where = `${target.cloud}:${target.region}`;
  const limitNames = options.limitNames ?? { pages: "the maxPages option", buckets: "the maxBuckets option" };
  const found: ListedBucket[] = [];
  const names = new Set<string>();
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cloud.bucketListing.pageQuery(cursor, pageSize), context);
    for (const bucket of page.buckets) {
      if (bucket.region !== undefined && bucket.region !== target.region) continue;
      if (names.has(bucket.name)) {
        options.onDuplicate?.(bucket.name);
        continue;
      }
      if (found.length >= maxBuckets) throw new ListingLimitError(where, "buckets", maxBuckets, limitNames.buckets);
      names.add(bucket.name);
      found.push(bucket);
    }
    options.onPage?.(found.length);
    if (page.cursor === undefined) return found;
    if (cursors.has(page.cursor)) {
      throw new MalformedResponseError(`${describeRequest(context)}: the service returned the marker ${JSON.stringify(inertServerText(page.cursor, MAX_SERVER_FIELD))} twice`);
    }
    if (pages >= maxPages) throw new ListingLimitError(where, "pages", maxPages, limitNames.pages);
    cursors.add(page.cursor);
    cursor = page.cursor;
  }
}
