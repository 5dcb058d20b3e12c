/**
 * How much the client shares between the buckets of one regional endpoint over https:
 * - `coalesce` (default): TLS sessions, and connections where the certificate covers both names
 *   (a `421 Misdirected Request` sends that name back to connections of its own, for good);
 * - `sessions`: one connection pool per bucket name, but TLS sessions resume across names the
 *   certificate covers;
 * - `none`: one connection pool and one TLS session cache per bucket name.
 */
export type ConnectionReuse = "coalesce" | "sessions" | "none";

/** The environment variable that chooses the ConnectionReuse (for a proxy that mishandles sharing). */
export const CONNECTION_REUSE_ENV = "PULUMI_BUCKET_ENCRYPTION_CONNECTION_REUSE";

const MODES: readonly ConnectionReuse[] = ["coalesce", "sessions", "none"];

/**
 * The ConnectionReuse an environment asks for: unset or empty is `coalesce`; anything else that
 * is not a mode is refused, naming the variable, rather than silently ignored.
 */
export function connectionReuseFrom(env: Readonly<Record<string, string | undefined>>): ConnectionReuse {
  const value = (env[CONNECTION_REUSE_ENV] ?? "").trim().toLowerCase();
  if (value === "") return "coalesce";
  if ((MODES as readonly string[]).includes(value)) return value as ConnectionReuse;
  throw new Error(`${CONNECTION_REUSE_ENV} must be one of ${MODES.join(", ")} (got ${JSON.stringify(env[CONNECTION_REUSE_ENV])})`);
}
