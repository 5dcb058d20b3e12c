import { formatResourceId } from "../../provider/internal";
import type { BucketTarget } from "./bucketStatus";

/**
 * `targets` with each bucket once (by `<cloud>:<region>:<bucket>`), in first-seen order, and the
 * ids named more than once: one bucket read twice, or imported as two resources managing one
 * rule, is never what a user meant.
 */
export function uniqueTargets(targets: readonly BucketTarget[]): { readonly targets: BucketTarget[]; readonly repeated: string[] } {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const unique: BucketTarget[] = [];
  for (const target of targets) {
    const id = formatResourceId(target);
    if (seen.has(id)) repeated.add(id);
    else {
      seen.add(id);
      unique.push(target);
    }
  }
  return { targets: unique, repeated: [...repeated] };
}
