import type { Credentials } from "../model";

/** Reads one stack-config value by its namespaced key (`alicloud:accessKey`); undefined when unset. */
export type ConfigLookup = (key: string) => string | undefined;

/** The names of one convention's access key id, secret and (optional) security token. */
export interface KeyConvention {
  readonly id: string;
  readonly secret: string;
  readonly token?: string;
}

/**
 * A complete key pair under one convention (an id and its secret never come from two
 * conventions), with the source named as `<origin> <id name>`; undefined when incomplete.
 */
export function fromConvention(lookup: ConfigLookup, names: KeyConvention, origin: string): Credentials | undefined {
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
export function fromEnvironment(env: NodeJS.ProcessEnv, conventions: readonly KeyConvention[]): Credentials | undefined {
  return conventions.map((names) => fromConvention((k) => env[k], names, "environment")).find((c) => c !== undefined);
}
