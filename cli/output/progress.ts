/**
 * Progress lines for long runs, on a stream of their own (stderr) so they never mix with a report
 * on stdout. On a TTY the line is rewritten in place; elsewhere (CI logs) a line is written at
 * most every `intervalMs`.
 */
export class Progress {
  private lastWrite = 0;
  private lastText = "";

  constructor(
    private readonly stream: { write(text: string): unknown; readonly isTTY?: boolean },
    private readonly intervalMs = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reports the current state; written only when the interval has passed (on a TTY, at most every
   * 100 ms) and it changed. `describe` is called only then, so a caller may pass costly text.
   */
  update(describe: () => string): void {
    const now = this.now();
    if (now - this.lastWrite < (this.stream.isTTY === true ? 100 : this.intervalMs)) return;
    const text = describe();
    if (text === this.lastText) return;
    this.lastText = text;
    this.lastWrite = now;
    this.stream.write(this.stream.isTTY === true ? `\r\x1b[2K${text}` : `${text}\n`);
  }

  /** A line that is always written (start, end). */
  line(text: string): void {
    this.stream.write(this.stream.isTTY === true && this.lastText !== "" ? `\r\x1b[2K${text}\n` : `${text}\n`);
    this.lastText = "";
  }
}
