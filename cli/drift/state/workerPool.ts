import { mapBounded } from "../../concurrency/mapBounded";

/**
 * Runs `task` over `items` with at most `limit` in flight, results in input order: the CLI's one
 * pool (`mapBounded`), for reading stacks and rules. A task must not reject: each one catches its
 * own failure, so one stack or bucket never stops the others.
 */
export function runPooled<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  return mapBounded(items, limit, (item) => task(item));
}
