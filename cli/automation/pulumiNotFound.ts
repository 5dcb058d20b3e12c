/** Where the Pulumi CLI's install instructions are. */
export const PULUMI_INSTALL_URL = "https://www.pulumi.com/docs/install/";

/**
 * The Pulumi CLI is not on PATH: the Automation API's own error for that is five lines around
 * `code: -2` and a spawn ENOENT. This says it in one, with what to do.
 */
export class PulumiNotFoundError extends Error {
  override readonly name = "PulumiNotFoundError";

  constructor(options?: { readonly cause?: unknown }) {
    super(`the Pulumi CLI was not found on PATH; install it (${PULUMI_INSTALL_URL}) or put it on PATH`, options);
  }
}

/**
 * Whether an Automation API failure is the `pulumi` executable missing: the SDK wraps the
 * spawn's error (code ENOENT) in a CommandError's `commandResult.err`.
 */
export function isPulumiMissing(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const result = (error as { commandResult?: { err?: { code?: unknown } } }).commandResult;
  return result?.err?.code === "ENOENT";
}
