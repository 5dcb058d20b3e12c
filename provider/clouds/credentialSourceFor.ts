import type { CredentialSource } from "../credentials/CredentialSource";
import type { ConfigLookup } from "../credentials/staticConventions";
import { realSurroundings, type Surroundings } from "../credentials/surroundings";
import { CredentialsError } from "../errors/CredentialsError";
import type { Cloud, ResourceIdentity } from "../model/types";
import { cloudModule } from "./index";

/**
 * The credential source for `cloud`, chosen by the precedence its module owns
 * (`clouds/<cloud>/credentials`), from stack config (or an explicit provider's inputs), the
 * environment, which profile files exist, and the resource's own identity inputs (`profile`,
 * `roleArn`, …), with no request (so `check` can call it at preview). Throws CredentialsError,
 * naming the key pairs to set, when nothing is configured, and CredentialConfigError when a
 * configured source is malformed.
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
