import { type ConfigLookup, createClient, type EncryptionClient } from "../../provider/internal";

/**
 * The resource's own client, configured as the provider is (see `createClient`): credentials
 * from the same chain (stack config through `config`, when given, then the environment, profiles
 * and roles), deadlines and retries from the same settings.
 */
export function environmentClient(env: NodeJS.ProcessEnv = process.env, config: ConfigLookup = () => undefined): EncryptionClient {
  return createClient({ config, env }).client;
}
