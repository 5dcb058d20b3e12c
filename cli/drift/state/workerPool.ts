import { boundedMap } from "../../fleet/boundedMap";

/**
 * Runs `task` over `items` with at most `limit` in flight, results in input order: the one worker
 * pool of state-based drift (reading stacks, reading rules), so that replacing it is one line.
 * A task must not reject: each one catches its own failure, so one stack or bucket never stops
 * the others.
 */
export function runPooled<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  return boundedMap(items, limit, (item) => task(item));
}
