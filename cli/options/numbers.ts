import { InvalidArgumentError } from "commander";

/**
 * A commander option parser for a whole number in [min, max]: commander reports a refusal as
 * `error: option '--concurrency <n>' argument '0' is invalid. <reason>` and exits 1, before the
 * command runs.
 */
export function wholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `It must be a whole number of ${min} or more.` : `It must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Collects a repeatable option's values, in order. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}
