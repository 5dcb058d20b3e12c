import { childText } from "../../xml/parseXml";
import { type BucketListing, decodeBucketList } from "../../dialects/bucketListing";

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
    // S3 names the region in BucketRegion; JD Cloud's Location is documented as empty.
    const { root, buckets } = decodeBucketList(body, (entry) => childText(entry, "BucketRegion") ?? childText(entry, "Location"));
    const token = childText(root, "ContinuationToken");
    return token !== undefined && token !== "" ? { buckets, cursor: token } : { buckets };
  },
};
