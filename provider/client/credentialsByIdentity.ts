import { credentialSourceFor } from "../clouds/credentialSourceFor";
import { CredentialCache } from "../credentials/CredentialCache";
import { identityOf } from "../credentials/identity";
import type { ConfigLookup } from "../credentials/staticConventions";
import { realSurroundings, type Surroundings } from "../credentials/surroundings";
import type { Credentials, ResourceIdentity } from "../model/types";
import type { CredentialTarget } from "./EncryptionClient";

/** Where credentials are looked for: configuration, environment, and the files around. */
export interface CredentialSettings {
  /** Stack config, or an explicit provider's configuration. */
  readonly config: ConfigLookup;
  readonly env: NodeJS.ProcessEnv;
  /** Asked when a source is first chosen (tests give a fake home directory). */
  readonly surroundings?: () => Surroundings;
}

/**
 * One credential cache per cloud and identity, for the life of one configuration: every
 * operation that names the same identity (or none) shares it, so temporary credentials are
 * fetched once and renewed once, not once per resource. A source is chosen when first needed,
 * so a cloud that is never asked needs no credentials.
 */
export class CredentialsByIdentity {
  private readonly caches = new Map<string, CredentialCache>();

  constructor(private readonly settings: CredentialSettings) {}

  /** Valid credentials for `target`'s cloud and identity. */
  get(target: CredentialTarget): Promise<Credentials> {
    return this.cacheFor(target.cloud, identityOf(target)).get();
  }

  /** The cache of one identity of `cloud` (tests ask which source a configuration selects). */
  cacheFor(cloud: CredentialTarget["cloud"], identity: ResourceIdentity = {}): CredentialCache {
    const key = JSON.stringify([cloud, identity.profile, identity.roleArn, identity.roleSessionName, identity.externalId]);
    let cache = this.caches.get(key);
    if (cache === undefined) {
      const around = (this.settings.surroundings ?? realSurroundings)();
      cache = new CredentialCache(credentialSourceFor(cloud, this.settings.config, this.settings.env, around, identity));
      this.caches.set(key, cache);
    }
    return cache;
  }
}
