/**
 * The exit codes every command of this CLI uses, so a pipeline can tell a finding from a failure.
 * A finding (drift, a bucket without a rule) and an error are never folded into one code.
 */
export const EXIT = {
  /** Everything checked and nothing found. */
  ok: 0,
  /** The command could not do its work: credentials, network, program or usage. */
  error: 1,
  /** The command did its work and found something: drift, a bucket without the rule. */
  finding: 2,
} as const;

/** One of the codes in `EXIT`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
