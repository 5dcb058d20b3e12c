import { type CredentialTarget, EncryptionClient } from "../../provider/client/EncryptionClient";
import { type ConfigLookup, credentialSourceFor } from "../../provider/credentials";
import { CredentialCache } from "../../provider/credentials/CredentialCache";
import { identityOf } from "../../provider/credentials/identity";
import { readSettings } from "../../provider/lifecycle/settings";

/**
 * The resource's own client, configured as the provider is: credentials from the same chain
 * (stack config through `config`, when given, then the environment, profiles and roles), deadlines
 * and retries from the same settings. Credentials are resolved when first needed, once per
 * identity, so a cloud that is never asked needs none.
 */
export function environmentClient(env: NodeJS.ProcessEnv = process.env, config: ConfigLookup = () => undefined): EncryptionClient {
  const settings = readSettings(config, env);
  const caches = new Map<string, CredentialCache>();
  const cacheFor = (target: CredentialTarget): CredentialCache => {
    const identity = identityOf(target);
    const key = JSON.stringify([target.cloud, identity]);
    let cache = caches.get(key);
    if (cache === undefined) {
      cache = new CredentialCache(credentialSourceFor(target.cloud, config, env, undefined, identity));
      caches.set(key, cache);
    }
    return cache;
  };
  return new EncryptionClient({
    credentials: (target) => cacheFor(target).get(),
    timeouts: settings.timeouts,
    retry: settings.retry,
  });
}
