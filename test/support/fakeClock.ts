/**
 * A clock that moves only when the code under test sleeps: a whole retry schedule (backoff,
 * Retry-After, the operation's deadline) runs at once, and every wait is recorded.
 */
export class FakeClock {
  /** Every wait asked for, in order, in ms. */
  readonly sleeps: number[] = [];
  private nowMs: number;

  constructor(start = Date.parse("2026-11-25T06:00:00Z")) {
    this.nowMs = start;
  }

  /** The injected `now`. */
  readonly now = (): Date => new Date(this.nowMs);

  /** The injected `sleep`: returns at once, having moved the clock by `ms`. */
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.nowMs += ms;
    return Promise.resolve();
  };
}
