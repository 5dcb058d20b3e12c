import { MalformedResponseError } from "../../errors/MalformedResponseError";
import { childElement, childText, parseXml } from "../../xml/parseXml";
import { type BucketListing, type ListedBucket, childElements } from "../bucketListing";

/**
 * JD Cloud OSS ListBuckets, S3's `GET /` on the region endpoint. JD Cloud documents no paging
 * parameter, and S3 returns every bucket unless `max-buckets` is sent, so none is sent; S3's
 * paging (`ContinuationToken` in the answer, `continuation-token` in the next query) is still
 * followed, so a server that pages on its own is read to the end.
 */
export const jdcloudBucketListing: BucketListing = {
  pageQuery(cursor) {
    return cursor !== undefined ? { "continuation-token": cursor } : {};
  },

  decodePage(body) {
    const root = childElement(parseXml(body), "ListAllMyBucketsResult");
    if (root === undefined || typeof root === "string") {
      throw new MalformedResponseError("the ListBuckets answer has no ListAllMyBucketsResult element");
    }
    const buckets: ListedBucket[] = childElements(childElement(root, "Buckets"), "Bucket").map((entry) => {
      const name = childText(entry, "Name");
      if (name === undefined || name === "") throw new MalformedResponseError("a Bucket in the ListBuckets answer has no Name");
      // S3 names the region in BucketRegion; JD Cloud's Location is documented as empty.
      const region = childText(entry, "BucketRegion") ?? childText(entry, "Location");
      const created = childText(entry, "CreationDate");
      return { name, ...(region !== undefined && region !== "" ? { region } : {}), ...(created !== undefined ? { creationDate: created } : {}) };
    });
    const token = childText(root, "ContinuationToken");
    return token !== undefined && token !== "" ? { buckets, cursor: token } : { buckets };
  },
};
