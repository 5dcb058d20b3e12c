/**
 * Ways a ListBuckets endpoint can page wrongly, for tests of a client's bounds:
 * - `endless-markers`: every page is full of new buckets and names a new marker (NextMarker or
 *   ContinuationToken), so a client that follows markers pages for ever;
 * - `repeated-names`: each page names its first bucket twice, and its next marker makes the next
 *   page start again with this page's last bucket (an overlap).
 */
export type ListingQuirk = "endless-markers" | "repeated-names";

/** One page: the names it lists (in order, repeats kept) and the marker to the next, if any. */
export interface QuirkyPage {
  readonly names: readonly string[];
  readonly next: string | undefined;
}

const ENDLESS = /^endless-(\d+)-/;

/**
 * The page `quirk` answers after `cursor`, from `after` (the stored names after the cursor, in
 * order) and the page size asked for.
 */
export function quirkyPage(quirk: ListingQuirk, after: readonly string[], cursor: string, pageSize: number): QuirkyPage {
  if (quirk === "endless-markers") {
    const page = Number(ENDLESS.exec(cursor)?.[1] ?? "0") + 1;
    const names = Array.from({ length: pageSize }, (_, i) => `endless-${String(page).padStart(7, "0")}-${String(i).padStart(4, "0")}`);
    return { names, next: names.at(-1) };
  }
  const page = after.slice(0, pageSize);
  const truncated = page.length < after.length;
  return { names: page.length > 0 ? [...page, page[0] as string] : [], next: truncated ? (page.at(-2) ?? page.at(-1)) : undefined };
}
