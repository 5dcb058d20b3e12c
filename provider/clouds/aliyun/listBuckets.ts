import { MalformedResponseError } from "../../errors/MalformedResponseError";
import { childText } from "../../xml/parseXml";
import { type BucketListing, decodeBucketList } from "../../dialects/bucketListing";

/** Alibaba Cloud's documented ceiling for `max-keys` on ListBuckets (GetService); 100 when unset. */
export const ALIYUN_MAX_PAGE_SIZE = 1000;

/**
 * Alibaba Cloud OSS ListBuckets (GetService): `GET /` on the region endpoint with `marker` and
 * `max-keys`; the answer is `ListAllMyBucketsResult` with `IsTruncated` and `NextMarker` when more
 * buckets follow. The service lists the account's buckets in every region, each with its `Region`
 * (and `Location`, `oss-<region>`).
 */
export const aliyunBucketListing: BucketListing = {
  maxPageSize: ALIYUN_MAX_PAGE_SIZE,
  pageQuery(cursor, pageSize) {
    const size = Math.min(Math.max(1, Math.floor(pageSize)), ALIYUN_MAX_PAGE_SIZE);
    return { "max-keys": String(size), ...(cursor !== undefined ? { marker: cursor } : {}) };
  },

  decodePage(body) {
    const { root, buckets } = decodeBucketList(body, (entry) => childText(entry, "Region") ?? childText(entry, "Location")?.replace(/^oss-/, ""));
    if (childText(root, "IsTruncated") !== "true") return { buckets };
    // The document says NextMarker comes with IsTruncated; the last name is the same marker if not.
    const next = childText(root, "NextMarker") ?? buckets.at(-1)?.name;
    if (next === undefined || next === "") throw new MalformedResponseError("the ListBuckets answer is truncated but names no NextMarker");
    return { buckets, cursor: next };
  },
};
