/** Where progress goes: stderr, so stdout stays machine-readable. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** A count of work done out of a total that may grow (buckets are listed while they are read). */
export interface ProgressCounter {
  setTotal(total: number): void;
  tick(): void;
  /** Ends the count with its final figure. */
  done(): void;
}

/**
 * The one progress display of the CLI, on a stream of its own (stderr) so it never mixes with a
 * report on stdout. On a terminal the current line is redrawn in place (at most every 100 ms);
 * elsewhere (CI logs) a line is written at most every `intervalMs`, so a log shows progress
 * without thousands of lines. Written by hand: a redrawn line is all this needs.
 */
export class ProgressDisplay {
  private lastWrite = Number.NEGATIVE_INFINITY;
  private lastText = "";
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly intervalMs = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reports the current state; written only when the interval has passed and it changed.
   * `describe` is called only then, so a caller may pass costly text.
   */
  update(describe: () => string, force = false): void {
    const now = this.now();
    if (!force && now - this.lastWrite < (this.stream.isTTY === true ? 100 : this.intervalMs)) return;
    const text = describe();
    if (text === this.lastText) return;
    this.lastText = text;
    this.lastWrite = now;
    this.drawn = this.stream.isTTY === true;
    this.stream.write(this.stream.isTTY === true ? `\r\x1b[2K${text}` : `${text}\n`);
  }

  /** A line that is always written (start, end), replacing a line drawn in place. */
  line(text: string): void {
    this.stream.write(this.drawn ? `\r\x1b[2K${text}\n` : `${text}\n`);
    this.drawn = false;
    this.lastText = "";
  }

  /** A counter shown as `label: done/total` through this display; `done` writes the final figure. */
  counter(label: string): ProgressCounter {
    let total = 0;
    let count = 0;
    const text = () => `${label}: ${count}/${total}`;
    return {
      setTotal: (value) => {
        total = value;
        this.update(text);
      },
      tick: () => {
        count++;
        this.update(text);
      },
      done: () => {
        if (count > 0 || total > 0) this.line(text());
      },
    };
  }
}
