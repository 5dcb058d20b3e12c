import { MalformedResponseError } from "../errors/MalformedResponseError";
import { childElement, childText, parseXml, type XmlNode } from "../xml/parseXml";

/**
 * The largest ListBuckets page read: 1,000 Aliyun buckets take about 400 KB and S3's unpaged
 * answer about 150 bytes a bucket; a rule's 64 KiB limit would cut a real fleet's page.
 */
export const MAX_LISTING_RESPONSE_BYTES = 8 * 1024 * 1024;

/** One bucket as a ListBuckets page names it. */
export interface ListedBucket {
  readonly name: string;
  /** The plain region id the service reports for the bucket, when it reports one. */
  readonly region?: string;
  readonly creationDate?: string;
}

/** One decoded page: its buckets and, when the listing goes on, the cursor for the next page. */
export interface BucketPage {
  readonly buckets: readonly ListedBucket[];
  readonly cursor?: string;
}

/**
 * What differs between the clouds' ListBuckets calls: the query that asks for a page, and the
 * XML of the answer. The paging loop, signing, retries and deadlines are the client's.
 */
export interface BucketListing {
  /** The most buckets one page may ask for, where the cloud takes a page size; undefined where it does not. */
  readonly maxPageSize?: number;
  /** The query for the page after `cursor` (the first page without one). */
  pageQuery(cursor: string | undefined, pageSize: number): Record<string, string>;
  /** The page in a 200 body; throws MalformedResponseError when the body is not one. */
  decodePage(body: string): BucketPage;
}

/** The elements named `name` under `node`, whether the parser saw one or several. */
export function childElements(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === "string") return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? [...(value as readonly XmlNode[])] : [value as XmlNode];
}

/**
 * The `ListAllMyBucketsResult` both dialects answer with: its root element (for the paging fields
 * each cloud reads its own way) and its buckets, the region taken from `regionOf(entry)`.
 */
export function decodeBucketList(body: string, regionOf: (entry: XmlNode) => string | undefined): { readonly root: XmlNode; readonly buckets: ListedBucket[] } {
  const root = childElement(parseXml(body), "ListAllMyBucketsResult");
  if (root === undefined || typeof root === "string") {
    throw new MalformedResponseError("the ListBuckets answer has no ListAllMyBucketsResult element");
  }
  const buckets = childElements(childElement(root, "Buckets"), "Bucket").map((entry): ListedBucket => {
    const name = childText(entry, "Name");
    if (name === undefined || name === "") throw new MalformedResponseError("a Bucket in the ListBuckets answer has no Name");
    const region = regionOf(entry);
    const created = childText(entry, "CreationDate");
    return { name, ...(region !== undefined && region !== "" ? { region } : {}), ...(created !== undefined ? { creationDate: created } : {}) };
  });
  return { root, buckets };
}
