import { CredentialSourceError } from "../errors/CredentialSourceError";
import type { CredentialSource, IssuedCredentials } from "./CredentialSource";
import { renewAt } from "./renewalPolicy";

/**
 * One source's credentials, shared by every concurrent operation: the first caller fetches,
 * callers arriving meanwhile wait for that same fetch (no stampede on STS), and temporary
 * credentials are renewed before they expire (see renewalPolicy). A failed fetch is not cached:
 * the next caller tries again. A failed renewal while the current credentials are still valid
 * keeps them, so a brief STS outage does not fail operations.
 */
export class CredentialCache {
  private current: { readonly credentials: IssuedCredentials; readonly renewAt: number } | undefined;
  private inFlight: Promise<IssuedCredentials> | undefined;

  constructor(
    private readonly source: CredentialSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** The source's name (never a value). */
  get sourceName(): string {
    return this.source.name;
  }

  /** Valid credentials, fetched or renewed when needed. Throws CredentialSourceError naming the source. */
  async get(): Promise<IssuedCredentials> {
    const now = this.now();
    const current = this.current;
    if (current !== undefined && now < current.renewAt) return current.credentials;
    const renewal = this.inFlight ?? this.startFetch();
    try {
      return await renewal;
    } catch (error) {
      const stillValid = current?.credentials.expiresAt !== undefined && this.now() < current.credentials.expiresAt;
      if (current !== undefined && stillValid) return current.credentials;
      throw error;
    }
  }

  private startFetch(): Promise<IssuedCredentials> {
    const fetchedAt = this.now();
    // Through a promise even when fetch throws at once, so every failure is named the same way.
    const fetching = Promise.resolve()
      .then(() => this.source.fetch())
      .then((credentials) => {
        this.current = { credentials, renewAt: renewAt(fetchedAt, credentials.expiresAt, credentials.recheckAt) };
        return credentials;
      })
      .catch((error: unknown) => {
        throw error instanceof CredentialSourceError ? error : new CredentialSourceError(this.source.name, error);
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    this.inFlight = fetching;
    return fetching;
  }
}
