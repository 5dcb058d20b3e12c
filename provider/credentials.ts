import { existsSync } from "node:fs";
import os from "node:os";
import { cloudModule } from "./clouds";
import type { Surroundings } from "./clouds/cloudModule";
import type { CredentialSource } from "./credentials/CredentialSource";
import type { ConfigLookup } from "./credentials/staticConventions";
import { CredentialsError } from "./errors/CredentialsError";
import type { Cloud, ResourceIdentity } from "./model";

export type { ConfigLookup } from "./credentials/staticConventions";
export type { Surroundings } from "./clouds/cloudModule";

/** The real file system and home directory (the one `@alicloud/credentials` reads too). */
export function realSurroundings(): Surroundings {
  return { fileExists: existsSync, homeDir: os.homedir() };
}

/**
 * The credential source for `cloud`, chosen by the precedence its module owns
 * (`clouds/<cloud>/credentials.ts`), from stack config, the environment and which profile files
 * exist, and the resource's own identity inputs (`profile`, `roleArn`, …), with no request (so `check` can call it at preview). Throws CredentialsError, naming the
 * key pairs to set, when nothing is configured, and CredentialConfigError when a configured
 * source is malformed.
 */
export function credentialSourceFor(
  cloud: Cloud,
  config: ConfigLookup,
  env: NodeJS.ProcessEnv,
  around: Surroundings = realSurroundings(),
  identity: ResourceIdentity = {},
): CredentialSource {
  const module = cloudModule(cloud);
  const source = module.credentials(config, env, around, identity);
  if (source !== undefined) return source;
  const conventions = module.credentialConventions;
  const primaryEnv = conventions.environment[0];
  throw new CredentialsError(cloud, [conventions.config.id, conventions.config.secret], primaryEnv !== undefined ? [primaryEnv.id, primaryEnv.secret] : []);
}
