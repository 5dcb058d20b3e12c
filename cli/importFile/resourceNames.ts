import type { BucketTarget } from "../fleet/bucketStatus";

/**
 * A Pulumi resource name for each target: the bucket's name, or `<cloud>-<region>-<bucket>`
 * where two targets share a bucket name, with `-2`, `-3`… after a name already `taken` in the
 * stack. Names are unique within the result, so the import file never holds two equal URNs.
 */
export function resourceNames(targets: readonly BucketTarget[], taken: ReadonlySet<string> = new Set()): string[] {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.bucket, (counts.get(t.bucket) ?? 0) + 1);
  const used = new Set(taken);
  return targets.map((t) => {
    const base = (counts.get(t.bucket) ?? 0) > 1 ? `${t.cloud}-${t.region}-${t.bucket}` : t.bucket;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}
