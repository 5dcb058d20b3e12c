/**
 * Which failures may heal if the same request is sent again. Decided on the service's own words
 * (its error code) and on the statuses HTTP reserves for overload and gateway failures; every
 * other 4xx means the request itself is wrong and is never retried, so a retry never hides a
 * real failure.
 */

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

/** Whether an error response may succeed if sent again. */
export function isTransientResponse(status: number, code: string | undefined): boolean {
  return TRANSIENT_STATUSES.has(status) || (code !== undefined && TRANSIENT_CODES.has(code));
}

// The service asks callers to slow down: less concurrency, not only a later retry, helps.
const THROTTLING_CODES = new Set(["SlowDown", "Throttling", "ThrottlingException", "TooManyRequests", "QpsLimitExceeded"]);
const TOO_MANY_REQUESTS = 429;

/** Whether an answer says the caller sends too fast (429, or a throttling code under any status). */
export function isThrottling(status: number, code: string | undefined): boolean {
  return status === TOO_MANY_REQUESTS || (code !== undefined && THROTTLING_CODES.has(code));
}

/** Whether a service error code, whatever the status it came with, names a transient failure. */
export function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}
