import { EncryptionClient } from "../../provider/client/EncryptionClient";
import { resolveCredentials } from "../../provider/credentials";
import { readSettings } from "../../provider/lifecycle/settings";

/**
 * The resource's own client, configured as the provider is when a stack sets nothing: credentials
 * from the environment conventions, deadlines and retries from `PULUMI_BUCKET_ENCRYPTION_*`.
 * Credentials are resolved per request, so a cloud that is never asked needs none.
 */
export function environmentClient(env: NodeJS.ProcessEnv = process.env): EncryptionClient {
  const none = (): undefined => undefined;
  const settings = readSettings(none, env);
  return new EncryptionClient({
    credentials: (cloud) => resolveCredentials(cloud, none, env),
    timeouts: settings.timeouts,
    retry: settings.retry,
  });
}
