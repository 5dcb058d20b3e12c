import { cloudModule } from "./clouds";
import type { CredentialConvention } from "./clouds/cloudModule";
import { CredentialsError } from "./errors/CredentialsError";
import type { Cloud, Credentials } from "./model";

/** Reads one stack-config value by its namespaced key (`alicloud:accessKey`); undefined when unset. */
export type ConfigLookup = (key: string) => string | undefined;

function fromConvention(lookup: ConfigLookup, names: CredentialConvention, origin: string): Credentials | undefined {
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

/**
 * The credentials for `cloud`: the stack config keys its module names first, then its
 * environment conventions in order. An id and its secret always come from the same convention,
 * never one from each. Throws CredentialsError, naming both ways to provide them, when none is
 * complete.
 */
export function resolveCredentials(cloud: Cloud, config: ConfigLookup, env: NodeJS.ProcessEnv): Credentials {
  const conventions = cloudModule(cloud).credentialConventions;
  const found =
    fromConvention(config, conventions.config, "stack config") ??
    conventions.environment.map((names) => fromConvention((k) => env[k], names, "environment")).find((c) => c !== undefined);
  if (found !== undefined) return found;
  const primaryEnv = conventions.environment[0];
  throw new CredentialsError(
    cloud,
    [conventions.config.id, conventions.config.secret],
    primaryEnv !== undefined ? [primaryEnv.id, primaryEnv.secret] : [],
  );
}
