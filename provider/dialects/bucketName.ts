// 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or
// digit: the rule both clouds share, and what keeps a name from changing the host or the path.
const DNS_BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * Why `bucket` is not a DNS-safe bucket name, or undefined when it is. Cloud modules add their
 * own rules on top.
 */
export function dnsBucketNameProblem(bucket: string): string | undefined {
  return DNS_BUCKET_NAME.test(bucket)
    ? undefined
    : "must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit";
}
