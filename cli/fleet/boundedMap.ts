/**
 * Maps `items` through `task` with at most `limit` tasks in flight, keeping the input order in
 * the result. A task's rejection is the caller's to catch inside `task`: one bucket's failure must
 * not stop the others, so this helper never short-circuits.
 */
export async function boundedMap<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a whole number of at least 1, not ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
