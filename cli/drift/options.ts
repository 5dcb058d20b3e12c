/** The formats `--format` accepts. */
export const FORMATS = ["table", "json", "junit"] as const;

/** What `drift` was asked for on its command line. */
export interface DriftOptions {
  readonly stack?: string;
  readonly cwd: string;
  readonly parallel?: number;
  readonly config: string[];
  readonly format?: (typeof FORMATS)[number];
  readonly output: string[];
  readonly color: boolean;
}
