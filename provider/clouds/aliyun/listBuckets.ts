import { MalformedResponseError } from "../../errors/MalformedResponseError";
import { childElement, childText, parseXml } from "../../xml/parseXml";
import { type BucketListing, type ListedBucket, childElements } from "../bucketListing";

/** Alibaba Cloud's documented ceiling for `max-keys` on ListBuckets (GetService); 100 when unset. */
export const ALIYUN_MAX_PAGE_SIZE = 1000;

/**
 * Alibaba Cloud OSS ListBuckets (GetService): `GET /` on the region endpoint with `marker` and
 * `max-keys`; the answer is `ListAllMyBucketsResult` with `IsTruncated` and `NextMarker` when more
 * buckets follow. The service lists the account's buckets in every region, each with its `Region`
 * (and `Location`, `oss-<region>`).
 */
export const aliyunBucketListing: BucketListing = {
  pageQuery(cursor, pageSize) {
    const size = Math.min(Math.max(1, Math.floor(pageSize)), ALIYUN_MAX_PAGE_SIZE);
    return { "max-keys": String(size), ...(cursor !== undefined ? { marker: cursor } : {}) };
  },

  decodePage(body) {
    const root = childElement(parseXml(body), "ListAllMyBucketsResult");
    if (root === undefined || typeof root === "string") {
      throw new MalformedResponseError("the ListBuckets answer has no ListAllMyBucketsResult element");
    }
    const buckets: ListedBucket[] = childElements(childElement(root, "Buckets"), "Bucket").map((entry) => {
      const name = childText(entry, "Name");
      if (name === undefined || name === "") throw new MalformedResponseError("a Bucket in the ListBuckets answer has no Name");
      const region = childText(entry, "Region") ?? childText(entry, "Location")?.replace(/^oss-/, "");
      const created = childText(entry, "CreationDate");
      return { name, ...(region !== undefined && region !== "" ? { region } : {}), ...(created !== undefined ? { creationDate: created } : {}) };
    });
    if (childText(root, "IsTruncated") !== "true") return { buckets };
    // The document says NextMarker comes with IsTruncated; the last name is the same marker if not.
    const next = childText(root, "NextMarker") ?? buckets.at(-1)?.name;
    if (next === undefined || next === "") throw new MalformedResponseError("the ListBuckets answer is truncated but names no NextMarker");
    return { buckets, cursor: next };
  },
};
