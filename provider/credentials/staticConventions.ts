import type { CredentialConvention } from "../clouds/cloudModule";
import type { Credentials } from "../model";

/** Reads one stack-config value by its namespaced key (`alicloud:accessKey`); undefined when unset. */
export type ConfigLookup = (key: string) => string | undefined;


/**
 * A complete key pair under one convention (an id and its secret never come from two
 * conventions), with the source named as `<origin> <id name>`; undefined when incomplete.
 */
export function fromConvention(lookup: ConfigLookup, names: CredentialConvention, origin: string): Credentials | undefined {
  const id = lookup(names.id);
  const secret = lookup(names.secret);
  if (id === undefined || id === "" || secret === undefined || secret === "") return undefined;
  const token = names.token !== undefined ? lookup(names.token) : undefined;
  return {
    accessKeyId: id,
    secretAccessKey: secret,
    ...(token !== undefined && token !== "" ? { securityToken: token } : {}),
    source: `${origin} ${names.id}`,
  };
}

/** The first complete convention of the environment, in the order given. */
export function fromEnvironment(env: NodeJS.ProcessEnv, conventions: readonly CredentialConvention[]): Credentials | undefined {
  return conventions.map((names) => fromConvention((k) => env[k], names, "environment")).find((c) => c !== undefined);
}
