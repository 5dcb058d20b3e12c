import { AcknowledgementError } from "../errors/AcknowledgementError";
import { MalformedResponseError } from "../errors/MalformedResponseError";
import type { RequestContext } from "../errors/requestContext";
import { ServiceError } from "../errors/ServiceError";
import { TransportError } from "../errors/TransportError";
import { backoffDelayMs, type RetryPolicy } from "../http/retryPolicy";
import { NetworkFailure } from "../http/sendRequest";
import type { Attempt } from "./attempt";

/** Counters an operator (or a soak test) can read. */
export interface ClientStats {
  operations: number;
  attempts: number;
  retries: number;
  failures: number;
}

/** The clock, randomness and sleep a retry loop runs on: injected, so tests run a whole schedule instantly. */
export interface RetryClock {
  readonly now: () => Date;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** One operation's retry settings and bookkeeping. */
export interface RetryLoopOptions {
  readonly policy: RetryPolicy;
  readonly clock: RetryClock;
  readonly stats: ClientStats;
  /** Which resource and call, for the final error. */
  readonly context: RequestContext;
  readonly signal?: AbortSignal;
  /**
   * Waited for before each attempt; resolves to the function told how that attempt ended: its
   * failure (a retryable answer or a final error), or undefined when it succeeded. Lets a caller
   * bound the requests in flight across many operations, retries included, and learn from each
   * answer (a service that throttles).
   */
  readonly admission?: () => Promise<(failure: Error | undefined) => void>;
}

/**
 * Runs one logical operation: `attempt(n, remainingMs)` until it is done, throws, or the policy
 * says stop (attempts used up, the operation's deadline reached, or the signal aborted), with
 * exponential backoff and full jitter between attempts, never less than a wait the service asked
 * for. No attempt outlives the operation's budget, so `maxElapsedMs` is a real deadline. The
 * error it ends with names the attempts made.
 */
export async function withRetries<T>(options: RetryLoopOptions, attempt: (n: number, remainingMs: number) => Promise<Attempt<T>>): Promise<T> {
  const { policy, clock, stats, context, signal } = options;
  stats.operations++;
  const started = clock.now().getTime();
  const elapsed = () => clock.now().getTime() - started;
  for (let n = 1; ; n++) {
    // Admitted first, so the time spent waiting comes out of this attempt's budget, not on top of it.
    const settle = await options.admission?.();
    stats.attempts++;
    let outcome: Attempt<T>;
    try {
      outcome = await attempt(n, Math.max(1, policy.maxElapsedMs - elapsed()));
    } catch (error) {
      settle?.(error instanceof Error ? error : new Error(String(error)));
      stats.failures++;
      throw finalError(error, context, n);
    }
    settle?.("retry" in outcome ? outcome.retry : undefined);
    if ("done" in outcome) return outcome.done;
    const wait = Math.max(outcome.waitMs ?? 0, backoffDelayMs(n, policy, clock.random));
    if (n >= policy.maxAttempts || elapsed() + wait >= policy.maxElapsedMs || signal?.aborted === true) {
      stats.failures++;
      throw finalError(outcome.retry, context, n);
    }
    stats.retries++;
    await clock.sleep(wait, signal);
  }
}

/**
 * What an operation throws once it stops: errors that describe one attempt become ones that name
 * the attempts made and what to do next; errors already final pass through unchanged.
 */
export function finalError(error: unknown, context: RequestContext, attempts: number): unknown {
  if (error instanceof NetworkFailure) return new TransportError(context, error.message, attempts, { cause: error });
  if (error instanceof ServiceError || error instanceof AcknowledgementError) return error.afterAttempts(attempts);
  if (error instanceof MalformedResponseError && error.attempts === undefined) {
    return MalformedResponseError.afterAttempts(context, error.message, attempts, error);
  }
  return error;
}

/** A sleep that ends early, without error, when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}
