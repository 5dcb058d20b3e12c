import { AdaptiveLimit } from "./adaptiveLimit";

/**
 * Maps `items` through `task` with at most `limit.current` tasks in flight (a number is a fixed
 * limit), keeping the input order in the result. The limit is read each time a task may start,
 * so an AdaptiveLimit lowered while a service throttles takes effect at once (the requests
 * themselves wait in its `admit`). A task's rejection
 * is the caller's to catch inside `task`: one item's failure must not stop the others, so this
 * never short-circuits; a rejection that escapes is rethrown after every started task settles.
 *
 * Written here rather than taken from a library: the pools on the npm registry that run on Node 20
 * as CommonJS (p-limit 3, p-map 4) have a fixed concurrency, and this one must change its limit
 * while it runs.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number | AdaptiveLimit, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const control = typeof limit === "number" ? new AdaptiveLimit(limit) : limit;
  const results = new Array<R>(items.length);
  let next = 0;
  let active = 0;
  let failure: { readonly error: unknown } | undefined;
  return new Promise<R[]>((resolve, reject) => {
    const pump = (): void => {
      while (failure === undefined && next < items.length && active < control.current) {
        const index = next++;
        active++;
        void Promise.resolve()
          .then(() => task(items[index] as T, index))
          .then(
            (value) => {
              results[index] = value;
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => {
            active--;
            pump();
          });
      }
      if (active === 0 && (failure !== undefined || next >= items.length)) {
        if (failure !== undefined) reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
        else resolve(results);
      }
    };
    pump();
  });
}
