import type { Credentials } from "../model/types";

/** The names of one convention's access key id, secret and (optional) security token. */
export interface CredentialConvention {
  readonly id: string;
  readonly secret: string;
  readonly token?: string;
}

/**
 * Reads one configuration value by its namespaced key (`alicloud:accessKey`); undefined when
 * unset. Objects come as JSON text. `describe`, when present, says where a key's value comes from
 * for messages (an explicit provider's input rather than stack config); without it, keys are
 * described as stack config.
 */
export type ConfigLookup = ((key: string) => string | undefined) & { readonly describe?: (key: string) => string };

/** Where `key`'s value comes from, in words for messages: `stack config alicloud:profile`, or what `config` says. */
export function configKeyName(config: ConfigLookup, key: string): string {
  return config.describe?.(key) ?? `stack config ${key}`;
}

/**
 * A complete key pair under one convention (an id and its secret never come from two
 * conventions), with the source named after the id's key (`name(id key)`); undefined when
 * incomplete.
 */
export function fromConvention(lookup: (key: string) => string | undefined, names: CredentialConvention, name: (key: string) => string): Credentials | undefined {
  const id = lookup(names.id);
  const secret = lookup(names.secret);
  if (id === undefined || id === "" || secret === undefined || secret === "") return undefined;
  const token = names.token !== undefined ? lookup(names.token) : undefined;
  return {
    accessKeyId: id,
    secretAccessKey: secret,
    ...(token !== undefined && token !== "" ? { securityToken: token } : {}),
    source: name(names.id),
  };
}

/** The key pair configured under `names` in `config`, named as `config` describes its keys. */
export function fromConfig(config: ConfigLookup, names: CredentialConvention): Credentials | undefined {
  return fromConvention(config, names, (key) => configKeyName(config, key));
}

/** The first complete convention of the environment, in the order given. */
export function fromEnvironment(env: NodeJS.ProcessEnv, conventions: readonly CredentialConvention[]): Credentials | undefined {
  return conventions.map((names) => fromConvention((k) => env[k], names, (key) => `environment ${key}`)).find((c) => c !== undefined);
}
