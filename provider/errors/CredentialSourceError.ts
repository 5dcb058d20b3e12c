import { describeSourceFailure } from "./sourceFailure";

/**
 * A configured credential source failed (an STS refusal, a missing profile, an unreadable token
 * file). The message names the source and why, in the service's words when it gave any (code,
 * message, request id), and never carries a secret: the underlying text is reduced to those
 * fields first.
 */
export class CredentialSourceError extends Error {
  override readonly name = "CredentialSourceError";
  /** The source that failed, by name (`stack config alicloud:assumeRoleWithOidc`). */
  readonly source: string;

  constructor(source: string, cause: unknown) {
    super(
      `credentials from ${source} failed: ${describeSourceFailure(cause)}. ` +
        `Next: fix ${source} (no other identity is tried, so that a broken source never signs as someone else)`,
    );
    this.source = source;
  }
}
