/**
 * When temporary credentials should be renewed: before they expire by a margin that covers the
 * longest operation and clock drift, but never so early that short-lived credentials are renewed
 * on every request. The margin is a third of the lifetime, capped at five minutes; long-lived
 * keys (no expiry) are never renewed, unless their source asks to be consulted again (`recheckAt`).
 */
export const MAX_RENEWAL_MARGIN_MS = 5 * 60 * 1000;

/** The time (ms since the epoch) from which credentials fetched at `fetchedAt` should be renewed. */
export function renewAt(fetchedAt: number, expiresAt: number | undefined, recheckAt?: number): number {
  const recheck = recheckAt ?? Number.POSITIVE_INFINITY;
  if (expiresAt === undefined) return recheck;
  const lifetime = Math.max(0, expiresAt - fetchedAt);
  return Math.min(recheck, expiresAt - Math.min(MAX_RENEWAL_MARGIN_MS, lifetime / 3));
}
