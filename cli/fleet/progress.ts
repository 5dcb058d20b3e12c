/** Where progress goes: stderr, so stdout stays machine-readable. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** A counter shown while work runs. */
export interface Progress {
  /** Sets the total (it may grow while buckets are listed). */
  setTotal(total: number): void;
  /** Counts one more item done. */
  tick(): void;
  /** Ends the display. */
  done(): void;
}

const BAR_WIDTH = 30;
const PLAIN_STEPS = 10;

/**
 * A one-line bar redrawn in place on a terminal; elsewhere (CI logs), a line at each tenth of the
 * work, so a log shows progress without thousands of lines. Written by hand: a redrawn line and
 * a counter are all this needs, not a dependency.
 */
export function createProgress(label: string, stream: ProgressStream = process.stderr): Progress {
  let total = 0;
  let count = 0;
  let lastStep = -1;
  const draw = () => {
    if (stream.isTTY === true) {
      const ratio = total > 0 ? Math.min(1, count / total) : 0;
      const filled = Math.round(ratio * BAR_WIDTH);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${count}/${total}`);
      return;
    }
    const step = total > 0 ? Math.floor((count / total) * PLAIN_STEPS) : 0;
    if (step !== lastStep) {
      lastStep = step;
      stream.write(`${label}: ${count}/${total}\n`);
    }
  };
  return {
    setTotal(value) {
      total = value;
      draw();
    },
    tick() {
      count++;
      draw();
    },
    done() {
      if (stream.isTTY === true) stream.write("\n");
      else if (count !== 0 && lastStep !== PLAIN_STEPS) stream.write(`${label}: ${count}/${total}\n`);
    },
  };
}
