/**
 * How many tasks may run at once, lowered while a service throttles and raised again while it
 * does not: additive increase, multiplicative decrease, as TCP and the clouds' SDKs' adaptive
 * retry modes do. The limit halves at most once per `calmMs` (one throttling episode answers
 * several requests at once) and grows by one after as many successes in a row as it allows.
 */
export class AdaptiveLimit {
  private value: number;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private successes = 0;
  private lowest: number;

  constructor(
    /** The most tasks at once, and where the limit starts. */
    readonly max: number,
    private readonly now: () => number = Date.now,
    private readonly calmMs = 1_000,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a whole number of at least 1, not ${max}`);
    this.value = max;
    this.lowest = max;
  }

  /** The limit now. */
  get current(): number {
    return this.value;
  }

  /** The lowest the limit went (for a report). */
  get lowestReached(): number {
    return this.lowest;
  }

  /** A request was throttled (429, SlowDown, …): halve the limit, unless it was just halved. */
  throttled(): void {
    const at = this.now();
    this.successes = 0;
    if (at - this.lastDecrease < this.calmMs) return;
    this.lastDecrease = at;
    this.value = Math.max(1, Math.floor(this.value / 2));
    this.lowest = Math.min(this.lowest, this.value);
  }

  /** A task finished without being throttled: after `current` of them in a row, allow one more. */
  succeeded(): void {
    if (this.value >= this.max) return;
    this.successes++;
    if (this.successes >= this.value) {
      this.successes = 0;
      this.value++;
    }
  }
}
