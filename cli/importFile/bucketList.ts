import { parseResourceId } from "../../provider/internal";
import type { BucketAddress } from "../../provider/internal";

/**
 * The buckets in a list file: one `<cloud>:<region>:<bucket>` per line (the resource id's form),
 * blank lines and `#` comments ignored. Every bad line is reported with its number, not the first.
 */
export function parseBucketList(text: string): { readonly buckets: BucketAddress[]; readonly problems: string[] } {
  const buckets: BucketAddress[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const address = parseResourceId(line);
    if (address === undefined) problems.push(`line ${index + 1}: ${JSON.stringify(line)} is not <cloud>:<region>:<bucket> with a known cloud, its region and a valid bucket name`);
    else buckets.push(address);
  });
  return { buckets, problems };
}
