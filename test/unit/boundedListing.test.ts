import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { cloudModule } from "../../provider/clouds";
import { DEFAULT_LIST_LIMITS, listAllBuckets, type PageFetcher } from "../../provider/client/listBuckets";
import type { BucketPage } from "../../provider/dialects/bucketListing";
import { ListingLimitError } from "../../provider/errors/ListingLimitError";
import { MalformedResponseError } from "../../provider/errors/MalformedResponseError";
import type { RequestContext } from "../../provider/errors/requestContext";
import type { Cloud, ServiceTarget } from "../../provider/model/types";

// listAllBuckets against scripted page fetchers: the bounds on pages and buckets, a marker sent
// back twice, and a bucket named more than once.

const context = (cloud: Cloud): RequestContext => ({ resource: `${cloud}:r-1`, cloud, serviceName: "test", method: "GET", call: "/ (ListBuckets)" });
const target = (cloud: Cloud): ServiceTarget => ({ cloud, region: "r-1" });

/** A fetcher answering from `pages` in order (each page's cursor as written), counting its calls. */
function scripted(pages: readonly BucketPage[]): PageFetcher & { calls: Array<Readonly<Record<string, string>>> } {
  const calls: Array<Readonly<Record<string, string>>> = [];
  const fetch = (query: Readonly<Record<string, string>>) => {
    calls.push(query);
    const page = pages[calls.length - 1];
    return page !== undefined ? Promise.resolve(page) : Promise.reject(new Error(`page ${calls.length} was not scripted`));
  };
  return Object.assign(fetch, { calls });
}

/** A fetcher whose every page holds `perPage` new buckets and a new cursor: it never ends. */
function endless(perPage: number): PageFetcher & { calls: number } {
  const state = Object.assign((_query: Readonly<Record<string, string>>) => {
    state.calls++;
    const buckets = Array.from({ length: perPage }, (_, i) => ({ name: `b-${state.calls}-${i}`, region: "r-1" }));
    return Promise.resolve({ buckets, cursor: `cursor-${state.calls}` });
  }, { calls: 0 });
  return state;
}

const named = (...names: string[]) => names.map((name) => ({ name, region: "r-1" }));

describe("listAllBuckets: bounded pages and buckets", () => {
  for (const cloud of ["aliyun", "jdcloud"] as const) {
    it(`${cloud}: an endless listing stops after maxPages requests, naming the region, the limit and the flag`, async () => {
      const fetch = endless(3);
      await assert.rejects(
        listAllBuckets(cloudModule(cloud), target(cloud), fetch, context(cloud), { maxPages: 7, limitNames: { pages: "--max-pages", buckets: "--max-buckets" } }),
        (e: Error) => e instanceof ListingLimitError && e.target === `${cloud}:r-1` && e.limit === 7 && /^ListBuckets on \S+:r-1 went past 7 pages and was stopped\. .*\(--max-pages\)/.test(e.message),
      );
      assert.equal(fetch.calls, 7);
    });
  }

  it("stops at the first bucket past maxBuckets, holding no more than the limit", async () => {
    const fetch = endless(40);
    await assert.rejects(listAllBuckets(cloudModule("aliyun"), target("aliyun"), fetch, context("aliyun"), { maxBuckets: 100 }), (e: Error) => e instanceof ListingLimitError && e.limit === 100 && /went past 100 buckets/.test(e.message));
    assert.equal(fetch.calls, 3);
  });

  it("a listing of exactly maxPages pages and maxBuckets buckets completes", async () => {
    const fetch = scripted([{ buckets: named("a", "b"), cursor: "b" }, { buckets: named("c", "d") }]);
    const listed = await listAllBuckets(cloudModule("aliyun"), target("aliyun"), fetch, context("aliyun"), { maxPages: 2, maxBuckets: 4 });
    assert.deepEqual(listed.map((b) => b.name), ["a", "b", "c", "d"]);
  });

  it("defaults: 10,000 pages, 100,000 buckets", async () => {
    assert.deepEqual(DEFAULT_LIST_LIMITS, { maxPages: 10_000, maxBuckets: 100_000 });
    const fetch = endless(1000);
    await assert.rejects(listAllBuckets(cloudModule("aliyun"), target("aliyun"), fetch, context("aliyun")), (e: Error) => e instanceof ListingLimitError && e.limit === 100_000);
    assert.equal(fetch.calls, 101);
  });

  it("a marker sent back a second time is a malformed answer, after two requests", async () => {
    const fetch = scripted([{ buckets: named("a"), cursor: "same" }, { buckets: named("b"), cursor: "same" }]);
    await assert.rejects(listAllBuckets(cloudModule("aliyun"), target("aliyun"), fetch, context("aliyun")), (e: Error) => e instanceof MalformedResponseError && /marker "same" twice/.test(e.message));
    assert.equal(fetch.calls.length, 2);
    assert.deepEqual(fetch.calls[1], { "max-keys": "1000", marker: "same" });
  });
});

describe("listAllBuckets: a bucket named more than once", () => {
  it("is kept once, in first-seen order, and each repeat is told", async () => {
    const repeats: string[] = [];
    const fetch = scripted([{ buckets: named("a", "b", "a"), cursor: "b" }, { buckets: named("b", "c") }]);
    const listed = await listAllBuckets(cloudModule("jdcloud"), target("jdcloud"), fetch, context("jdcloud"), { onDuplicate: (n) => repeats.push(n) });
    assert.deepEqual(listed.map((b) => b.name), ["a", "b", "c"]);
    assert.deepEqual(repeats, ["a", "b"]);
  });

  it("repeats do not count towards maxBuckets", async () => {
    const fetch = scripted([{ buckets: named("a", "a", "a", "b") }]);
    assert.deepEqual((await listAllBuckets(cloudModule("aliyun"), target("aliyun"), fetch, context("aliyun"), { maxBuckets: 2 })).map((b) => b.name), ["a", "b"]);
  });

  it("property: any paging of any names lists each name of the region once, first-seen order, repeats told", async () => {
    const name = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const page = fc.array(fc.record({ name, region: fc.constantFrom("r-1", "r-1", "r-2") }), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 6 }), async (pages) => {
        const script = pages.map((buckets, i) => ({ buckets, ...(i < pages.length - 1 ? { cursor: `c${i}` } : {}) }));
        const repeats: string[] = [];
        const listed = await listAllBuckets(cloudModule("aliyun"), target("aliyun"), scripted(script), context("aliyun"), { onDuplicate: (n) => repeats.push(n) });
        const inRegion = pages.flat().filter((b) => b.region === "r-1").map((b) => b.name);
        assert.deepEqual(listed.map((b) => b.name), [...new Set(inRegion)]);
        assert.equal(repeats.length, inRegion.length - new Set(inRegion).size);
      }),
      { numRuns: 500 },
    );
  });
});
