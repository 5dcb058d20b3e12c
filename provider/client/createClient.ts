import { CredentialsByIdentity, type CredentialSettings } from "./credentialsByIdentity";
import { type ClientOptions, EncryptionClient } from "./EncryptionClient";
import { readSettings } from "./settings";

/** A client and the credential caches it signs with. */
export interface ConfiguredClient {
  readonly client: EncryptionClient;
  readonly credentials: CredentialsByIdentity;
}

/**
 * The one way this package builds a client, for the resource's lifecycle and the CLI alike:
 * credentials from the configuration's chain (config, environment, profiles, roles; one cache per
 * cloud and identity), deadlines and retries from the same configuration's settings (config, else
 * the environment). Throws, naming the key, when a setting is malformed; makes no request.
 */
export function createClient(settings: CredentialSettings, observe: Pick<ClientOptions, "admission"> = {}): ConfiguredClient {
  const requestSettings = readSettings(settings.config, settings.env);
  const credentials = new CredentialsByIdentity(settings);
  const client = new EncryptionClient({ credentials: (target) => credentials.get(target), timeouts: requestSettings.timeouts, retry: requestSettings.retry, ...observe });
  return { client, credentials };
}
