/**
 * A bucket listing went past a limit (pages or buckets): a service that answers every page with
 * a new marker would otherwise be paged, and held in memory, for ever. Names the region, the
 * limit and how to raise it.
 */
export class ListingLimitError extends Error {
  override readonly name = "ListingLimitError";
  /** `<cloud>:<region>`. */
  readonly target: string;
  readonly limit: number;

  constructor(target: string, what: "pages" | "buckets", limit: number, setting: string) {
    super(
      `ListBuckets on ${target} went past ${limit.toLocaleString("en-US")} ${what} and was stopped. ` +
        `Next: if the account really holds more, raise the limit (${setting}); otherwise the endpoint does not page as the service documents (every page named a new marker)`,
    );
    this.target = target;
    this.limit = limit;
  }
}
