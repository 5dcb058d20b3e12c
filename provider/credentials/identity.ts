import type { ResourceIdentity } from "../model/types";

/** The identity inputs a resource may name: addresses of an identity, never secrets. */
export const IDENTITY_PROPERTIES = ["profile", "roleArn", "roleSessionName", "externalId"] as const satisfies ReadonlyArray<keyof ResourceIdentity>;

/**
 * The identity named in `props` (a state, a location, stored outputs): each identity input that
 * is a non-empty string, and nothing else. One resource, one identity, whoever asks.
 */
export function identityOf(props: Readonly<Record<string, unknown>> | ResourceIdentity): ResourceIdentity {
  const values = props as Readonly<Record<string, unknown>>;
  return Object.fromEntries(IDENTITY_PROPERTIES.flatMap((p) => (typeof values[p] === "string" && values[p] !== "" ? [[p, values[p]]] : [])));
}
