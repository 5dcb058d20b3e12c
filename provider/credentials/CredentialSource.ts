import type { Credentials } from "../model/types";

/** Credentials as a source hands them out: temporary ones carry the time they stop working. */
export interface IssuedCredentials extends Credentials {
  /** Milliseconds since the epoch when the service stops accepting them; absent for long-lived keys. */
  readonly expiresAt?: number;
  /**
   * For a source that keeps its own cache and hides the expiry (a profile): when to ask it again.
   */
  readonly recheckAt?: number;
}

/**
 * One configured place credentials come from (stack config, a profile, an OIDC exchange, the
 * instance role, …). `fetch` may make a request (STS, metadata service); `name` names the source
 * (config keys, variable names, profile names), never a value.
 */
export interface CredentialSource {
  readonly name: string;
  fetch(): Promise<IssuedCredentials>;
}
