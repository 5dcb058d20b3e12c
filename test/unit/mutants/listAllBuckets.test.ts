// Paging a bucket listing with a scripted page source: which buckets are kept, when it stops,
// and what it asks for. No request is made.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_LIST_LIMITS, DEFAULT_LIST_PAGE_SIZE, listAllBuckets, type ListOptions } from "../../../provider/client/listBuckets";
import { cloudModule } from "../../../provider/clouds";
import type { BucketPage } from "../../../provider/dialects/bucketListing";
import { ListingLimitError } from "../../../provider/errors/ListingLimitError";
import { MalformedResponseError } from "../../../provider/errors/MalformedResponseError";

const target = { cloud: "aliyun" as const, region: "cn-hangzhou" };
const context = { resource: "aliyun:cn-hangzhou", cloud: "aliyun" as const, serviceName: "Alibaba Cloud OSS", method: "GET", call: "/ (ListBuckets)" };
const cloud = cloudModule("aliyun");

/** Lists with `pages` as the service's answers, recording every query asked for. */
async function list(pages: BucketPage[], options: ListOptions = {}) {
  const queries: Array<Readonly<Record<string, string>>> = [];
  const progress: number[] = [];
  const duplicates: string[] = [];
  let result: { names: string[] } | { error: unknown };
  try {
    const found = await listAllBuckets(
      cloud,
      target,
      (query) => {
        queries.push(query);
        const page = pages[queries.length - 1];
        return page === undefined ? Promise.reject(new Error("no more pages scripted")) : Promise.resolve(page);
      },
      context,
      { onPage: (n) => progress.push(n), onDuplicate: (name) => duplicates.push(name), ...options },
    );
    result = { names: found.map((b) => b.name) };
  } catch (error) {
    result = { error };
  }
  return { result, queries, progress, duplicates };
}

describe("listAllBuckets", () => {
  it("follows the cursor until a page has none, asking for the largest page by default", async () => {
    const r = await list([{ buckets: [{ name: "a" }, { name: "b" }], cursor: "b" }, { buckets: [{ name: "c" }] }]);
    assert.deepEqual(r.result, { names: ["a", "b", "c"] });
    assert.deepEqual(r.queries, [cloud.bucketListing.pageQuery(undefined, DEFAULT_LIST_PAGE_SIZE), cloud.bucketListing.pageQuery("b", DEFAULT_LIST_PAGE_SIZE)]);
    assert.deepEqual(r.progress, [2, 3]);
    assert.equal(DEFAULT_LIST_PAGE_SIZE, 1000);
  });

  it("asks for the page size given", async () => {
    const r = await list([{ buckets: [] }], { pageSize: 7 });
    assert.deepEqual(r.queries, [cloud.bucketListing.pageQuery(undefined, 7)]);
  });

  it("keeps buckets of the target's region and those without a region; leaves out the others", async () => {
    const r = await list([{ buckets: [{ name: "here", region: "cn-hangzhou" }, { name: "there", region: "cn-beijing" }, { name: "unplaced" }] }]);
    assert.deepEqual(r.result, { names: ["here", "unplaced"] });
  });

  it("keeps a bucket named twice once, and reports it", async () => {
    const r = await list([{ buckets: [{ name: "a" }, { name: "a" }], cursor: "a" }, { buckets: [{ name: "a" }, { name: "b" }] }]);
    assert.deepEqual(r.result, { names: ["a", "b"] });
    assert.deepEqual(r.duplicates, ["a", "a"]);
  });

  it("works without the callbacks", async () => {
    const found = await listAllBuckets(cloud, target, () => Promise.resolve({ buckets: [{ name: "a" }, { name: "a" }] }), context);
    assert.deepEqual(
      found.map((b) => b.name),
      ["a"],
    );
  });

  it("holds exactly maxBuckets, and stops with ListingLimitError at one more", async () => {
    const exact = await list([{ buckets: [{ name: "a" }, { name: "b" }] }], { maxBuckets: 2 });
    assert.deepEqual(exact.result, { names: ["a", "b"] });
    const over = await list([{ buckets: [{ name: "a" }, { name: "b" }, { name: "c" }] }], { maxBuckets: 2, limitNames: { pages: "--max-pages", buckets: "--max-buckets" } });
    const error = (over.result as { error: unknown }).error;
    assert.ok(error instanceof ListingLimitError);
    assert.equal(error.limit, 2);
    assert.equal(error.target, "aliyun:cn-hangzhou");
    assert.match(error.message, /past 2 buckets.*--max-buckets/);
  });

  it("reads exactly maxPages, and stops with ListingLimitError when the last still names a next page", async () => {
    const pages = [
      { buckets: [{ name: "a" }], cursor: "1" },
      { buckets: [{ name: "b" }], cursor: "2" },
      { buckets: [{ name: "c" }], cursor: "3" },
    ];
    const exact = await list([pages[0]!, { buckets: [{ name: "b" }] }], { maxPages: 2 });
    assert.deepEqual(exact.result, { names: ["a", "b"] });
    const over = await list(pages, { maxPages: 2 });
    const error = (over.result as { error: unknown }).error;
    assert.ok(error instanceof ListingLimitError);
    assert.equal(error.limit, 2);
    assert.match(error.message, /past 2 pages.*the maxPages option/);
    assert.equal(over.queries.length, 2);
  });

  it("the default limits are those documented", () => {
    assert.deepEqual(DEFAULT_LIST_LIMITS, { maxPages: 10_000, maxBuckets: 100_000 });
  });

  it("a marker named a second time stops the listing as malformed", async () => {
    const r = await list([
      { buckets: [{ name: "a" }], cursor: "m" },
      { buckets: [{ name: "b" }], cursor: "n" },
      { buckets: [{ name: "c" }], cursor: "m" },
    ]);
    const error = (r.result as { error: unknown }).error;
    assert.ok(error instanceof MalformedResponseError);
    assert.match(error.message, /marker "m" twice/);
    assert.equal(r.queries.length, 3);
  });
});
