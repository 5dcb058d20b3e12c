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

  /** Reports the current state; written only when it changed and the interval has passed. */
  update(text: string): void {
    if (text === this.lastText) return;
    const now = this.now();
    if (this.stream.isTTY !== true && now - this.lastWrite < this.intervalMs) return;
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
