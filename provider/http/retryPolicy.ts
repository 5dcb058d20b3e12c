/** How often and how long to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The first backoff ceiling; it doubles with each attempt. */
  readonly baseDelayMs: number;
  /** The largest backoff ceiling. */
  readonly maxDelayMs: number;
  /** The whole operation's budget: no attempt starts, and no wait is made, past it. */
  readonly maxElapsedMs: number;
}

/** Defaults sized for a pipeline: a throttled call gets about half a minute to come good. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, maxElapsedMs: 60_000 };

// Transient by the services' own words (S3 and Aliyun OSS share these codes).
const TRANSIENT_CODES = new Set([
  "SlowDown",
  "RequestTimeout",
  "InternalError",
  "ServiceUnavailable",
  "Throttling",
  "ThrottlingException",
  "TooManyRequests",
  "QpsLimitExceeded",
  "RequestTimeoutException",
  "OperationAborted",
]);
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Whether an error response may succeed if sent again. Other 4xx answers mean the request itself
 * is wrong and are never retried, so a retry never hides a real failure.
 */
export function isTransientResponse(status: number, code: string | undefined): boolean {
  return TRANSIENT_STATUSES.has(status) || (code !== undefined && TRANSIENT_CODES.has(code));
}

/** Whether a service error code, whatever the status it came with, names a transient failure. */
export function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}

/** Exponential backoff with full jitter: uniform in [0, min(maxDelay, base * 2^(attempt-1))). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The wait a `Retry-After` header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
