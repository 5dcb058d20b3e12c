/** Told how one admitted request ended: whether the service throttled it (429, SlowDown, …). */
export type Settle = (throttled: boolean) => void;

/** How long a place stays taken after a request throttled at one in flight: the first pause, doubled while throttling goes on, up to the most. */
export interface FloorPause {
  readonly firstMs: number;
  readonly maxMs: number;
}

/** 100 ms, as long as a throttled answer and a retry's first backoff take; at most 2 s. */
export const DEFAULT_FLOOR_PAUSE: FloorPause = { firstMs: 100, maxMs: 2_000 };

/**
 * How many requests may be in flight at once (and tasks started), lowered while a service
 * throttles and raised again while it does not: additive increase, multiplicative decrease, as
 * TCP and the clouds' SDKs' adaptive retry modes do. Every request, retries included, waits in
 * `admit` for room under the limit, and is told back whether it was throttled:
 *
 * - a throttled request halves the limit, unless it was sent before the last halving (that
 *   halving already answered its episode, as TCP reacts once per window);
 * - after as many unthrottled requests in a row as the limit allows, it grows by one, at most
 *   once per `calmMs` after any change, so it probes for room slowly and backs off at once.
 */
export class AdaptiveLimit {
  private value: number;
  private lowest: number;
  /** Counts the halvings: a request remembers the one it was admitted under. */
  private epoch = 0;
  private lastChange = Number.NEGATIVE_INFINITY;
  private successes = 0;
  private floorPauseMs = 0;
  private admitted = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    /** The most requests at once, and where the limit starts. */
    readonly max: number,
    private readonly now: () => number = Date.now,
    private readonly calmMs = 1_000,
    private readonly floorPause: FloorPause = DEFAULT_FLOOR_PAUSE,
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

  /** Requests admitted and not yet settled. */
  get inFlight(): number {
    return this.admitted;
  }

  /**
   * Waits until fewer requests than the limit are in flight (first come, first served), then
   * counts one more; resolves to the function that settles it. A retry waits here too, so a
   * lower limit slows the requests of tasks already running, not only the start of new ones.
   */
  admit(): Promise<Settle> {
    return new Promise((resolve) => {
      const enter = () => {
        this.admitted++;
        const epoch = this.epoch;
        let settled = false;
        resolve((throttled) => {
          if (settled) return;
          settled = true;
          const pause = throttled ? this.backOff(epoch) : this.grow();
          const leave = () => {
            this.admitted--;
            this.wake();
          };
          if (pause > 0) setTimeout(leave, pause);
          else leave();
        });
      };
      if (this.waiting.length === 0 && this.admitted < this.value) enter();
      else this.waiting.push(enter);
    });
  }

  // Returns how long the throttled request's place stays taken: at one request in flight the
  // limit cannot halve, so the pace slows instead (a rate-limited service throttles even one).
  private backOff(admittedIn: number): number {
    this.successes = 0;
    if (this.value === 1) {
      this.floorPauseMs = Math.min(this.floorPause.maxMs, this.floorPauseMs === 0 ? this.floorPause.firstMs : this.floorPauseMs * 2);
      return this.floorPauseMs;
    }
    if (admittedIn !== this.epoch) return 0;
    this.epoch++;
    this.lastChange = this.now();
    this.value = Math.max(1, Math.floor(this.value / 2));
    this.lowest = Math.min(this.lowest, this.value);
    return 0;
  }

  private grow(): number {
    if (this.floorPauseMs > 0) {
      // The pace at the floor recovers as it slowed, by halves, holding each success's place.
      const pause = this.floorPauseMs;
      this.floorPauseMs = pause > this.floorPause.firstMs ? Math.floor(pause / 2) : 0;
      return pause;
    }
    if (this.value >= this.max) return 0;
    this.successes++;
    const at = this.now();
    if (this.successes < this.value || at - this.lastChange < this.calmMs) return 0;
    this.successes = 0;
    this.lastChange = at;
    this.value++;
    return 0;
  }

  private wake(): void {
    while (this.waiting.length > 0 && this.admitted < this.value) this.waiting.shift()?.();
  }
}
