/**
 * The longest delay Node's timers hold (2^31-1 ms, about 24.8 days): a longer one fires after
 * 1 ms instead, so a larger timeout would silently become none.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Why `ms` cannot be a timer's delay, naming `name`, or undefined when it can. */
export function timerDelayProblem(name: string, ms: number): string | undefined {
  if (!Number.isInteger(ms) || ms <= 0) return `${name} must be a positive whole number of ms, not ${ms}`;
  if (ms > MAX_TIMER_MS) return `${name} must be at most ${MAX_TIMER_MS} ms (the longest delay Node's timers can hold), not ${ms}`;
  return undefined;
}
