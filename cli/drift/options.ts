/** The formats `--format` accepts. */
export const FORMATS = ["table", "json", "junit"] as const;

/** What `--source` accepts: the program (a refresh preview) or the stacks' state. */
export const SOURCES = ["program", "state"] as const;

/** What `drift` was asked for on its command line. */
export interface DriftOptions {
  readonly source: (typeof SOURCES)[number];
  /** `--stack`, repeatable (several only with `--source state`). */
  readonly stack: readonly string[];
  /** `--all-stacks`: every stack of the project in its backend (state source only). */
  readonly allStacks: boolean;
  readonly cwd: string;
  /** Program source: the engine's parallelism (and the probes'). */
  readonly parallel?: number;
  /** State source: rule reads (and stack reads) in flight at once. */
  readonly concurrency?: number;
  readonly config: string[];
  readonly format?: (typeof FORMATS)[number];
  readonly output: string[];
  readonly color: boolean;
}

/** The default `--concurrency` of the state source. */
export const DEFAULT_STATE_CONCURRENCY = 16;

/**
 * Why the options cannot be run together, or undefined: several stacks and `--concurrency` need
 * the state source, `--parallel` the program source. Pure.
 */
export function optionsProblem(options: DriftOptions): string | undefined {
  if (options.allStacks && options.stack.length > 0) return "--all-stacks and --stack exclude each other";
  if (options.source === "program") {
    if (options.stack.length > 1) return "several --stack need --source state (the program source compares one stack)";
    if (options.allStacks) return "--all-stacks needs --source state (the program source compares one stack)";
    if (options.concurrency !== undefined) return "--concurrency applies to --source state; the program source takes --parallel";
  } else if (options.parallel !== undefined) {
    return "--parallel applies to --source program; the state source takes --concurrency";
  }
  return undefined;
}
